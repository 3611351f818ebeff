/** Hand-built orders for the hotspot tests: each with its own phone unless a test shares one. */
import type { AppRuntime } from '../../../main/runtime.js';
import { fromBeijing } from '../../../preload/contract/time.js';
import { insertOrders, insertUnits, type TestOrder } from '../../support/app.js';

export interface PlacedOrder extends TestOrder {
  /** 小区 (residential_area). */
  area?: string | null;
}

let phoneSerial = 0;

export async function place(app: AppRuntime, orders: PlacedOrder[]): Promise<number[]> {
  const ids = await insertOrders(
    app,
    orders.map(({ area: _area, ...o }) => ({ citizenPhone: `139${String(++phoneSerial).padStart(8, '0')}`, ...o })),
  );
  for (const [i, o] of orders.entries()) {
    if (o.area !== undefined) await app.handle.db.updateTable('orders').set({ residential_area: o.area }).where('id', '=', ids[i]!).execute();
  }
  return ids;
}

/** Two communities, in this display order. */
export async function communities(app: AppRuntime): Promise<{ east: number; west: number }> {
  const [east, west] = (await insertUnits(app, [
    { kind: 'community', name: '东园社区', sortOrder: 1 },
    { kind: 'community', name: '西营社区', sortOrder: 2 },
  ])) as [number, number];
  return { east, west };
}

/** Beijing wall-clock time in November 2026: the tests' week is Monday 11-23 to Sunday 11-29. */
export const nov = (day: number, hour = 10, minute = 0, second = 0) => fromBeijing(2026, 11, day, hour, minute, second);
export const WEEK_DATE = '2026-11-25';
