/**
 * Seeding a database with the demo street: units, taxonomy, staff, then generated orders with their
 * whole history, written in large transactions. Only ever into a database that has no orders: a clerk's
 * real database is never seeded.
 */
import { createBulkWriter, inTransaction } from '../../../db/bulk.js';
import { optimize, withDeferredIndexes, type DbHandle } from '../../../db/connection.js';
import { withSearchIndexDeferred } from '../../../db/search.js';
import { AppError } from '../../../preload/contract/errors.js';
import { computeOrderDeadlines, createCalendar, DEFAULT_TIERS, extendDue } from '../deadlines/index.js';
import { generateOrders, type GenOrder } from './generate.js';
import { COMMUNITIES, COMMUNITY_DUTIES, DEMO_STREET_NAME, DEPARTMENTS, GIVEN, SURNAMES } from './street.js';
import { LEAVES } from './taxonomy.js';
import { Random } from './random.js';

export interface SeedOptions {
  seed: number;
  /** Days of history ending at `until` (default 730: two years). */
  days?: number;
  /** Total orders (default ~35 a day). */
  orders?: number;
  until: number;
  /** Orders per write transaction. */
  batch?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedResult {
  orders: number;
  days: number;
  ms: number;
}

const SEED_ACTOR = '演示数据';
const ORDER_TABLES = ['orders', 'order_units', 'events', 'contacts', 'callbacks', 'order_tags', 'extension_requests', 'objections'];

async function seedReferenceData(handle: DbHandle): Promise<Map<string, number>> {
  const unitIds = new Map<string, number>();
  await handle.db.transaction().execute(async (trx) => {
    const rng = new Random(20240101);
    const units = [
      ...COMMUNITIES.map((c, i) => ({ kind: 'community' as const, name: c.name, sort_order: i + 1, duties: COMMUNITY_DUTIES })),
      ...DEPARTMENTS.map((d, i) => ({ kind: 'department' as const, name: d.name, sort_order: 100 + i, duties: d.duties })),
    ];
    for (const u of units) {
      await trx.insertInto('units').values({ kind: u.kind, name: u.name, sort_order: u.sort_order }).onConflict((oc) => oc.column('name').doNothing()).execute();
      const { id } = await trx.selectFrom('units').select('id').where('name', '=', u.name).executeTakeFirstOrThrow();
      unitIds.set(u.name, id);
      await trx
        .insertInto('unit_duties')
        .values(u.duties.map((category_path) => ({ unit_id: id, category_path })))
        .onConflict((oc) => oc.columns(['unit_id', 'category_path']).doNothing())
        .execute();
    }
    let order = 0;
    const categories = LEAVES.flatMap((leaf) => {
      const [l1, l2, l3] = leaf.path;
      return [
        { path: l1, level: 1, parent_path: null, name: l1, default_tier: null, livelihood_dimension: null, sort_order: order++ },
        { path: `${l1}/${l2}`, level: 2, parent_path: l1, name: l2, default_tier: null, livelihood_dimension: null, sort_order: order++ },
        { path: leaf.path.join('/'), level: 3, parent_path: `${l1}/${l2}`, name: l3, default_tier: leaf.tier ?? null, livelihood_dimension: leaf.dimension, sort_order: order++ },
      ];
    });
    for (const c of categories) {
      await trx.insertInto('categories').values(c).onConflict((oc) => oc.column('path').doNothing()).execute();
    }
    const staff = await trx.selectFrom('staff').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(staff.n) === 0) {
      for (const id of unitIds.values()) {
        for (let k = 0; k < 3; k++) {
          await trx
            .insertInto('staff')
            .values({ name: rng.pick(SURNAMES) + rng.pick(GIVEN) + rng.pick(GIVEN), unit_id: id, phone: `1${rng.int(30, 99)}${String(rng.int(0, 99999999)).padStart(8, '0')}` })
            .execute();
        }
      }
    }
    for (const [key, value] of [['street_name', DEMO_STREET_NAME], ['demo', '1']] as const) {
      await trx.insertInto('app_meta').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
    }
  });
  return unitIds;
}

/**
 * Each unit's staff, to name a 经办人 for the demo's lead units (picked by order id, not by the random
 * stream, so every other seeded figure stays as it was).
 */
async function staffByUnit(handle: DbHandle): Promise<Map<number, number[]>> {
  const rows = await handle.db.selectFrom('staff').select(['id', 'unit_id']).orderBy('id').execute();
  const map = new Map<number, number[]>();
  for (const r of rows) if (r.unit_id !== null) map.set(r.unit_id, [...(map.get(r.unit_id) ?? []), r.id]);
  return map;
}

function writeOrder(w: ReturnType<typeof createBulkWriter>, g: GenOrder, staff: Map<number, number[]>): void {
  const id = g.id;
  w.order({ id, ...g.order });
  for (const u of g.units) {
    const people = u.role === 'lead' ? staff.get(u.unit_id) : undefined;
    const handler = people?.length ? people[id % people.length]! : null;
    w.orderUnit({ order_id: id, unit_id: u.unit_id, role: u.role, assigned_at: u.assigned_at, assigned_by: SEED_ACTOR, handler_staff_id: handler });
  }
  for (const e of g.events) w.event({ order_id: id, at: e.at, actor: SEED_ACTOR, kind: e.kind, summary: e.summary, before_json: e.before_json, after_json: e.after_json });
  for (const c of g.contacts) w.contact({ order_id: id, at: c.at, method: c.method, summary: c.summary, actor: SEED_ACTOR });
  for (const c of g.callbacks) w.callback({ order_id: id, ...c, origin: 'import' });
  for (const tag of g.tags) w.tag({ order_id: id, tag });
  for (const x of g.extensions) w.extension({ order_id: id, ...x });
  for (const x of g.objections) w.objection({ order_id: id, ...x });
}

export async function seedDemo(handle: DbHandle, options: SeedOptions): Promise<SeedResult> {
  const started = Date.now();
  const { sqlite } = handle;
  const row = await handle.db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const existing = Number(row.n);
  if (existing > 0) {
    throw new AppError('FORBIDDEN', `该数据库已有 ${existing} 件工单，演示数据只能写入空数据库（不会写入正式数据）。请换一个新的数据库文件。`);
  }
  const days = options.days ?? 730;
  const total = options.orders ?? Math.round(days * 35);
  const calendar = createCalendar([]);
  const unitIds = await seedReferenceData(handle);
  const staff = await staffByUnit(handle);
  const batch = options.batch ?? 20_000;
  const writer = createBulkWriter(sqlite);
  const orders = generateOrders({
    seed: options.seed,
    until: options.until,
    days,
    orders: total,
    unitIds,
    firstOrderId: 1,
    deadlines: (start, tier) => computeOrderDeadlines(start, tier, DEFAULT_TIERS, calendar),
    extend: (due, workingDays) => extendDue(due, { amount: workingDays, unit: 'workingDays' }, calendar).due,
  });
  let done = 0;
  let finished = false;
  // The search index (db/search.ts) is filled once after the load, not by a trigger per order.
  await withDeferredIndexes(handle, ORDER_TABLES, () => withSearchIndexDeferred(sqlite, async () => {
  while (!finished) {
    inTransaction(sqlite, () => {
      for (let k = 0; k < batch; k++) {
        const next = orders.next();
        if (next.done) {
          finished = true;
          return;
        }
        writeOrder(writer, next.value, staff);
        done++;
      }
    });
    options.onProgress?.(done, total);
  }
  }));
  optimize(handle);
  return { orders: done, days, ms: Date.now() - started };
}
