/**
 * What importing one row would do to the database: create the order, change it (and what changed
 * upstream: status, deadline, callback, other platform fields), or nothing. The preview tallies these;
 * the commit applies them — the same function decides both, so the commit does what the preview said.
 *
 * The street's own work is never touched by an update: contacts, notes, assignments and flags are not
 * even read here; our workflow status only moves forward along 待签收 → 办理中 → 已办结 → 已回访, and only
 * when the platform's status or callback actually changed; a deadline moved by an approved extension
 * stays; a community the street set stays; an empty cell never erases anything.
 */
import type { SyncCallbackRow, SyncNewOrder, SyncOrderPatch, SyncOrderRow } from '../../../db/bulk.js';
import { APPEAL_TYPE, CALLBACK_RESOLUTION, ORDER_STATUS, SATISFACTION, SOURCE, type OrderStatus, type Tier } from '../../../preload/contract/enums.js';
import type { UpdatedOrder, UpstreamChange } from '../../../preload/contract/methods/ledger.js';
import { formatBeijing } from '../../../preload/contract/time.js';
import { maskName, maskPhone } from '../privacy.js';
import { parsePlatformStatus } from './normalize.js';
import type { ImportedCallback, ImportedOrder, WarningLog } from './record.js';
import { orderDeadlines, type Reference } from './reference.js';

