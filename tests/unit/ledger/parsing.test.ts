/** Cell reading and csv splitting on their own: the details the end-to-end tests rest on. */
import { describe, expect, it } from 'vitest';
import { CsvSplitter, guessDelimiter } from '../../../main/services/import/csv.js';
import { GbkChecker } from '../../../main/services/import/detect.js';
import { mapHeader } from '../../../main/services/import/header.js';
import {
  categoryPath,
  cellText,
  fromExcelSerial,
  parseDateCell,
  parseDueCell,
  parsePhone,
  parsePlatformStatus,
  parseSatisfaction,
  splitCategory,
} from '../../../main/services/import/normalize.js';
import { advanceStatus } from '../../../main/services/import/plan.js';
import { fromBeijing } from '../../../preload/contract/time.js';
import { encodeGbk } from './support.js';

describe('dates', () => {
  it('reads Excel serials in both date systems as Beijing wall-clock time, to the second', () => {
    expect(fromExcelSerial(46083)).toBe(fromBeijing(2026, 3, 2));
    expect(fromExcelSerial(46083.99998842593)).toBe(fromBeijing(2026, 3, 2, 23, 59, 59));
    expect(fromExcelSerial(46083 - 1462, true)).toBe(fromBeijing(2026, 3, 2));
    expect(fromExcelSerial(0)).toBeNull();
  });

  it('reads the usual text forms and refuses impossible dates', () => {
    const at = fromBeijing(2026, 3, 2, 14, 30);
    for (const text of ['2026-03-02 14:30', '2026/3/2 14:30:00', '2026年3月2日 14:30', '2026年3月2日14时30分', '2026-03-02T14:30:00+08:00', '2026-03-02T06:30:00Z', '20260302 1430', '2026-03-02 14:30:00.000', '46083.604166666664']) {
      expect(parseDateCell(text), text).toBe(at);
    }
    expect(parseDateCell('2026.3.2')).toBe(fromBeijing(2026, 3, 2));
    for (const text of ['2026-02-30', '2026-13-01', '昨天下午', '14:30', '1999-12-31', '2100-01-01']) expect(parseDateCell(text), text).toBe('invalid');
    // A bare small number in a date column is not a 1900 date.
    expect(parseDateCell(7)).toBe('invalid');
    expect(parseDueCell(7)).toBe('invalid');
    expect(parseDateCell('   ')).toBeNull();
    expect(parseDateCell(null)).toBeNull();
  });

  it('reads 办理时限 as a due date or as a duration', () => {
    expect(parseDueCell('2小时')).toEqual({ duration: { amount: 2, unit: 'hours' } });
    expect(parseDueCell('7个工作日内')).toEqual({ duration: { amount: 7, unit: 'workingDays' } });
    expect(parseDueCell('１５个工作日')).toEqual({ duration: { amount: 15, unit: 'workingDays' } });
    expect(parseDueCell('3天')).toEqual({ duration: { amount: 3, unit: 'calendarDays' } });
    expect(parseDueCell('2026-03-09 18:00')).toEqual({ at: fromBeijing(2026, 3, 9, 18) });
    expect(parseDueCell('尽快')).toBe('invalid');
  });
});

