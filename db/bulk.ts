/**
 * Bulk writes for seeding and large imports: prepared INSERT statements run inside the caller's
 * transaction. Plain portable SQL; it bypasses Kysely only because compiling a query per row would
 * cost more than the insert itself.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Insertable } from 'kysely';
import type {
  CallbackTable,
  ContactTable,
  EventTable,
  ExtensionRequestTable,
  ObjectionTable,
  OrderTable,
  OrderTagTable,
  OrderUnitTable,
} from './schema.js';

type Row<T> = Required<{ [K in keyof Insertable<T>]: Insertable<T>[K] }>;
export type BulkOrder = Omit<
  Row<OrderTable>,
  'unreasonable' | 'unreasonable_approved' | 'duplicate_approved' | 'paused_ms' | 'platform_status' | 'difficult_target' | 'unreasonable_reason' | 'supervised_note'
> & { id: number };

const ORDER_COLUMNS = [
  'id', 'order_no', 'received_at', 'dispatched_at', 'accepted_at', 'source', 'appeal_type', 'category', 'content', 'citizen_name',
  'citizen_phone', 'address', 'residential_area', 'community_id', 'status', 'tier', 'first_contact_due_at', 'handle_due_at', 'due_source',
  'calendar_missing', 'first_contact_at', 'replied_at', 'reply_result', 'reply_text', 'closed_at', 'difficult', 'difficult_reason',
  'supervised', 'duplicate_of', 'first_time_resolved', 'reopen_count', 'created_at', 'updated_at', 'version',
] as const satisfies ReadonlyArray<keyof BulkOrder>;

function insertSql(table: string, columns: readonly string[]): string {
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
}

/** Positional binding: several times cheaper than binding an object by name. */
function inserter<T>(sqlite: BetterSqlite3.Database, table: string, columns: ReadonlyArray<keyof T & string>): (row: T) => void {
  const stmt = sqlite.prepare(insertSql(table, columns));
  const values: unknown[] = new Array(columns.length);
  return (row: T) => {
    for (let i = 0; i < columns.length; i++) values[i] = row[columns[i]!];
    stmt.run(...values);
  };
}

export interface BulkWriter {
  order(row: BulkOrder): void;
  orderUnit(row: Omit<Row<OrderUnitTable>, 'override_reason'>): void;
  event(row: Omit<Row<EventTable>, 'id' | 'order_version'>): void;
  contact(row: Omit<Row<ContactTable>, 'id'>): void;
  callback(row: Omit<Row<CallbackTable>, 'id'>): void;
  tag(row: Row<OrderTagTable>): void;
  extension(row: Omit<Row<ExtensionRequestTable>, 'id'>): void;
  objection(row: Omit<Row<ObjectionTable>, 'id'>): void;
}

export function createBulkWriter(sqlite: BetterSqlite3.Database): BulkWriter {
  return {
    order: inserter<BulkOrder>(sqlite, 'orders', ORDER_COLUMNS),
    orderUnit: inserter(sqlite, 'order_units', ['order_id', 'unit_id', 'role', 'assigned_at', 'assigned_by', 'handler_staff_id']),
    event: inserter(sqlite, 'events', ['order_id', 'at', 'actor', 'kind', 'summary', 'before_json', 'after_json']),
    contact: inserter(sqlite, 'contacts', ['order_id', 'at', 'method', 'summary', 'actor']),
    callback: inserter(sqlite, 'callbacks', ['order_id', 'at', 'valid', 'contacted', 'resolution', 'satisfaction', 'note', 'origin']),
    tag: inserter(sqlite, 'order_tags', ['order_id', 'tag']),
    extension: inserter(sqlite, 'extension_requests', ['order_id', 'requested_at', 'reason', 'requested_due_at', 'status', 'decided_at', 'decision_note']),
    objection: inserter(sqlite, 'objections', ['order_id', 'raised_at', 'reason', 'evidence', 'status', 'decided_at', 'outcome_note']),
  };
}

