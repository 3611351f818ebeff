/**
 * The 工单 view: the views rail, the filter bar, the grid with the selected order's detail beside it,
 * the bulk bar, the grid's right-click menu, a notice line and the footer (matching / ticked / overdue).
 * Workflow actions from any of them run through one WorkflowHost.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OrderDetail, WorkflowAction } from '../../../preload/api.js';
import { useApi } from '../api/ApiContext.js';
import { useOrdersChangedSignal } from '../api/usePush.js';
import { useReportError } from '../app/errors.js';
import type { OrdersRequest } from '../app/navigation.js';
import { ContextMenu } from '../workflow/ContextMenu.js';
import { WorkflowHost, useWorkflow } from '../workflow/WorkflowHost.js';
import { OrderDetailPanel } from './OrderDetailPanel.js';
import { OrdersGrid, type OrdersGridHandle, type SelectedOrder } from './OrdersGrid.js';
import { OrdersFooter } from './OrdersFooter.js';
import type { GridCommand } from './gridKeys.js';
import { OrdersToolbar } from './triage/OrdersToolbar.js';
import { useFacets } from './triage/useFacets.js';
import { useOrdersState } from './triage/useOrdersState.js';
import { useViews } from './triage/useViews.js';
import { ViewsRail } from './triage/ViewsRail.js';

const NOTICE_MS = 4500;

export function OrdersView({ request = null }: { request?: OrdersRequest | null }) {
  const [latest, setLatest] = useState<OrderDetail | null>(null);
  const [notice, setNotice] = useState<{ text: string; key: number } | null>(null);

  const onNotice = useCallback((text: string) => setNotice({ text, key: Date.now() }), []);
  useEffect(() => {
    if (!notice) return;
    const t = window.setTimeout(() => setNotice(null), NOTICE_MS);
    return () => window.clearTimeout(t);
  }, [notice]);

  return (
    <WorkflowHost onOrderUpdated={setLatest} onNotice={onNotice}>
      <OrdersWorkspace latest={latest} notice={notice} onNotice={onNotice} request={request} />
    </WorkflowHost>
  );
}

interface Menu {
  row: { id: number; orderNo: string };
  rowIndex: number;
  at: { x: number; y: number };
  order: OrderDetail | null;
}

interface WorkspaceProps {
  latest: OrderDetail | null;
  notice: { text: string; key: number } | null;
  onNotice(text: string): void;
  request: OrdersRequest | null;
}

function OrdersWorkspace({ latest, notice, onNotice, request }: WorkspaceProps) {
  const client = useApi();
  const report = useReportError();
  const workflow = useWorkflow();
  const [selected, setSelected] = useState<SelectedOrder | null>(null);
  const [rowCount, setRowCount] = useState<number | null>(null);
  const [checked, setChecked] = useState<number[]>([]);
  const [menu, setMenu] = useState<Menu | null>(null);
  const refreshSignal = useOrdersChangedSignal();
  const gridRef = useRef<OrdersGridHandle | null>(null);
  const facets = useFacets();
  const views = useViews(refreshSignal, rowCount !== null);
  const { state, pick, setFilter, setSort, onLayout } = useOrdersState(views.views, views.allOrdersLayout, request, views.reload);

  // `/` puts the cursor in the search box from anywhere in the view (not while typing elsewhere).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.altKey || e.metaKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      if (document.querySelector('.dialog-backdrop')) return;
      e.preventDefault();
      document.getElementById('orders-search')?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const closeDetail = useCallback(() => setSelected(null), []);
  const openOrder = useCallback((id: number, orderNo: string) => setSelected({ id, orderNo, rowIndex: null }), []);
  const focusOrder = (id: number, rowIndex: number) => () => gridRef.current?.focusOrder(id, rowIndex);

  const onRowCommand = useCallback(
    (c: GridCommand) => {
      const back = () => gridRef.current?.focusOrder(c.row.id, c.rowIndex);
      switch (c.kind) {
        case 'open':
          setSelected({ id: c.row.id, orderNo: c.row.orderNo, rowIndex: c.rowIndex });
          return;
        case 'shortcuts':
          workflow.showShortcuts(back);
          return;
        case 'action':
          workflow.start(c.row.id, c.action, { onClosed: back });
          return;
        case 'menu':
          setMenu({ row: c.row, rowIndex: c.rowIndex, at: c.at, order: null });
          client.send('orders.get', { id: c.row.id }).then(
            (order) => setMenu((m) => (m && m.row.id === order.id ? { ...m, order } : m)),
            (e: unknown) => {
              setMenu(null);
              report(e, '读取工单失败');
            },
          );
      }
    },
    [client, report, workflow],
  );

  const closeMenu = useCallback(() => {
    setMenu((m) => {
      if (m) window.setTimeout(() => gridRef.current?.focusOrder(m.row.id, m.rowIndex), 0);
      return null;
    });
  }, []);

  const pick1 = (action: WorkflowAction) => {
    if (!menu?.order) return;
    const { order, rowIndex } = menu;
    setMenu(null);
    workflow.start(order, action, { onClosed: focusOrder(order.id, rowIndex) });
  };

  return (
    <section className="orders" aria-label="工单">
      <div className="orders__body">
        <ViewsRail views={views.views} counts={views.counts} active={state.activeKey} onPick={pick} onChanged={views.reload} />
        <div className="orders__work">
          <OrdersToolbar
            state={state}
            views={views.views}
            facets={facets}
            rowCount={rowCount}
            checked={checked}
            grid={gridRef}
            onFilter={setFilter}
            onPick={pick}
            onViewsChanged={views.reload}
            onBulkDone={() => gridRef.current?.clearChecked()}
          />
          <div className="orders__main">
            <div className="orders__grid-wrap">
              <OrdersGrid
                selected={selected}
                onSelect={setSelected}
                onRowCount={setRowCount}
                onNotice={onNotice}
                refreshSignal={refreshSignal}
                onRowCommand={onRowCommand}
                handleRef={gridRef}
                filter={state.filter}
                layoutKey={state.layoutKey}
                sort={state.sort}
                columnState={state.columnState}
                onLayout={onLayout}
                onSortChange={setSort}
                onChecked={setChecked}
              />
              {notice && (
                <div key={notice.key} className="notice" role="status">
                  {notice.text}
                </div>
              )}
            </div>
            {selected && (
              <div className="orders__detail">
                <div className="detail-nav" role="group" aria-label="切换工单">
                  <button type="button" className="btn btn--small" onClick={() => gridRef.current?.step(-1)} title="上一件（在表格中按 k 或 ↑）">
                    ↑ 上一件
                  </button>
                  <button type="button" className="btn btn--small" onClick={() => gridRef.current?.step(1)} title="下一件（在表格中按 j 或 ↓）">
                    ↓ 下一件
                  </button>
                </div>
                <OrderDetailPanel orderId={selected.id} refreshSignal={refreshSignal} latest={latest} onClose={closeDetail} onOpenOrder={openOrder} />
              </div>
            )}
          </div>
        </div>
      </div>
      <OrdersFooter filter={state.filter} rowCount={rowCount} checked={checked.length} selected={selected} refreshSignal={refreshSignal} />
      {menu && (
        <ContextMenu
          x={menu.at.x}
          y={menu.at.y}
          orderNo={menu.row.orderNo}
          order={menu.order}
          onOpenDetail={() => {
            setSelected({ id: menu.row.id, orderNo: menu.row.orderNo, rowIndex: menu.rowIndex });
            closeMenu();
          }}
          onPick={pick1}
          onClose={closeMenu}
        />
      )}
    </section>
  );
}
