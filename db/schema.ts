/**
 * The Database interface: one table interface per table, Kysely conventions
 * (`Generated<>` for database-filled columns, Selectable/Insertable/Updateable aliases).
 *
 * Time representation (the one rule for every table):
 *   - an instant is INTEGER milliseconds since the Unix epoch (UTC), column names end in `_at`;
 *   - a calendar day is TEXT 'YYYY-MM-DD' in Beijing time (holiday tables, settings);
 *   - booleans are INTEGER 0/1.
 * Enumerations are stored as the English codes of preload/contract/enums.ts; the UI shows the Chinese labels.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface SchemaMigrationTable {
  version: number;
  name: string;
  applied_at: number;
  app_version: string;
}

/** Small key/value facts about this database file (street name, demo flag). */
export interface AppMetaTable {
  key: string;
  value: string;
}

export interface UnitTable {
  id: Generated<number>;
  kind: 'community' | 'department';
  name: string;
  sort_order: number;
  active: Generated<number>;
}

/** A unit's duty list (Art. 17): the categories it may lead. A prefix path covers its subtree. */
export interface UnitDutyTable {
  unit_id: number;
  category_path: string;
}

export interface StaffTable {
  id: Generated<number>;
  name: string;
  unit_id: number | null;
  phone: string | null;
  active: Generated<number>;
}

/** The 3-level taxonomy; `path` is 一级/二级/三级 joined by '/'. */
export interface CategoryTable {
  id: Generated<number>;
  path: string;
  level: number;
  parent_path: string | null;
  name: string;
  /** Deadline tier suggested for orders of this category (utility for 水电气热). */
  default_tier: string | null;
  livelihood_dimension: string | null;
  sort_order: number;
  active: Generated<number>;
}

export interface OrderTable {
  id: Generated<number>;
  order_no: string;
  received_at: number;
  dispatched_at: number;
  accepted_at: number | null;
  source: string;
  appeal_type: string;
  /** Category path; '' while unclassified. */
  category: string;
  content: string;
  citizen_name: string | null;
  /** A phone number, or the literal value '保密'. */
  citizen_phone: string | null;
  address: string;
  /** 小区 / road, the key for learning who usually leads. */
  residential_area: string | null;
  community_id: number | null;
  status: string;
  tier: string;
  first_contact_due_at: number;
  handle_due_at: number;
  /** Where handle_due_at came from: tier default, the imported file, or an approved extension. */
  due_source: string;
  calendar_missing: Generated<number>;
  first_contact_at: number | null;
  replied_at: number | null;
  reply_result: string | null;
  reply_text: string | null;
  closed_at: number | null;
  difficult: Generated<number>;
  difficult_reason: string | null;
  /** Where a 疑难 order was escalated to (schema v2). */
  difficult_target: string | null;
  unreasonable: Generated<number>;
  /** Why the request is 不合理 (schema v2). */
  unreasonable_reason: string | null;
  unreasonable_approved: Generated<number>;
  supervised: Generated<number>;
  /** Who asked for 督办 and why (schema v2). */
  supervised_note: string | null;
  duplicate_of: number | null;
  duplicate_approved: Generated<number>;
  first_time_resolved: number | null;
  reopen_count: Generated<number>;
  /** Milliseconds an objection was under review: not counted against the street. */
  paused_ms: Generated<number>;
  platform_status: string | null;
  created_at: number;
  updated_at: number;
  version: Generated<number>;
}

export interface OrderTagTable {
  order_id: number;
  tag: string;
}

export interface OrderUnitTable {
  order_id: number;
  unit_id: number;
  role: 'lead' | 'assist';
  handler_staff_id: number | null;
  assigned_at: number;
  assigned_by: string;
  override_reason: string | null;
}

/** The audit timeline: every change, who, when, before → after (JSON). */
export interface EventTable {
  id: Generated<number>;
  order_id: number | null;
  at: number;
  actor: string;
  kind: string;
  summary: string;
  before_json: string | null;
  after_json: string | null;
  /** The order's row version after this change (schema v2); null for events written before v2 or by bulk loads. */
  order_version: number | null;
}

export interface ContactTable {
  id: Generated<number>;
  order_id: number;
  at: number;
  method: string;
  summary: string;
  actor: string;
}

export interface CallbackTable {
  id: Generated<number>;
  order_id: number;
  at: number;
  valid: number;
  contacted: number;
  resolution: string;
  satisfaction: string;
  note: string | null;
  origin: string;
}

export interface ExtensionRequestTable {
  id: Generated<number>;
  order_id: number;
  requested_at: number;
  reason: string;
  requested_due_at: number;
  status: string;
  decided_at: number | null;
  decision_note: string | null;
}

export interface ObjectionTable {
  id: Generated<number>;
  order_id: number;
  raised_at: number;
  reason: string;
  evidence: string | null;
  status: string;
  decided_at: number | null;
  outcome_note: string | null;
}

/** Settings are JSON documents with an optimistic-concurrency version. */
export interface SettingTable {
  key: string;
  value_json: string;
  version: Generated<number>;
  updated_at: number;
}

export interface HolidayOverrideTable {
  day: string;
  kind: 'holiday' | 'workday';
  note: string | null;
}

export interface Database {
  schema_migrations: SchemaMigrationTable;
  app_meta: AppMetaTable;
  units: UnitTable;
  unit_duties: UnitDutyTable;
  staff: StaffTable;
  categories: CategoryTable;
  orders: OrderTable;
  order_tags: OrderTagTable;
  order_units: OrderUnitTable;
  events: EventTable;
  contacts: ContactTable;
  callbacks: CallbackTable;
  extension_requests: ExtensionRequestTable;
  objections: ObjectionTable;
  settings: SettingTable;
  holiday_overrides: HolidayOverrideTable;
}

export type OrderRow = Selectable<OrderTable>;
export type NewOrder = Insertable<OrderTable>;
export type OrderUpdate = Updateable<OrderTable>;
export type UnitRow = Selectable<UnitTable>;
export type NewUnit = Insertable<UnitTable>;
export type CategoryRow = Selectable<CategoryTable>;
export type NewCategory = Insertable<CategoryTable>;
export type EventRow = Selectable<EventTable>;
export type NewEvent = Insertable<EventTable>;
export type NewContact = Insertable<ContactTable>;
export type NewCallback = Insertable<CallbackTable>;
export type NewOrderUnit = Insertable<OrderUnitTable>;
