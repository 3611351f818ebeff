/**
 * The 3-level category taxonomy (一级/二级/三级), stored as paths. Administrators add, rename and
 * deactivate nodes and set each leaf's default deadline tier and 七有五性 dimension.
 *
 * A path is the key other tables use (unit_duties, routing_rules, reply_templates), so renaming a node
 * rewrites its whole subtree's paths in all of them in one transaction — nothing is left pointing at a
 * path that no longer exists. Orders are deliberately NOT rewritten: an order's category is the
 * historic text the hotline dispatched it with, and reports over past periods must keep showing it.
 *
 * Deactivation does not cascade in the data: a node is in effect only when it and its ancestors are
 * active, so reactivating a parent restores its children exactly as they were.
 */
import { sql, type Kysely } from 'kysely';
import type { CategoryRow, Database } from '../../../db/schema.js';
import { AppError } from '../../../preload/contract/errors.js';
import { TIER, type Tier } from '../../../preload/contract/enums.js';
import type { CategoryLevel1, CategoryLevel2, CategoryNode, LivelihoodDimension } from '../../../preload/contract/methods/admin.js';
import type { ServiceContext } from '../context.js';
import { adminChange } from './audit.js';

/** True when `prefix` is `path` itself or one of its ancestors ('' covers everything). */
export function coversCategory(prefix: string, path: string): boolean {
  return prefix === '' || path === prefix || path.startsWith(`${prefix}/`);
}

function toNode(r: CategoryRow): CategoryNode {
  return {
    id: r.id,
    path: r.path,
    name: r.name,
    level: r.level,
    active: r.active === 1,
    defaultTier: r.default_tier && r.default_tier in TIER.label ? (r.default_tier as Tier) : null,
    livelihoodDimension: r.livelihood_dimension,
    sortOrder: r.sort_order,
  };
}

export async function categoryTree(ctx: ServiceContext, includeInactive = false): Promise<CategoryLevel1[]> {
  const rows = await ctx.handle.db.selectFrom('categories').selectAll().orderBy('level').orderBy('sort_order').orderBy('id').execute();
  const tops: CategoryLevel1[] = [];
  const seconds = new Map<string, CategoryLevel2>();
  const firsts = new Map<string, CategoryLevel1>();
  for (const r of rows) {
    if (!includeInactive && r.active !== 1) continue;
    const node = toNode(r);
    if (r.level === 1) {
      const top = { ...node, children: [] };
      firsts.set(r.path, top);
      tops.push(top);
    } else if (r.level === 2) {
      const parent = firsts.get(r.parent_path ?? '');
      if (!parent) continue; // parent hidden (inactive): so is its subtree
      const second = { ...node, children: [] };
      seconds.set(r.path, second);
      parent.children.push(second);
    } else {
      seconds.get(r.parent_path ?? '')?.children.push(node);
    }
  }
  return tops;
}

/** Refuses paths that are not categories of the taxonomy (duty lists, rules and templates name real ones). */
export async function assertCategoryPaths(db: Kysely<Database>, paths: readonly string[], what: string): Promise<void> {
  const wanted = [...new Set(paths)];
  if (wanted.length === 0) return;
  const found = new Set((await db.selectFrom('categories').select('path').where('path', 'in', wanted).execute()).map((r) => r.path));
  const missing = wanted.filter((p) => !found.has(p));
  if (missing.length > 0) {
    throw new AppError('INVALID_INPUT', `${what}中的分类不存在：${missing.slice(0, 5).map((p) => `「${p}」`).join('、')}${missing.length > 5 ? ` 等 ${missing.length} 项` : ''}。`);
  }
}

/** Rewrites `oldPath` and its descendants to `newPath` in one column; returns how many rows changed. */
async function renamePrefix(trx: Kysely<Database>, table: string, column: string, oldPath: string, newPath: string): Promise<number> {
  // substr counts characters (code points) in SQLite; so must we.
  const n = [...oldPath].length;
  const res = await sql`UPDATE OR REPLACE ${sql.table(table)} SET ${sql.ref(column)} = ${newPath} || substr(${sql.ref(column)}, ${n + 1})
    WHERE ${sql.ref(column)} = ${oldPath} OR substr(${sql.ref(column)}, 1, ${n + 1}) = ${`${oldPath}/`}`.execute(trx);
  return Number(res.numAffectedRows ?? 0);
}

interface RenameCounts {
  descendants: number;
  duties: number;
  rules: number;
  templates: number;
}

async function renameSubtree(trx: Kysely<Database>, oldPath: string, newPath: string): Promise<RenameCounts> {
  // Children reference their parent's path: check the foreign keys at commit, after the whole subtree moved.
  await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
  const n = [...oldPath].length;
  const moved = await sql`UPDATE categories SET
      path = ${newPath} || substr(path, ${n + 1}),
      parent_path = CASE WHEN parent_path = ${oldPath} OR substr(parent_path, 1, ${n + 1}) = ${`${oldPath}/`}
                         THEN ${newPath} || substr(parent_path, ${n + 1}) ELSE parent_path END
    WHERE path = ${oldPath} OR substr(path, 1, ${n + 1}) = ${`${oldPath}/`}`.execute(trx);
  return {
    descendants: Number(moved.numAffectedRows ?? 1) - 1,
    duties: await renamePrefix(trx, 'unit_duties', 'category_path', oldPath, newPath),
    rules: await renamePrefix(trx, 'routing_rules', 'category_prefix', oldPath, newPath),
    templates: await renamePrefix(trx, 'reply_templates', 'category_prefix', oldPath, newPath),
  };
}