export interface EventSpec {
  kind: string;
  summary: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export type Plan =
  | { kind: 'new'; order: SyncNewOrder; leadUnitId: number | null; callback: ImportedCallback | null; event: EventSpec }
  | { kind: 'unchanged' }
  | {
      kind: 'updated';
      changes: UpstreamChange[];
      patch: SyncOrderPatch;
      callback: { insert: ImportedCallback } | { update: number; values: ImportedCallback } | null;
      events: EventSpec[];
    };

const CHAIN: readonly OrderStatus[] = ['received', 'in_progress', 'replied', 'callback_done'];

/** Our status after the platform reports `upstream`: forward only, never undoing the street's steps. */
export function advanceStatus(current: OrderStatus, upstream: OrderStatus | null): OrderStatus {
  if (upstream === null) return current;
  if (upstream === 'returned' && (current === 'received' || current === 'objecting')) return 'returned';
  const from = CHAIN.indexOf(current);
  const to = CHAIN.indexOf(upstream);
  return from >= 0 && to > from ? upstream : current;
}

export function describeCallback(c: Pick<ImportedCallback, 'at' | 'valid' | 'contacted' | 'resolution' | 'satisfaction'>): string {
  return `${formatBeijing(c.at)} ${c.valid ? '有效' : '无效'}回访，${c.contacted ? '已联系' : '未联系'}，${CALLBACK_RESOLUTION.label[c.resolution]}，${SATISFACTION.label[c.satisfaction]}`;
}

const callbackOfRow = (c: SyncCallbackRow): ImportedCallback => ({
  at: c.at,
  valid: c.valid === 1,
  contacted: c.contacted === 1,
  resolution: c.resolution as ImportedCallback['resolution'],
  satisfaction: c.satisfaction as ImportedCallback['satisfaction'],
});

const sameCallback = (a: ImportedCallback, b: ImportedCallback) =>
  a.valid === b.valid && a.contacted === b.contacted && a.resolution === b.resolution && a.satisfaction === b.satisfaction;

const statusLabel = (s: string) => ORDER_STATUS.label[s as OrderStatus] ?? s;
const short = (s: string | null, n = 60) => (s === null ? null : s.length > n ? `${s.slice(0, n)}…` : s);
const isMasked = (phone: string) => phone.includes('*');

function plannedCommunity(imp: ImportedOrder, ref: Reference, warnings: WarningLog): number | null {
  if (imp.community === undefined) return null;
  const id = ref.communityId(imp.community);
  if (id === null) warnings.add(`community:${imp.community}`, `社区「${imp.community.slice(0, 20)}」不在本街道的社区列表中，所属社区已留空`, imp.row);
  return id;
}

function planNew(imp: ImportedOrder, ref: Reference, warnings: WarningLog): Plan {
  const dispatched = imp.dispatchedAt ?? imp.receivedAt;
  const dl = orderDeadlines(ref, ref.rules.clockStartOf({ dispatchedAt: dispatched, acceptedAt: null }), imp.category, imp.due);
  const upstream = parsePlatformStatus(imp.platformStatus ?? null);
  if (imp.platformStatus !== undefined && upstream === null) {
    warnings.add(`status:${imp.platformStatus}`, `工单状态「${imp.platformStatus.slice(0, 20)}」无法识别，按「待签收」导入`, imp.row);
  }
  let status: OrderStatus = upstream ?? 'received';
  if (imp.callback && status === 'replied') status = 'callback_done';
  let leadUnitId: number | null = null;
  if (imp.leadUnit !== undefined) {
    leadUnitId = ref.unitId(imp.leadUnit);
    if (leadUnitId === null) warnings.add(`unit:${imp.leadUnit}`, `主办单位「${imp.leadUnit.slice(0, 20)}」不是本街道的社区或科室，未指派`, imp.row);
  }
  const order: SyncNewOrder = {
    order_no: imp.orderNo,
    received_at: imp.receivedAt,
    dispatched_at: dispatched,
    accepted_at: null,
    source: imp.source ?? 'hotline',
    appeal_type: imp.appealType ?? 'other',
    category: imp.category ?? '',
    content: imp.content ?? '',
    citizen_name: imp.citizenName ?? null,
    citizen_phone: imp.citizenPhone ?? null,
    address: imp.address ?? '',
    residential_area: imp.residentialArea ?? null,
    community_id: plannedCommunity(imp, ref, warnings),
    status,
    tier: dl.tier,
    first_contact_due_at: dl.firstContactDueAt,
    handle_due_at: dl.handleDueAt,
    due_source: dl.dueSource,
    calendar_missing: dl.calendarMissing ? 1 : 0,
    platform_status: imp.platformStatus ?? null,
    created_at: 0,
    updated_at: 0,
  };
  const event: EventSpec = {
    kind: 'imported',
    summary: `从12345平台导入（${statusLabel(status)}${imp.callback ? '，含回访结果' : ''}）`,
    before: null,
    after: {
      status,
      platformStatus: order.platform_status,
      handleDueAt: order.handle_due_at,
      dueSource: order.due_source,
      ...(leadUnitId !== null ? { lead: imp.leadUnit } : {}),
      ...(imp.callback ? { callback: imp.callback } : {}),
    },
  };
  return { kind: 'new', order, leadUnitId, callback: imp.callback ?? null, event };
}

type FieldKey = 'received_at' | 'dispatched_at' | 'source' | 'appeal_type' | 'category' | 'content' | 'citizen_name' | 'citizen_phone' | 'address' | 'residential_area' | 'community_id';

const FIELD_LABEL: Record<FieldKey, string> = {
  received_at: '受理时间',
  dispatched_at: '派单时间',
  source: '诉求渠道',
  appeal_type: '诉求类型',
  category: '问题分类',
  content: '诉求内容',
  citizen_name: '诉求人',
  citizen_phone: '联系电话',
  address: '诉求地址',
  residential_area: '小区',
  community_id: '所属社区',
};

function display(key: FieldKey, value: unknown, imp: ImportedOrder): string | null {
  if (value === null || value === undefined) return null;
  switch (key) {
    case 'received_at':
    case 'dispatched_at':
      return formatBeijing(value as number, true);
    case 'source':
      return SOURCE.label[value as keyof typeof SOURCE.label] ?? String(value);
    case 'appeal_type':
      return APPEAL_TYPE.label[value as keyof typeof APPEAL_TYPE.label] ?? String(value);
    case 'citizen_phone':
      return maskPhone(value as string);
    case 'citizen_name':
      return maskName(value as string);
    case 'community_id':
      return imp.community ?? String(value);
    default:
      return short(String(value));
  }
}

function planUpdate(imp: ImportedOrder, ex: SyncOrderRow, callbacks: SyncCallbackRow[], ref: Reference, warnings: WarningLog): Plan {
  const patch: SyncOrderPatch = {};
  const changes: UpstreamChange[] = [];
  const events: EventSpec[] = [];

  // Platform facts about the request itself.
  const fieldBefore: Record<string, unknown> = {};
  const fieldAfter: Record<string, unknown> = {};
  const compare = (key: FieldKey, value: string | number | null | undefined) => {
    if (value === undefined || value === null || value === ex[key]) return;
    (patch as Record<string, unknown>)[key] = value;
    // Events and the preview never hold personal data in full.
    const mask = (v: unknown) => (v === null ? null : key === 'citizen_phone' ? maskPhone(v as string) : key === 'citizen_name' ? maskName(v as string) : v);
    const before = mask(ex[key]);
    const after = mask(value);
    fieldBefore[key] = before;
    fieldAfter[key] = after;
    changes.push({ kind: 'fields', label: FIELD_LABEL[key], before: display(key, ex[key], imp), after: display(key, value, imp) });
  };
  compare('received_at', imp.receivedAt);
  compare('dispatched_at', imp.dispatchedAt);
  compare('source', imp.source);
  compare('appeal_type', imp.appealType);
  compare('category', imp.category);
  compare('content', imp.content);
  // Likewise a masked name (张**, from a ledger exported without personal data) never replaces the name we have.
  if (imp.citizenName === undefined || !imp.citizenName.includes('*')) compare('citizen_name', imp.citizenName);
  // A masked number (from a ledger exported without phones) never replaces the number we have.
  if (imp.citizenPhone !== undefined && !isMasked(imp.citizenPhone)) compare('citizen_phone', imp.citizenPhone);
  compare('address', imp.address);
  compare('residential_area', imp.residentialArea);
  if (ex.community_id === null) compare('community_id', plannedCommunity(imp, ref, warnings));
  if (changes.length > 0) {
    events.push({ kind: 'import.fields', summary: `平台信息更新：${changes.map((c) => c.label).join('、')}`, before: fieldBefore, after: fieldAfter });
  }

  // Deadline: the file's 办理时限 wins, except over an approved extension.
  const dispatched = patch.dispatched_at ?? ex.dispatched_at;
  const start = ref.rules.clockStartOf({ dispatchedAt: dispatched, acceptedAt: ex.accepted_at });
  if (ex.due_source !== 'extension' && (imp.due !== undefined || (ex.due_source === 'tier' && patch.dispatched_at !== undefined))) {
    const dl = orderDeadlines(ref, start, patch.category ?? ex.category, imp.due, ex.tier as Tier);
    const handle = imp.due !== undefined ? dl.handleDueAt : ref.rules.deadlinesFor(start, ex.tier as Tier).handleDueAt;
    if (handle !== ex.handle_due_at) {
      patch.handle_due_at = handle;
      if (imp.due !== undefined) patch.due_source = 'import';
      patch.calendar_missing = dl.calendarMissing ? 1 : 0;
      const before = formatBeijing(ex.handle_due_at, true);
      const after = formatBeijing(handle, true);
      changes.push({ kind: 'deadline', label: '办理时限', before, after });
      events.push({ kind: 'import.deadline', summary: `平台办理时限变更：${before} → ${after}`, before: { handleDueAt: ex.handle_due_at, dueSource: ex.due_source }, after: { handleDueAt: handle, dueSource: patch.due_source ?? ex.due_source } });
    }
  }

  // Status: acted on only when the platform's status text changed since we last saw it.
  let status = ex.status as OrderStatus;
  if (imp.platformStatus !== undefined) {
    const seen = ex.platform_status ?? statusLabel(ex.status);
    if (imp.platformStatus !== seen) {
      patch.platform_status = imp.platformStatus;
      status = advanceStatus(status, parsePlatformStatus(imp.platformStatus));
      if (status !== ex.status) patch.status = status;
      changes.push({ kind: 'status', label: '工单状态', before: seen, after: imp.platformStatus });
      const ours = status !== ex.status ? `；本街道状态 ${statusLabel(ex.status)} → ${statusLabel(status)}` : '';
      events.push({
        kind: 'import.status',
        summary: `平台工单状态：${seen} → ${imp.platformStatus}${ours}`,
        before: { platformStatus: ex.platform_status, status: ex.status },
        after: { platformStatus: imp.platformStatus, status },
      });
    }
  }

  // Callback: matched by its time; a callback the street recorded itself is never overwritten.
  let callback: Extract<Plan, { kind: 'updated' }>['callback'] = null;
  if (imp.callback) {
    const cb = imp.callback;
    const same = callbacks.find((c) => c.at === cb.at);
    const latest = callbacks[callbacks.length - 1];
    if (!same) callback = { insert: cb };
    else if (!sameCallback(callbackOfRow(same), cb)) {
      if (same.origin === 'import') callback = { update: same.id, values: cb };
      else warnings.add('callbackManual', '回访结果与本街道录入的回访记录不同，保留本街道的记录', imp.row);
    }
    if (callback) {
      const before = 'update' in callback && same ? describeCallback(callbackOfRow(same)) : latest ? describeCallback(callbackOfRow(latest)) : null;
      changes.push({ kind: 'callback', label: '回访', before, after: describeCallback(cb) });
      const next: OrderStatus = status === 'replied' ? 'callback_done' : status;
      if (next !== status) {
        patch.status = next;
        status = next;
      }
      events.push({
        kind: 'import.callback',
        summary: `平台回访结果：${describeCallback(cb)}${patch.status === 'callback_done' && ex.status !== 'callback_done' ? `；本街道状态 ${statusLabel(ex.status)} → 已回访` : ''}`,
        before: same ? { callback: callbackOfRow(same) } : null,
        after: { callback: cb, status },
      });
    }
  }

  if (changes.length === 0) return { kind: 'unchanged' };
  return { kind: 'updated', changes, patch, callback, events };
}

/** The plan for one staged row against the order with its number (if any). */
export function planRow(imp: ImportedOrder, existing: SyncOrderRow | undefined, callbacks: SyncCallbackRow[], ref: Reference, warnings: WarningLog): Plan {
  return existing ? planUpdate(imp, existing, callbacks, ref, warnings) : planNew(imp, ref, warnings);
}

export const PLAN_KIND = { new: 1, unchanged: 2, updated: 3 } as const;

/** The preview's finding per staged order (in staging order), valid while the database's stamp holds. */
export interface PlannedKinds {
  stamp: string;
  kinds: Uint8Array;
}

/** The preview's counts and the first updated orders with their changes. */
export class PlanTally {
  new = 0;
  updated = 0;
  unchanged = 0;
  readonly changes: UpdatedOrder[] = [];
  constructor(private readonly maxListed = 200) {}
  add(imp: ImportedOrder, plan: Plan): void {
    if (plan.kind === 'new') this.new++;
    else if (plan.kind === 'unchanged') this.unchanged++;
    else {
      this.updated++;
      if (this.changes.length < this.maxListed) this.changes.push({ row: imp.row, orderNo: imp.orderNo, changes: plan.changes });
    }
  }
}

/** Categories a commit adds: each new path and its missing parents, parents first. */
export function missingCategories(paths: readonly string[], ref: Reference): string[] {
  const out = new Set<string>();
  for (const path of paths) {
    const parts = path.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const p = parts.slice(0, i).join('/');
      if (!ref.hasCategory(p)) out.add(p);
    }
  }
  return [...out].sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : a > b ? 1 : 0));
}
