/**
 * An app over an in-memory database with a fixed clock, plus the smallest helpers to put rows in it.
 * Rows are inserted straight through Kysely so a test controls every column the grid sorts on.
 */
import type { NewOrder } from '../../db/schema.js';
import type { AppealType, OrderStatus, Source, Tier, UnitKind } from '../../preload/contract/enums.js';
import { fromBeijing } from '../../preload/contract/time.js';
import { openApp, type AppRuntime, type OpenOptions } from '../../main/runtime.js';

/** 2026-03-02 09:00 Beijing: a Monday, away from holidays. */
export const TEST_NOW = fromBeijing(2026, 3, 2, 9, 0);

export async function createTestApp(options: OpenOptions = {}): Promise<AppRuntime> {
  return openApp(':memory:', {
    now: () => TEST_NOW,
    // A handler bug must fail the test loudly, not hide behind the Chinese INTERNAL message.
    onInternalError: (name, e) => {
      throw new Error(`internal error in ${name}: ${e instanceof Error ? e.message : String(e)}`);
    },
    ...options,
  });
}

export interface TestUnit {
  kind: UnitKind;
  name: string;
  sortOrder?: number;
}

export async function insertUnits(app: AppRuntime, units: TestUnit[]): Promise<number[]> {
  const ids: number[] = [];
  for (const u of units) {
    const row = await app.handle.db
      .insertInto('units')
      .values({ kind: u.kind, name: u.name, sort_order: u.sortOrder ?? 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}

export interface TestOrder {
  orderNo?: string;
  receivedAt?: number;
  appealType?: AppealType;
  source?: Source;
  category?: string;
  communityId?: number | null;
  status?: OrderStatus;
  tier?: Tier;
  handleDueAt?: number;
  content?: string;
  citizenName?: string | null;
  citizenPhone?: string | null;
  address?: string;
}

let serial = 0;

/** Inserts orders with plausible defaults for whatever the test does not care about; returns their ids. */
export async function insertOrders(app: AppRuntime, orders: TestOrder[]): Promise<number[]> {
  const ids: number[] = [];
  for (const o of orders) {
    serial++;
    const receivedAt = o.receivedAt ?? TEST_NOW - serial * 3_600_000;
    const row: NewOrder = {
      order_no: o.orderNo ?? `T${String(serial).padStart(6, '0')}`,
      received_at: receivedAt,
      dispatched_at: receivedAt + 600_000,
      source: o.source ?? 'hotline',
      appeal_type: o.appealType ?? 'complaint',
      category: o.category ?? '城市管理/市容环境/占道经营',
      content: o.content ?? '测试诉求内容',
      citizen_name: o.citizenName === undefined ? '张三' : o.citizenName,
      citizen_phone: o.citizenPhone === undefined ? '13812345678' : o.citizenPhone,
      address: o.address ?? '测试路1号',
      community_id: o.communityId ?? null,
      status: o.status ?? 'received',
      tier: o.tier ?? 'general',
      first_contact_due_at: receivedAt + 86_400_000,
      handle_due_at: o.handleDueAt ?? receivedAt + 7 * 86_400_000,
      due_source: 'tier',
      created_at: TEST_NOW,
      updated_at: TEST_NOW,
    };
    const inserted = await app.handle.db.insertInto('orders').values(row).returning('id').executeTakeFirstOrThrow();
    ids.push(inserted.id);
  }
  return ids;
}

export async function assignUnit(app: AppRuntime, orderId: number, unitId: number, role: 'lead' | 'assist'): Promise<void> {
  await app.handle.db
    .insertInto('order_units')
    .values({ order_id: orderId, unit_id: unitId, role, handler_staff_id: null, assigned_at: TEST_NOW, assigned_by: 'test', override_reason: null })
    .execute();
}
