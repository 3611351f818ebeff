/**
 * The orders grid's data: filtered, sorted pages, row positions and counts, computed in SQLite.
 *
 * Paging is keyset-first. Each page served leaves a cursor (the sort key of its last row) so the next
 * block continues with `(key, id) > cursor` — a seek, not an OFFSET scan. A jump far from any cursor
 * (dragging the scrollbar to the middle) finds its starting key once with an OFFSET from the nearer end,
 * then continues by keyset; that cursor is remembered too. Cursors are kept per filter and sort.
 *
 * With a filter (filters.ts), the count comes first (cached), and decides:
 *   ≤ SMALL_RESULT orders    the whole sorted id list is read once and kept: every page, jump and
 *                            position is then a slice or an indexOf;
 *   one indexed value        (one status, one community …) with a composite index for the sort
 *                            (migration 005): the keyset queries seek that index directly;
 *   anything else            a page near a cursor walks the sort index and tests each row (the filter's
 *                            probe form), within a window of the sort order sized for ~3 pages of
 *                            matches. When the window comes back short (the matches are rare in that
 *                            stretch: "received this month" by deadline), and for far jumps and
 *                            positions, a result of ≤ MEDIUM_RESULT is read whole as a sorted list;
 *                            a bigger one gets a TEMP id set (idSets.ts) whose membership the OFFSET
 *                            and keyset scans test with one seek per row.
 * Counts, lists, cursors and sets are dropped whenever data changes (our own writes through the
 * ChangeFeed, another process's commits through data_version). Time-relative filters resolve "now" to
 * the minute, so their caches last a minute.
 */
import { sql, type CompiledQuery, type SqlBool } from 'kysely';
import { externalDataVersion } from '../../../db/connection.js';
import { placeholder, toTemplate, type QueryTemplate } from '../../../db/templates.js';
import { AppError } from '../../../preload/contract/errors.js';
import type { OrderFilter, OrderGridRow, OrderSort, OrderSortColumn } from '../../../preload/api.js';
import type { ServiceContext } from '../context.js';
import { WORKFLOW_DEFAULTS, WORKFLOW_SETTING_KEYS } from '../workflow/settings.js';
import { and, minuteOf, resolveFilter, type Cond, type OnlyDimension, type ResolvedFilter } from './filters.js';
import { keyAtQuery, pageQuery, rowsBeforeQuery, rowsByIdsQuery, sortedIdsQuery, windowedPageQuery, type Cursor, type PageRow } from './gridQueries.js';
import { TempIdSets, type IdSet } from './idSets.js';
import { toGridRows } from './rows.js';
import { SearchHits } from './search.js';
import { SORT_KEYS, type SortKey } from './sortKeys.js';

/** How far past a known cursor a page may skip with a small OFFSET before a new anchor is cheaper. */
const NEAR_CURSOR_ROWS = 1000;
const MAX_CURSORS_PER_SORT = 2000;
/** Results up to this size are kept as their whole sorted id list. */
export const SMALL_RESULT = 10_000;
/** A result up to this size that is rare where a page is asked for is read whole once (sortedList). */
export const MEDIUM_RESULT = 50_000;
/** The fewest and the most rows of the sort order a filtered page looks through before taking another road. */
const MIN_WINDOW = 20_000;
const MAX_WINDOW = 50_000;
const TEMPLATE_CAPACITY = 400;

/** Filters of one condition whose index serves a sort directly: composites of migration 005, or the sort's own index. */
export const COMPOSITE_INDEXES: Record<OnlyDimension, Partial<Record<OrderSortColumn, string>>> = {
  status: { receivedAt: 'orders_status_received', handleDueAt: 'orders_status_handle_due', status: 'orders_status_sort' },
  community: { receivedAt: 'orders_community_received', community: 'orders_community_sort' },
  source: { receivedAt: 'orders_source_received' },
  tier: { receivedAt: 'orders_tier_received' },
  appealType: { appealType: 'orders_appeal_type_sort' },
  category: { category: 'orders_category_sort' },
  receivedAt: { receivedAt: 'orders_received_at_sort' },
  handleDueAt: { handleDueAt: 'orders_handle_due_sort' },
};

/** Size thresholds (tests lower them to drive every path with a handful of orders). */
export interface GridTuning {
  smallResult?: number;
  mediumResult?: number;
  minWindow?: number;
  maxWindow?: number;
  smallHits?: number;
  hugeHits?: number;
}

