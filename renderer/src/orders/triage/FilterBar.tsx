/**
 * The filter bar above the grid: the search box and one chip per filter (状态, 诉求类型, 社区, 分类,
 * 主办单位, 经办人, 来源, 时限档, 受理时间, 办理时限, 标记). Every filter runs in the database; each
 * change goes straight to the grid and the footer's counts.
 */
import type { OrderFacets, OrderFilter } from '../../../../preload/api.js';
import { RECEIVED_PERIOD } from '../../../../preload/api.js';
import { DateRangePicker, rangeToDays } from './DateRangePicker.js';
import { FlagsPicker, flagsActive } from './FlagsPicker.js';
import { OptionPicker, type PickOption } from './OptionPicker.js';
import { Popover } from './Popover.js';
import { SearchBox } from './SearchBox.js';

type ListKey = 'statuses' | 'appealTypes' | 'sources' | 'tiers' | 'communityIds' | 'categories' | 'leadUnitIds' | 'handlerStaffIds';

interface Dim {
  key: ListKey;
  title: string;
  options(f: OrderFacets): PickOption<string | number>[];
}

const codes = (xs: OrderFacets['statuses']) => xs.map((x) => ({ value: x.code, label: x.label, initials: x.initials, spell: x.spell }));

const DIMS: Dim[] = [
  { key: 'statuses', title: '状态', options: (f) => codes(f.statuses) },
  { key: 'appealTypes', title: '诉求类型', options: (f) => codes(f.appealTypes) },
  {
    key: 'communityIds',
    title: '社区',
    options: (f) => [...f.communities.map((c) => ({ value: c.id, label: c.name, initials: c.initials, spell: c.spell })), { value: 0, label: '（未划分社区）', initials: 'wsq', spell: '' }],
  },
  {
    key: 'categories',
    title: '问题分类',
    options: (f) => f.categories.map((c) => ({ value: c.path, label: c.name, initials: `${c.initials} ${c.pathInitials}`, spell: c.spell, level: c.level - 1 })),
  },
  {
    key: 'leadUnitIds',
    title: '主办单位',
    options: (f) => [...f.departments, ...f.communities].map((u) => ({ value: u.id, label: u.name, initials: u.initials, spell: u.spell })),
  },
  { key: 'handlerStaffIds', title: '经办人', options: (f) => f.staff.map((s) => ({ value: s.id, label: s.name, initials: s.initials, spell: s.spell })) },
  { key: 'sources', title: '来源', options: (f) => codes(f.sources) },
  { key: 'tiers', title: '时限档', options: (f) => codes(f.tiers) },
];

/** 「社区：六营门社区」 or 「社区：3 项」. */
function chipLabel(title: string, chosen: Array<string | number>, options: PickOption<string | number>[]) {
  if (chosen.length === 0) return title;
  if (chosen.length === 1) return `${title}：${options.find((o) => o.value === chosen[0])?.label ?? chosen[0]}`;
  return `${title}：${chosen.length} 项`;
}

function rangeLabel(title: string, r: OrderFilter['receivedAt'], quick?: string) {
  if (quick) return `${title}：${quick}`;
  if (!r) return title;
  const d = rangeToDays(r);
  return `${title}：${d.from || '…'} 至 ${d.to || '…'}`;
}

/** Is anything set (besides the drill-down ids, which have their own chip)? */
export function filterIsEmpty(f: OrderFilter): boolean {
  const { orderIds: _ids, ...rest } = f;
  return Object.values(rest).every((v) => v === undefined || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0));
}

export function FilterBar({ facets, filter, onChange }: { facets: OrderFacets | null; filter: OrderFilter; onChange(f: OrderFilter): void }) {
  const set = (patch: Partial<OrderFilter>) => {
    const next: OrderFilter = { ...filter, ...patch };
    for (const k of Object.keys(patch) as (keyof OrderFilter)[]) {
      const v = next[k];
      if (v === undefined || (Array.isArray(v) && v.length === 0)) delete next[k];
    }
    onChange(next);
  };
  return (
    <div className="filterbar" data-testid="filterbar">
      <SearchBox value={filter.search ?? ''} onChange={(search) => set({ search: search || undefined })} />
      {facets &&
        DIMS.map((d) => {
          const options = d.options(facets);
          const chosen = (filter[d.key] ?? []) as Array<string | number>;
          return (
            <Popover key={d.key} label={chipLabel(d.title, chosen, options)} active={chosen.length > 0} testId={`filter-${d.key}`} wide={d.key === 'categories'}>
              {() => <OptionPicker options={options} chosen={chosen} placeholder={`输入${d.title}名称或拼音首字母`} onChange={(next) => set({ [d.key]: next } as Partial<OrderFilter>)} />}
            </Popover>
          );
        })}
      <Popover
        label={rangeLabel('受理时间', filter.receivedAt, filter.receivedIn ? RECEIVED_PERIOD.label[filter.receivedIn] : undefined)}
        active={!!filter.receivedAt || !!filter.receivedIn}
        testId="filter-receivedAt"
      >
        {() => (
          <DateRangePicker
            value={filter.receivedAt}
            onChange={(receivedAt) => set({ receivedAt })}
            quick={{ value: filter.receivedIn, options: RECEIVED_PERIOD.codes.map((code) => ({ code, label: RECEIVED_PERIOD.label[code] })), onChange: (receivedIn) => set({ receivedIn }) }}
          />
        )}
      </Popover>
      <Popover label={rangeLabel('办理时限', filter.handleDueAt)} active={!!filter.handleDueAt} testId="filter-handleDueAt">
        {() => <DateRangePicker value={filter.handleDueAt} onChange={(handleDueAt) => set({ handleDueAt })} />}
      </Popover>
      <Popover label={flagsActive(filter) ? `标记与时限：${flagsActive(filter)} 项` : '标记与时限'} active={flagsActive(filter) > 0} testId="filter-flags">
        {() => <FlagsPicker filter={filter} onChange={onChange} />}
      </Popover>
    </div>
  );
}
