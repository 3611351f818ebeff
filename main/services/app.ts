/** Facts about the open database: shown in the title bar and by `jiesu info`. */
import { currentSchemaVersion } from '../../db/migrator.js';
import type { AppInfo } from '../../preload/api.js';
import type { ServiceContext } from './context.js';

export const META_STREET_NAME = 'street_name';
export const META_DEMO = 'demo';

export async function readMeta(ctx: ServiceContext, key: string): Promise<string | null> {
  const row = await ctx.handle.db.selectFrom('app_meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export async function writeMeta(ctx: ServiceContext, key: string, value: string): Promise<void> {
  await ctx.handle.db
    .insertInto('app_meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

export async function getAppInfo(ctx: ServiceContext, orderCount: number): Promise<AppInfo> {
  return {
    appVersion: ctx.appVersion,
    schemaVersion: await currentSchemaVersion(ctx.handle.db),
    streetName: (await readMeta(ctx, META_STREET_NAME)) ?? '未命名街道',
    demo: (await readMeta(ctx, META_DEMO)) === '1',
    orderCount,
    dbPath: ctx.handle.path,
  };
}
