/** The 工单 view: the grid, the selected order's detail panel, a sort notice and the footer line. */
import { useCallback, useEffect, useState } from 'react';
import { useOrdersChangedSignal } from '../api/usePush.js';
import { OrderDetailPanel } from './OrderDetailPanel.js';
import { OrdersGrid, type SelectedOrder } from './OrdersGrid.js';
import { formatCount } from './format.js';

const NOTICE_MS = 4500;

export function OrdersView() {
  const [selected, setSelected] = useState<SelectedOrder | null>(null);
  const [rowCount, setRowCount] = useState<number | null>(null);
  const [notice, setNotice] = useState<{ text: string; key: number } | null>(null);
  const refreshSignal = useOrdersChangedSignal();

  const onNotice = useCallback((text: string) => setNotice({ text, key: Date.now() }), []);
  useEffect(() => {
    if (!notice) return;
    const t = window.setTimeout(() => setNotice(null), NOTICE_MS);
    return () => window.clearTimeout(t);
  }, [notice]);

  const closeDetail = useCallback(() => setSelected(null), []);

  return (
    <section className="orders" aria-label="工单">
      <div className="orders__main">
        <div className="orders__grid-wrap">
          <OrdersGrid selected={selected} onSelect={setSelected} onRowCount={setRowCount} onNotice={onNotice} refreshSignal={refreshSignal} />
          {notice && (
            <div key={notice.key} className="notice" role="status">
              {notice.text}
            </div>
          )}
        </div>
        {selected && <OrderDetailPanel orderId={selected.id} refreshSignal={refreshSignal} onClose={closeDetail} />}
      </div>
      <footer className="orders__footer" data-testid="orders-footer">
        <span>共 {rowCount === null ? '…' : formatCount(rowCount)} 件</span>
        <span className="orders__footer-sep">/</span>
        <span>
          {selected
            ? `已选 工单 ${selected.orderNo}${selected.rowIndex !== null ? `（第 ${formatCount(selected.rowIndex + 1)} 行）` : ''}`
            : '未选择工单'}
        </span>
      </footer>
    </section>
  );
}
