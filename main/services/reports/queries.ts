/**
 * The report's own counts and lists, straight SQL over `orders` for one period [from, to). The 三率 and
 * 存量/增量/首办 come from the assessment engine; what is here is what only the reports show: intake by
 * type, community, category and 七有五性, replies, deadlines missed, and the order lists.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { OPEN_STATUSES } from '../assessment/index.js';

type Db = Kysely<Database>;

export const INTAKE_KEYS = {
  appealType: sql`o.appeal_type`,
  source: sql`o.source`,
  community: sql`coalesce(o.community_id, 0)`,
  topCategory: sql`CASE WHEN instr(o.category, '/') > 0 THEN substr(o.category, 1, instr(o.category, '/') - 1) ELSE o.category END`,
  /** 一级/二级: specific enough to name a problem, few enough to rank. */
  category: sql`CASE WHEN instr(substr(o.category, instr(o.category, '/') + 1), '/') > 0
    THEN substr(o.category, 1, instr(o.category, '/') + instr(substr(o.category, instr(o.category, '/') + 1), '/') - 1)
    ELSE o.category END`,
} satisfies Record<string, RawBuilder<unknown>>;
export type IntakeKey = keyof typeof INTAKE_KEYS;

const OPEN = sql.join(OPEN_STATUSES.map((s) => sql.lit(s)));

/** Orders received in [from, to) counted by a key, most first. */
export async function intakeBy(db: Db, key: IntakeKey, from: number, to: number): Promise<Map<string, number>> {
  const { rows } = await sql<{ k: string | number; n: number }>`SELECT ${INTAKE_KEYS[key]} AS k, count(*) AS n FROM orders o
    WHERE o.received_at >= ${from} AND o.received_at < ${to} GROUP BY k ORDER BY n DESC, k`.execute(db);
  return new Map(rows.map((r) => [String(r.k), r.n]));
}

/** Orders received per Beijing day in [from, to): 'YYYY-MM-DD' → count. */
export async function intakeByDay(db: Db, from: number, to: number): Promise<Map<string, number>> {
  const { rows } = await sql<{ d: string; n: number }>`SELECT date((o.received_at + 28800000) / 1000, 'unixepoch') AS d, count(*) AS n
    FROM orders o WHERE o.received_at >= ${from} AND o.received_at < ${to} GROUP BY d`.execute(db);
  return new Map(rows.map((r) => [r.d, r.n]));
}

/**
 * Intake by the 七有五性 dimension of the order's category, or of its nearest parent that has one.
 * Counted by category in SQL (a few hundred paths), mapped to dimensions here.
 */
export async function intakeByLivelihood(db: Db, from: number, to: number): Promise<Map<string, number>> {
  const { rows } = await sql<{ k: string; n: number }>`SELECT o.category AS k, count(*) AS n FROM orders o
    WHERE o.received_at >= ${from} AND o.received_at < ${to} GROUP BY k`.execute(db);
  const dims = new Map((await db.selectFrom('categories').select(['path', 'livelihood_dimension']).where('livelihood_dimension', 'is not', null).execute()).map((c) => [c.path, c.livelihood_dimension!]));
  const dimensionOf = (path: string): string => {
    for (let p = path; p !== ''; p = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '') {
      const d = dims.get(p);
      if (d) return d;
    }
    return '';
  };
  const out = new Map<string, number>();
  for (const r of rows) out.set(dimensionOf(r.k), (out.get(dimensionOf(r.k)) ?? 0) + r.n);
  return new Map([...out].sort((a, b) => b[1] - a[1]));
}

