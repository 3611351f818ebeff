/**
 * A random but reproducible street for the triage tests: orders in every status with units, handlers,
 * tags, callbacks, flags, duplicates, deadlines around "now" and contents with tricky punctuation — and
 * an independent JS reading of what each filter and sort should return, to compare the grid against.
 */
import type { OrderFilter, OrderSort } from '../../../preload/api.js';
import type { OrderStatus } from '../../../preload/contract/enums.js';
import { fromBeijing } from '../../../preload/contract/time.js';
import type { AppRuntime } from '../../../main/runtime.js';
import { deadlineBand } from '../../../main/services/deadlines/index.js';
import { insertUnits, TEST_NOW } from '../../support/app.js';

export const H = 3_600_000;
export const DAY = 24 * H;
export const WARN = 24 * H;

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}

export const CONTENTS = [
  '西营小区23号楼电梯故障，老人上下楼困难',
  '大小，区域内夜间施工噪音扰民',
  '楼道灯不亮，请物业维修',
  '供暖不热，室温只有十五度',
  'ＡＢＣ小区３号楼地下室漏水',
  '西营，小区门口占道经营',
  '23号楼2单元垃圾清运不及时',
  '3号楼楼顶漏水，多次反映未解决',
  '六营门社区健身器材损坏',
  '烧烤摊油烟扰民。',
  // Every bigram of 西营小区, but never the four characters together: only the re-check can tell.
  '西营小，小区绿化差',
];
const ADDRESSES = ['西营小区23号楼', '东高地三角地小区', '万源路8号院', '六营门北里3号楼', '南苑路口'];
const CATEGORIES = ['城市管理/市容环境/占道经营', '城市管理/环境卫生/垃圾清运', '住房管理/物业管理/物业服务', '城市建设/供暖/供暖不热', '城市管理信息/其他', ''];
const STATUSES: OrderStatus[] = ['received', 'in_progress', 'objecting', 'replied', 'callback_done', 'returned'];

export interface Street {
  communities: number[];
  departments: number[];
  staff: number[];
  orderIds: number[];
}

