/** The grid's pure helpers: countdown wording and colour, flags, picker matching, date ranges, layouts. */
import { describe, expect, it } from 'vitest';
import type { OrderGridRow } from '../../../preload/api.js';
import { fromBeijing } from '../../../preload/contract/time.js';
import { countdownClass, countdownText, flagsText, span } from '../../../renderer/src/orders/countdown.js';
import { layoutFromGrid, layoutToGrid } from '../../../renderer/src/orders/layout.js';
import { daysToRange, rangeToDays } from '../../../renderer/src/orders/triage/dayRange.js';
import { matchesOption } from '../../../renderer/src/orders/triage/match.js';
import { toBulkAction, EMPTY_FORM } from '../../../renderer/src/orders/triage/bulkActions.js';

const H = 3_600_000;
const NOW = fromBeijing(2026, 11, 27, 10);

function row(p: Partial<OrderGridRow>): OrderGridRow {
  return {
    id: 1, orderNo: 'X', receivedAt: NOW - 5 * H, appealType: 'complaint', category: '', communityId: null, communityName: null,
    status: 'in_progress', tier: 'general', handleDueAt: NOW + 50 * H, version: 1, dispatchedAt: NOW - 5 * H, acceptedAt: null, source: 'hotline',
    firstContactDueAt: NOW + 3 * H, firstContactAt: null, repliedAt: null, closedAt: null, firstContactBand: 'ok', handleBand: 'ok',
    contentPreview: '', address: '', residentialArea: null, citizenName: null, citizenPhoneMasked: null, leadUnitName: null,
    assistUnitNames: [], handlerNames: [], difficult: false, supervised: false, unreasonable: false, duplicateOf: null, tags: [],
    reopenCount: 0, platformStatus: null, ...p,
  };
}

describe('countdowns', () => {
  it('read as time left or overdue, coloured by band', () => {
    expect(span(40 * 60_000)).toBe('40分钟');
    expect(span(51 * H)).toBe('2天3小时');
    expect(countdownText(row({}), 'firstContact', NOW)).toBe('剩 3小时');
    expect(countdownClass(row({ firstContactBand: 'soon' }), 'firstContact', NOW)).toBe('cd cd--soon');
    // Loaded while still in time, now past due: red without a reload.
    const late = row({ firstContactDueAt: NOW - 2 * H, firstContactBand: 'soon' });
    expect(countdownText(late, 'firstContact', NOW)).toBe('超 2小时');
    expect(countdownClass(late, 'firstContact', NOW)).toBe('cd cd--overdue');
  });
  it('say done once done, and nothing misleading for an order handled without a contact record', () => {
    expect(countdownText(row({ firstContactAt: NOW - H, firstContactBand: 'met' }), 'firstContact', NOW)).toBe('已联系');
    expect(countdownText(row({ handleBand: 'late', status: 'replied' }), 'handle', NOW)).toBe('已办结（超时）');
    expect(countdownText(row({ status: 'returned', firstContactBand: 'met' }), 'firstContact', NOW)).toBe('未记录联系');
  });
  it('flags list every mark a clerk looks for', () => {
    expect(flagsText(row({ tier: 'urgent', duplicateOf: 9, difficult: true, supervised: true, tags: ['monthly-topic'], reopenCount: 1 }))).toBe('紧急 · 重复件 · 疑难 · 督办 · 每月一题 · 二次办理');
    expect(flagsText(row({}))).toBe('');
  });
});

describe('pickers and ranges', () => {
  const lym = { value: 3, label: '六营门社区', initials: 'lymsq', spell: 'liu ying men she qu' };
  it('match characters, 拼音首字母 and full pinyin; every word must match', () => {
    expect(matchesOption(lym, '营门')).toBe(true);
    expect(matchesOption(lym, 'lym')).toBe(true);
    expect(matchesOption(lym, 'liuying')).toBe(true);
    expect(matchesOption(lym, 'lym 春')).toBe(false);
    expect(matchesOption(lym, 'cy')).toBe(false);
  });
  it('date ranges cover whole Beijing days, end day included', () => {
    const r = daysToRange('2026-11-01', '2026-11-03')!;
    expect(r).toEqual({ from: fromBeijing(2026, 11, 1), to: fromBeijing(2026, 11, 4) });
    expect(rangeToDays(r)).toEqual({ from: '2026-11-01', to: '2026-11-03' });
    expect(daysToRange('2026-11-05', '2026-11-03')).toBeUndefined();
    expect(daysToRange('', '')).toBeUndefined();
    expect(daysToRange('', '2026-11-03')).toEqual({ to: fromBeijing(2026, 11, 4) });
  });
});

describe('column layouts', () => {
  it('keep order, width, visibility and pinning, drop the selection column, and apply a view’s sort', () => {
    const saved = layoutFromGrid([
      { colId: 'ag-Grid-SelectionColumn', width: 44 },
      { colId: 'status', width: 90, hide: false, pinned: 'left', sort: 'asc' },
      { colId: 'content', width: 300, hide: true, pinned: null },
    ]);
    expect(saved).toEqual([
      { colId: 'status', width: 90, hide: false, pinned: 'left' },
      { colId: 'content', width: 300, hide: true, pinned: null },
    ]);
    const applied = layoutToGrid([...saved, { colId: 'gone' }], { column: 'status', direction: 'desc' }, [{ colId: 'status' }, { colId: 'content' }]);
    expect(applied.state!.map((c) => [c.colId, c.sort, c.hide])).toEqual([
      ['status', 'desc', false],
      ['content', null, true],
    ]);
  });
});

describe('bulk forms', () => {
  it('refuse incomplete forms in Chinese before asking the server', () => {
    expect(toBulkAction({ ...EMPTY_FORM, kind: 'assign' })).toBe('请选择主办单位或协办单位');
    expect(toBulkAction({ ...EMPTY_FORM, kind: 'setDifficult', on: true, reason: '跨部门' })).toBe('标记疑难须填写原因和上报对象');
    expect(toBulkAction({ ...EMPTY_FORM, kind: 'setDifficult', on: false })).toEqual({ kind: 'setDifficult', on: false });
    expect(toBulkAction({ ...EMPTY_FORM, kind: 'assign', leadUnitId: 4 })).toEqual({ kind: 'assign', lead: { unitId: 4 } });
  });
});