/** Runs fn inside one write transaction on the raw connection (all or nothing). */
export function inTransaction<T>(sqlite: BetterSqlite3.Database, fn: () => T): T {
  return sqlite.transaction(fn).immediate();
}

// ---- Order sync for imports (issue 5) ---------------------------------------------------------
// Per-row lookups and writes of an import commit, prepared once: a re-import of 100,000 rows runs
// these a few hundred thousand times inside one transaction.

/** The columns of an order an import compares with the file and may update. */
export interface SyncOrderRow {
  id: number;
  order_no: string;
  received_at: number;
  dispatched_at: number;
  accepted_at: number | null;
  source: string;
  appeal_type: string;
  category: string;
  content: string;
  citizen_name: string | null;
  citizen_phone: string | null;
  address: string;
  residential_area: string | null;
  community_id: number | null;
  status: string;
  tier: string;
  first_contact_due_at: number;
  handle_due_at: number;
  due_source: string;
  calendar_missing: number;
  platform_status: string | null;
  version: number;
}

export interface SyncCallbackRow {
  id: number;
  at: number;
  valid: number;
  contacted: number;
  resolution: string;
  satisfaction: string;
  origin: string;
}

/** A new order as an import creates it (everything else takes its column default). */
export type SyncNewOrder = Omit<SyncOrderRow, 'id' | 'version'> & { created_at: number; updated_at: number };

/** Columns an import may update on an existing order. */
export const SYNC_UPDATABLE = [
  'received_at', 'dispatched_at', 'source', 'appeal_type', 'category', 'content', 'citizen_name', 'citizen_phone', 'address',
  'residential_area', 'community_id', 'status', 'handle_due_at', 'first_contact_due_at', 'due_source', 'calendar_missing', 'platform_status',
] as const satisfies ReadonlyArray<keyof SyncOrderRow>;
export type SyncOrderPatch = Partial<Pick<SyncOrderRow, (typeof SYNC_UPDATABLE)[number]>>;

const SYNC_COLUMNS = [
  'order_no', 'received_at', 'dispatched_at', 'accepted_at', 'source', 'appeal_type', 'category', 'content', 'citizen_name', 'citizen_phone',
  'address', 'residential_area', 'community_id', 'status', 'tier', 'first_contact_due_at', 'handle_due_at', 'due_source', 'calendar_missing',
  'platform_status', 'created_at', 'updated_at',
] as const satisfies ReadonlyArray<keyof SyncNewOrder>;

export interface OrderSync {
  findOrder(orderNo: string): SyncOrderRow | undefined;
  callbacksOf(orderId: number): SyncCallbackRow[];
  /** Inserts and returns the new order's id. */
  insertOrder(row: SyncNewOrder): number;
  /** Applies the patch and bumps the version; false when the row's version is no longer `version`. */
  updateOrder(id: number, version: number, patch: SyncOrderPatch, updatedAt: number): boolean;
  insertCallback(row: Omit<Row<CallbackTable>, 'id'>): void;
  updateCallback(id: number, row: Pick<SyncCallbackRow, 'valid' | 'contacted' | 'resolution' | 'satisfaction'>): void;
  /** An event with the order's version after the change (order_version, schema v2). */
  event(row: Omit<Row<EventTable>, 'id'>): void;
  leadUnit(row: { order_id: number; unit_id: number; assigned_at: number; assigned_by: string }): void;
  /** Adds a category unless its path exists. */
  category(row: { path: string; level: number; parent_path: string | null; name: string; sort_order: number }): void;
}

