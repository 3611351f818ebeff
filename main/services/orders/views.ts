/**
 * Saved views of the left rail: the built-in ones (fixed filters, some relative to now or to the clerk)
 * and the clerks' own (name + filter + sort + column state), which their owner may rename, reorder,
 * share and delete. Each clerk may also keep a column layout of any view (view_layouts).
 * Owner = the call's actor string until accounts exist.
 */
import { z } from 'zod';
import { AppError } from '../../../preload/contract/errors.js';
import {
  ALL_ORDERS_VIEW_KEY,
  BUILTIN_VIEW,
  ColumnState,
  OrderFilter,
  OrderSort,
  type BuiltinView,
  type MethodArgs,
  type SavedView,
} from '../../../preload/api.js';
import type { ServiceContext } from '../context.js';
import { HANDLING_OPEN, STILL_OPEN } from './filters.js';
import type { OrderGrid } from './grid.js';
import { triageDb, type SavedViewTable } from './triageTables.js';
import type { Selectable } from 'kysely';

const byReceived = (direction: 'asc' | 'desc'): OrderSort => ({ column: 'receivedAt', direction });
const byHandleDue: OrderSort = { column: 'handleDueAt', direction: 'asc' };

/** The built-in views: filter and sort, given the clerk's staff id (我的待办 needs one). */
export function builtinDefinition(code: BuiltinView, staffId: number | undefined): { filter: OrderFilter; sort: OrderSort } {
  const open = [...HANDLING_OPEN];
  switch (code) {
    case 'pending':
      return { filter: { statuses: ['received'] }, sort: byReceived('asc') };
    case 'mine':
      return { filter: { statuses: open, ...(staffId !== undefined ? { mineStaffId: staffId } : {}) }, sort: byHandleDue };
    case 'dueSoon':
      return {
        filter: { statuses: open, deadlineBands: [{ kind: 'firstContact', band: 'soon' }, { kind: 'handle', band: 'soon' }] },
        sort: byHandleDue,
      };
    case 'overdue':
      return {
        filter: { statuses: open, deadlineBands: [{ kind: 'firstContact', band: 'overdue' }, { kind: 'handle', band: 'overdue' }] },
        sort: byHandleDue,
      };
    case 'awaitingCallback':
      return { filter: { statuses: ['replied'] }, sort: byReceived('asc') };
    case 'secondRound':
      return { filter: { secondRound: true }, sort: byReceived('desc') };
    case 'duplicates':
      return { filter: { statuses: [...STILL_OPEN], flags: { duplicate: true } }, sort: byReceived('desc') };
    case 'difficult':
      return { filter: { statuses: [...STILL_OPEN], flags: { difficult: true } }, sort: byReceived('desc') };
    case 'thisWeek':
      return { filter: { receivedIn: 'thisWeek' }, sort: byReceived('desc') };
  }
}

const userKey = (id: number) => `v${id}`;

