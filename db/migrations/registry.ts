/**
 * The explicit, ordered list of migrations. A migration is appended here, never reordered or edited;
 * the last entry's version is the schema version this app writes.
 */
import type { Kysely } from 'kysely';
import * as m001 from './001-initial.js';

export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<any>): Promise<void>;
}

export const migrations: readonly Migration[] = [{ version: 1, name: 'initial', up: m001.up }];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
