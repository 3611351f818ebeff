/**
 * Suggesting the lead unit (主办) of an order, with the reasons a clerk can check:
 *   1. history — who led orders of the same 小区/road received in the last 30 days
 *      ("该小区近30天12件由六营门社区主办"), weighing most who led those of the same 一级 category
 *      ("（其中「物业管理」类5件）"): a department that leads the area's heating complaints is no
 *      guide for its property ones;
 *   2. routing rules — category prefix → unit ("按分类规则：物业管理 → 物业管理办公室"), a more
 *      specific prefix weighing more;
 *   3. the duty list — the order's own community, when its duty list covers the category.
 * Signals for the same unit add up. A community whose duty list does not cover the category is still
 * shown (history may know better) but after every unit the Art. 17 guard would accept, and marked:
 * leading it needs a written reason.
 *
 * The history query seeks orders(residential_area, received_at) (migration 003), then each order's lead
 * through order_units: it reads only that area's recent orders, however large the table grows.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { AppError } from '../../../preload/contract/errors.js';
import type { UnitKind } from '../../../preload/contract/enums.js';
import type { LeadSuggestion } from '../../../preload/contract/methods/admin.js';
import { DAY_MS } from '../../../preload/contract/time.js';
import type { ServiceContext } from '../context.js';
import { coversCategory } from './taxonomy.js';
import { adminDb } from './tables.js';

export const SUGGEST_LOOKBACK_DAYS = 30;
const MAX_SUGGESTIONS = 8;

/**
 * Leads of other orders of one 小区/road received since `since`, counted per unit — in all and among
 * orders of the same 一级 category (`topCategory`; '' counts none). CROSS JOIN is SQLite's way to fix
 * the loop order: orders (seeking the area index) outside, order_units inside — otherwise, without
 * fresh statistics, the planner may walk every lead of the table instead.
 */
export function pastLeadsQuery(db: Kysely<Database>, area: string, since: number, excludeOrderId: number, topCategory = '') {
  const prefix = `${topCategory}/`;
  return db
    .selectFrom('orders as o')
    .crossJoin('order_units as ou')
    .whereRef('ou.order_id', '=', 'o.id')
    .select((eb) => [
      'ou.unit_id',
      eb.fn.countAll<number>().as('n'),
      eb.fn
        .sum<number>(sql<number>`CASE WHEN ${topCategory} <> '' AND (o.category = ${topCategory} OR substr(o.category, 1, ${[...prefix].length}) = ${prefix}) THEN 1 ELSE 0 END`)
        .as('same'),
    ])
    .where('o.residential_area', '=', area)
    .where('o.received_at', '>=', since)
    .where('o.id', '!=', excludeOrderId)
    .where('ou.role', '=', 'lead')
    .groupBy('ou.unit_id');
}

interface Candidate {
  unitId: number;
  score: number;
  reasons: string[];
}

export async function suggestLead(ctx: ServiceContext, orderId: number): Promise<LeadSuggestion[]> {
  const db = ctx.handle.db;
  const order = await db.selectFrom('orders').select(['id', 'category', 'residential_area', 'community_id']).where('id', '=', orderId).executeTakeFirst();
  if (!order) throw new AppError('NOT_FOUND', `工单不存在（内部编号 ${orderId}），可能已被删除。`);

  const units = new Map(
    (await db.selectFrom('units').select(['id', 'name', 'kind', 'active', 'sort_order']).execute()).map((u) => [u.id, u] as const),
  );
  const duties = new Map<number, string[]>();
  for (const d of await db.selectFrom('unit_duties').select(['unit_id', 'category_path']).execute()) {
    duties.set(d.unit_id, [...(duties.get(d.unit_id) ?? []), d.category_path]);
  }
  const covering = (unitId: number) => (order.category === '' ? [] : (duties.get(unitId) ?? []).filter((p) => coversCategory(p, order.category)));

  const candidates = new Map<number, Candidate>();
  const add = (unitId: number, score: number, reason: string) => {
    if (units.get(unitId)?.active !== 1) return; // a deactivated unit is never suggested
    const c = candidates.get(unitId) ?? { unitId, score: 0, reasons: [] };
    c.score += score;
    c.reasons.push(reason);
    candidates.set(unitId, c);
  };

  // 1. History of the same 小区/road: who leads there at all, and who leads this kind of matter there.
  const area = order.residential_area?.trim();
  if (area) {
    const since = ctx.now() - SUGGEST_LOOKBACK_DAYS * DAY_MS;
    const top = order.category.split('/')[0] ?? '';
    const rows = await pastLeadsQuery(db, area, since, order.id, top).execute();
    const total = rows.reduce((sum, r) => sum + Number(r.n), 0);
    const sameTotal = rows.reduce((sum, r) => sum + Number(r.same ?? 0), 0);
    for (const r of rows) {
      const n = Number(r.n);
      const same = Number(r.same ?? 0);
      const score = 25 * (n / total) + Math.min(n, 10) + (same > 0 ? 35 * (same / sameTotal) + 2 * Math.min(same, 10) : 0);
      const ofKind = same > 0 ? `（其中「${top}」类${same}件）` : '';
      add(r.unit_id, score, `该小区近${SUGGEST_LOOKBACK_DAYS}天${n}件由${units.get(r.unit_id)?.name ?? ''}主办${ofKind}`);
    }
  }

  // 2. Routing rules of the category, most specific first.
  if (order.category !== '') {
    const rules = await adminDb(db).selectFrom('routing_rules').select(['category_prefix', 'unit_id']).execute();
    const matching = rules.filter((r) => coversCategory(r.category_prefix, order.category));
    matching.sort((a, b) => b.category_prefix.length - a.category_prefix.length);
    for (const r of matching) {
      add(r.unit_id, 30 + 5 * r.category_prefix.split('/').length, `按分类规则：${r.category_prefix} → ${units.get(r.unit_id)?.name ?? ''}`);
    }
  }

  // 3. The order's own community, when its duty list covers the category.
  if (order.community_id !== null) {
    const paths = covering(order.community_id);
    if (paths.length > 0) add(order.community_id, 25, `工单所属社区，职责清单含「${paths[0]}」`);
  }

  const out: LeadSuggestion[] = [];
  for (const c of candidates.values()) {
    const unit = units.get(c.unitId)!;
    const outsideDuty = unit.kind === 'community' && order.category !== '' && covering(c.unitId).length === 0;
    const reasons = outsideDuty ? [...c.reasons, '不在该社区职责清单内，由其主办需填写理由'] : c.reasons;
    out.push({
      unitId: c.unitId,
      unitName: unit.name,
      unitKind: unit.kind as UnitKind,
      reason: reasons.join('；'),
      reasons,
      score: Math.round(c.score * 10) / 10,
      outsideDuty,
    });
  }
  const order_ = (id: number) => units.get(id)?.sort_order ?? 0;
  out.sort((a, b) => Number(a.outsideDuty) - Number(b.outsideDuty) || b.score - a.score || order_(a.unitId) - order_(b.unitId) || a.unitId - b.unitId);
  return out.slice(0, MAX_SUGGESTIONS);
}
