/**
 * The ledger's columns: Chinese header, width, cell kind and how each value is taken from an order,
 * and the two presets. 平台格式 uses exactly the platform export's headers (the import's alias table
 * knows them all), so an export re-imports with no change; 区考核台账 adds callbacks and each order's
 * part in the 三率.
 */
import {
  APPEAL_TYPE,
  CALLBACK_RESOLUTION,
  ORDER_STATUS,
  REPLY_RESULT,
  SATISFACTION,
  SOURCE,
  TIER,
  type OrderStatus,
} from '../../../preload/contract/enums.js';
import { EXPORT_COLUMN, type ExportColumn, type ExportPreset } from '../../../preload/contract/ledgerLabels.js';
// compute.js directly: the deadlines index also loads the tier schemas (zod), which an export does not need.
import { deadlineBand } from '../deadlines/compute.js';
import { isConfidential, maskName, maskPhone } from '../privacy.js';
import type { LedgerRow } from './query.js';

function fullPersonal(r: LedgerRow, env: ValueEnv): boolean {
  return env.withPhones && !isConfidential(r.citizen_name, r.citizen_phone);
}

export type CellKind = 'text' | 'datetime' | 'score';
export type CellValue = string | number | null;

export interface ColumnDef {
  key: ExportColumn;
  header: string;
  /** Excel column width in characters. */
  width: number;
  kind: CellKind;
  value(row: LedgerRow, env: ValueEnv): CellValue;
}

/** An order's part in the 三率 by its latest callback, or null when that callback does not count. */
export interface Scores {
  response: number;
  resolution: number;
  satisfaction: number;
}

export interface ValueEnv {
  withPhones: boolean;
  now: number;
  /** Scores by the assessment formula in force on the callback's day (export/scores.ts); null when no score column is asked for. */
  score: ((row: LedgerRow) => Scores | null) | null;
}

const yesNo = (v: number | null) => (v === null ? null : v ? '是' : '否');
const label = <T extends string>(map: Record<T, string>, v: string | null) => (v === null ? null : (map[v as T] ?? v));
const level = (path: string, i: number) => path.split('/')[i] ?? null;

const score = (r: LedgerRow, env: ValueEnv, part: keyof Scores) => env.score?.(r)?.[part] ?? null;

function def(key: ExportColumn, width: number, kind: CellKind, value: ColumnDef['value']): ColumnDef {
  return { key, header: EXPORT_COLUMN.label[key], width, kind, value };
}

