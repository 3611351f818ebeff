/** 重复件: linking rules (not itself, no chains, no cycles), unlinking, and copying the master's reply. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppRuntime } from '../../../main/runtime.js';
import { createTestApp } from '../../support/app.js';
import { act, call, orderIn, refusal, snapshot, version } from './support.js';

let app: AppRuntime;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app?.close();
});

const orderNo = async (id: number) => (await app.handle.db.selectFrom('orders').select('order_no').where('id', '=', id).executeTakeFirstOrThrow()).order_no;

describe('linking', () => {
  it('links by id or by 工单编号; the master lists its duplicates and both timelines show it', async () => {
    const master = await orderIn(app, 'in_progress');
    const a = await orderIn(app, 'received');
    const b = await orderIn(app, 'in_progress');
    const masterVersion = await version(app, master);
    const linkedA = (await act(app, 'workflow.linkDuplicate', a, { masterId: master })).order;
    expect(linkedA.duplicateOf).toMatchObject({ id: master, orderNo: await orderNo(master) });
    await act(app, 'workflow.linkDuplicate', b, { masterOrderNo: await orderNo(master) });
    const m = await call(app, 'orders.get', { id: master });
    // In order of receipt (b was received before a).
    expect(m.duplicates.map((d) => d.id)).toEqual([b, a]);
    expect(m.version).toBe(masterVersion + 2);
    expect(m.timeline.map((e) => e.kind)).toEqual(['duplicate_attached', 'duplicate_attached']);
    expect(linkedA.timeline[0]).toMatchObject({ kind: 'duplicate_linked', after: { duplicateOf: master } });
  });

  it('refuses itself, a master that is itself a duplicate (no chains), and linking a master (no cycles), changing nothing', async () => {
    const root = await orderIn(app, 'in_progress');
    const dup = await orderIn(app, 'in_progress');
    const other = await orderIn(app, 'received');
    await act(app, 'workflow.linkDuplicate', dup, { masterId: root });
    const before = snapshot(app);
    expect(await refusal(act(app, 'workflow.linkDuplicate', other, { masterId: other }), 'INVALID_INPUT')).toContain('自己');
    const chain = await refusal(act(app, 'workflow.linkDuplicate', other, { masterId: dup }), 'INVALID_INPUT');
    expect(chain).toContain(await orderNo(root));
    // root has a duplicate, so it cannot become one (that would make a chain, or with dup a cycle).
    expect(await refusal(act(app, 'workflow.linkDuplicate', root, { masterId: other }), 'ILLEGAL_TRANSITION')).toContain('主工单');
    expect(await refusal(act(app, 'workflow.linkDuplicate', dup, { masterId: other }), 'ILLEGAL_TRANSITION')).toContain('先解除');
    await refusal(act(app, 'workflow.linkDuplicate', other, { masterOrderNo: 'NO-SUCH' }), 'NOT_FOUND');
    expect(snapshot(app)).toEqual(before);
  });

  it('unlinks: the order is on its own again and the master no longer lists it', async () => {
    const master = await orderIn(app, 'in_progress');
    const dup = await orderIn(app, 'in_progress');
    await act(app, 'workflow.linkDuplicate', dup, { masterId: master });
    const o = (await act(app, 'workflow.unlinkDuplicate', dup, {})).order;
    expect(o.duplicateOf).toBeNull();
    expect(o.allowedActions).toContain('linkDuplicate');
    expect((await call(app, 'orders.get', { id: master })).duplicates).toEqual([]);
    await refusal(act(app, 'workflow.unlinkDuplicate', dup, {}), 'ILLEGAL_TRANSITION');
  });
});

describe('copying the master’s reply', () => {
  it('replies every linked order in handling in one go, each with its own event and version; others are listed as skipped', async () => {
    const master = await orderIn(app, 'in_progress');
    const handling = await orderIn(app, 'in_progress');
    const handling2 = await orderIn(app, 'in_progress');
    const fresh = await orderIn(app, 'received');
    for (const d of [handling, handling2, fresh]) await act(app, 'workflow.linkDuplicate', d, { masterId: master });
    await act(app, 'workflow.reply', master, { result: 'partial', text: '已督促物业每日清运，长效机制正在协调。' });
    const v1 = await version(app, handling);
    const res = await act(app, 'workflow.copyReplyToDuplicates', master, {}, '李娜');
    expect(res.copied.map((c) => c.id).sort()).toEqual([handling, handling2].sort());
    expect(res.skipped).toEqual([expect.objectContaining({ id: fresh, status: 'received', reason: expect.stringContaining('待签收') })]);
    const h = await call(app, 'orders.get', { id: handling });
    expect(h).toMatchObject({ status: 'replied', replyResult: 'partial', replyText: '已督促物业每日清运，长效机制正在协调。', version: v1 + 1 });
    expect(h.timeline[0]).toMatchObject({ kind: 'reply_copied', actor: '李娜', orderVersion: v1 + 1 });
    expect(h.timeline[0]!.summary).toContain(await orderNo(master));
    expect((await call(app, 'orders.get', { id: fresh })).status).toBe('received');
    expect(res.order.timeline[0]!.kind).toBe('reply_shared');
  });

  it('is refused while the master has no reply, changing nothing', async () => {
    const master = await orderIn(app, 'in_progress');
    const dup = await orderIn(app, 'in_progress');
    await act(app, 'workflow.linkDuplicate', dup, { masterId: master });
    const before = snapshot(app);
    expect(await refusal(act(app, 'workflow.copyReplyToDuplicates', master, {}), 'ILLEGAL_TRANSITION')).toContain('办理中');
    expect(snapshot(app)).toEqual(before);
  });
});