/** How a scan reaches the filter's rows: `where` on orders, and a shape naming it for the template cache. */
interface Route {
  where?: Cond;
  shape: string;
  /** Rows can be counted / skipped without testing every row (unfiltered, composite, id set). */
  seekable: boolean;
}

export class OrderGrid {
  private generation = 0;
  private seenExternal = -1;
  private total: number | null = null;
  private readonly cursors = new Map<string, Map<number, Cursor>>();
  private readonly counts = new Map<string, number>();
  private readonly lists = new Map<string, number[]>();
  private readonly templates = new Map<string, QueryTemplate>();
  private readonly sets: TempIdSets;
  private readonly search: SearchHits;
  private queue: Promise<unknown> = Promise.resolve();
  private warnQuery: CompiledQuery<{ value_json: string }> | undefined;

  private readonly smallResult: number;
  private readonly mediumResult: number;
  private readonly minWindow: number;
  private readonly maxWindow: number;

  constructor(
    private readonly ctx: ServiceContext,
    tuning: GridTuning = {},
  ) {
    this.smallResult = tuning.smallResult ?? SMALL_RESULT;
    this.mediumResult = tuning.mediumResult ?? MEDIUM_RESULT;
    this.minWindow = tuning.minWindow ?? MIN_WINDOW;
    this.maxWindow = tuning.maxWindow ?? MAX_WINDOW;
    this.sets = new TempIdSets(ctx.handle.db);
    this.search = new SearchHits(ctx.handle.db, this.sets, tuning);
  }

  /** Our own writes call this; other processes' commits are noticed through data_version. */
  invalidate(): void {
    this.generation++;
    this.total = null;
    this.cursors.clear();
    this.counts.clear();
    this.lists.clear();
    this.sets.invalidate();
    this.search.invalidate();
  }

  /** Matching orders (all orders without a filter). */
  count(filter?: OrderFilter): Promise<number> {
    return this.exclusive(async () => this.countOf(await this.resolve(filter, this.ctx.now())));
  }

  async page(sort: OrderSort, startRow: number, endRow: number, filter?: OrderFilter): Promise<{ rows: OrderGridRow[]; rowCount: number }> {
    return this.exclusive(async () => {
      const now = this.ctx.now();
      const warnWithinMs = await this.warnWithinMs();
      const rf = await this.resolve(filter, now, warnWithinMs);
      let rowCount = await this.countOf(rf);
      let raw: PageRow[] = [];
      if (!rf.empty && rowCount <= this.smallResult) {
        const list = await this.sortedList(rf, sort);
        rowCount = list.length;
        raw = await this.rowsByIds(list.slice(startRow, endRow));
      } else if (startRow < rowCount) {
        raw = await this.keysetPage(rf, sort, startRow, Math.min(endRow, rowCount) - startRow, rowCount);
      }
      return { rows: await toGridRows(this.ctx.handle.db, raw, now, warnWithinMs), rowCount };
    });
  }

  /** The row index of an order under a filter and sort, or null when it does not exist or does not match. */
  async position(sort: OrderSort, orderId: number, filter?: OrderFilter): Promise<number | null> {
    return this.exclusive(async () => {
      const rf = await this.resolve(filter, this.ctx.now());
      const key = SORT_KEYS[sort.column];
      const desc = sort.direction === 'desc';
      if (!rf.empty && (await this.countOf(rf)) <= this.smallResult) {
        const index = (await this.sortedList(rf, sort)).indexOf(orderId);
        return index < 0 ? null : index;
      }
      const scan = await this.scanRoute(rf, sort);
      if (!scan.seekable && (await this.countOf(rf)) <= this.mediumResult) {
        const index = (await this.sortedList(rf, sort)).indexOf(orderId);
        return index < 0 ? null : index;
      }
      const { db } = this.ctx.handle;
      const target = await db
        .selectFrom('orders')
        .select([key.expr.as('k'), 'id'])
        .where('id', '=', orderId)
        .$if(scan.where !== undefined, (q) => q.where(scan.where!))
        .executeTakeFirst();
      if (!target) return null;
      const route = await this.jumpRoute(rf, scan);
      const row = await rowsBeforeQuery(db, key, desc, { key: target.k, id: target.id }, route.where).executeTakeFirstOrThrow();
      return Number(row.earlier) + Number(row.same);
    });
  }

