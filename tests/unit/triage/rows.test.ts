/** What a grid row shows: countdown bands, units and handlers, flags and tags, masked citizen, clipped content. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRuntime } from '../../../main/runtime.js';
import { createTestApp, insertOrders, TEST_NOW } from '../../support/app.js';
import { call, createWorld, type World } from '../workflow/support.js';
import { H } from './support.js';

describe('grid rows', () => {
  let app: AppRuntime;
  let w: World;
  beforeAll(async () => {
    app = await createTestApp();
    w = await createWorld(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('carry every column the grid may show', async () => {
    const [id, master] = (await insertOrders(app, [
      { status: 'in_progress', content: '长'.repeat(300), citizenName: '李小明', citizenPhone: '13912345678', handleDueAt: TEST_NOW + 5 * H },
      { status: 'in_progress' },
    ])) as [number, number];
    const db = app.handle.db;
    await db.updateTable('orders').set({ first_contact_due_at: TEST_NOW - H, first_contact_at: null, difficult: 1, duplicate_of: master }).where('id', '=', id).execute();
    await db
      .insertInto('order_units')
      .values([
        { order_id: id, unit_id: w.chengguan, role: 'lead', handler_staff_id: w.staffChengguan, assigned_at: TEST_NOW, assigned_by: 't', override_reason: null },
        { order_id: id, unit_id: w.liuyingmen, role: 'assist', handler_staff_id: w.staffLiuyingmen, assigned_at: TEST_NOW, assigned_by: 't', override_reason: null },
        { order_id: id, unit_id: w.fangguan, role: 'assist', handler_staff_id: null, assigned_at: TEST_NOW, assigned_by: 't', override_reason: null },
      ])
      .execute();
    await db.insertInto('order_tags').values({ order_id: id, tag: 'monthly-topic' }).execute();
    app.services.ctx.changes.ordersChanged('test', 1);
    const { rows } = await call(app, 'orders.page', { sort: { column: 'receivedAt', direction: 'desc' }, startRow: 0, endRow: 10, filter: { flags: { difficult: true } } });
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({
      id,
      firstContactBand: 'overdue',
      handleBand: 'soon',
      leadUnitName: '城管科',
      assistUnitNames: ['六营门社区', '房管科'],
      handlerNames: ['赵刚', '钱丽'],
      difficult: true,
      supervised: false,
      duplicateOf: master,
      tags: ['monthly-topic'],
      citizenName: '李**',
      citizenPhoneMasked: '139****5678',
    });
    expect(row.contentPreview).toBe('长'.repeat(120));
    expect(JSON.stringify(rows)).not.toContain('13912345678');
  });

  it('colour bands follow the warning hours of the settings', async () => {
    const [id] = (await insertOrders(app, [{ status: 'in_progress', handleDueAt: TEST_NOW + 30 * H }])) as [number];
    const band = async () => (await call(app, 'orders.page', { sort: { column: 'receivedAt', direction: 'desc' }, startRow: 0, endRow: 50 })).rows.find((r) => r.id === id)!.handleBand;
    expect(await band()).toBe('ok');
    await app.handle.db.insertInto('settings').values({ key: 'deadlines.warnWithinHours', value_json: '48', updated_at: TEST_NOW }).execute();
    expect(await band()).toBe('soon');
    expect(await call(app, 'orders.count', { filter: { deadlineBands: [{ kind: 'handle', band: 'soon' }] } })).toEqual({ count: expect.any(Number) });
    const soon = await call(app, 'orders.page', { sort: { column: 'receivedAt', direction: 'desc' }, startRow: 0, endRow: 50, filter: { deadlineBands: [{ kind: 'handle', band: 'soon' }] } });
    expect(soon.rows.map((r) => r.id)).toContain(id);
  });
});
