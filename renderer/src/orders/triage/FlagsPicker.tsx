/** 标记 and 时限 状态: each flag 不限 / 是 / 否; the deadline bands and 不满意/二次办理 as checkboxes. */
import type { DeadlineBandFilter, OrderFilter } from '../../../../preload/api.js';

type Flags = NonNullable<OrderFilter['flags']>;
const FLAGS: Array<[keyof Flags, string]> = [
  ['duplicate', '重复件'],
  ['difficult', '疑难'],
  ['supervised', '督办'],
  ['unreasonable', '不合理诉求'],
  ['monthlyTopic', '每月一题'],
];
const BANDS: Array<[DeadlineBandFilter, string]> = [
  [{ kind: 'firstContact', band: 'soon' }, '首次联系即将超时'],
  [{ kind: 'firstContact', band: 'overdue' }, '首次联系已超时'],
  [{ kind: 'handle', band: 'soon' }, '办理即将超时'],
  [{ kind: 'handle', band: 'overdue' }, '办理已超时'],
];
const sameBand = (a: DeadlineBandFilter, b: DeadlineBandFilter) => a.kind === b.kind && a.band === b.band;

export function flagsActive(f: OrderFilter): number {
  return Object.values(f.flags ?? {}).filter((v) => v !== undefined).length + (f.deadlineBands?.length ?? 0) + (f.secondRound ? 1 : 0);
}

export function FlagsPicker({ filter, onChange }: { filter: OrderFilter; onChange(f: OrderFilter): void }) {
  const flags = filter.flags ?? {};
  const setFlag = (k: keyof Flags, v: string) => {
    const next: Flags = { ...flags };
    if (v === '') delete next[k];
    else next[k] = v === 'yes';
    onChange({ ...filter, flags: Object.keys(next).length ? next : undefined });
  };
  const bands = filter.deadlineBands ?? [];
  const toggleBand = (b: DeadlineBandFilter) => {
    const next = bands.some((x) => sameBand(x, b)) ? bands.filter((x) => !sameBand(x, b)) : [...bands, b];
    onChange({ ...filter, deadlineBands: next.length ? next : undefined });
  };
  return (
    <div className="flags-picker">
      <fieldset className="flags-picker__group">
        <legend>标记</legend>
        {FLAGS.map(([k, label]) => (
          <label key={k} className="flags-picker__row">
            <span>{label}</span>
            <select className="input input--small" value={flags[k] === undefined ? '' : flags[k] ? 'yes' : 'no'} onChange={(e) => setFlag(k, e.target.value)} aria-label={label}>
              <option value="">不限</option>
              <option value="yes">是</option>
              <option value="no">否</option>
            </select>
          </label>
        ))}
        <label className="check">
          <input type="checkbox" checked={!!filter.secondRound} onChange={(e) => onChange({ ...filter, secondRound: e.target.checked || undefined })} />
          不满意/二次办理
        </label>
      </fieldset>
      <fieldset className="flags-picker__group">
        <legend>时限状态（任一）</legend>
        {BANDS.map(([b, label]) => (
          <label key={label} className="check">
            <input type="checkbox" checked={bands.some((x) => sameBand(x, b))} onChange={() => toggleBand(b)} />
            {label}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
