/**
 * THE event writer: every service that changes an order records what it did here, inside the same
 * transaction as the change (DESIGN §2: the timeline of an order is its events). An event says who,
 * when, what kind, a Chinese summary the clerk reads, the changed fields before → after (JSON), and the
 * order's row version after the change — so a clerk holding an older version can be told exactly what
 * happened since (see eventsAfterVersion).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, EventRow } from '../../db/schema.js';
import type { TimelineEvent } from '../../preload/api.js';
import { formatBeijing } from '../../preload/contract/time.js';

/** A query builder or an open transaction: callers inside a command pass their transaction. */
export type Db = Kysely<Database> | Transaction<Database>;

/** The Chinese name of each kind of event (the timeline's filter and icons use the code). */
export const EVENT_KIND_LABEL: Record<string, string> = {
  imported: '导入',
  accepted: '签收',
  assigned: '派单',
  contacted: '联系诉求人',
  replied: '办结反馈',
  reply_copied: '复制主工单答复',
  reply_shared: '答复复制到重复件',
  callback_recorded: '回访',
  reopened: '二次办理',
  objection_raised: '提出派单异议',
  objection_upheld: '异议成立',
  objection_rejected: '异议驳回',
  extension_requested: '申请延期',
  extension_approved: '延期获批',
  extension_rejected: '延期未获批',
  difficult_set: '标记疑难',
  difficult_cleared: '取消疑难',
  unreasonable_set: '标记不合理诉求',
  unreasonable_cleared: '取消不合理诉求',
  supervised_set: '督办',
  supervised_cleared: '取消督办',
  tag_added: '加标签',
  tag_removed: '去标签',
  duplicate_linked: '关联为重复件',
  duplicate_unlinked: '解除重复件关联',
  duplicate_attached: '重复件关联到本单',
  duplicate_detached: '重复件解除关联',
  'import.fields': '平台更新工单信息',
  'import.deadline': '平台调整办理时限',
  'import.status': '平台状态变更',
  'import.callback': '平台回访结果',
  'import.file': '导入文件',
  'export.ledger': '导出台账',
};

export type Fields = Record<string, unknown>;

export interface EventInput {
  /** null for events about no single order (settings, imports as a whole). */
  orderId: number | null;
  actor: string;
  at: number;
  kind: string;
  /** One line of Chinese the clerk reads in the timeline. */
  summary: string;
  /** The changed fields as they were, and as they are now; null when nothing existed before/after. */
  before?: Fields | null;
  after?: Fields | null;
  /** The order's version after this change (null for events not tied to an order row). */
  orderVersion: number | null;
}

const toJson = (fields: Fields | null | undefined): string | null => (fields == null ? null : JSON.stringify(fields));

/** Writes one event. Call it with the transaction that makes the change. */
export async function recordEvent(db: Db, e: EventInput): Promise<void> {
  await db
    .insertInto('events')
    .values({
      order_id: e.orderId,
      at: e.at,
      actor: e.actor,
      kind: e.kind,
      summary: e.summary,
      before_json: toJson(e.before),
      after_json: toJson(e.after),
      order_version: e.orderVersion,
    })
    .execute();
}

function parseFields(json: string | null): Fields | null {
  if (json === null) return null;
  try {
    const v: unknown = JSON.parse(json);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Fields) : { value: v };
  } catch {
    // History written by hand or by an old import: show it, do not fail the whole timeline.
    return { text: json };
  }
}

export function toTimelineEvent(row: EventRow): TimelineEvent {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    kind: row.kind,
    summary: row.summary,
    before: parseFields(row.before_json),
    after: parseFields(row.after_json),
    orderVersion: row.order_version,
  };
}

/** An order's events, newest first (ties by insertion order, newest first). */
export async function listTimeline(db: Db, orderId: number): Promise<TimelineEvent[]> {
  const rows = await db.selectFrom('events').selectAll().where('order_id', '=', orderId).orderBy('at', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toTimelineEvent);
}

/** What was recorded on an order after the version a clerk saw, oldest first. */
export async function eventsAfterVersion(db: Db, orderId: number, version: number): Promise<EventRow[]> {
  return db
    .selectFrom('events')
    .selectAll()
    .where('order_id', '=', orderId)
    .where('order_version', '>', version)
    .orderBy('order_version')
    .orderBy('id')
    .execute();
}

/** "李四 于 03-02 09:05 签收工单" — one line per event, for messages. */
export function describeEvent(e: Pick<EventRow, 'actor' | 'at' | 'summary'>): string {
  return `${e.actor} 于 ${formatBeijing(e.at).slice(5)} ${e.summary}`;
}
