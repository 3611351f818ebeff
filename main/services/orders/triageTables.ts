/**
 * Row types of the tables migration 005 adds (saved_views, view_layouts) and the typed query builder
 * over them, beside their service (as admin/tables.ts does) rather than in the shared db/schema.ts.
 */
import type { Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';

export type SavedViewTable = {
  id: Generated<number>;
  /** The clerk who created it (the actor string until accounts exist). */
  owner: string;
  name: string;
  filter_json: string;
  sort_json: string;
  column_state_json: string | null;
  shared: Generated<number>;
  sort_order: Generated<number>;
  created_at: number;
  updated_at: number;
  version: Generated<number>;
};

/** One clerk's column layout of one view (built-in code or 'v' + id). */
export type ViewLayoutTable = {
  view_key: string;
  owner: string;
  column_state_json: string;
  updated_at: number;
};

export type TriageTables = { saved_views: SavedViewTable; view_layouts: ViewLayoutTable };
export type TriageDb = Kysely<Database & TriageTables>;

export function triageDb(db: Kysely<Database>): TriageDb;
export function triageDb(db: Transaction<Database>): Transaction<Database & TriageTables>;
export function triageDb(db: Kysely<Database> | Transaction<Database>): TriageDb | Transaction<Database & TriageTables> {
  return db.withTables<TriageTables>();
}