export const COLUMNS: Record<ExportColumn, ColumnDef> = {
  orderNo: def('orderNo', 18, 'text', (r) => r.order_no),
  receivedAt: def('receivedAt', 20, 'datetime', (r) => r.received_at),
  dispatchedAt: def('dispatchedAt', 20, 'datetime', (r) => r.dispatched_at),
  source: def('source', 12, 'text', (r) => label(SOURCE.label, r.source)),
  // Personal data is masked unless the export asks for it (a right checked in main/auth/permissions.ts);
  // a 保密 order's citizen stays masked even then.
  citizenName: def('citizenName', 10, 'text', (r, env) => (r.citizen_name === null ? null : fullPersonal(r, env) ? r.citizen_name : maskName(r.citizen_name))),
  citizenPhone: def('citizenPhone', 15, 'text', (r, env) => (fullPersonal(r, env) ? r.citizen_phone : maskPhone(r.citizen_phone))),
  appealType: def('appealType', 10, 'text', (r) => label(APPEAL_TYPE.label, r.appeal_type)),
  category: def('category', 30, 'text', (r) => r.category || null),
  category1: def('category1', 12, 'text', (r) => (r.category ? level(r.category, 0) : null)),
  category2: def('category2', 12, 'text', (r) => (r.category ? level(r.category, 1) : null)),
  category3: def('category3', 16, 'text', (r) => (r.category ? level(r.category, 2) : null)),
  content: def('content', 50, 'text', (r) => r.content || null),
  address: def('address', 30, 'text', (r) => r.address || null),
  residentialArea: def('residentialArea', 14, 'text', (r) => r.residential_area),
  community: def('community', 14, 'text', (r) => r.community_name),
  leadUnit: def('leadUnit', 16, 'text', (r) => r.lead_unit),
  assistUnits: def('assistUnits', 20, 'text', (r) => r.assist_units),
  tier: def('tier', 10, 'text', (r) => label(TIER.label, r.tier)),
  firstContactDueAt: def('firstContactDueAt', 20, 'datetime', (r) => r.first_contact_due_at),
  firstContactAt: def('firstContactAt', 20, 'datetime', (r) => r.first_contact_at),
  handleDueAt: def('handleDueAt', 20, 'datetime', (r) => r.handle_due_at),
  // The platform's own wording when we have it, so a re-import sees no status change.
  platformStatus: def('platformStatus', 12, 'text', (r) => r.platform_status ?? ORDER_STATUS.label[r.status as OrderStatus] ?? r.status),
  status: def('status', 12, 'text', (r) => label(ORDER_STATUS.label, r.status)),
  overdue: def('overdue', 10, 'text', (r, env) => {
    const band = deadlineBand(r.handle_due_at, env.now, r.replied_at);
    return band === 'overdue' || band === 'late' ? '是' : '否';
  }),
  repliedAt: def('repliedAt', 20, 'datetime', (r) => r.replied_at),
  replyResult: def('replyResult', 10, 'text', (r) => label(REPLY_RESULT.label, r.reply_result)),
  replyText: def('replyText', 40, 'text', (r) => r.reply_text),
  callbackAt: def('callbackAt', 20, 'datetime', (r) => r.cb_at),
  callbackValid: def('callbackValid', 12, 'text', (r) => yesNo(r.cb_valid)),
  callbackContacted: def('callbackContacted', 10, 'text', (r) => yesNo(r.cb_contacted)),
  callbackResolved: def('callbackResolved', 10, 'text', (r) =>
    r.cb_resolution === null ? null : r.cb_resolution === 'resolved' ? '是' : r.cb_resolution === 'unresolved' ? '否' : label(CALLBACK_RESOLUTION.label, r.cb_resolution),
  ),
  callbackSatisfaction: def('callbackSatisfaction', 10, 'text', (r) => label(SATISFACTION.label, r.cb_satisfaction)),
  assessed: def('assessed', 12, 'text', (r, env) => (r.cb_at === null || !env.score ? null : env.score(r) ? '是' : '否')),
  responseScore: def('responseScore', 10, 'score', (r, env) => score(r, env, 'response')),
  resolutionScore: def('resolutionScore', 10, 'score', (r, env) => score(r, env, 'resolution')),
  satisfactionScore: def('satisfactionScore', 10, 'score', (r, env) => score(r, env, 'satisfaction')),
};

export const PRESET_COLUMNS: Record<ExportPreset, ExportColumn[]> = {
  platform: [
    'orderNo', 'receivedAt', 'dispatchedAt', 'citizenName', 'citizenPhone', 'appealType', 'category1', 'category2', 'category3', 'content',
    'address', 'community', 'leadUnit', 'handleDueAt', 'platformStatus', 'callbackAt', 'callbackValid', 'callbackContacted',
    'callbackResolved', 'callbackSatisfaction',
  ],
  district: [
    'orderNo', 'receivedAt', 'appealType', 'category', 'content', 'address', 'community', 'leadUnit', 'handleDueAt', 'status', 'overdue',
    'repliedAt', 'callbackAt', 'callbackValid', 'callbackContacted', 'callbackResolved', 'callbackSatisfaction', 'assessed', 'responseScore',
    'resolutionScore', 'satisfactionScore',
  ],
};

/** The 三率 over the exported rows, for the ledger's closing line. */
export class RatesTally {
  assessed = 0;
  private response = 0;
  private resolution = 0;
  private satisfaction = 0;
  add(scores: Scores | null): void {
    if (!scores) return;
    this.assessed++;
    this.response += scores.response;
    this.resolution += scores.resolution;
    this.satisfaction += scores.satisfaction;
  }
  rate(key: ExportColumn): number | null {
    if (this.assessed === 0) return null;
    if (key === 'responseScore') return this.response / this.assessed;
    if (key === 'resolutionScore') return this.resolution / this.assessed;
    if (key === 'satisfactionScore') return this.satisfaction / this.assessed;
    return null;
  }
}

export const RATE_LABEL: Partial<Record<ExportColumn, string>> = { responseScore: '响应率', resolutionScore: '解决率', satisfactionScore: '满意率' };