describe('text cells', () => {
  it('keeps every digit of a long number and trims ideographic spaces', () => {
    expect(cellText(13800001111)).toBe('13800001111');
    expect(cellText(2026110000012345)).toBe('2026110000012345');
    expect(cellText('\u3000 内容 \u3000')).toBe('内容');
    // Our csv export's guard against formulas is removed again on the way in.
    expect(cellText("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(cellText("'普通")).toBe("'普通");
  });

  it('reads phones: 保密 in any wording, full-width digits, placeholders as empty', () => {
    expect(parsePhone('保密')).toBe('保密');
    expect(parsePhone('（来电人要求保密）')).toBe('保密');
    expect(parsePhone('１３８ ０００１ １１１１')).toBe('13800011111');
    expect(parsePhone('—')).toBeNull();
    expect(parsePhone('010-6512 3456')).toBe('010-65123456');
  });

  it('splits category paths on every usual separator and keeps at most three levels', () => {
    for (const t of ['城市管理->市容环境->占道经营', '城市管理/市容环境/占道经营', '城市管理、市容环境、占道经营', '城市管理 > 市容环境 > 占道经营', '城市管理→市容环境→占道经营']) {
      expect(categoryPath(splitCategory(t)), t).toBe('城市管理/市容环境/占道经营');
    }
    expect(categoryPath(splitCategory('a->b->c->d'))).toBe('a/b/c-d');
    expect(categoryPath([])).toBeNull();
  });

  it('maps the platform’s status words and callback answers', () => {
    expect(['待签收', '办理中', '待办结', '已办结', '待回访', '已回访', '异议审核中', '已退回', '莫名'].map(parsePlatformStatus)).toEqual([
      'received', 'in_progress', 'in_progress', 'replied', 'replied', 'callback_done', 'objecting', 'returned', null,
    ]);
    expect(['满意', '非常满意', '基本满意', '不满意', '未评价', '是', '否'].map((s) => parseSatisfaction(s))).toEqual([
      'satisfied', 'satisfied', 'basic', 'unsatisfied', 'none', 'satisfied', 'unsatisfied',
    ]);
  });

  it('moves our status only forward', () => {
    expect(advanceStatus('received', 'replied')).toBe('replied');
    expect(advanceStatus('replied', 'in_progress')).toBe('replied');
    expect(advanceStatus('objecting', 'returned')).toBe('returned');
    expect(advanceStatus('in_progress', 'returned')).toBe('in_progress');
    expect(advanceStatus('callback_done', null)).toBe('callback_done');
  });
});

describe('csv splitting', () => {
  const split = (chunks: string[], delimiter = ',') => {
    const s = new CsvSplitter(delimiter.charCodeAt(0), 100, (r) => new Error(`too large at ${r}`), (r) => new Error(`too wide at ${r}`));
    return [...chunks.flatMap((c) => s.push(c)), ...s.end()];
  };
  const text = 'a,"b,1","c ""q"""\r\n"multi\r\nline",x,\r\n\r\nlast,row';
  const expected = [['a', 'b,1', 'c "q"'], ['multi\r\nline', 'x', ''], [''], ['last', 'row']];

  it('splits quotes, escaped quotes, line breaks in cells and blank rows', () => {
    expect(split([text])).toEqual(expected);
  });

  it('gives the same rows however the text is cut into chunks', () => {
    for (let cut = 1; cut < text.length; cut++) {
      expect(split([text.slice(0, cut), text.slice(cut)]), `cut at ${cut}`).toEqual(expected);
    }
    expect(split([...text])).toEqual(expected);
  });

  it('stops at an oversized cell with its row number', () => {
    expect(() => split(['h\r\n"', 'x'.repeat(150)])).toThrow('too large at 2');
  });

  it('guesses the delimiter from the first lines', () => {
    expect(guessDelimiter('工单导出\r\n工单编号,受理时间,内容\r\n1,2,3')).toBe(',');
    expect(guessDelimiter('工单编号\t受理时间\t内容\r\n1\t2\t"a,b"')).toBe('\t');
    expect(guessDelimiter('工单编号;受理时间;内容')).toBe(';');
  });
});

describe('header and encoding details', () => {
  it('matches header names across full-width forms, spaces and required marks', () => {
    const m = mapHeader(['＊工单编号', ' 受理 时间 ', '联系电话：', '村／社区', '不认识的列'], null);
    expect([...m.fields.values()]).toEqual(['orderNo', 'receivedAt', 'citizenPhone', 'community']);
    expect(m.ignoredColumns).toEqual(['不认识的列']);
  });

  it('checks GBK byte structure across chunks (Node’s decoder silently drops some bad bytes)', () => {
    const gbk = encodeGbk('工单编号，受理时间');
    const c = new GbkChecker();
    expect(c.check(gbk.subarray(0, 3))).toBe(true);
    expect(c.complete).toBe(false);
    expect(c.check(gbk.subarray(3))).toBe(true);
    expect(c.complete).toBe(true);
    expect(new GbkChecker().check(Buffer.from([0x41, 0xff, 0x42]))).toBe(false);
    expect(new GbkChecker().check(Buffer.from([0x81, 0x20]))).toBe(false);
    expect(new GbkChecker().check(Buffer.from([0x81, 0x30, 0x81, 0x30]))).toBe(true);
  });
});
