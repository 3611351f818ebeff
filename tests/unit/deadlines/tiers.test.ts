/** The tier table setting: DESIGN §3 defaults, and what the admin may and may not store. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIERS, describeDuration, parseTierTable, readTierTable } from '../../../main/services/deadlines/index.js';
import { TIER } from '../../../preload/contract/enums.js';

describe('tier table', () => {
  it('defaults follow DESIGN §3', () => {
    const shown = Object.fromEntries(
      TIER.codes.map((t) => [TIER.label[t], `${describeDuration(DEFAULT_TIERS[t].handle)} / ${describeDuration(DEFAULT_TIERS[t].firstContact)}`]),
    );
    expect(shown).toEqual({
      紧急: '2小时 / 2小时',
      '24小时': '24小时 / 2小时',
      一般: '7个工作日 / 24小时',
      复杂: '15个工作日 / 24小时',
    });
  });

  it('nothing stored → defaults; a stored table round-trips through JSON', () => {
    expect(readTierTable(null)).toEqual(DEFAULT_TIERS);
    const edited = { ...DEFAULT_TIERS, complex: { ...DEFAULT_TIERS.complex, handle: { amount: 30, unit: 'calendarDays' } } };
    expect(readTierTable(JSON.stringify(edited))).toEqual(edited);
  });

  it('refuses a bad table and says which tier and which limit, in Chinese', () => {
    const zero = { ...DEFAULT_TIERS, general: { ...DEFAULT_TIERS.general, handle: { amount: 0, unit: 'workingDays' } } };
    expect(() => parseTierTable(zero)).toThrow('时限设置无效：「一般」办理时限：时长必须大于 0');
    const unit = { ...DEFAULT_TIERS, urgent: { ...DEFAULT_TIERS.urgent, firstContact: { amount: 2, unit: 'minutes' } } };
    expect(() => parseTierTable(unit)).toThrow(/「紧急」首次联系时限：时长单位只能是/);
    const typo = { ...DEFAULT_TIERS, general: { ...DEFAULT_TIERS.general, handle: { amount: 700, unit: 'workingDays' } } };
    expect(() => parseTierTable(typo)).toThrow(/时长过长/);
    const { complex: _dropped, ...missing } = DEFAULT_TIERS;
    expect(() => parseTierTable(missing)).toThrow(/「复杂」/);
    expect(() => readTierTable('{not json')).toThrow(/不是有效的 JSON/);
  });
});