export interface CategoryInput {
  id?: number | undefined;
  parentPath?: string | null | undefined;
  name?: string | undefined;
  active?: boolean | undefined;
  defaultTier?: Tier | null | undefined;
  livelihoodDimension?: LivelihoodDimension | null | undefined;
  sortOrder?: number | undefined;
}

async function byPath(trx: Kysely<Database>, path: string): Promise<CategoryRow | undefined> {
  return trx.selectFrom('categories').selectAll().where('path', '=', path).executeTakeFirst();
}

function refuseLeafFieldsAbove3(level: number, input: CategoryInput): void {
  if (level < 3 && (input.defaultTier || input.livelihoodDimension)) {
    throw new AppError('INVALID_INPUT', '默认时限档位和七有五性只能设在三级（末级）分类上。');
  }
}

async function createCategory(trx: Kysely<Database>, input: CategoryInput & { name: string }) {
  const parentPath = input.parentPath ?? null;
  let level = 1;
  if (parentPath !== null) {
    const parent = await byPath(trx, parentPath);
    if (!parent) throw new AppError('NOT_FOUND', `上级分类「${parentPath}」不存在。`);
    if (parent.level >= 3) throw new AppError('INVALID_INPUT', '分类最多三级，三级分类下不能再建下级。');
    if (parent.active !== 1) throw new AppError('INVALID_INPUT', `上级分类「${parentPath}」已停用，请先启用它。`);
    level = parent.level + 1;
  }
  refuseLeafFieldsAbove3(level, input);
  const path = parentPath === null ? input.name : `${parentPath}/${input.name}`;
  if (await byPath(trx, path)) throw new AppError('INVALID_INPUT', `分类「${path}」已存在。`);
  let sortOrder = input.sortOrder;
  if (sortOrder === undefined) {
    const q = trx.selectFrom('categories').select((eb) => eb.fn.max('sort_order').as('m'));
    const row = await (parentPath === null ? q.where('parent_path', 'is', null) : q.where('parent_path', '=', parentPath)).executeTakeFirst();
    sortOrder = Number(row?.m ?? -1) + 1;
  }
  const row = await trx
    .insertInto('categories')
    .values({
      path,
      level,
      parent_path: parentPath,
      name: input.name,
      default_tier: input.defaultTier ?? null,
      livelihood_dimension: input.livelihoodDimension ?? null,
      sort_order: sortOrder,
      active: input.active === false ? 0 : 1,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const node = toNode(row);
  return { result: node, event: { kind: 'admin.category' as const, summary: `新增${['一', '二', '三'][level - 1]}级分类「${path}」`, before: null, after: node } };
}

async function updateCategory(trx: Kysely<Database>, id: number, input: CategoryInput) {
  const before = await trx.selectFrom('categories').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw new AppError('NOT_FOUND', `分类不存在（内部编号 ${id}）。`);
  refuseLeafFieldsAbove3(before.level, input);
  const notes: string[] = [];
  let path = before.path;

  if (input.name !== undefined && input.name !== before.name) {
    path = before.parent_path === null ? input.name : `${before.parent_path}/${input.name}`;
    if (await byPath(trx, path)) throw new AppError('INVALID_INPUT', `同一上级下已有分类「${input.name}」，不能重名。`);
    const c = await renameSubtree(trx, before.path, path);
    await trx.updateTable('categories').set({ name: input.name }).where('id', '=', id).execute();
    const also = [
      c.descendants && `${c.descendants} 个下级分类`,
      c.duties && `${c.duties} 条职责清单`,
      c.rules && `${c.rules} 条派单规则`,
      c.templates && `${c.templates} 个答复模板`,
    ].filter(Boolean);
    notes.push(`改名「${before.path}」→「${path}」${also.length ? `（同步更新 ${also.join('、')}）` : ''}；已有工单保留原分类文字`);
  }
  if (input.active !== undefined && input.active !== (before.active === 1)) {
    if (input.active && before.parent_path !== null) {
      const parent = await byPath(trx, before.parent_path);
      if (parent && parent.active !== 1) throw new AppError('INVALID_INPUT', `上级分类「${parent.path}」已停用，请先启用它。`);
    }
    await trx.updateTable('categories').set({ active: input.active ? 1 : 0 }).where('id', '=', id).execute();
    notes.push(input.active ? '启用' : '停用（其下级分类随之不再可选）');
  }
  if (input.defaultTier !== undefined && input.defaultTier !== before.default_tier) {
    await trx.updateTable('categories').set({ default_tier: input.defaultTier }).where('id', '=', id).execute();
    notes.push(`默认时限档位：${input.defaultTier ? TIER.label[input.defaultTier] : '无'}`);
  }
  if (input.livelihoodDimension !== undefined && input.livelihoodDimension !== before.livelihood_dimension) {
    await trx.updateTable('categories').set({ livelihood_dimension: input.livelihoodDimension }).where('id', '=', id).execute();
    notes.push(`七有五性：${input.livelihoodDimension ?? '无'}`);
  }
  if (input.sortOrder !== undefined && input.sortOrder !== before.sort_order) {
    await trx.updateTable('categories').set({ sort_order: input.sortOrder }).where('id', '=', id).execute();
    notes.push('调整顺序');
  }
  const after = toNode(await trx.selectFrom('categories').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  return {
    result: after,
    event: { kind: 'admin.category' as const, summary: `分类「${path}」：${notes.join('；') || '无变化'}`, before: toNode(before), after },
  };
}

export async function upsertCategory(ctx: ServiceContext, actor: string, input: CategoryInput): Promise<CategoryNode> {
  return adminChange(ctx, actor, async (trx) => {
    if (input.id !== undefined) return updateCategory(trx, input.id, input);
    if (input.name === undefined) throw new AppError('INVALID_INPUT', '新建分类需要名称。');
    return createCategory(trx, { ...input, name: input.name });
  });
}
