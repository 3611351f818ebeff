/**
 * The orders grid's data: sorted pages and row positions, computed in SQLite on the sort indexes.
 *
 * Paging is keyset-first. Each page served leaves a cursor (the sort key of its last row) so the next
 * block continues with `(key, id) > cursor` — a seek, not an OFFSET scan. A jump far from any cursor
 * (dragging the scrollbar to the middle) finds its starting key once with an index-only OFFSET from the
 * nearer end, then continues by keyset; that cursor is remembered too. Cursors and counts are dropped
 * whenever data changes (our own writes or another process's commit).
 */
import { externalDataVersion } from '../../../db/connection.js';
import type { OrderGridRow, OrderSort } from '../../../preload/api.js';
import type { AppealType, OrderStatus, Tier } from '../../../preload/contract/enums.js';
import type { ServiceContext } from '../context.js';
import { SORT_KEYS, type SortKey } from './sortKeys.js';
import { keyAtQuery, pageQuery, rowsBeforeQuery, type Cursor, type PageRow } from './gridQueries.js';
import { placeholder, TemplateCache } from '../../../db/templates.js';


/** How far past a known cursor a page may skip with a small OFFSET before a new anchor is cheaper. */
const NEAR_CURSOR_ROWS = 1000;
const MAX_CURSORS_PER_SORT = 2000;

export class OrderGrid {
  private generation = 0;
  private seenExternal = -1;
  private total: number | null = null;
  private readonly cursors = new Map<string, Map<number, Cursor>>();
  private readonly templates = new TemplateCache();

  constructor(private readonly ctx: ServiceContext) {}

  /** Our own writes call this; other processes' commits are noticed through data_version. */
  invalidate(): void {
    this.generation++;
    this.total = null;
    this.cursors.clear();
  }

  private checkExternalChanges(): void {
    const v = externalDataVersion(this.ctx.handle.sqlite);
    if (v !== this.seenExternal) {
      if (this.seenExternal !== -1) this.invalidate();
      this.seenExternal = v;
    }
  }

  async count(): Promise<number> {
    this.checkExternalChanges();
    if (this.total === null) {
      const row = await this.ctx.handle.db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      this.total = Number(row.n);
    }
    return this.total;
  }

  async page(sort: OrderSort, startRow: number, endRow: number): Promise<{ rows: OrderGridRow[]; rowCount: number }> {
    const rowCount = await this.count();
    if (startRow >= rowCount) return { rows: [], rowCount };
    const limit = Math.min(endRow, rowCount) - startRow;
    const key = SORT_KEYS[sort.column];
    const desc = sort.direction === 'desc';
    const known = this.nearestCursor(sort, startRow);

    let rows: OrderGridRow[];
    if (startRow === 0) {
      rows = await this.fetch(key, desc, null, 0, limit);
    } else if (known && startRow - 1 - known.index <= NEAR_CURSOR_ROWS) {
      rows = await this.fetch(key, desc, known.cursor, startRow - 1 - known.index, limit);
    } else if (rowCount - startRow - limit < startRow) {
      // Nearer the end: read backwards from the end and flip.
      const fromEnd = rowCount - startRow - limit;
      const anchor = fromEnd === 0 ? null : await this.keyAt(key, !desc, fromEnd - 1);
      rows = (await this.fetch(key, !desc, anchor, 0, limit)).reverse();
    } else {
      const anchor = await this.keyAt(key, desc, startRow - 1);
      rows = await this.fetch(key, desc, anchor, 0, limit);
    }
    const last = rows[rows.length - 1];
    if (last) this.remember(sort, startRow + rows.length - 1, { key: this.keyOf(sort, last), id: last.id });
    return { rows, rowCount };
  }

  /** The row index of an order under a sort, or null when it does not exist. */
  async position(sort: OrderSort, orderId: number): Promise<number | null> {
    const key = SORT_KEYS[sort.column];
    const { db } = this.ctx.handle;
    const target = await db.selectFrom('orders').select([key.expr.as('k'), 'id']).where('id', '=', orderId).executeTakeFirst();
    if (!target) return null;
    const row = await rowsBeforeQuery(db, key, sort.direction === 'desc', { key: target.k, id: target.id }).executeTakeFirstOrThrow();
    return Number(row.earlier) + Number(row.same);
  }

  /** The sort key and id of the row at `index` in the given order: an index-only scan. */
  private async keyAt(key: SortKey, desc: boolean, index: number): Promise<Cursor> {
    const t = this.templates.get(`keyAt:${key.sqlText}:${desc}`, () => keyAtQuery(this.ctx.handle.db, key, desc, placeholder('index')).compile());
    const result = await this.ctx.handle.db.executeQuery<{ k: unknown; id: number }>(t.bind({ index }));
    const row = result.rows[0];
    if (!row) throw new Error('keyAt: index out of range');
    return { key: row.k, id: row.id };
  }

  private async fetch(key: SortKey, desc: boolean, after: Cursor | null, skip: number, limit: number): Promise<OrderGridRow[]> {
    const shape = `page:${key.sqlText}:${desc}:${after ? 'after' : 'first'}:${skip > 0 ? 'skip' : ''}`;
    const t = this.templates.get(shape, () =>
      pageQuery(this.ctx.handle.db, key, desc, after ? { key: placeholder('key'), id: placeholder('id') } : null, skip > 0 ? placeholder('skip') : 0, placeholder('limit'), placeholder('take')).compile(),
    );
    const values = { key: after?.key, id: after?.id, skip, limit, take: skip + limit };
    const raw = (await this.ctx.handle.db.executeQuery<PageRow>(t.bind(values))).rows;
    return raw.map((r) => ({
      id: r.id,
      orderNo: r.order_no,
      receivedAt: r.received_at,
      appealType: r.appeal_type as AppealType,
      category: r.category,
      communityId: r.community_id,
      communityName: r.community_name,
      status: r.status as OrderStatus,
      tier: r.tier as Tier,
      handleDueAt: r.handle_due_at,
      version: r.version,
    }));
  }

  private keyOf(sort: OrderSort, row: OrderGridRow): unknown {
    switch (sort.column) {
      case 'orderNo':
        return row.orderNo;
      case 'receivedAt':
        return row.receivedAt;
      case 'appealType':
        return row.appealType;
      case 'category':
        return row.category;
      case 'status':
        return row.status;
      case 'handleDueAt':
        return row.handleDueAt;
      case 'community':
        return row.communityId ?? 0;
    }
  }

  private sortId(sort: OrderSort): string {
    return `${sort.column}:${sort.direction}`;
  }

  private remember(sort: OrderSort, index: number, cursor: Cursor): void {
    const id = this.sortId(sort);
    let map = this.cursors.get(id);
    if (!map) this.cursors.set(id, (map = new Map()));
    if (map.size >= MAX_CURSORS_PER_SORT) map.delete(map.keys().next().value as number);
    map.set(index, cursor);
  }

  private nearestCursor(sort: OrderSort, startRow: number): { index: number; cursor: Cursor } | null {
    const map = this.cursors.get(this.sortId(sort));
    if (!map) return null;
    let best: { index: number; cursor: Cursor } | null = null;
    for (const [index, cursor] of map) {
      if (index <= startRow - 1 && (!best || index > best.index)) best = { index, cursor };
    }
    return best;
  }
}

