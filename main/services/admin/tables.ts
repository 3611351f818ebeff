/**
 * Row types of the tables migration 003 adds (reply_templates, routing_rules), and the typed query
 * builder over them. They live beside their services rather than in db/schema.ts so this issue's
 * migration could land without editing the shared Database interface; `withTables` merges them in.
 */
import type { Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';

export type ReplyTemplateTable = {
  id: Generated<number>;
  /** '' = every category; otherwise a category path whose subtree the template serves. */
  category_prefix: string;
  title: string;
  body: string;
  sort_order: number;
  active: Generated<number>;
  updated_at: number;
};

export type RoutingRuleTable = {
  id: Generated<number>;
  category_prefix: string;
  unit_id: number;
  note: string | null;
  updated_at: number;
};

export type AdminTables = {
  reply_templates: ReplyTemplateTable;
  routing_rules: RoutingRuleTable;
};

export type AdminDatabase = Database & AdminTables;
export type AdminDb = Kysely<AdminDatabase>;
export type AdminTrx = Transaction<AdminDatabase>;

/** The database (or an open transaction) typed with the admin tables too. */
export function adminDb(db: Kysely<Database>): AdminDb;
export function adminDb(db: Transaction<Database>): AdminTrx;
export function adminDb(db: Kysely<Database> | Transaction<Database>): AdminDb | AdminTrx {
  return db.withTables<AdminTables>() as AdminDb | AdminTrx;
}