/** Inserts the street and `n` orders (triggers fill the search index). */
export async function buildStreet(app: AppRuntime, n = 240, seed = 11): Promise<Street> {
  const r = rng(seed);
  const db = app.handle.db;
  const communities = await insertUnits(app, [
    { kind: 'community', name: '六营门社区', sortOrder: 1 },
    { kind: 'community', name: '东高地社区', sortOrder: 2 },
    { kind: 'community', name: '万源社区', sortOrder: 3 },
  ]);
  const departments = await insertUnits(app, [
    { kind: 'department', name: '城管科', sortOrder: 10 },
    { kind: 'department', name: '房管科', sortOrder: 11 },
  ]);
  const units = [...communities, ...departments];
  const staff: number[] = [];
  for (const [i, unit_id] of units.entries()) {
    const row = await db.insertInto('staff').values({ name: `经办人${i}`, unit_id, phone: null }).returning('id').executeTakeFirstOrThrow();
    staff.push(row.id);
  }
  const orderIds: number[] = [];
  for (let i = 0; i < n; i++) {
    const status = r.pick(STATUSES);
    const received = TEST_NOW - r.int(0, 40 * 24) * H - r.int(0, 59) * 60_000;
    const contacted = status !== 'received' && r.chance(0.7);
    const replied = status === 'replied' || status === 'callback_done';
    const phoneKind = r.int(0, 4);
    const row = await db
      .insertInto('orders')
      .values({
        order_no: `${r.pick(['A', 'B', 'd', ''])}2026${String(r.int(1, 9999)).padStart(4, '0')}${String(i).padStart(3, '0')}`,
        received_at: received,
        dispatched_at: received + 600_000,
        accepted_at: status === 'received' ? null : received + H,
        source: r.pick(['hotline', 'hotline', 'online', 'proactive', 'other']),
        appeal_type: r.pick(['complaint', 'help', 'consult', 'report']),
        category: r.pick(CATEGORIES),
        content: r.pick(CONTENTS),
        citizen_name: phoneKind === 0 ? '保密' : phoneKind === 1 ? null : r.pick(['李小明', '王芳', '张伟']),
        citizen_phone: phoneKind === 0 ? '保密' : phoneKind === 1 ? null : `1${r.int(30, 89)}${String(r.int(0, 99_999_999)).padStart(8, '0')}`,
        address: r.pick(ADDRESSES),
        community_id: r.chance(0.15) ? null : r.pick(communities),
        status,
        tier: r.pick(['urgent', 'utility', 'general', 'complex']),
        first_contact_due_at: TEST_NOW + r.int(-72, 72) * H,
        first_contact_at: contacted ? received + 2 * H : null,
        handle_due_at: TEST_NOW + r.int(-96, 96) * H,
        due_source: 'tier',
        replied_at: replied ? TEST_NOW - r.int(1, 200) * H : null,
        reply_result: replied ? 'resolved' : null,
        reply_text: replied ? '已处理' : null,
        closed_at: status === 'returned' || status === 'callback_done' ? TEST_NOW - r.int(1, 100) * H : null,
        difficult: r.chance(0.1) ? 1 : 0,
        supervised: r.chance(0.1) ? 1 : 0,
        unreasonable: r.chance(0.08) ? 1 : 0,
        duplicate_of: orderIds.length > 0 && r.chance(0.12) ? r.pick(orderIds) : null,
        reopen_count: r.chance(0.15) ? 1 : 0,
        created_at: TEST_NOW,
        updated_at: TEST_NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = row.id;
    orderIds.push(id);
    if (status !== 'received' && r.chance(0.8)) {
      const lead = r.pick(units);
      const leadHandler = r.chance(0.5) ? staff[units.indexOf(lead)]! : null;
      await db.insertInto('order_units').values({ order_id: id, unit_id: lead, role: 'lead', handler_staff_id: leadHandler, assigned_at: received, assigned_by: 't', override_reason: null }).execute();
      for (const assist of units.filter((u) => u !== lead && r.chance(0.25))) {
        const handler = r.chance(0.5) ? staff[units.indexOf(assist)]! : null;
        await db.insertInto('order_units').values({ order_id: id, unit_id: assist, role: 'assist', handler_staff_id: handler, assigned_at: received, assigned_by: 't', override_reason: null }).execute();
      }
    }
    if (r.chance(0.2)) await db.insertInto('order_tags').values({ order_id: id, tag: 'monthly-topic' }).execute();
    if (status === 'callback_done' || (replied && r.chance(0.2))) {
      for (let k = r.int(1, 2); k > 0; k--) {
        await db
          .insertInto('callbacks')
          .values({
            order_id: id,
            at: TEST_NOW - r.int(1, 50 * 24) * H,
            valid: r.chance(0.85) ? 1 : 0,
            contacted: 1,
            resolution: r.pick(['resolved', 'resolved', 'partial', 'unresolved']),
            satisfaction: r.pick(['satisfied', 'satisfied', 'basic', 'unsatisfied', 'none']),
            note: null,
            origin: 't',
          })
          .execute();
      }
    }
  }
  return { communities, departments, staff, orderIds };
}

/** Everything the JS reading of a filter looks at, read back from the database. */
export interface RefOrder {
  id: number;
  order_no: string;
  received_at: number;
  source: string;
  appeal_type: string;
  category: string;
  content: string;
  citizen_name: string | null;
  citizen_phone: string | null;
  address: string;
  community_id: number | null;
  status: string;
  tier: string;
  first_contact_due_at: number;
  first_contact_at: number | null;
  handle_due_at: number;
  replied_at: number | null;
  closed_at: number | null;
  difficult: number;
  supervised: number;
  unreasonable: number;
  duplicate_of: number | null;
  reopen_count: number;
  units: Array<{ unit_id: number; role: string; handler_staff_id: number | null }>;
  tags: string[];
  callbacks: Array<{ id: number; at: number; valid: number; satisfaction: string; resolution: string }>;
}

export async function loadReference(app: AppRuntime): Promise<RefOrder[]> {
  const db = app.handle.db;
  const orders = await db.selectFrom('orders').selectAll().execute();
  const units = await db.selectFrom('order_units').select(['order_id', 'unit_id', 'role', 'handler_staff_id']).execute();
  const tags = await db.selectFrom('order_tags').selectAll().execute();
  const callbacks = await db.selectFrom('callbacks').select(['id', 'order_id', 'at', 'valid', 'satisfaction', 'resolution']).execute();
  return orders.map((o) => ({
    ...o,
    units: units.filter((u) => u.order_id === o.id),
    tags: tags.filter((t) => t.order_id === o.id).map((t) => t.tag),
    callbacks: callbacks.filter((c) => c.order_id === o.id),
  }));
}

const HANDLING_OPEN = ['received', 'in_progress', 'objecting'];
const STILL_OPEN = [...HANDLING_OPEN, 'replied'];
const inRange = (v: number, r?: { from?: number; to?: number }) => !r || ((r.from === undefined || v >= r.from) && (r.to === undefined || v < r.to));
const unhappy = (c: { valid: number; satisfaction: string; resolution: string }) => c.valid === 1 && (c.satisfaction === 'unsatisfied' || c.resolution === 'unresolved');

/** Substring search over the searchable text, for terms made of Chinese characters only. */
function hanSearch(o: RefOrder, query: string): boolean {
  const fields = [o.content, o.address, o.order_no, o.citizen_name === '保密' ? '' : (o.citizen_name ?? '')].map((f) => f.normalize('NFKC'));
  return query
    .trim()
    .split(/\s+/)
    .every((term) => fields.some((f) => f.includes(term)));
}

/** Beijing period starts for TEST_NOW (Monday 2026-03-02 09:00), written out rather than computed. */
const PERIOD_START = { today: fromBeijing(2026, 3, 2), thisWeek: fromBeijing(2026, 3, 2), thisMonth: fromBeijing(2026, 3, 1) };

/** What the grid must return for a filter, read in plain JS (search: Chinese-character terms only). */
export function jsFilter(orders: RefOrder[], f: OrderFilter, now = TEST_NOW): RefOrder[] {
  const has = <T>(xs: readonly T[] | undefined, v: T) => !xs || xs.length === 0 || xs.includes(v);
  return orders.filter((o) => {
    if (!has(f.statuses, o.status as never) || !has(f.appealTypes, o.appeal_type as never) || !has(f.sources, o.source as never) || !has(f.tiers, o.tier as never)) return false;
    if (!has(f.communityIds, o.community_id ?? 0)) return false;
    if (f.leadUnitIds?.length && !o.units.some((u) => u.role === 'lead' && f.leadUnitIds!.includes(u.unit_id))) return false;
    if (f.assistUnitIds?.length && !o.units.some((u) => u.role === 'assist' && f.assistUnitIds!.includes(u.unit_id))) return false;
    const handlers = [...(f.handlerStaffIds ?? []), ...(f.mineStaffId ? [f.mineStaffId] : [])];
    if (handlers.length && !o.units.some((u) => u.handler_staff_id !== null && handlers.includes(u.handler_staff_id))) return false;
    if (f.categories?.length && !f.categories.some((p) => (p === '' ? o.category === '' : o.category === p || o.category.startsWith(`${p}/`)))) return false;
    if (!inRange(o.received_at, f.receivedAt) || !inRange(o.handle_due_at, f.handleDueAt) || !inRange(o.first_contact_due_at, f.firstContactDueAt)) return false;
    if (f.receivedIn && o.received_at < PERIOD_START[f.receivedIn]) return false;
    const fl = f.flags ?? {};
    for (const k of ['difficult', 'supervised', 'unreasonable'] as const) if (fl[k] !== undefined && (o[k] === 1) !== fl[k]) return false;
    if (fl.duplicate !== undefined && (o.duplicate_of !== null) !== fl.duplicate) return false;
    if (fl.monthlyTopic !== undefined && o.tags.includes('monthly-topic') !== fl.monthlyTopic) return false;
    if (f.deadlineBands?.length) {
      const handleDone = o.status === 'replied' || o.status === 'callback_done' ? o.replied_at : o.status === 'returned' ? o.closed_at : null;
      const band = { firstContact: deadlineBand(o.first_contact_due_at, now, o.first_contact_at ?? handleDone, WARN), handle: deadlineBand(o.handle_due_at, now, handleDone, WARN) };
      if (!f.deadlineBands.some((b) => band[b.kind] === b.band)) return false;
    }
    if (f.secondRound) {
      const latest = [...o.callbacks].sort((a, b) => b.at - a.at || b.id - a.id)[0];
      const reopened = o.reopen_count > 0 && STILL_OPEN.includes(o.status);
      const awaiting = o.status === 'callback_done' && !!latest && unhappy(latest) && o.callbacks.some((c) => unhappy(c) && c.at >= now - 30 * DAY);
      if (!reopened && !awaiting) return false;
    }
    if (f.orderIds && f.orderIds.length > 0 && !f.orderIds.includes(o.id)) return false;
    if (f.search && !hanSearch(o, f.search)) return false;
    return true;
  });
}

const SORT_KEY: Record<OrderSort['column'], (o: RefOrder) => string | number> = {
  orderNo: (o) => o.order_no,
  receivedAt: (o) => o.received_at,
  appealType: (o) => o.appeal_type,
  category: (o) => o.category,
  community: (o) => o.community_id ?? 0,
  status: (o) => o.status,
  handleDueAt: (o) => o.handle_due_at,
};

export function jsSort(orders: RefOrder[], sort: OrderSort): number[] {
  const key = SORT_KEY[sort.column];
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...orders].sort((a, b) => sign * ((key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) || a.id - b.id)).map((o) => o.id);
}
