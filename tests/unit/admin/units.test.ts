/** Units, their duty lists (Art. 17) and staff, as the administrator keeps them. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppRuntime } from '../../../main/runtime.js';
import { dutiesCovering } from '../../../main/services/admin/units.js';
import type { ApiClient } from '../../../preload/contract/client.js';
import { createTestApp } from '../../support/app.js';
import { adminEvents, clientOf, insertCategories } from './support.js';

let app: AppRuntime;
let client: ApiClient;
beforeEach(async () => {
  app = await createTestApp();
  client = clientOf(app);
  await insertCategories(app, ['物业管理/设施维修/电梯故障', '物业管理/物业服务/物业收费', '市容环卫/环境卫生/垃圾分类', '噪声/社会生活噪声/装修噪声']);
});
afterEach(() => app.close());

describe('units', () => {
  it('creates, renames and deactivates; a deactivated unit leaves the pickers but not the admin list', async () => {
    const a = await client.send('units.create', { kind: 'community', name: '六营门社区' });
    const b = await client.send('units.create', { kind: 'community', name: '春园社区' });
    expect([a.sortOrder, b.sortOrder]).toEqual([1, 2]);
    await expect(client.send('units.create', { kind: 'department', name: '春园社区' })).rejects.toThrow('已有名为「春园社区」的社区');
    await client.send('units.update', { id: b.id, name: '春园东社区' });
    await client.send('units.update', { id: a.id, active: false });
    expect((await client.send('units.list', {})).map((u) => u.name)).toEqual(['春园东社区']);
    expect((await client.send('units.listAll', {})).map((u) => [u.name, u.active])).toEqual([['六营门社区', false], ['春园东社区', true]]);
    expect((await adminEvents(app)).map((e) => e.summary)).toEqual([
      '新增社区「六营门社区」',
      '新增社区「春园社区」',
      '社区「春园社区」：改名为「春园东社区」',
      '社区「六营门社区」：停用（历史工单不受影响）',
    ]);
  });

  it('reorders all units of a kind, and only with the complete list', async () => {
    const ids: number[] = [];
    for (const name of ['一社区', '二社区', '三社区']) ids.push((await client.send('units.create', { kind: 'community', name })).id);
    const dept = await client.send('units.create', { kind: 'department', name: '城管科' });
    await client.send('units.reorder', { kind: 'community', ids: [ids[2]!, ids[0]!, ids[1]!] });
    expect((await client.send('units.list', { kind: 'community' })).map((u) => u.name)).toEqual(['三社区', '一社区', '二社区']);
    await expect(client.send('units.reorder', { kind: 'community', ids: [ids[0]!, ids[1]!] })).rejects.toThrow('恰好包含全部 3 个社区');
    await expect(client.send('units.reorder', { kind: 'community', ids: [ids[0]!, ids[1]!, dept.id] })).rejects.toThrow('恰好包含');
    await expect(client.send('units.reorder', { kind: 'community', ids: [ids[0]!, ids[0]!, ids[1]!] })).rejects.toThrow('各出现一次');
  });
});

describe('duty lists', () => {
  it('replaces a unit’s duty list; each entry covers its subtree', async () => {
    const u = await client.send('units.create', { kind: 'community', name: '六营门社区' });
    const set = await client.send('units.setDuties', { unitId: u.id, paths: ['物业管理', '市容环卫/环境卫生', '物业管理'] });
    expect(set.duties).toEqual(['市容环卫/环境卫生', '物业管理']);
    const db = app.handle.db;
    expect(await dutiesCovering(db, u.id, '物业管理/设施维修/电梯故障')).toEqual(['物业管理']);
    expect(await dutiesCovering(db, u.id, '市容环卫/环境卫生/垃圾分类')).toEqual(['市容环卫/环境卫生']);
    expect(await dutiesCovering(db, u.id, '噪声/社会生活噪声/装修噪声')).toEqual([]);
    expect(await dutiesCovering(db, u.id, '')).toEqual([]);

    const replaced = await client.send('units.setDuties', { unitId: u.id, paths: ['噪声/社会生活噪声'] });
    expect(replaced.duties).toEqual(['噪声/社会生活噪声']);
    const events = (await adminEvents(app)).filter((e) => e.kind === 'admin.duties');
    expect(events.map((e) => e.summary)).toEqual([
      '社区「六营门社区」的职责清单：增加 市容环卫/环境卫生、物业管理',
      '社区「六营门社区」的职责清单：增加 噪声/社会生活噪声；移除 市容环卫/环境卫生、物业管理',
    ]);
    expect(events[1]).toMatchObject({ before: ['市容环卫/环境卫生', '物业管理'], after: ['噪声/社会生活噪声'] });
  });

  it('refuses paths that are not categories, keeping the old list', async () => {
    const u = await client.send('units.create', { kind: 'department', name: '城管科' });
    await client.send('units.setDuties', { unitId: u.id, paths: ['市容环卫'] });
    await expect(client.send('units.setDuties', { unitId: u.id, paths: ['市容环卫', '物业管理/电梯', '交通'] })).rejects.toThrow(
      '职责清单中的分类不存在：「物业管理/电梯」、「交通」。',
    );
    expect((await client.send('units.listAll', {}))[0]?.duties).toEqual(['市容环卫']);
    await expect(client.send('units.setDuties', { unitId: 999, paths: [] })).rejects.toThrow('单位不存在');
  });
});

describe('staff', () => {
  it('lists staff per unit, moves and deactivates them, refusing inactive units', async () => {
    const a = await client.send('units.create', { kind: 'community', name: '六营门社区' });
    const b = await client.send('units.create', { kind: 'department', name: '城管科' });
    const wang = await client.send('staff.create', { name: '王芳', unitId: a.id, phone: '010-6812 3456' });
    await client.send('staff.create', { name: '李强', unitId: b.id });
    expect((await client.send('staff.list', { unitId: a.id })).map((s) => s.name)).toEqual(['王芳']);
    expect((await client.send('units.listAll', {})).map((u) => u.staffCount)).toEqual([1, 1]);

    const moved = await client.send('staff.update', { id: wang.id, unitId: b.id, phone: null });
    expect(moved).toMatchObject({ unitId: b.id, unitName: '城管科', phone: null });
    await client.send('staff.update', { id: wang.id, active: false });
    expect((await client.send('staff.list', { unitId: b.id })).map((s) => s.name)).toEqual(['李强']);
    expect((await client.send('staff.list', { unitId: b.id, includeInactive: true })).map((s) => s.name)).toEqual(['王芳', '李强']);

    await client.send('units.update', { id: a.id, active: false });
    await expect(client.send('staff.create', { name: '赵敏', unitId: a.id })).rejects.toThrow('「六营门社区」已停用');
    const summaries = (await adminEvents(app)).filter((e) => e.kind === 'admin.staff').map((e) => e.summary);
    expect(summaries).toEqual(['「六营门社区」新增工作人员 王芳', '「城管科」新增工作人员 李强', '工作人员 王芳：调至「城管科」；修改电话', '工作人员 王芳：停用']);
  });
});