  /** Every matching id in the sort's order, for a bulk action on "all N matching"; refuses more than `max`. */
  async matchingIds(filter: OrderFilter, sort: OrderSort, max: number): Promise<number[]> {
    return this.exclusive(async () => {
      const rf = await this.resolve(filter, this.ctx.now());
      const n = await this.countOf(rf);
      if (n > max) {
        throw new AppError('INVALID_INPUT', `符合条件的工单有 ${n} 件，一次批量操作最多 ${max} 件。请缩小筛选范围后分批操作。`);
      }
      const where = rf.empty ? sql<SqlBool>`1` : await this.driveWhere(rf);
      return (await sortedIdsQuery(this.ctx.handle.db, SORT_KEYS[sort.column], sort.direction === 'desc', where).execute()).map((r) => r.id);
    });
  }

  // ---- internals -----------------------------------------------------------------------------------

  /** One grid operation at a time: TEMP sets are created and dropped only between operations. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      this.checkExternalChanges();
      await this.sets.dropStale();
      return fn();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private checkExternalChanges(): void {
    const v = externalDataVersion(this.ctx.handle.sqlite);
    if (v !== this.seenExternal) {
      if (this.seenExternal !== -1) this.invalidate();
      this.seenExternal = v;
    }
  }

  private async resolve(filter: OrderFilter | undefined, now: number, warnWithinMs?: number): Promise<ResolvedFilter> {
    if (filter?.deadlineBands?.length && warnWithinMs === undefined) warnWithinMs = await this.warnWithinMs();
    return resolveFilter(filter, { now: minuteOf(now), warnWithinMs: warnWithinMs ?? 0 });
  }

  /** ⚙ 即将超时 within this many hours (deadlines.warnWithinHours): read per request, one small query. */
  private async warnWithinMs(): Promise<number> {
    const { db } = this.ctx.handle;
    this.warnQuery ??= db.selectFrom('settings').select('value_json').where('key', '=', WORKFLOW_SETTING_KEYS.warnWithinHours).compile();
    const row = (await db.executeQuery(this.warnQuery)).rows[0];
    let hours = NaN;
    try {
      hours = row ? Number(JSON.parse(row.value_json)) : NaN;
    } catch {
      // an unreadable value falls back to the default, as the workflow's settings do
    }
    return Number.isFinite(hours) && hours > 0 ? hours * 3_600_000 : WORKFLOW_DEFAULTS.warnWithinMs;
  }

