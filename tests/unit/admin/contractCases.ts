/**
 * The contract suite's cases for the administration methods (spread into tests/unit/contract/suite.ts).
 * They share the suite's app with every other case, so each one leaves the street as it found it where
 * others could notice: units it creates are deactivated, overrides and settings are put back.
 */
import { expect } from 'vitest';
import type { adminMethods } from '../../../preload/contract/methods/admin.js';
import type { settingsMethods } from '../../../preload/contract/methods/settings.js';
import { SETTING_KEYS } from '../../../preload/contract/methods/settings.js';
import type { ApiClient } from '../../../preload/contract/client.js';
import { AppError, type ErrorCode } from '../../../preload/contract/errors.js';
import type { AppRuntime } from '../../../main/runtime.js';
import type { Fixture } from '../contract/fixture.js';

export type AdminMethodName = keyof typeof adminMethods | keyof typeof settingsMethods;
interface Case {
  happy: () => Promise<void>;
  invalid: unknown[];
}
export interface SuiteEnv {
  client: ApiClient;
  app: AppRuntime;
  fx: Fixture;
}

async function rejects(promise: Promise<unknown>, code: ErrorCode): Promise<AppError> {
  const e = await promise.then(
    () => new Error(`expected ${code}, got a reply`),
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  expect((e as AppError).message).toMatch(/[\u4e00-\u9fff]/);
  return e as AppError;
}

const LEAF = '住房管理/物业管理/物业服务';

export function adminContractCases(env: () => SuiteEnv): Record<AdminMethodName, Case> {
  const c = () => env().client;

  /** The fixture street has no taxonomy rows: create the path the cases use (idempotent). */
  async function ensureLeaf(): Promise<void> {
    const [l1, l2, l3] = LEAF.split('/') as [string, string, string];
    const tree = await c().send('categories.tree', { includeInactive: true });
    const top = tree.find((n) => n.name === l1);
    if (!top) await c().send('categories.upsert', { parentPath: null, name: l1 });
    const second = top?.children.find((n) => n.name === l2);
    if (!second) await c().send('categories.upsert', { parentPath: l1, name: l2 });
    if (!second?.children.some((n) => n.name === l3)) await c().send('categories.upsert', { parentPath: `${l1}/${l2}`, name: l3 });
  }

  return {
    'settings.list': {
      async happy() {
        const all = await c().send('settings.list', {});
        expect(all.map((s) => s.key)).toEqual([...SETTING_KEYS]);
        const tiers = all.find((s) => s.key === 'deadlines.tiers');
        expect(tiers?.label).toBe('时限档位');
        expect(tiers?.value).toMatchObject({ general: { handle: { amount: 7, unit: 'workingDays' } } });
      },
      invalid: [{ key: 'deadlines.tiers' }],
    },
    'settings.get': {
      async happy() {
        const s = await c().send('settings.get', { key: 'deadlines.clockStart' });
        expect(s).toMatchObject({ key: 'deadlines.clockStart', value: 'dispatched', label: '计时起点' });
      },
      invalid: [{ key: 'deadlines.unknown' }, {}, { key: 'deadlines.tiers', version: 1 }],
    },
    'settings.set': {
      async happy() {
        const read = await c().send('settings.get', { key: 'deadlines.warnWithinHours' });
        const saved = await c().send('settings.set', { key: 'deadlines.warnWithinHours', value: 12, version: read.version });
        expect(saved).toMatchObject({ value: 12, version: read.version + 1, isDefault: false });
        // A second administrator still holding the old version is refused and told the current value.
        const e = await rejects(c().send('settings.set', { key: 'deadlines.warnWithinHours', value: 48, version: read.version }), 'STALE_VERSION');
        expect(e.message).toContain('12小时');
        await c().send('settings.set', { key: 'deadlines.warnWithinHours', value: 24, version: saved.version });
      },
      invalid: [
        { key: 'deadlines.warnWithinHours', value: 0, version: 0 },
        { key: 'deadlines.warnWithinHours', value: 5 },
        { key: 'deadlines.clockStart', value: 'received', version: 0 },
        { key: 'deadlines.tiers', value: {}, version: 0 },
        { key: 'workflow.objectionPausesClock', value: 'yes', version: 0 },
        { key: 'no.such.key', value: 1, version: 0 },
      ],
    },
    'holidays.list': {
      async happy() {
        await c().send('holidays.upsert', { day: '2031-05-06', kind: 'holiday', note: '测试' });
        expect((await c().send('holidays.list', { year: 2031 })).map((h) => h.day)).toContain('2031-05-06');
        expect((await c().send('holidays.list', { year: 2030 })).map((h) => h.day)).not.toContain('2031-05-06');
        await c().send('holidays.delete', { day: '2031-05-06' });
      },
      invalid: [{ year: 1999 }, { year: '2026' }, { year: 2026, extra: 1 }],
    },
    'holidays.upsert': {
      async happy() {
        const h = await c().send('holidays.upsert', { day: '2026-03-07', kind: 'workday', note: '测试调休' });
        expect(h).toEqual({ day: '2026-03-07', kind: 'workday', note: '测试调休' });
        const year = await c().send('calendar.year', { year: 2026 });
        expect(year.days.find((d) => d.day === '2026-03-07')).toEqual({ day: '2026-03-07', work: true, source: 'override', name: '测试调休' });
        await c().send('holidays.delete', { day: '2026-03-07' });
      },
      invalid: [{ day: '2026-02-30', kind: 'holiday' }, { day: '2026-3-7', kind: 'workday' }, { day: '2026-03-07', kind: 'weekend' }, { day: '2026-03-07' }],
    },
    'holidays.delete': {
      async happy() {
        await c().send('holidays.upsert', { day: '2031-01-02', kind: 'holiday' });
        expect(await c().send('holidays.delete', { day: '2031-01-02' })).toEqual({ day: '2031-01-02', deleted: true });
        await rejects(c().send('holidays.delete', { day: '2031-01-02' }), 'NOT_FOUND');
      },
      invalid: [{ day: 'tomorrow' }, {}],
    },
    'calendar.year': {
      async happy() {
        const y = await c().send('calendar.year', { year: 2026 });
        expect(y).toMatchObject({ year: 2026, officialData: true, hasData: true });
        expect(y.days).toHaveLength(365);
        expect(y.days.find((d) => d.day === '2026-10-01')).toMatchObject({ work: false, source: 'schedule', name: '国庆节' });
        expect(y.days.find((d) => d.day === '2026-10-10')).toMatchObject({ work: true, source: 'schedule' }); // 调休 Saturday
        expect(await c().send('calendar.year', { year: 2099 })).toMatchObject({ officialData: false, hasData: false });
      },
      invalid: [{ year: 1999 }, { year: 2100 }, {}],
    },
    'units.listAll': {
      async happy() {
        const all = await c().send('units.listAll', {});
        expect(all.filter((u) => u.active).map((u) => u.name).slice(0, 5)).toEqual(['南街社区', '东园社区', '北里社区', '综治办', '城管科']);
        expect(all.every((u) => Array.isArray(u.duties) && u.staffCount >= 0)).toBe(true);
      },
      invalid: [{ kind: 'street' }, { all: true }],
    },
    'units.create': {
      async happy() {
        const u = await c().send('units.create', { kind: 'community', name: '测试新社区' });
        expect(u).toMatchObject({ kind: 'community', name: '测试新社区', active: true, duties: [], staffCount: 0 });
        await rejects(c().send('units.create', { kind: 'department', name: '测试新社区' }), 'INVALID_INPUT');
        await c().send('units.update', { id: u.id, active: false });
      },
      invalid: [{ kind: 'community', name: '' }, { kind: 'street', name: '某单位' }, { name: '某单位' }],
    },
    'units.update': {
      async happy() {
        const u = await c().send('units.create', { kind: 'department', name: '临时科室' });
        expect(await c().send('units.update', { id: u.id, name: '临时科室二' })).toMatchObject({ name: '临时科室二', active: true });
        expect(await c().send('units.update', { id: u.id, active: false })).toMatchObject({ active: false });
        expect((await c().send('units.list', {})).map((x) => x.name)).not.toContain('临时科室二');
        await rejects(c().send('units.update', { id: 999_999, name: '不存在' }), 'NOT_FOUND');
      },
      invalid: [{ id: 1 }, { id: 0, name: '某单位' }, { id: 1, name: '   ' }],
    },
    'units.reorder': {
      async happy() {
        const before = (await c().send('units.listAll', { kind: 'community' })).map((u) => u.id);
        const reversed = [...before].reverse();
        expect((await c().send('units.reorder', { kind: 'community', ids: reversed })).map((u) => u.id)).toEqual(reversed);
        await rejects(c().send('units.reorder', { kind: 'community', ids: reversed.slice(1) }), 'INVALID_INPUT');
        expect((await c().send('units.reorder', { kind: 'community', ids: before })).map((u) => u.id)).toEqual(before);
      },
      invalid: [{ kind: 'community', ids: [] }, { kind: 'community', ids: [0] }, { ids: [1] }],
    },
    'units.setDuties': {
      async happy() {
        await ensureLeaf();
        const unitId = env().fx.communityIds[0]!;
        const before = (await c().send('units.listAll', {})).find((u) => u.id === unitId)!.duties;
        expect((await c().send('units.setDuties', { unitId, paths: ['住房管理/物业管理'] })).duties).toEqual(['住房管理/物业管理']);
        await rejects(c().send('units.setDuties', { unitId, paths: ['不存在的分类'] }), 'INVALID_INPUT');
        await c().send('units.setDuties', { unitId, paths: before });
      },
      invalid: [{ unitId: 1, paths: ['住房管理//物业'] }, { unitId: 1 }, { unitId: 1, paths: '住房管理' }],
    },
    'staff.list': {
      async happy() {
        const unitId = env().fx.departmentIds[1]!;
        const s = await c().send('staff.create', { name: '赵列表', unitId });
        const list = await c().send('staff.list', { unitId });
        expect(list.map((x) => x.id)).toContain(s.id);
        expect(list.every((x) => x.unitId === unitId && x.active)).toBe(true);
      },
      invalid: [{ unitId: 0 }, { includeInactive: 'yes' }],
    },
    'staff.create': {
      async happy() {
        const s = await c().send('staff.create', { name: '王测试', unitId: env().fx.departmentIds[0]!, phone: '13800001111' });
        expect(s).toMatchObject({ name: '王测试', unitName: '城管科', phone: '13800001111', active: true });
        await rejects(c().send('staff.create', { name: '李测试', unitId: 999_999 }), 'NOT_FOUND');
      },
      invalid: [{ name: '', unitId: 1 }, { name: '张三' }, { name: '张三', unitId: 1, phone: '电话' }],
    },
    'staff.update': {
      async happy() {
        const [d0, d1] = env().fx.departmentIds as [number, number];
        const s = await c().send('staff.create', { name: '孙调动', unitId: d0 });
        expect(await c().send('staff.update', { id: s.id, unitId: d1 })).toMatchObject({ unitId: d1, unitName: '综治办' });
        await c().send('staff.update', { id: s.id, active: false });
        expect((await c().send('staff.list', {})).map((x) => x.id)).not.toContain(s.id);
        expect((await c().send('staff.list', { includeInactive: true })).find((x) => x.id === s.id)).toMatchObject({ active: false });
      },
      invalid: [{ id: 1 }, { id: 1, active: 'no' }, { id: -1, name: '某人' }],
    },
    'categories.tree': {
      async happy() {
        await ensureLeaf();
        const tree = await c().send('categories.tree', {});
        const leaf = tree.find((n) => n.path === '住房管理')?.children.find((n) => n.path === '住房管理/物业管理')?.children[0];
        expect(leaf).toMatchObject({ path: LEAF, level: 3, name: '物业服务', active: true });
      },
      invalid: [{ includeInactive: 1 }, { depth: 2 }],
    },
    'categories.upsert': {
      async happy() {
        const top = await c().send('categories.upsert', { parentPath: null, name: '测试一级' });
        await c().send('categories.upsert', { parentPath: '测试一级', name: '测试二级' });
        const leaf = await c().send('categories.upsert', { parentPath: '测试一级/测试二级', name: '测试三级', defaultTier: 'utility', livelihoodDimension: '宜居性' });
        expect(leaf).toMatchObject({ level: 3, defaultTier: 'utility', livelihoodDimension: '宜居性' });
        expect(await c().send('categories.upsert', { id: top.id, name: '测试一级改' })).toMatchObject({ path: '测试一级改' });
        const tree = await c().send('categories.tree', {});
        expect(tree.find((n) => n.id === top.id)?.children[0]?.children[0]?.path).toBe('测试一级改/测试二级/测试三级');
        await rejects(c().send('categories.upsert', { id: top.id, defaultTier: 'urgent' }), 'INVALID_INPUT');
        await c().send('categories.upsert', { id: top.id, active: false });
        expect((await c().send('categories.tree', {})).map((n) => n.id)).not.toContain(top.id);
      },
      invalid: [
        { parentPath: null, name: '甲/乙' },
        { id: 1, parentPath: '住房管理' },
        { name: '缺上级' },
        { id: 1, livelihoodDimension: '幸福性' },
        { id: 1, defaultTier: 'slow' },
      ],
    },
    'templates.list': {
      async happy() {
        await ensureLeaf();
        const general = await c().send('templates.upsert', { categoryPrefix: '', title: '通用答复', body: '您好。' });
        const specific = await c().send('templates.upsert', { categoryPrefix: '住房管理/物业管理', title: '物业答复', body: '物业已处理。' });
        const forLeaf = (await c().send('templates.list', { category: LEAF })).map((t) => t.id);
        expect(forLeaf.indexOf(specific.id)).toBeLessThan(forLeaf.indexOf(general.id));
        expect((await c().send('templates.list', { category: '城市管理/市容环境/占道经营' })).map((t) => t.id)).not.toContain(specific.id);
        await c().send('templates.delete', { id: general.id });
        await c().send('templates.delete', { id: specific.id });
      },
      invalid: [{ category: 5 }, { includeInactive: 'x' }],
    },
    'templates.upsert': {
      async happy() {
        const t = await c().send('templates.upsert', { categoryPrefix: '', title: '初稿', body: '正文' });
        const edited = await c().send('templates.upsert', { id: t.id, categoryPrefix: '', title: '定稿', body: '正文', active: false });
        expect(edited).toMatchObject({ id: t.id, title: '定稿', active: false });
        await rejects(c().send('templates.upsert', { categoryPrefix: '不存在', title: '某', body: '某' }), 'INVALID_INPUT');
        await c().send('templates.delete', { id: t.id });
      },
      invalid: [{ categoryPrefix: '', title: '', body: '正文' }, { categoryPrefix: '', title: '标题' }, { id: 0, categoryPrefix: '', title: '标题', body: '正文' }],
    },
    'templates.delete': {
      async happy() {
        const t = await c().send('templates.upsert', { categoryPrefix: '', title: '待删', body: '正文' });
        expect(await c().send('templates.delete', { id: t.id })).toEqual({ id: t.id, deleted: true });
        await rejects(c().send('templates.delete', { id: t.id }), 'NOT_FOUND');
      },
      invalid: [{ id: 'a' }, {}],
    },
    'templates.render': {
      async happy() {
        const t = await c().send('templates.upsert', {
          categoryPrefix: '',
          title: '渲染',
          body: '{诉求人}您好，您反映的{小区}问题（工单{工单编号}）已由{主办单位}处理。{未知项}',
        });
        const r = await c().send('templates.render', { templateId: t.id, orderId: env().fx.detailOrderId });
        expect(r.text).toBe('李**您好，您反映的问题（工单D2026030013）已由城管科处理。{未知项}');
        expect(r).toMatchObject({ unknownPlaceholders: ['未知项'], emptyPlaceholders: ['小区'] });
        await rejects(c().send('templates.render', { templateId: t.id, orderId: 999_999 }), 'NOT_FOUND');
        await c().send('templates.delete', { id: t.id });
      },
      invalid: [{ templateId: 1 }, { templateId: 1, orderId: 0 }],
    },
    'routing.list': {
      async happy() {
        await ensureLeaf();
        const r = await c().send('routing.upsert', { categoryPrefix: '住房管理', unitId: env().fx.departmentIds[0]! });
        expect((await c().send('routing.list', {})).find((x) => x.id === r.id)).toMatchObject({ categoryPrefix: '住房管理', unitName: '城管科', unitActive: true });
        await c().send('routing.delete', { id: r.id });
      },
      invalid: [{ all: 1 }],
    },
    'routing.upsert': {
      async happy() {
        await ensureLeaf();
        const unitId = env().fx.departmentIds[1]!;
        const r = await c().send('routing.upsert', { categoryPrefix: '住房管理/物业管理', unitId, note: '物业类' });
        expect(r).toMatchObject({ categoryPrefix: '住房管理/物业管理', unitName: '综治办', note: '物业类' });
        await rejects(c().send('routing.upsert', { categoryPrefix: '住房管理/物业管理', unitId }), 'INVALID_INPUT');
        await rejects(c().send('routing.upsert', { categoryPrefix: '不存在', unitId }), 'INVALID_INPUT');
        await c().send('routing.delete', { id: r.id });
      },
      invalid: [{ categoryPrefix: '', unitId: 1 }, { categoryPrefix: '住房管理' }, { categoryPrefix: '住房管理', unitId: 1, note: 5 }],
    },
    'routing.delete': {
      async happy() {
        await ensureLeaf();
        const r = await c().send('routing.upsert', { categoryPrefix: LEAF, unitId: env().fx.departmentIds[0]! });
        expect(await c().send('routing.delete', { id: r.id })).toEqual({ id: r.id, deleted: true });
        await rejects(c().send('routing.delete', { id: r.id }), 'NOT_FOUND');
      },
      invalid: [{ id: -1 }],
    },
    'orders.suggestLead': {
      async happy() {
        await ensureLeaf();
        const { fx } = env();
        // B2026030007: 住房管理/物业管理/物业服务, in 北里社区.
        const orderId = fx.orderIds[6]!;
        const community = fx.communityIds[0]!;
        const before = (await c().send('units.listAll', {})).find((u) => u.id === community)!.duties;
        await c().send('units.setDuties', { unitId: community, paths: ['住房管理'] });
        const rule = await c().send('routing.upsert', { categoryPrefix: '住房管理/物业管理', unitId: fx.departmentIds[1]! });
        const s = await c().send('orders.suggestLead', { orderId });
        expect(s.map((x) => x.unitName)).toEqual(['综治办', '北里社区']);
        expect(s[0]?.reason).toBe('按分类规则：住房管理/物业管理 → 综治办');
        expect(s[1]).toMatchObject({ reason: '工单所属社区，职责清单含「住房管理」', outsideDuty: false });
        await rejects(c().send('orders.suggestLead', { orderId: 999_999 }), 'NOT_FOUND');
        await c().send('routing.delete', { id: rule.id });
        await c().send('units.setDuties', { unitId: community, paths: before });
      },
      invalid: [{ orderId: 0 }, {}, { orderId: '1' }],
    },
  };
}