/** Orders replied (办结反馈) in [from, to). */
export async function repliedCount(db: Db, from: number, to: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM orders o WHERE o.replied_at >= ${from} AND o.replied_at < ${to}`.execute(db);
  return rows[0]?.n ?? 0;
}

/**
 * 超时 of a period: orders whose handling deadline fell in [from, to) and that were not replied by it
 * (still open, or replied late), by community. A past period's figure does not change later.
 */
export async function overdueBy(db: Db, key: 'community' | 'department', from: number, to: number): Promise<Map<string, number>> {
  const k = key === 'community' ? sql`coalesce(o.community_id, 0)` : sql`coalesce(lo.unit_id, 0)`;
  const join = key === 'community' ? sql`` : sql`LEFT JOIN order_units lo ON lo.order_id = o.id AND lo.role = 'lead'`;
  const { rows } = await sql<{ k: number; n: number }>`SELECT ${k} AS k, count(*) AS n FROM orders o ${join}
    WHERE o.handle_due_at >= ${from} AND o.handle_due_at < ${to} AND o.status <> 'returned'
      AND (o.replied_at IS NULL OR o.replied_at > o.handle_due_at) GROUP BY k`.execute(db);
  return new Map(rows.map((r) => [String(r.k), r.n]));
}

export interface ListedOrder {
  id: number;
  orderNo: string;
  receivedAt: number;
  handleDueAt: number;
  community: string;
  category: string;
  content: string;
  tier: string;
  status: string;
  supervised: number;
  difficult: number;
  address: string;
}

const LIST_COLUMNS = sql`o.id AS id, o.order_no AS orderNo, o.received_at AS receivedAt, o.handle_due_at AS handleDueAt,
  coalesce(u.name, '') AS community, o.category AS category, o.content AS content, o.tier AS tier, o.status AS status,
  o.supervised AS supervised, o.difficult AS difficult, o.address AS address`;

async function list(db: Db, where: RawBuilder<unknown>, order: RawBuilder<unknown>, limit: number): Promise<{ total: number; rows: ListedOrder[] }> {
  const { rows: count } = await sql<{ n: number }>`SELECT count(*) AS n FROM orders o WHERE ${where}`.execute(db);
  const { rows } = await sql<ListedOrder>`SELECT ${LIST_COLUMNS} FROM orders o LEFT JOIN units u ON u.id = o.community_id
    WHERE ${where} ORDER BY ${order} LIMIT ${limit}`.execute(db);
  return { total: count[0]?.n ?? 0, rows };
}

/** 紧急及敏感件: received in the period and urgent, 督办 or 疑难. */
export function urgentOrders(db: Db, from: number, to: number, limit: number) {
  return list(db, sql`o.received_at >= ${from} AND o.received_at < ${to} AND (o.tier = 'urgent' OR o.supervised = 1 OR o.difficult = 1)`, sql`o.received_at, o.id`, limit);
}

/** Still open at `at` (now, for a running period) and past the handling deadline, oldest deadline first. */
export function overdueOrders(db: Db, at: number, limit: number) {
  return list(db, sql`o.status IN (${OPEN}) AND o.handle_due_at < ${at}`, sql`o.handle_due_at, o.id`, limit);
}

/** 疑难 orders still open. */
export function difficultOrders(db: Db, limit: number) {
  return list(db, sql`o.status IN (${OPEN}) AND o.difficult = 1`, sql`o.received_at, o.id`, limit);
}

/** The most recent order of a category (一级/二级 prefix) in the period: a typical case. */
export async function typicalCase(db: Db, categoryPrefix: string, from: number, to: number): Promise<ListedOrder | null> {
  const { rows } = await list(db, sql`o.received_at >= ${from} AND o.received_at < ${to} AND (o.category = ${categoryPrefix} OR o.category LIKE ${`${categoryPrefix}/%`}) AND length(o.content) >= 10`, sql`o.received_at DESC, o.id DESC`, 1);
  return rows[0] ?? null;
}

/** Orders the street opened itself (主动发现) in the period. */
export async function proactiveCount(db: Db, from: number, to: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM orders o WHERE o.source = 'proactive' AND o.received_at >= ${from} AND o.received_at < ${to}`.execute(db);
  return rows[0]?.n ?? 0;
}

/** 每月一题 orders received in the period. */
export async function monthlyTopicCount(db: Db, from: number, to: number): Promise<number> {
  // Driven by the period's orders (the tag is on a large share of all orders).
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM orders o WHERE o.received_at >= ${from} AND o.received_at < ${to}
    AND EXISTS (SELECT 1 FROM order_tags t WHERE t.tag = 'monthly-topic' AND t.order_id = o.id)`.execute(db);
  return rows[0]?.n ?? 0;
}

/** Community × 一级分类 intake: the heat table of the monthly analysis. */
export async function communityCategoryMatrix(db: Db, from: number, to: number): Promise<Array<{ community: string; category: string; n: number }>> {
  const { rows } = await sql<{ community: number; category: string; n: number }>`SELECT coalesce(o.community_id, 0) AS community,
      ${INTAKE_KEYS.topCategory} AS category, count(*) AS n FROM orders o
    WHERE o.received_at >= ${from} AND o.received_at < ${to} GROUP BY community, category`.execute(db);
  return rows.map((r) => ({ community: String(r.community), category: r.category, n: r.n }));
}

/** Names of the street's communities (id → name), in their order. */
export async function communityNames(db: Db): Promise<Array<{ key: string; label: string }>> {
  const rows = await db.selectFrom('units').select(['id', 'name']).where('kind', '=', 'community').orderBy('sort_order').orderBy('id').execute();
  return rows.map((r) => ({ key: String(r.id), label: r.name }));
}
