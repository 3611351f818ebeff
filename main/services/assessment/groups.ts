/**
 * The dimensions figures are grouped by, as SQL over `orders o` (and its 主办 row `lo` when needed),
 * with the Chinese names and the order the groups are listed in.
 *
 *  - community: the order's community ('0' = none);
 *  - department: the 主办 unit — usually a 科室, sometimes a community that leads ('0' = not assigned);
 *  - handler: the 主办's 经办人 ('0' = none named);
 *  - category: the first level ('城市管理') or the full path; '' = unclassified.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { AppError } from '../../../preload/contract/errors.js';
import { ASSESSMENT_GROUP_BY, type AssessmentGroupBy } from '../../../preload/contract/methods/assessment.js';

export type CategoryLevel = 'top' | 'full';

export interface GroupDim {
  by: AssessmentGroupBy;
  /** The key expression (compared and grouped in SQL). */
  key: RawBuilder<unknown>;
  /** The joins the key needs, after `FROM … orders o`. */
  joins: RawBuilder<unknown>;
  /** The key needs no order column beyond those of orders_assessment (migration 006). */
  factsOnly: boolean;
  /** The SQL value of a key given as text; refuses a malformed one. */
  value(text: string): string | number;
  /** Every group to show, in order, with its name: the known units first, then whatever data holds. */
  catalog(db: Kysely<Database>, seen: readonly string[]): Promise<Array<{ key: string; label: string }>>;
}

const NO_JOIN = sql``;
const LEAD_JOIN = sql`LEFT JOIN order_units lo ON lo.order_id = o.id AND lo.role = 'lead'`;
const TOP_CATEGORY = sql`CASE WHEN instr(o.category, '/') > 0 THEN substr(o.category, 1, instr(o.category, '/') - 1) ELSE o.category END`;

const zh = new Intl.Collator('zh-Hans-CN');

function idValue(by: AssessmentGroupBy) {
  return (text: string): number => {
    if (!/^\d{1,12}$/.test(text)) throw new AppError('INVALID_INPUT', `分组「${text.slice(0, 20)}」不是有效的${ASSESSMENT_GROUP_BY.label[by]}编号。`);
    return Number(text);
  };
}

/** Named rows first (in their own order), then unknown ids met in the data, then the "none" group. */
function ordered(named: Array<{ id: number; name: string }>, seen: readonly string[], none: string, includeAllNamed: boolean) {
  const seenSet = new Set(seen);
  const out: Array<{ key: string; label: string }> = [];
  for (const n of named) if (includeAllNamed || seenSet.has(String(n.id))) out.push({ key: String(n.id), label: n.name });
  const listed = new Set(out.map((o) => o.key));
  const rest = [...seenSet].filter((k) => k !== '0' && !listed.has(k)).sort((a, b) => Number(a) - Number(b));
  for (const k of rest) out.push({ key: k, label: `（已删除 #${k}）` });
  if (seenSet.has('0')) out.push({ key: '0', label: none });
  return out;
}

async function unitsOf(db: Kysely<Database>, kind: 'community' | 'department' | null) {
  let q = db.selectFrom('units').select(['id', 'name', 'kind', 'active']).orderBy('kind').orderBy('sort_order').orderBy('id');
  if (kind) q = q.where('kind', '=', kind);
  return q.execute();
}

export function groupDim(by: AssessmentGroupBy, categoryLevel: CategoryLevel): GroupDim {
  switch (by) {
    case 'none':
      return {
        by,
        key: sql`''`,
        joins: NO_JOIN,
        factsOnly: true,
        value: (text) => {
          if (text !== '') throw new AppError('INVALID_INPUT', '未分组时不能指定分组。');
          return '';
        },
        catalog: async () => [{ key: '', label: '全街道' }],
      };
    case 'community':
      return {
        by,
        key: sql`coalesce(o.community_id, 0)`,
        joins: NO_JOIN,
        factsOnly: true,
        value: idValue(by),
        // Every active community is listed, with "—" where it had no callbacks: a ranking shows them all.
        catalog: async (db, seen) => {
          const seenSet = new Set(seen);
          const units = (await unitsOf(db, 'community')).filter((u) => u.active === 1 || seenSet.has(String(u.id)));
          return ordered(units, seen, '未指定社区', true);
        },
      };
    case 'department':
      return {
        by,
        key: sql`coalesce(lo.unit_id, 0)`,
        joins: LEAD_JOIN,
        factsOnly: true,
        value: idValue(by),
        catalog: async (db, seen) => {
          const seenSet = new Set(seen);
          // Active 科室 always; communities only when they led something in the period.
          const units = (await unitsOf(db, null))
            .filter((u) => (u.kind === 'department' && u.active === 1) || seenSet.has(String(u.id)))
            .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'department' ? -1 : 1));
          return ordered(units, seen, '未派单', true);
        },
      };
    case 'handler':
      return {
        by,
        key: sql`coalesce(lo.handler_staff_id, 0)`,
        joins: LEAD_JOIN,
        factsOnly: true,
        value: idValue(by),
        catalog: async (db, seen) => {
          const ids = seen.filter((k) => k !== '0').map(Number);
          const staff = ids.length ? await db.selectFrom('staff').select(['id', 'name']).where('id', 'in', ids).execute() : [];
          staff.sort((a, b) => zh.compare(a.name, b.name) || a.id - b.id);
          return ordered(staff, seen, '未指定经办人', false);
        },
      };
    case 'category':
      return {
        by,
        key: categoryLevel === 'top' ? TOP_CATEGORY : sql`o.category`,
        joins: NO_JOIN,
        factsOnly: false,
        value: (text) => text,
        catalog: async (_db, seen) => {
          const keys = [...new Set(seen)];
          const named = keys.filter((k) => k !== '').sort((a, b) => zh.compare(a, b));
          return [...named.map((k) => ({ key: k, label: k })), ...(keys.includes('') ? [{ key: '', label: '未分类' }] : [])];
        },
      };
  }
}

/** The group's name, for titles. */
export async function groupLabel(db: Kysely<Database>, dim: GroupDim, key: string): Promise<string> {
  return (await dim.catalog(db, [key])).find((g) => g.key === key)?.label ?? key;
}
