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
export type BulkOrder = Omit<Row<OrderTable>, 'unreasonable' | 'unreasonable_approved' | 'duplicate_approved' | 'paused_ms' | 'platform_status'> & { id: number };

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
  orderUnit(row: Omit<Row<OrderUnitTable>, 'handler_staff_id' | 'override_reason'>): void;
  event(row: Omit<Row<EventTable>, 'id'>): void;
  contact(row: Omit<Row<ContactTable>, 'id'>): void;
  callback(row: Omit<Row<CallbackTable>, 'id'>): void;
  tag(row: Row<OrderTagTable>): void;
  extension(row: Omit<Row<ExtensionRequestTable>, 'id'>): void;
  objection(row: Omit<Row<ObjectionTable>, 'id'>): void;
}

export function createBulkWriter(sqlite: BetterSqlite3.Database): BulkWriter {
  return {
    order: inserter<BulkOrder>(sqlite, 'orders', ORDER_COLUMNS),
    orderUnit: inserter(sqlite, 'order_units', ['order_id', 'unit_id', 'role', 'assigned_at', 'assigned_by']),
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
