/**
 * Column-mapping presets the clerk saves for layouts the alias table does not know (table
 * import_presets, schema v4). A preset maps header text to a field and may fix the header row.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { AppError } from '../../../preload/contract/errors.js';
import { ImportPreset } from '../../../preload/contract/methods/ledger.js';
import type { ServiceContext } from '../context.js';

/** Schema v4's table, added to the typed schema here (db/schema.ts stays the v1–v3 picture). */
export interface ImportPresetTable {
  name: string;
  header_row: number | null;
  columns_json: string;
  updated_at: number;
  updated_by: string;
}

function presetsDb(ctx: ServiceContext): Kysely<Database & { import_presets: ImportPresetTable }> {
  return ctx.handle.db.withTables<{ import_presets: ImportPresetTable }>();
}

function toPreset(row: Pick<ImportPresetTable, 'name' | 'header_row' | 'columns_json'>): ImportPreset {
  const parsed = ImportPreset.safeParse({ name: row.name, headerRow: row.header_row, columns: JSON.parse(row.columns_json) as unknown });
  if (!parsed.success) throw new AppError('INVALID_INPUT', `列映射方案「${row.name}」已损坏，请重新保存。`);
  return parsed.data;
}

export async function listPresets(ctx: ServiceContext): Promise<ImportPreset[]> {
  const rows = await presetsDb(ctx).selectFrom('import_presets').select(['name', 'header_row', 'columns_json']).orderBy('name').execute();
  return rows.map(toPreset);
}

export async function findPreset(ctx: ServiceContext, name: string): Promise<ImportPreset> {
  const row = await presetsDb(ctx).selectFrom('import_presets').select(['name', 'header_row', 'columns_json']).where('name', '=', name).executeTakeFirst();
  if (!row) {
    const names = (await listPresets(ctx)).map((p) => `「${p.name}」`).join('、');
    throw new AppError('NOT_FOUND', `没有名为「${name}」的列映射方案。${names ? `已保存的方案：${names}。` : '尚未保存任何方案。'}`);
  }
  return toPreset(row);
}

export async function savePreset(ctx: ServiceContext, preset: ImportPreset, actor: string): Promise<ImportPreset> {
  const row = { name: preset.name, header_row: preset.headerRow, columns_json: JSON.stringify(preset.columns), updated_at: ctx.now(), updated_by: actor };
  await presetsDb(ctx)
    .insertInto('import_presets')
    .values(row)
    .onConflict((oc) => oc.column('name').doUpdateSet({ header_row: row.header_row, columns_json: row.columns_json, updated_at: row.updated_at, updated_by: actor }))
    .execute();
  return preset;
}
