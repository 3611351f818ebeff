/** Reply templates: which serve an order's category, and filling one with the order's facts. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppRuntime } from '../../../main/runtime.js';
import { fillTemplate } from '../../../main/services/admin/templates.js';
import type { ApiClient } from '../../../preload/contract/client.js';
import { TEMPLATE_PLACEHOLDERS } from '../../../preload/contract/methods/admin.js';
import { fromBeijing } from '../../../preload/contract/time.js';
import { assignUnit, createTestApp, insertOrders, insertUnits } from '../../support/app.js';
import { adminEvents, clientOf, insertCategories } from './support.js';

let app: AppRuntime;
let client: ApiClient;
let orderId: number;

beforeEach(async () => {
  app = await createTestApp();
  client = clientOf(app);
  await app.handle.db.insertInto('app_meta').values({ key: 'street_name', value: '青塔街道' }).execute();
  await insertCategories(app, ['物业管理/设施维修/电梯故障', '市容环卫/环境卫生/垃圾分类']);
  const [community, dept, assist] = (await insertUnits(app, [
    { kind: 'community', name: '六营门社区', sortOrder: 1 },
    { kind: 'department', name: '物业管理办公室', sortOrder: 2 },
    { kind: 'department', name: '城市管理办公室', sortOrder: 3 },
  ])) as [number, number, number];
  [orderId] = (await insertOrders(app, [
    {
      orderNo: '2026030212345',
      receivedAt: fromBeijing(2026, 3, 1, 8, 30),
      category: '物业管理/设施维修/电梯故障',
      communityId: community,
      citizenName: '王建国',
      citizenPhone: '13812345678',
      address: '六营门小区3号楼2单元',
      handleDueAt: fromBeijing(2026, 3, 10, 23, 59, 59),
    },
  ])) as [number];
  await app.handle.db.updateTable('orders').set({ residential_area: '六营门小区' }).where('id', '=', orderId).execute();
  await assignUnit(app, orderId, dept, 'lead');
  await assignUnit(app, orderId, community, 'assist');
  await assignUnit(app, orderId, assist, 'assist');
});
afterEach(() => app.close());

describe('reply templates', () => {
  it('fills every fact of the order, masking personal data', async () => {
    const body = Object.keys(TEMPLATE_PLACEHOLDERS).map((k) => `${k}=[{${k}}]`).join('\n');
    const t = await client.send('templates.upsert', { categoryPrefix: '物业管理', title: '全部占位符', body });
    const r = await client.send('templates.render', { templateId: t.id, orderId });
    expect(r.text.split('\n')).toEqual([
      '工单编号=[2026030212345]',
      '受理时间=[2026-03-01 08:30]',
      '派单时间=[2026-03-01 08:40]',
      '诉求人=[王**]',
      '联系电话=[138****5678]',
      '诉求类型=[投诉]',
      '问题分类=[电梯故障]',
      '分类路径=[物业管理/设施维修/电梯故障]',
      '地址=[六营门小区3号楼2单元]',
      '小区=[六营门小区]',
      '社区=[六营门社区]',
      '主办单位=[物业管理办公室]',
      '协办单位=[六营门社区、城市管理办公室]',
      '办理时限=[2026-03-10 23:59]',
      '办结日期=[2026年3月2日]', // not replied yet: today
      '今天=[2026年3月2日]',
      '街道=[青塔街道]',
    ]);
    expect(r).toMatchObject({ unknownPlaceholders: [], emptyPlaceholders: [] });
    expect(r.text).not.toContain('13812345678');
    expect(r.text).not.toContain('王建国');
  });

  it('uses the reply date once replied, and leaves unknown placeholders visible', async () => {
    await app.handle.db.updateTable('orders').set({ replied_at: fromBeijing(2026, 3, 5, 16, 0), residential_area: null }).where('id', '=', orderId).execute();
    const t = await client.send('templates.upsert', {
      categoryPrefix: '',
      title: '通用',
      body: '{诉求人}您好：您于{受理时间}反映的{小区}问题，{主办单位}已于{办结日期}办结。{联系人}{ 诉求人 }{}',
    });
    const r = await client.send('templates.render', { templateId: t.id, orderId });
    expect(r.text).toBe('王**您好：您于2026-03-01 08:30反映的问题，物业管理办公室已于2026年3月5日办结。{联系人}{ 诉求人 }{}');
    expect(r).toMatchObject({ unknownPlaceholders: ['联系人'], emptyPlaceholders: ['小区'] });
  });

  it('a confidential citizen stays 保密', () => {
    expect(fillTemplate('{诉求人}，{联系电话}', { 诉求人: '保密', 联系电话: '保密' }).text).toBe('保密，保密');
    // A placeholder that merely looks like an object key is still unknown.
    expect(fillTemplate('{toString}{constructor}', {}).unknownPlaceholders).toEqual(['toString', 'constructor']);
  });

  it('lists the templates serving a category, most specific first, and hides inactive ones', async () => {
    const general = await client.send('templates.upsert', { categoryPrefix: '', title: '通用', body: '您好' });
    const l1 = await client.send('templates.upsert', { categoryPrefix: '物业管理', title: '物业', body: '物业' });
    const leaf = await client.send('templates.upsert', { categoryPrefix: '物业管理/设施维修/电梯故障', title: '电梯', body: '电梯' });
    const other = await client.send('templates.upsert', { categoryPrefix: '市容环卫', title: '市容', body: '市容' });
    const ids = async (category: string) => (await client.send('templates.list', { category })).map((t) => t.id);
    expect(await ids('物业管理/设施维修/电梯故障')).toEqual([leaf.id, l1.id, general.id]);
    expect(await ids('市容环卫/环境卫生/垃圾分类')).toEqual([other.id, general.id]);
    expect(await ids('')).toEqual([general.id]);
    await client.send('templates.upsert', { id: l1.id, categoryPrefix: '物业管理', title: '物业', body: '物业', active: false });
    expect(await ids('物业管理/设施维修/电梯故障')).toEqual([leaf.id, general.id]);
    expect((await client.send('templates.list', { includeInactive: true })).map((t) => t.id)).toHaveLength(4);
    expect((await adminEvents(app)).filter((e) => e.kind === 'admin.template').map((e) => e.summary)).toEqual([
      '新增答复模板「通用」（通用）',
      '新增答复模板「物业」（物业管理）',
      '新增答复模板「电梯」（物业管理/设施维修/电梯故障）',
      '新增答复模板「市容」（市容环卫）',
      '修改答复模板「物业」（物业管理）',
    ]);
  });
});
