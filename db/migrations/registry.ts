/**
 * The explicit, ordered list of migrations. A migration is appended here, never reordered or edited;
 * the last entry's version is the schema version this app writes.
 */
import type { Kysely } from 'kysely';
import * as m001 from './001-initial.js';
import * as m002 from './002-workflow.js';
import * as m003 from './003-admin.js';
import * as m004 from './004-ledger.js';
import * as m005 from './005-triage.js';
import * as m006 from './006-assessment.js';
import * as m007 from './007-accounts.js';

export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<any>): Promise<void>;
}

export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', up: m001.up },
  { version: 2, name: 'workflow', up: m002.up },
  { version: 3, name: 'admin', up: m003.up },
  { version: 4, name: 'ledger', up: m004.up },
  { version: 5, name: 'triage', up: m005.up },
  { version: 6, name: 'assessment', up: m006.up },
  { version: 7, name: 'accounts', up: m007.up },
];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
