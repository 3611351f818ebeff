/** Contract methods about the app and the street's units. */
import { z } from 'zod';
import { UNIT_KIND } from '../enums.js';
import { method } from '../method.js';
import { id } from '../scalars.js';

export const Unit = z.object({ id, kind: z.enum(UNIT_KIND.codes), name: z.string(), sortOrder: z.number().int() });
export type Unit = z.infer<typeof Unit>;

export const AppInfo = z.object({
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  streetName: z.string(),
  demo: z.boolean(),
  orderCount: z.number().int().nonnegative(),
  dbPath: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const appMethods = {
  'app.info': method(z.object({}).strict(), AppInfo, '本数据库与程序的概况'),
  'units.list': method(z.object({ kind: z.enum(UNIT_KIND.codes).optional() }).strict(), z.array(Unit), '社区与科室列表'),
} as const;