  private async countOf(rf: ResolvedFilter): Promise<number> {
    const { db } = this.ctx.handle;
    if (rf.empty) {
      if (this.total === null) {
        const row = await db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        this.total = Number(row.n);
      }
      return this.total;
    }
    let n = this.counts.get(rf.key);
    if (n === undefined) {
      const built = this.sets.peek(`filter:${rf.key}`);
      if (built) n = built.size;
      else if (rf.rest.length === 0 && rf.search) n = await this.search.count(rf.search);
      else if (this.onlyIds(rf)) n = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM (${this.onlyIds(rf)})`.execute(db)).rows[0]?.n ?? 0);
      else n = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM orders WHERE ${await this.driveWhere(rf)}`.execute(db)).rows[0]?.n ?? 0);
      this.counts.set(rf.key, n);
    }
    return n;
  }

  /**
   * The filter in the form that lets SQLite find its rows through their indexes. SQLite cannot tell how
   * many orders a search hits, so we decide: the search leads when it hits fewer orders than the other
   * conditions match (both counts are cheap and cached); otherwise its hits are only looked up.
   */
  private async driveWhere(rf: ResolvedFilter): Promise<Cond> {
    const conds = rf.rest.map((t) => t.drive);
    if (rf.search) {
      const leads = rf.rest.length === 0 || (await this.search.candidates(rf.search)) <= (await this.countOf({ ...rf, key: `${rf.key}|without search`, search: null, only: null }));
      conds.push(await this.search.drive(rf.search, leads));
    }
    return and(conds);
  }

  /** The filter as a per-row test along a sort index (the search last: it may seek another index). */
  private async probeWhere(rf: ResolvedFilter): Promise<Cond> {
    const conds = rf.rest.map((t) => t.probe);
    if (rf.search) conds.push(await this.search.probe(rf.search));
    return and(conds);
  }

  private async sortedList(rf: ResolvedFilter, sort: OrderSort): Promise<number[]> {
    const id = `${rf.key}|${sort.column}:${sort.direction}`;
    let list = this.lists.get(id);
    if (!list) {
      const q = sortedIdsQuery(this.ctx.handle.db, SORT_KEYS[sort.column], sort.direction === 'desc', await this.driveWhere(rf));
      list = (await q.execute()).map((r) => r.id);
      this.lists.set(id, list);
    }
    return list;
  }

  private async rowsByIds(ids: number[]): Promise<PageRow[]> {
    if (ids.length === 0) return [];
    const rows = (await rowsByIdsQuery(this.ctx.handle.db, ids).execute()) as PageRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((i) => byId.get(i) ?? []);
  }

  /** How pages scan: unfiltered, through a composite index, or testing each row of the sort index. */
  private async scanRoute(rf: ResolvedFilter, sort: OrderSort): Promise<Route> {
    if (rf.empty) return { shape: '', seekable: true };
    if (rf.only && COMPOSITE_INDEXES[rf.only.dimension][sort.column]) {
      return { where: rf.rest[0]!.drive, shape: `composite:${rf.key}`, seekable: true };
    }
    const where = await this.probeWhere(rf);
    return { where, shape: `probe:${rf.key}:${where.compile(this.ctx.handle.db).sql}`, seekable: false };
  }

  /** For OFFSETs and counts: a seekable route, building the filter's id set when the scan is not one. */
  private async jumpRoute(rf: ResolvedFilter, scan: Route): Promise<Route> {
    if (scan.seekable) return scan;
    const set = await this.filterSet(rf);
    return { where: this.sets.member(set, true), shape: `set:${set.name}`, seekable: true };
  }

  private filterSet(rf: ResolvedFilter): Promise<IdSet> {
    if (rf.rest.length === 0 && rf.search) return this.search.table(rf.search);
    const ids = this.onlyIds(rf);
    return this.sets.get(`filter:${rf.key}`, async () => ids ?? sql`SELECT orders.id FROM orders WHERE ${await this.driveWhere(rf)}`);
  }

  /** A filter of one condition on another table (lead unit, handler, tag): its ids, read without touching orders. */
  private onlyIds(rf: ResolvedFilter) {
    return rf.rest.length === 1 && !rf.search ? rf.rest[0]!.ids : undefined;
  }

  private async keysetPage(rf: ResolvedFilter, sort: OrderSort, startRow: number, limit: number, rowCount: number): Promise<PageRow[]> {
    const key = SORT_KEYS[sort.column];
    const desc = sort.direction === 'desc';
    let route = await this.scanRoute(rf, sort);
    const known = this.nearestCursor(rf, sort, startRow);
    const near = startRow === 0 ? { after: null, skip: 0 } : known && startRow - 1 - known.index <= NEAR_CURSOR_ROWS ? { after: known.cursor, skip: startRow - 1 - known.index } : null;
    const generation = this.generation;

    let rows: PageRow[] | null = null;
    if (!route.seekable) {
      if (near) {
        // A window of the sort order big enough to hold about three pages of matches if they were spread
        // evenly (at least MIN_WINDOW rows: within a group of equal keys the oldest orders come first);
        // a short answer means they are rare in this stretch of the sort. A dense filter stops early.
        const total = await this.countOf(resolveFilter(undefined, { now: 0, warnWithinMs: 0 }));
        const budget = Math.min(this.maxWindow, Math.max(this.minWindow, Math.ceil((3 * (near.skip + limit) * total) / rowCount)));
        const found = await this.fetch(route, key, desc, near.after, near.skip, limit, budget);
        if (found.length === limit || startRow + found.length >= rowCount) rows = found;
      }
      if (!rows && rowCount <= this.mediumResult) {
        // Rare here, or a far jump, in a result small enough to keep whole.
        return this.rowsByIds((await this.sortedList(rf, sort)).slice(startRow, startRow + limit));
      }
      if (!rows) route = await this.jumpRoute(rf, route);
    }
    if (rows) {
      // served above
    } else if (near) {
      rows = await this.fetch(route, key, desc, near.after, near.skip, limit);
    } else if (rowCount - startRow - limit < startRow) {
      // Nearer the end: read backwards from the end and flip.
      const fromEnd = rowCount - startRow - limit;
      const anchor = fromEnd === 0 ? null : await this.keyAt(route, key, !desc, fromEnd - 1);
      rows = (await this.fetch(route, key, !desc, anchor, 0, limit)).reverse();
    } else {
      const anchor = await this.keyAt(route, key, desc, startRow - 1);
      rows = await this.fetch(route, key, desc, anchor, 0, limit);
    }
    const last = rows[rows.length - 1];
    if (last && generation === this.generation) this.remember(rf, sort, startRow + rows.length - 1, { key: this.keyOf(sort, last), id: last.id });
    return rows;
  }

  private template(shape: string, build: () => { compile(): Parameters<typeof toTemplate>[0] }): QueryTemplate {
    let t = this.templates.get(shape);
    if (t) {
      this.templates.delete(shape);
    } else {
      t = toTemplate(build().compile());
      if (this.templates.size >= TEMPLATE_CAPACITY) this.templates.delete(this.templates.keys().next().value as string);
    }
    this.templates.set(shape, t);
    return t;
  }

  /** The sort key and id of the row at `index` in the given order. */
  private async keyAt(route: Route, key: SortKey, desc: boolean, index: number): Promise<Cursor> {
    const t = this.template(`keyAt:${key.sqlText}:${desc}:${route.shape}`, () => keyAtQuery(this.ctx.handle.db, key, desc, placeholder('index'), route.where));
    const result = await this.ctx.handle.db.executeQuery<{ k: unknown; id: number }>(t.bind({ index }));
    const row = result.rows[0];
    if (!row) throw new Error('keyAt: index out of range');
    return { key: row.k, id: row.id };
  }

  /** A page after the cursor; with a `budget`, only within that many rows of the sort order (windowedPageQuery). */
  private async fetch(route: Route, key: SortKey, desc: boolean, after: Cursor | null, skip: number, limit: number, budget?: number): Promise<PageRow[]> {
    const shape = `page:${key.sqlText}:${desc}:${after ? 'after' : 'first'}:${skip > 0 ? 'skip' : ''}:${budget ? 'window' : ''}:${route.shape}`;
    const t = this.template(shape, () => {
      const cursor = after ? { key: placeholder('key'), id: placeholder('id') } : null;
      return budget
        ? windowedPageQuery(this.ctx.handle.db, key, desc, cursor, skip > 0 ? placeholder('skip') : 0, placeholder('limit'), placeholder('take'), route.where!, placeholder('budget'))
        : pageQuery(this.ctx.handle.db, key, desc, cursor, skip > 0 ? placeholder('skip') : 0, placeholder('limit'), placeholder('take'), route.where);
    });
    const values = { key: after?.key, id: after?.id, skip, limit, take: skip + limit, budget };
    return (await this.ctx.handle.db.executeQuery<PageRow>(t.bind(values))).rows;
  }

  private keyOf(sort: OrderSort, row: PageRow): unknown {
    switch (sort.column) {
      case 'orderNo':
        return row.order_no;
      case 'receivedAt':
        return row.received_at;
      case 'appealType':
        return row.appeal_type;
      case 'category':
        return row.category;
      case 'status':
        return row.status;
      case 'handleDueAt':
        return row.handle_due_at;
      case 'community':
        return row.community_id ?? 0;
    }
  }

  private cursorId(rf: ResolvedFilter, sort: OrderSort): string {
    return `${rf.key}|${sort.column}:${sort.direction}`;
  }

  private remember(rf: ResolvedFilter, sort: OrderSort, index: number, cursor: Cursor): void {
    const id = this.cursorId(rf, sort);
    let map = this.cursors.get(id);
    if (!map) this.cursors.set(id, (map = new Map()));
    if (map.size >= MAX_CURSORS_PER_SORT) map.delete(map.keys().next().value as number);
    map.set(index, cursor);
  }

  private nearestCursor(rf: ResolvedFilter, sort: OrderSort, startRow: number): { index: number; cursor: Cursor } | null {
    const map = this.cursors.get(this.cursorId(rf, sort));
    if (!map) return null;
    let best: { index: number; cursor: Cursor } | null = null;
    for (const [index, cursor] of map) {
      if (index <= startRow - 1 && (!best || index > best.index)) best = { index, cursor };
    }
    return best;
  }
}
