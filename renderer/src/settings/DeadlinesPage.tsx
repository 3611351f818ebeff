/**
 * 时限规则: the tier table (handle and first-contact time per tier, each an amount and a unit), the
 * warning band's width, where the clock starts, and whether an objection's review pauses it.
 */
import { useCallback } from 'react';
import type { SettingEntry, SettingKey, SettingValue } from '../../../preload/api.js';
import { TIER } from '../../../preload/contract/enums.js';
import { CLOCK_START } from '../../../preload/contract/methods/settings.js';
import { useApi } from '../api/ApiContext.js';
import { SettingCard } from './SettingCard.js';
import { useLoad } from './useLoad.js';

type Tiers = SettingValue<'deadlines.tiers'>;
type Duration = Tiers['urgent']['handle'];

const UNIT_LABEL: Record<Duration['unit'], string> = { hours: '小时', calendarDays: '自然日', workingDays: '工作日' };
const UNITS = Object.keys(UNIT_LABEL) as Array<Duration['unit']>;

function DurationInput({ value, onChange, label }: { value: Duration; onChange(d: Duration): void; label: string }) {
  return (
    <span className="duration">
      <input
        type="number"
        min={1}
        aria-label={`${label}时长`}
        className="input--short"
        value={Number.isFinite(value.amount) ? value.amount : ''}
        onChange={(e) => onChange({ ...value, amount: e.target.value === '' ? Number.NaN : Number(e.target.value) })}
      />
      <select aria-label={`${label}单位`} value={value.unit} onChange={(e) => onChange({ ...value, unit: e.target.value as Duration['unit'] })}>
        {UNITS.map((u) => (
          <option key={u} value={u}>
            {UNIT_LABEL[u]}
          </option>
        ))}
      </select>
    </span>
  );
}

function checkTiers(t: Tiers): string | null {
  for (const code of TIER.codes) {
    for (const [part, name] of [['handle', '办理时限'], ['firstContact', '首次联系时限']] as const) {
      const d = t[code][part];
      if (!Number.isInteger(d.amount) || d.amount <= 0) return `「${TIER.label[code]}」的${name}应为大于 0 的整数。`;
    }
  }
  return null;
}

function TierTable({ value, onChange }: { value: Tiers; onChange(t: Tiers): void }) {
  return (
    <table className="table tier-table">
      <thead>
        <tr>
          <th>档位</th>
          <th>办理时限</th>
          <th>首次联系时限</th>
        </tr>
      </thead>
      <tbody>
        {TIER.codes.map((code) => (
          <tr key={code} data-tier={code}>
            <th scope="row">{TIER.label[code]}</th>
            <td>
              <DurationInput label={`${TIER.label[code]}办理`} value={value[code].handle} onChange={(d) => onChange({ ...value, [code]: { ...value[code], handle: d } })} />
            </td>
            <td>
              <DurationInput label={`${TIER.label[code]}首次联系`} value={value[code].firstContact} onChange={(d) => onChange({ ...value, [code]: { ...value[code], firstContact: d } })} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const pick = <K extends SettingKey>(list: SettingEntry[], key: K) => list.find((e) => e.key === key) as Extract<SettingEntry, { key: K }> | undefined;

export function DeadlinesPage() {
  const client = useApi();
  const load = useCallback(() => client.send('settings.list', {}), [client]);
  const { data, error } = useLoad(load);
  if (error) return <p className="page__error">{error}</p>;
  if (!data) return <p className="page__hint">正在读取…</p>;
  const tiers = pick(data, 'deadlines.tiers');
  const warn = pick(data, 'deadlines.warnWithinHours');
  const clock = pick(data, 'deadlines.clockStart');
  const pause = pick(data, 'workflow.objectionPausesClock');

  return (
    <div className="page">
      <h2 className="page__title">时限规则</h2>
      <p className="page__intro">
        修改只影响此后计算的时限（新导入、签收、延期），已有工单的时限不变。工作日按国务院节假日安排（含调休上班日）和「节假日调整」计算；计数时起始当日不计入。
      </p>
      {tiers && (
        <SettingCard entry={tiers} title="时限档位" description="每个档位的办理时限和首次联系时限，单位可选小时、自然日或工作日。" check={checkTiers}>
          {(v, set) => <TierTable value={v} onChange={set} />}
        </SettingCard>
      )}
      {warn && (
        <SettingCard
          entry={warn}
          title="即将超时预警"
          description="距时限不足该时长时显示「即将超时」（首次联系与办理时限都适用）。"
          check={(v) => (Number.isInteger(v) && v >= 1 && v <= 168 ? null : '预警时长应为 1–168 之间的整小时数。')}
        >
          {(v, set) => (
            <label className="inline-field">
              提前
              <input type="number" min={1} max={168} className="input--short" aria-label="预警时长（小时）" value={Number.isFinite(v) ? v : ''} onChange={(e) => set(e.target.value === '' ? Number.NaN : Number(e.target.value))} />
              小时预警
            </label>
          )}
        </SettingCard>
      )}
      {clock && (
        <SettingCard entry={clock} title="计时起点" description="时限从派单时间起算，或从街道签收时起算。">
          {(v, set) => (
            <select aria-label="计时起点" value={v} onChange={(e) => set(e.target.value as typeof v)}>
              {CLOCK_START.codes.map((c) => (
                <option key={c} value={c}>
                  {CLOCK_START.label[c]}
                </option>
              ))}
            </select>
          )}
        </SettingCard>
      )}
      {pause && (
        <SettingCard entry={pause} title="派单异议审核期间" description="异议被驳回时，区级审核所用的时间是否不计入办理时限（顺延）。">
          {(v, set) => (
            <label className="check">
              <input type="checkbox" checked={v} onChange={(e) => set(e.target.checked)} />
              审核期间暂停计时（驳回后办理时限顺延）
            </label>
          )}
        </SettingCard>
      )}
    </div>
  );
}