export function createOrderSync(sqlite: BetterSqlite3.Database): OrderSync {
  const find = sqlite.prepare(
    `SELECT id, ${SYNC_COLUMNS.filter((c) => c !== 'created_at' && c !== 'updated_at').join(', ')}, version FROM orders WHERE order_no = ?`,
  );
  const callbacks = sqlite.prepare('SELECT id, at, valid, contacted, resolution, satisfaction, origin FROM callbacks WHERE order_id = ? ORDER BY at, id');
  const insertOrder = sqlite.prepare(insertSql('orders', SYNC_COLUMNS));
  const updates = new Map<string, BetterSqlite3.Statement>();
  const insertCallback = inserter<Omit<Row<CallbackTable>, 'id'>>(sqlite, 'callbacks', ['order_id', 'at', 'valid', 'contacted', 'resolution', 'satisfaction', 'note', 'origin']);
  const updateCallback = sqlite.prepare('UPDATE callbacks SET valid = ?, contacted = ?, resolution = ?, satisfaction = ? WHERE id = ?');
  const event = inserter<Omit<Row<EventTable>, 'id'>>(sqlite, 'events', ['order_id', 'at', 'actor', 'kind', 'summary', 'before_json', 'after_json', 'order_version']);
  const leadUnit = sqlite.prepare("INSERT INTO order_units (order_id, unit_id, role, assigned_at, assigned_by) VALUES (?, ?, 'lead', ?, ?)");
  const category = sqlite.prepare(
    'INSERT INTO categories (path, level, parent_path, name, sort_order) VALUES (?, ?, ?, ?, ?) ON CONFLICT (path) DO NOTHING',
  );
  const values: unknown[] = new Array(SYNC_COLUMNS.length);
  return {
    findOrder: (orderNo) => find.get(orderNo) as SyncOrderRow | undefined,
    callbacksOf: (orderId) => callbacks.all(orderId) as SyncCallbackRow[],
    insertOrder(row) {
      for (let i = 0; i < SYNC_COLUMNS.length; i++) values[i] = row[SYNC_COLUMNS[i]!];
      return Number(insertOrder.run(...values).lastInsertRowid);
    },
    updateOrder(id, version, patch, updatedAt) {
      const columns = SYNC_UPDATABLE.filter((c) => c in patch);
      const key = columns.join(',');
      let stmt = updates.get(key);
      if (!stmt) {
        const sets = columns.map((c) => `${c} = ?`);
        stmt = sqlite.prepare(`UPDATE orders SET ${[...sets, 'updated_at = ?', 'version = version + 1'].join(', ')} WHERE id = ? AND version = ?`);
        updates.set(key, stmt);
      }
      return stmt.run(...columns.map((c) => patch[c]), updatedAt, id, version).changes === 1;
    },
    insertCallback,
    updateCallback: (id, r) => void updateCallback.run(r.valid, r.contacted, r.resolution, r.satisfaction, id),
    event,
    leadUnit: (r) => void leadUnit.run(r.order_id, r.unit_id, r.assigned_at, r.assigned_by),
    category: (r) => void category.run(r.path, r.level, r.parent_path, r.name, r.sort_order),
  };
}

/**
 * A value that changes whenever anything is committed to the database: by another connection
 * (data_version) or by this one (total_changes). Equal stamps mean nothing was written in between.
 */
export function writeStamp(sqlite: BetterSqlite3.Database): string {
  const version = sqlite.pragma('data_version', { simple: true }) as number;
  const own = (sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  return `${version}:${own}`;
}

/**
 * The rows of a SELECT built (and compiled) by Kysely, streamed as arrays by a prepared statement: for
 * exports of a hundred thousand rows, where building one object per row costs more than the query.
 * `columns` are the result's column names, in order.
 */
export function streamRows(sqlite: BetterSqlite3.Database, compiled: { sql: string; parameters: readonly unknown[] }): { columns: string[]; rows: IterableIterator<unknown[]> } {
  const stmt = sqlite.prepare(compiled.sql).raw(true);
  return { columns: stmt.columns().map((c) => c.name), rows: stmt.iterate(...compiled.parameters) as IterableIterator<unknown[]> };
}

/**
 * Runs fn with a larger page cache (in KiB) on this connection, then restores it. A big import's
 * transaction touches every index of orders; with the default 2 MB cache it re-reads the same pages over
 * and over and slows down as the table grows.
 */
export function withCacheSize<T>(sqlite: BetterSqlite3.Database, kib: number, fn: () => T): T {
  const previous = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma(`cache_size = -${Math.max(0, Math.floor(kib))}`);
  try {
    return fn();
  } finally {
    sqlite.pragma(`cache_size = ${previous}`);
  }
}
