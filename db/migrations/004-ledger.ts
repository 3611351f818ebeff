/**
 * Schema v4: the ledger import (issue 5). Frozen in time: written against Kysely<any>.
 *   - import_presets: the clerk's saved column mappings for spreadsheet layouts the alias table does not
 *     know (header text → field), and optionally the header's row number.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_presets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('header_row', 'integer')
    .addColumn('columns_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
}
