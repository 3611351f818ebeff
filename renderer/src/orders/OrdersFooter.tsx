/**
 * The grid's footer (AG Grid's status bar is Enterprise): how many orders match, how many are ticked,
 * how many of the matching ones are overdue for handling, and which order is selected.
 */
import { useEffect, useState } from 'react';
import type { OrderFilter } from '../../../preload/api.js';
import { useApi } from '../api/ApiContext.js';
import type { SelectedOrder } from './OrdersGrid.js';
import { formatCount } from './format.js';

const OVERDUE = { kind: 'handle', band: 'overdue' } as const;

export function OrdersFooter({ filter, rowCount, checked, selected, refreshSignal }: { filter: OrderFilter; rowCount: number | null; checked: number; selected: SelectedOrder | null; refreshSignal: number }) {
  const client = useApi();
  const [overdue, setOverdue] = useState<number | null>(null);
  const key = JSON.stringify(filter);
  useEffect(() => {
    let live = true;
    // A filter that already asks for deadline bands: "overdue among them" is not one filter; say nothing.
    // Asked once the grid's rows are in (grid queries run one at a time; the rows come first).
    if (rowCount === null) return;
    if (filter.deadlineBands?.length) {
      setOverdue(null);
      return;
    }
    const t = window.setTimeout(() => {
      client.send('orders.count', { filter: { ...filter, deadlineBands: [OVERDUE] } }).then(
        (r) => live && setOverdue(r.count),
        () => live && setOverdue(null),
      );
    }, 150);
    return () => {
      live = false;
      window.clearTimeout(t);
    };
  }, [client, key, refreshSignal, rowCount === null]);

  return (
    <footer className="orders__footer" data-testid="orders-footer">
      <span data-testid="footer-matching" title="符合当前视图和筛选的工单">共 {rowCount === null ? '…' : formatCount(rowCount)} 件</span>
      <span className="orders__footer-sep">/</span>
      <span data-testid="footer-checked">已勾选 {formatCount(checked)} 件</span>
      <span className="orders__footer-sep">/</span>
      <span data-testid="footer-overdue" className={overdue ? 'orders__footer-overdue' : undefined}>
        办理已超时 {overdue === null ? '—' : formatCount(overdue)} 件
      </span>
      <span className="orders__footer-sep">/</span>
      <span>
        {selected
          ? `已选 工单 ${selected.orderNo}${selected.rowIndex !== null ? `（第 ${formatCount(selected.rowIndex + 1)} 行）` : ''}`
          : '未选择工单'}
      </span>
      <span className="orders__footer-keys">/ 搜索 · j/k 上下 · 空格勾选 · 右键或 Shift+F10 操作菜单 · ? 快捷键</span>
    </footer>
  );
}
