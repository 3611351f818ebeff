/**
 * The 工单 view: the grid, the selected order's detail pane, the grid's right-click menu, a notice line
 * and the footer. Workflow actions from any of them run through one WorkflowHost.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OrderDetail, WorkflowAction } from '../../../preload/api.js';
import { useApi } from '../api/ApiContext.js';
import { useOrdersChangedSignal } from '../api/usePush.js';
import { useReportError } from '../app/errors.js';
import { ContextMenu } from '../workflow/ContextMenu.js';
import { WorkflowHost, useWorkflow } from '../workflow/WorkflowHost.js';
import { OrderDetailPanel } from './OrderDetailPanel.js';
import { OrdersGrid, type OrdersGridHandle, type SelectedOrder } from './OrdersGrid.js';
import { formatCount } from './format.js';
import type { GridCommand } from './gridKeys.js';

const NOTICE_MS = 4500;

export function OrdersView() {
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
      <OrdersWorkspace latest={latest} notice={notice} onNotice={onNotice} />
    </WorkflowHost>
  );
}

interface Menu {
  row: { id: number; orderNo: string };
  rowIndex: number;
  at: { x: number; y: number };
  order: OrderDetail | null;
}

function OrdersWorkspace({ latest, notice, onNotice }: { latest: OrderDetail | null; notice: { text: string; key: number } | null; onNotice(text: string): void }) {
  const client = useApi();
  const report = useReportError();
  const workflow = useWorkflow();
  const [selected, setSelected] = useState<SelectedOrder | null>(null);
  const [rowCount, setRowCount] = useState<number | null>(null);
  const [menu, setMenu] = useState<Menu | null>(null);
  const refreshSignal = useOrdersChangedSignal();
  const gridRef = useRef<OrdersGridHandle | null>(null);

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

  const pick = (action: WorkflowAction) => {
    if (!menu?.order) return;
    const { order, rowIndex } = menu;
    setMenu(null);
    workflow.start(order, action, { onClosed: focusOrder(order.id, rowIndex) });
  };

  return (
    <section className="orders" aria-label="工单">
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
          />
          {notice && (
            <div key={notice.key} className="notice" role="status">
              {notice.text}
            </div>
          )}
        </div>
        {selected && <OrderDetailPanel orderId={selected.id} refreshSignal={refreshSignal} latest={latest} onClose={closeDetail} onOpenOrder={openOrder} />}
      </div>
      <footer className="orders__footer" data-testid="orders-footer">
        <span>共 {rowCount === null ? '…' : formatCount(rowCount)} 件</span>
        <span className="orders__footer-sep">/</span>
        <span>
          {selected
            ? `已选 工单 ${selected.orderNo}${selected.rowIndex !== null ? `（第 ${formatCount(selected.rowIndex + 1)} 行）` : ''}`
            : '未选择工单'}
        </span>
        <span className="orders__footer-keys">右键或 Shift+F10 打开操作菜单 · 按 ? 查看快捷键</span>
      </footer>
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
          onPick={pick}
          onClose={closeMenu}
        />
      )}
    </section>
  );
}
