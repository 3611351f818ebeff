/**
 * One place that runs workflow actions for the whole 工单 view, whether they start from the detail
 * pane's buttons, the grid's context menu or a key pressed in the grid: it fetches the order when only
 * its id is known, refuses (with a notice) what the order does not allow, shows the action's dialog,
 * chains 回访 → 二次办理 when the callback offers it, and hands every updated order to the view.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { OrderDetail, WorkflowAction } from '../../../preload/api.js';
import { useApi } from '../api/ApiContext.js';
import { useReportError } from '../app/errors.js';
import { ActionDialog } from './ActionDialog.js';
import type { ActionDone } from './OrderBrief.js';
import { ShortcutSheet } from './ShortcutSheet.js';
import { notAllowedText } from './actions.js';

export interface StartOptions {
  /** Called when the dialog closes (the grid puts keyboard focus back on its row). */
  onClosed?(): void;
}

interface Workflow {
  start(order: OrderDetail | number, action: WorkflowAction, options?: StartOptions): void;
  showShortcuts(onClosed?: () => void): void;
}

const WorkflowContext = createContext<Workflow | null>(null);

export function useWorkflow(): Workflow {
  const w = useContext(WorkflowContext);
  if (!w) throw new Error('WorkflowHost missing above this component');
  return w;
}

interface Open {
  order: OrderDetail;
  action: WorkflowAction;
  offered?: boolean;
  onClosed?: () => void;
}

interface Props {
  children: ReactNode;
  onOrderUpdated(order: OrderDetail): void;
  onNotice(text: string): void;
}

export function WorkflowHost({ children, onOrderUpdated, onNotice }: Props) {
  const client = useApi();
  const report = useReportError();
  const [open, setOpen] = useState<Open | null>(null);
  const [sheet, setSheet] = useState<{ onClosed?: () => void } | null>(null);
  const starting = useRef(0);

  const start = useCallback(
    (target: OrderDetail | number, action: WorkflowAction, options: StartOptions = {}) => {
      const ticket = ++starting.current;
      const show = (order: OrderDetail) => {
        if (ticket !== starting.current) return;
        if (!order.allowedActions.includes(action)) {
          onNotice(notAllowedText(action, order));
          options.onClosed?.();
          return;
        }
        setOpen({ order, action, onClosed: options.onClosed });
      };
      if (typeof target !== 'number') return show(target);
      client.send('orders.get', { id: target }).then(
        (order) => {
          onOrderUpdated(order);
          show(order);
        },
        (e: unknown) => report(e, '读取工单失败'),
      );
    },
    [client, onNotice, onOrderUpdated, report],
  );

  const showShortcuts = useCallback((onClosed?: () => void) => setSheet({ onClosed }), []);
  const value = useMemo(() => ({ start, showShortcuts }), [start, showShortcuts]);

  const onUpdated = useCallback(
    (order: OrderDetail) => {
      setOpen((cur) => (cur && cur.order.id === order.id ? { ...cur, order } : cur));
      onOrderUpdated(order);
    },
    [onOrderUpdated],
  );

  const close = () => {
    const closed = open?.onClosed;
    setOpen(null);
    // After React has removed the dialog (and its own focus restore ran).
    if (closed) window.setTimeout(closed, 0);
  };

  const onDone = (done: ActionDone) => {
    if (done.notice) onNotice(done.notice);
    if (done.reopenOffered && done.order.allowedActions.includes('reopen') && open) {
      setOpen({ order: done.order, action: 'reopen', offered: true, onClosed: open.onClosed });
      return;
    }
    close();
  };

  return (
    <WorkflowContext.Provider value={value}>
      {children}
      {open && (
        <ActionDialog
          key={`${open.order.id}:${open.action}`}
          action={open.action}
          offered={open.offered}
          order={open.order}
          onUpdated={onUpdated}
          onDone={onDone}
          onCancel={close}
        />
      )}
      {sheet && (
        <ShortcutSheet
          onClose={() => {
            setSheet(null);
            if (sheet.onClosed) window.setTimeout(sheet.onClosed, 0);
          }}
        />
      )}
    </WorkflowContext.Provider>
  );
}
