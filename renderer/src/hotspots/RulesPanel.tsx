/**
 * 调整规则: the three ⚙ settings of the hotspots, edited where they are used. Each card saves with the
 * version it read (SettingCard); "按新规则重新分析" reads the week again.
 */
import { useCallback } from 'react';
import type { SettingEntry, SettingKey } from '../../../preload/api.js';
import { useApi } from '../api/ApiContext.js';
import { SettingCard } from '../settings/SettingCard.js';
import { useLoad } from '../settings/useLoad.js';

const KEYS = ['hotspots.spike', 'hotspots.recurring', 'hotspots.duplicates'] as const satisfies readonly SettingKey[];
type Entry<K extends SettingKey> = Extract<SettingEntry, { key: K }>;

function NumberInput(props: { label: string; value: number; min: number; max: number; step?: number; unit: string; onChange(v: number): void }) {
  const { label, value, min, max, step = 1, unit, onChange } = props;
  return (
    <label className="hot-rule">
      <span className="hot-rule__label">{label}</span>
      <input
        type="number"
        className="input--short"
        aria-label={label}
        min={min}
        max={max}
        step={step}
        value={Number.isFinite(value) ? value : ''}
        onChange={(e) => onChange(e.target.value === '' ? Number.NaN : Number(e.target.value))}
      />
      <span>{unit}</span>
    </label>
  );
}

const LEVELS = [
  { value: 1, label: '一级分类' },
  { value: 2, label: '二级分类' },
  { value: 3, label: '三级分类' },
];

export function RulesPanel({ onReanalyse }: { onReanalyse(): void }) {
  const client = useApi();
  const load = useCallback(() => Promise.all(KEYS.map((key) => client.send('settings.get', { key }))), [client]);
  const { data, error } = useLoad(load);
  const [spike, recurring, duplicates] = (data ?? []) as [Entry<'hotspots.spike'>?, Entry<'hotspots.recurring'>?, Entry<'hotspots.duplicates'>?];
  return (
    <details className="card hot-rules" data-testid="hotspots-rules">
      <summary className="hot-rules__summary">调整热点规则</summary>
      {error && <div className="card__error">{error}</div>}
      <div className="hot-rules__cards">
        {spike && (
          <SettingCard entry={spike} title="分类激增" description="本周件数达到前若干周周均的倍数，且不少于最少件数时，标为激增。">
            {(v, set) => (
              <div className="hot-rules__fields">
                <NumberInput label="倍数" value={v.factor} min={1} max={20} step={0.1} unit="倍" onChange={(factor) => set({ ...v, factor })} />
                <NumberInput label="最少件数" value={v.minOrders} min={1} max={1000} unit="件" onChange={(minOrders) => set({ ...v, minOrders })} />
                <NumberInput label="对比前" value={v.baselineWeeks} min={1} max={52} unit="周" onChange={(baselineWeeks) => set({ ...v, baselineWeeks })} />
                <NumberInput label="每社区列出" value={v.topPerCommunity} min={1} max={20} unit="类" onChange={(topPerCommunity) => set({ ...v, topPerCommunity })} />
                <label className="hot-rule">
                  <span className="hot-rule__label">分类层级</span>
                  <select aria-label="分类层级" value={v.categoryLevel} onChange={(e) => set({ ...v, categoryLevel: Number(e.target.value) })}>
                    {LEVELS.map((l) => (
                      <option key={l.value} value={l.value}>
                        {l.label}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
            )}
          </SettingCard>
        )}
        {recurring && (
          <SettingCard entry={recurring} title="重复地址" description="同一地址（忽略全角半角、空格、标点及末尾的“室”“号”等写法差异）在统计天数内达到最少件数。">
            {(v, set) => (
              <div className="hot-rules__fields">
                <NumberInput label="统计天数" value={v.days} min={1} max={366} unit="天" onChange={(days) => set({ ...v, days })} />
                <NumberInput label="最少件数" value={v.minOrders} min={2} max={1000} unit="件" onChange={(minOrders) => set({ ...v, minOrders })} />
              </div>
            )}
          </SettingCard>
        )}
        {duplicates && (
          <SettingCard entry={duplicates} title="疑似重复件" description="间隔天数内，同一来电号码，或同一小区、同一分类且内容相似度（按相邻两字计算，0–1）不低于阈值。">
            {(v, set) => (
              <div className="hot-rules__fields">
                <NumberInput label="间隔天数" value={v.windowDays} min={1} max={90} unit="天" onChange={(windowDays) => set({ ...v, windowDays })} />
                <NumberInput label="内容相似度" value={v.similarity} min={0.1} max={1} step={0.05} unit="" onChange={(similarity) => set({ ...v, similarity })} />
                <label className="check hot-rule">
                  <input type="checkbox" checked={v.byPhone} onChange={(e) => set({ ...v, byPhone: e.target.checked })} />
                  同一来电号码也算
                </label>
              </div>
            )}
          </SettingCard>
        )}
      </div>
      <div className="card__foot">
        <button type="button" className="btn" onClick={onReanalyse}>
          按新规则重新分析
        </button>
      </div>
    </details>
  );
}
