/** The category taxonomy: tree, rename of a subtree everywhere a path is a key, deactivation, leaf settings. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppRuntime } from '../../../main/runtime.js';
import type { ApiClient } from '../../../preload/contract/client.js';
import { AppError } from '../../../preload/contract/errors.js';
import { createTestApp, insertOrders, insertUnits } from '../../support/app.js';
import { adminEvents, clientOf, insertCategories } from './support.js';

let app: AppRuntime;
let client: ApiClient;
let communityId: number;
let departmentId: number;

beforeEach(async () => {
  app = await createTestApp();
  client = clientOf(app);
  [communityId, departmentId] = (await insertUnits(app, [
    { kind: 'community', name: '六营门社区' },
    { kind: 'department', name: '物业管理办公室' },
  ])) as [number, number];
  await insertCategories(app, [
    '物业管理/物业服务/物业服务质量差',
    '物业管理/设施维修/电梯故障',
    '物业管理/设施维修/门禁损坏',
    '物业管理类/其他/其他', // shares the first characters: must not be caught by the rename
    '市容环卫/环境卫生/垃圾清运不及时',
  ]);
});
afterEach(() => app.close());

const idOf = async (path: string) => (await app.handle.db.selectFrom('categories').select('id').where('path', '=', path).executeTakeFirstOrThrow()).id;
const paths = async () => (await app.handle.db.selectFrom('categories').select(['path', 'parent_path']).orderBy('path').execute());

describe('taxonomy', () => {
  it('lists the taxonomy as a three-level tree in configured order', async () => {
    const tree = await client.send('categories.tree', {});
    expect(tree.map((n) => n.name)).toEqual(['物业管理', '物业管理类', '市容环卫']);
    const wy = tree[0]!;
    expect(wy.children.map((n) => n.path)).toEqual(['物业管理/物业服务', '物业管理/设施维修']);
    expect(wy.children[1]!.children.map((n) => n.name)).toEqual(['电梯故障', '门禁损坏']);
  });

  it('renaming a 一级 node renames its subtree in categories, duty lists, routing rules and templates — not in orders', async () => {
    await client.send('units.setDuties', { unitId: communityId, paths: ['物业管理', '物业管理类', '市容环卫/环境卫生'] });
    await client.send('routing.upsert', { categoryPrefix: '物业管理/设施维修', unitId: departmentId });
    await client.send('templates.upsert', { categoryPrefix: '物业管理/设施维修/电梯故障', title: '电梯', body: '电梯已修复。' });
    const [orderId] = await insertOrders(app, [{ category: '物业管理/设施维修/电梯故障' }]);

    const renamed = await client.send('categories.upsert', { id: await idOf('物业管理'), name: '物业服务管理' });
    expect(renamed).toMatchObject({ path: '物业服务管理', name: '物业服务管理', level: 1 });

    expect(await paths()).toEqual([
      { path: '市容环卫', parent_path: null },
      { path: '市容环卫/环境卫生', parent_path: '市容环卫' },
      { path: '市容环卫/环境卫生/垃圾清运不及时', parent_path: '市容环卫/环境卫生' },
      { path: '物业服务管理', parent_path: null },
      { path: '物业服务管理/物业服务', parent_path: '物业服务管理' },
      { path: '物业服务管理/物业服务/物业服务质量差', parent_path: '物业服务管理/物业服务' },
      { path: '物业服务管理/设施维修', parent_path: '物业服务管理' },
      { path: '物业服务管理/设施维修/电梯故障', parent_path: '物业服务管理/设施维修' },
      { path: '物业服务管理/设施维修/门禁损坏', parent_path: '物业服务管理/设施维修' },
      { path: '物业管理类', parent_path: null },
      { path: '物业管理类/其他', parent_path: '物业管理类' },
      { path: '物业管理类/其他/其他', parent_path: '物业管理类/其他' },
    ]);
    expect(app.handle.sqlite.pragma('foreign_key_check')).toEqual([]);
    const units = await client.send('units.listAll', {});
    expect(units.find((u) => u.id === communityId)?.duties).toEqual(['市容环卫/环境卫生', '物业服务管理', '物业管理类']);
    expect((await client.send('routing.list', {})).map((r) => r.categoryPrefix)).toEqual(['物业服务管理/设施维修']);
    expect((await client.send('templates.list', {})).map((t) => t.categoryPrefix)).toEqual(['物业服务管理/设施维修/电梯故障']);
    // The order keeps the path the hotline dispatched it with.
    const order = await app.handle.db.selectFrom('orders').select('category').where('id', '=', orderId!).executeTakeFirstOrThrow();
    expect(order.category).toBe('物业管理/设施维修/电梯故障');

    const [event] = (await adminEvents(app)).filter((e) => e.kind === 'admin.category');
    expect(event?.summary).toBe(
      '分类「物业服务管理」：改名「物业管理」→「物业服务管理」（同步更新 5 个下级分类、1 条职责清单、1 条派单规则、1 个答复模板）；已有工单保留原分类文字',
    );
  });

  it('renames a 二级 node with its leaves only', async () => {
    await client.send('categories.upsert', { id: await idOf('物业管理/设施维修'), name: '设施设备' });
    expect((await paths()).map((p) => p.path).filter((p) => p.startsWith('物业管理/'))).toEqual([
      '物业管理/物业服务',
      '物业管理/物业服务/物业服务质量差',
      '物业管理/设施设备',
      '物业管理/设施设备/电梯故障',
      '物业管理/设施设备/门禁损坏',
    ]);
  });

  it('refuses a rename onto an existing sibling, and changes nothing', async () => {
    const e = await client.send('categories.upsert', { id: await idOf('物业管理/设施维修'), name: '物业服务' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).message).toBe('同一上级下已有分类「物业服务」，不能重名。');
    expect((await paths()).map((p) => p.path)).toContain('物业管理/设施维修/电梯故障');
    expect(await adminEvents(app)).toEqual([]);
  });

  it('deactivating a node hides its subtree; reactivating restores it as it was', async () => {
    const lift = await idOf('物业管理/设施维修/电梯故障');
    await client.send('categories.upsert', { id: lift, active: false });
    const repairs = await idOf('物业管理/设施维修');
    await client.send('categories.upsert', { id: repairs, active: false });
    const visible = await client.send('categories.tree', {});
    expect(visible[0]!.children.map((n) => n.name)).toEqual(['物业服务']);
    // Nothing new under a deactivated node, and a child cannot come back before its parent.
    await expect(client.send('categories.upsert', { parentPath: '物业管理/设施维修', name: '水泵故障' })).rejects.toThrow('已停用');
    await expect(client.send('categories.upsert', { id: lift, active: true })).rejects.toThrow('请先启用它');
    await client.send('categories.upsert', { id: repairs, active: true });
    const tree = await client.send('categories.tree', {});
    // The leaf deactivated on its own stays deactivated; its sibling is back.
    expect(tree[0]!.children[1]!.children.map((l) => l.name)).toEqual(['门禁损坏']);
    const all = await client.send('categories.tree', { includeInactive: true });
    expect(all[0]!.children[1]!.children.map((l) => [l.name, l.active])).toEqual([['电梯故障', false], ['门禁损坏', true]]);
  });

  it('sets a leaf’s default tier and 七有五性 dimension, and only a leaf’s', async () => {
    const leaf = await client.send('categories.upsert', { id: await idOf('物业管理/设施维修/电梯故障'), defaultTier: 'urgent', livelihoodDimension: '安全性' });
    expect(leaf).toMatchObject({ defaultTier: 'urgent', livelihoodDimension: '安全性' });
    await expect(client.send('categories.upsert', { id: await idOf('物业管理/设施维修'), defaultTier: 'utility' })).rejects.toThrow('只能设在三级');
    await expect(client.send('categories.upsert', { parentPath: '物业管理/设施维修/电梯故障', name: '第四级' })).rejects.toThrow('最多三级');
    const cleared = await client.send('categories.upsert', { id: leaf.id, defaultTier: null });
    expect(cleared).toMatchObject({ defaultTier: null, livelihoodDimension: '安全性' });
    const summaries = (await adminEvents(app)).map((e) => e.summary);
    expect(summaries).toEqual(['分类「物业管理/设施维修/电梯故障」：默认时限档位：紧急；七有五性：安全性', '分类「物业管理/设施维修/电梯故障」：默认时限档位：无']);
  });

  it('adds nodes at the end of their siblings', async () => {
    const node = await client.send('categories.upsert', { parentPath: '物业管理', name: '小区管理' });
    expect(node).toMatchObject({ path: '物业管理/小区管理', level: 2 });
    const tree = await client.send('categories.tree', {});
    expect(tree[0]!.children.map((n) => n.name)).toEqual(['物业服务', '设施维修', '小区管理']);
    await expect(client.send('categories.upsert', { parentPath: '物业管理', name: '小区管理' })).rejects.toThrow('已存在');
  });
});