function parseJson<T>(schema: z.ZodType<T>, json: string | null): T | null {
  if (json === null) return null;
  try {
    const r = schema.safeParse(JSON.parse(json));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

async function layoutsOf(ctx: ServiceContext, actor: string): Promise<Map<string, ColumnState>> {
  const rows = await triageDb(ctx.handle.db).selectFrom('view_layouts').select(['view_key', 'column_state_json']).where('owner', '=', actor).execute();
  const map = new Map<string, ColumnState>();
  for (const r of rows) {
    const state = parseJson(ColumnState, r.column_state_json);
    if (state) map.set(r.view_key, state);
  }
  return map;
}

/** The clerk's layout of the grid with no view chosen (全部工单). */
export async function allOrdersLayout(ctx: ServiceContext, actor: string): Promise<ColumnState | null> {
  return (await layoutsOf(ctx, actor)).get(ALL_ORDERS_VIEW_KEY) ?? null;
}

function toView(row: Selectable<SavedViewTable>, actor: string, layout: ColumnState | undefined): SavedView {
  const filter = parseJson(OrderFilter, row.filter_json);
  return {
    key: userKey(row.id),
    builtin: null,
    id: row.id,
    name: row.name,
    filter: filter ?? {},
    sort: parseJson(OrderSort, row.sort_json) ?? byReceived('desc'),
    columnState: layout ?? parseJson(ColumnState, row.column_state_json),
    owner: row.owner,
    shared: row.shared === 1,
    own: row.owner === actor,
    needsStaff: false,
    // A stored filter this version no longer understands is not run (it would show everything).
    problem: filter ? null : '保存的筛选条件已不适用于当前版本，请重新编辑此视图。',
    version: row.version,
  };
}

/** Built-ins first, then the clerk's own views in their order, then the others' shared views. */
export async function listViews(ctx: ServiceContext, actor: string, staffId?: number): Promise<SavedView[]> {
  const layouts = await layoutsOf(ctx, actor);
  const builtins: SavedView[] = BUILTIN_VIEW.codes.map((code) => ({
    key: code,
    builtin: code,
    id: null,
    name: BUILTIN_VIEW.label[code],
    ...builtinDefinition(code, staffId),
    columnState: layouts.get(code) ?? null,
    owner: null,
    shared: true,
    own: false,
    needsStaff: code === 'mine' && staffId === undefined,
    problem: null,
    version: null,
  }));
  const rows = await triageDb(ctx.handle.db)
    .selectFrom('saved_views')
    .selectAll()
    .where((eb) => eb.or([eb('owner', '=', actor), eb('shared', '=', 1)]))
    .execute();
  rows.sort((a, b) => {
    const mine = Number(b.owner === actor) - Number(a.owner === actor);
    if (mine !== 0) return mine;
    if (a.owner !== b.owner) return a.owner < b.owner ? -1 : 1;
    return a.sort_order - b.sort_order || a.id - b.id;
  });
  return [...builtins, ...rows.map((r) => toView(r, actor, layouts.get(userKey(r.id))))];
}

/** Every view's live count (null: 我的待办 without a staff id, or a view whose filter is broken). Counts are cached by the grid per data change. */
export async function viewCounts(ctx: ServiceContext, grid: OrderGrid, actor: string, staffId?: number): Promise<Record<string, number | null>> {
  const counts: Record<string, number | null> = {};
  for (const v of await listViews(ctx, actor, staffId)) {
    counts[v.key] = v.needsStaff || v.problem ? null : await grid.count(v.filter);
  }
  return counts;
}

async function ownView(ctx: ServiceContext, actor: string, id: number): Promise<Selectable<SavedViewTable>> {
  const row = await triageDb(ctx.handle.db).selectFrom('saved_views').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || (row.owner !== actor && row.shared !== 1)) throw new AppError('NOT_FOUND', `视图不存在（编号 ${id}），可能已被删除。`);
  if (row.owner !== actor) throw new AppError('FORBIDDEN', `视图「${row.name}」由 ${row.owner} 创建，只有创建人可以修改或删除；可另存为自己的视图。`);
  return row;
}

function duplicateName(e: unknown, name: string): unknown {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' ? new AppError('INVALID_INPUT', `已有名为「${name}」的视图，请换一个名称。`, { cause: e }) : e;
}

export async function createView(ctx: ServiceContext, actor: string, args: MethodArgs<'views.create'>): Promise<SavedView> {
  const db = triageDb(ctx.handle.db);
  const now = ctx.now();
  const last = await db.selectFrom('saved_views').select((eb) => eb.fn.max('sort_order').as('m')).where('owner', '=', actor).executeTakeFirst();
  try {
    const row = await db
      .insertInto('saved_views')
      .values({
        owner: actor,
        name: args.name,
        filter_json: JSON.stringify(args.filter),
        sort_json: JSON.stringify(args.sort),
        column_state_json: args.columnState ? JSON.stringify(args.columnState) : null,
        shared: args.shared ? 1 : 0,
        sort_order: Number(last?.m ?? 0) + 1,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toView(row, actor, undefined);
  } catch (e) {
    throw duplicateName(e, args.name);
  }
}

export async function updateView(ctx: ServiceContext, actor: string, args: MethodArgs<'views.update'>): Promise<SavedView> {
  const row = await ownView(ctx, actor, args.id);
  if (row.version !== args.version) {
    throw new AppError('STALE_VERSION', `视图「${row.name}」已在别处修改（您看到的是第 ${args.version} 版，现在是第 ${row.version} 版），请刷新后重试。`);
  }
  const patch = {
    ...(args.name !== undefined ? { name: args.name } : {}),
    ...(args.filter !== undefined ? { filter_json: JSON.stringify(args.filter) } : {}),
    ...(args.sort !== undefined ? { sort_json: JSON.stringify(args.sort) } : {}),
    ...(args.columnState !== undefined ? { column_state_json: args.columnState === null ? null : JSON.stringify(args.columnState) } : {}),
    ...(args.shared !== undefined ? { shared: args.shared ? 1 : 0 } : {}),
  };
  try {
    const updated = await triageDb(ctx.handle.db)
      .updateTable('saved_views')
      .set({ ...patch, updated_at: ctx.now(), version: row.version + 1 })
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw new AppError('STALE_VERSION', `视图「${row.name}」刚被修改，请刷新后重试。`);
    const layouts = await layoutsOf(ctx, actor);
    return toView(updated, actor, layouts.get(userKey(updated.id)));
  } catch (e) {
    throw duplicateName(e, args.name ?? row.name);
  }
}

/** Puts the clerk's listed views first, in the given order; unlisted own views follow in their old order. */
export async function reorderViews(ctx: ServiceContext, actor: string, ids: number[], staffId?: number): Promise<SavedView[]> {
  if (new Set(ids).size !== ids.length) throw new AppError('INVALID_INPUT', '视图顺序中有重复的视图。');
  await ctx.handle.db.transaction().execute(async (trx) => {
    const db = triageDb(trx);
    const own = await db.selectFrom('saved_views').select(['id', 'sort_order']).where('owner', '=', actor).orderBy('sort_order').orderBy('id').execute();
    const ownIds = new Set(own.map((v) => v.id));
    const foreign = ids.find((id) => !ownIds.has(id));
    if (foreign !== undefined) throw new AppError('FORBIDDEN', `视图（编号 ${foreign}）不是您创建的，不能调整它的顺序。`);
    const order = [...ids, ...own.map((v) => v.id).filter((id) => !ids.includes(id))];
    for (const [i, id] of order.entries()) await db.updateTable('saved_views').set({ sort_order: i + 1 }).where('id', '=', id).execute();
  });
  return listViews(ctx, actor, staffId);
}

export async function deleteView(ctx: ServiceContext, actor: string, id: number): Promise<{ deleted: boolean }> {
  const row = await ownView(ctx, actor, id);
  await ctx.handle.db.transaction().execute(async (trx) => {
    await triageDb(trx).deleteFrom('view_layouts').where('view_key', '=', userKey(row.id)).execute();
    await triageDb(trx).deleteFrom('saved_views').where('id', '=', row.id).execute();
  });
  return { deleted: true };
}

/** Saves (or, with null, forgets) the clerk's column layout of a view they can see. */
export async function saveLayout(ctx: ServiceContext, actor: string, args: MethodArgs<'views.saveLayout'>): Promise<{ saved: boolean }> {
  const db = triageDb(ctx.handle.db);
  // 'all': the grid with no view chosen (全部工单) has a layout of its own too.
  const builtin = args.key === ALL_ORDERS_VIEW_KEY || (BUILTIN_VIEW.codes as readonly string[]).includes(args.key);
  const userId = /^v(\d+)$/.exec(args.key)?.[1];
  if (!builtin) {
    const row = userId ? await db.selectFrom('saved_views').select(['owner', 'shared']).where('id', '=', Number(userId)).executeTakeFirst() : undefined;
    if (!row || (row.owner !== actor && row.shared !== 1)) throw new AppError('NOT_FOUND', `视图「${args.key}」不存在，可能已被删除。`);
  }
  if (args.columnState === null) {
    await db.deleteFrom('view_layouts').where('view_key', '=', args.key).where('owner', '=', actor).execute();
  } else {
    const json = JSON.stringify(args.columnState);
    const updated_at = ctx.now();
    await db
      .insertInto('view_layouts')
      .values({ view_key: args.key, owner: actor, column_state_json: json, updated_at })
      .onConflict((oc) => oc.columns(['view_key', 'owner']).doUpdateSet({ column_state_json: json, updated_at }))
      .execute();
  }
  return { saved: true };
}
