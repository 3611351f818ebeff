/**
 * Above the grid: the filter bar, the drill-down chip, and the buttons that act on what is shown —
 * 清除筛选, 保存为视图 / 保存到视图, 列设置, 批量操作 (ticked rows, or all N matching orders).
 */
import { useState, type RefObject } from 'react';
import type { OrderFacets, OrderFilter, SavedView } from '../../../../preload/api.js';
import { useApi } from '../../api/ApiContext.js';
import { useReportError } from '../../app/errors.js';
import type { OrdersGridHandle } from '../OrdersGrid.js';
import { formatCount } from '../format.js';
import { BulkDialog, type BulkTarget } from './BulkDialog.js';
import { ColumnsMenu } from './ColumnsMenu.js';
import { FilterBar, filterIsEmpty } from './FilterBar.js';
import { Popover } from './Popover.js';
import type { OrdersState } from './useOrdersState.js';
import { DRILL_KEY } from './useOrdersState.js';
import { ViewNameDialog } from './ViewNameDialog.js';

interface Props {
  state: OrdersState;
  views: SavedView[] | null;
  facets: OrderFacets | null;
  rowCount: number | null;
  checked: number[];
  grid: RefObject<OrdersGridHandle | null>;
  onFilter(f: OrderFilter): void;
  onPick(key: string, known?: SavedView): void;
  onViewsChanged(): Promise<SavedView[]>;
  onBulkDone(): void;
}

export function OrdersToolbar({ state, views, facets, rowCount, checked, grid, onFilter, onPick, onViewsChanged, onBulkDone }: Props) {
  const client = useApi();
  const report = useReportError();
  const [naming, setNaming] = useState(false);
  const [bulk, setBulk] = useState<BulkTarget | null>(null);
  const [, setColumnsTick] = useState(0);
  const active = views?.find((v) => v.key === state.activeKey) ?? null;
  const canUpdate = active?.own === true && state.dirty;
  const { orderIds: drillIds, ...visibleFilter } = state.filter;

  const saveToView = () => {
    if (!active?.id || active.version === null) return;
    client
      .send('views.update', { id: active.id, version: active.version, filter: state.filter, sort: state.sort })
      .then(async (updated) => {
        await onViewsChanged();
        onPick(updated.key, updated);
      })
      .catch((e: unknown) => report(e, '保存视图失败'));
  };

  return (
    <div className="orders-toolbar">
      {state.activeKey === DRILL_KEY && state.drillTitle && (
        <div className="drill-chip" data-testid="drill-chip">
          <span>
            下钻：{state.drillTitle}
            {drillIds ? `（${formatCount(drillIds.length)} 件）` : ''}
          </span>
          <button type="button" className="btn btn--small" onClick={() => onPick('all')} aria-label="取消下钻，回到全部工单">
            ✕ 取消
          </button>
        </div>
      )}
      <div className="orders-toolbar__row">
        <FilterBar facets={facets} filter={visibleFilter} onChange={(f) => onFilter(drillIds ? { ...f, orderIds: drillIds } : f)} />
        <div className="orders-toolbar__actions">
          <button type="button" className="btn btn--small" disabled={filterIsEmpty(state.filter)} onClick={() => onFilter(drillIds ? { orderIds: drillIds } : {})}>
            清除筛选
          </button>
          {canUpdate && (
            <button type="button" className="btn btn--small" onClick={saveToView} data-testid="view-save-changes">
              保存到「{active.name}」
            </button>
          )}
          <button type="button" className="btn btn--small" onClick={() => setNaming(true)} data-testid="view-save-as">
            保存为视图
          </button>
          <Popover label="列设置" active={false} testId="columns-button">
            {() => (
              <ColumnsMenu
                columns={grid.current?.columns() ?? []}
                onSet={(colId, patch) => {
                  grid.current?.setColumn(colId, patch);
                  setColumnsTick((n) => n + 1);
                }}
                onReset={() => {
                  grid.current?.resetColumns();
                  setColumnsTick((n) => n + 1);
                }}
              />
            )}
          </Popover>
          <Popover label={checked.length ? `批量操作（${formatCount(checked.length)}）` : '批量操作'} active={checked.length > 0} testId="bulk-button">
            {(close) => (
              <div className="bulk-menu">
                <button
                  type="button"
                  className="btn btn--small"
                  disabled={checked.length === 0}
                  onClick={() => {
                    close();
                    setBulk({ kind: 'ids', ids: checked });
                  }}
                >
                  对已勾选的 {formatCount(checked.length)} 件
                </button>
                <button
                  type="button"
                  className="btn btn--small"
                  disabled={!rowCount}
                  onClick={() => {
                    close();
                    setBulk({ kind: 'filter', filter: state.filter, count: rowCount ?? 0 });
                  }}
                  data-testid="bulk-all-matching"
                >
                  对全部符合筛选的 {rowCount === null ? '…' : formatCount(rowCount)} 件
                </button>
                <p className="bulk-menu__hint">在表格中用复选框、Ctrl/Shift+单击或空格键勾选多件。</p>
              </div>
            )}
          </Popover>
        </div>
      </div>
      {naming && (
        <ViewNameDialog
          title="保存为视图"
          withShare
          onCancel={() => setNaming(false)}
          onSubmit={async (name, shared) => {
            const layout = grid.current?.columns() ?? [];
            const created = await client.send('views.create', {
              name,
              filter: state.filter,
              sort: state.sort,
              shared,
              columnState: layout.map((c) => ({ colId: c.colId, hide: c.hide, pinned: c.pinned })),
            });
            setNaming(false);
            await onViewsChanged();
            onPick(created.key, created);
          }}
        />
      )}
      {bulk && (
        <BulkDialog
          target={bulk}
          facets={facets}
          onClose={() => setBulk(null)}
          onApplied={() => {
            onBulkDone();
          }}
        />
      )}
    </div>
  );
}
