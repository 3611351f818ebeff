/**
 * The callbacks of a period, counted in SQL: one query per formula segment, grouped by the dimension's
 * key and by the facts the exclusions look at (appeal type, approved 不合理诉求 / 重复件), so that the
 * formula — not the query — decides what is left out. The valid callbacks of the range come from
 * callbacks_assessment alone, each order's facts from one seek in orders_assessment (migration 006).
 *
 * `callbackRows` lists the same callbacks one by one (for the drill-down) through the same rules, so a
 * figure and the orders behind it can never disagree.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { isExcluded, type Segment } from './formulas.js';
import type { GroupDim } from './groups.js';
import { addCallbacks, emptyTally, type CallbackCounts, type Tally } from './rates.js';

interface BucketRow extends CallbackCounts {
  g: string | number;
  t: string;
  ua: number;
  da: number;
}

const facts = sql`o.appeal_type AS t,
  (o.unreasonable = 1 AND o.unreasonable_approved = 1) AS ua,
  (o.duplicate_of IS NOT NULL AND o.duplicate_approved = 1) AS da`;

/**
 * The order side of the join. When the dimension needs only the facts, the narrow orders_assessment
 * index is named: without statistics (a clerk's database gets them only when seeded) SQLite always
 * prefers the rowid lookup into the wide order row, which costs twice as much at a million orders.
 */
function ordersOf(dim: GroupDim) {
  return dim.factsOnly ? sql`orders o INDEXED BY orders_assessment` : sql`orders o`;
}

function groupFilter(dim: GroupDim, group: string | undefined) {
  return group === undefined ? sql`` : sql`AND ${dim.key} = ${dim.value(group)}`;
}

export function bucketQuery(dim: GroupDim, seg: { from: number; to: number }, group?: string) {
  return sql<BucketRow>`
    SELECT ${dim.key} AS g, ${facts},
      count(*) AS n,
      sum(c.contacted = 1) AS contacted,
      sum(c.resolution = 'resolved') AS resolved,
      sum(c.resolution = 'partial') AS partial,
      sum(c.resolution = 'unresolved') AS unresolved,
      sum(c.satisfaction = 'satisfied') AS satisfied,
      sum(c.satisfaction = 'basic') AS basic,
      sum(c.satisfaction = 'unsatisfied') AS unsatisfied,
      sum(c.satisfaction = 'none') AS unrated
    FROM callbacks c JOIN ${ordersOf(dim)} ON o.id = c.order_id ${dim.joins}
    WHERE c.at >= ${seg.from} AND c.at < ${seg.to} AND c.valid = 1 ${groupFilter(dim, group)}
    GROUP BY 1, 2, 3, 4`;
}

/** Tallies per group key over the segments (each with its own formula). */
export async function tallyCallbacks(db: Kysely<Database>, dim: GroupDim, segments: Segment[], group?: string): Promise<Map<string, Tally>> {
  const byGroup = new Map<string, Tally>();
  for (const seg of segments) {
    const { rows } = await bucketQuery(dim, seg, group).execute(db);
    for (const r of rows) {
      const key = String(r.g);
      let t = byGroup.get(key);
      if (!t) byGroup.set(key, (t = emptyTally()));
      const excluded = isExcluded(seg.formula, { appealType: r.t, unreasonableApproved: r.ua === 1, duplicateApproved: r.da === 1 });
      addCallbacks(t, seg.formula, r, excluded);
    }
  }
  return byGroup;
}

export interface CallbackRow {
  id: number;
  orderId: number;
  at: number;
  contacted: boolean;
  resolution: string;
  satisfaction: string;
  /** Left out by the formula in force on its day. */
  excluded: boolean;
}

export function rowQuery(dim: GroupDim, seg: { from: number; to: number }, group?: string) {
  return sql<{ id: number; order_id: number; at: number; contacted: number; resolution: string; satisfaction: string; t: string; ua: number; da: number }>`
    SELECT c.id, c.order_id, c.at, c.contacted, c.resolution, c.satisfaction, ${facts}
    FROM callbacks c JOIN ${ordersOf(dim)} ON o.id = c.order_id ${dim.joins}
    WHERE c.at >= ${seg.from} AND c.at < ${seg.to} AND c.valid = 1 ${groupFilter(dim, group)}`;
}

/** The valid callbacks of the segments (optionally of one group), one by one. */
export async function callbackRows(db: Kysely<Database>, dim: GroupDim, segments: Segment[], group?: string): Promise<CallbackRow[]> {
  const out: CallbackRow[] = [];
  for (const seg of segments) {
    const { rows } = await rowQuery(dim, seg, group).execute(db);
    for (const r of rows) {
      out.push({
        id: r.id,
        orderId: r.order_id,
        at: r.at,
        contacted: r.contacted === 1,
        resolution: r.resolution,
        satisfaction: r.satisfaction,
        excluded: isExcluded(seg.formula, { appealType: r.t, unreasonableApproved: r.ua === 1, duplicateApproved: r.da === 1 }),
      });
    }
  }
  return out;
}
