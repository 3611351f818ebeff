/**
 * The grid's own right-click menu (AG Grid's is Enterprise): 打开详情 and the actions the clicked order
 * allows now, grouped as in the detail pane. Keyboard: ↑/↓ move, Enter picks, Esc or Tab closes.
 * It stays inside the window, and closes on a click elsewhere, a scroll or a resize.
 */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { OrderDetail, WorkflowAction } from '../../../preload/api.js';
import { ACTION_GROUPS, SHORTCUT_OF, actionLabel } from './actions.js';

export interface ContextMenuProps {
  x: number;
  y: number;
  orderNo: string;
  /** null while the order is being read. */
  order: OrderDetail | null;
  onOpenDetail(): void;
  onPick(action: WorkflowAction): void;
  onClose(): void;
}

const MARGIN = 6;

export function ContextMenu({ x, y, orderNo, order, onOpenDetail, onPick, onClose }: ContextMenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState({ left: x, top: y });

  // Keep the whole menu inside the window: open upwards / leftwards near the edges.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const r = el.getBoundingClientRect();
    const left = Math.max(MARGIN, Math.min(x, window.innerWidth - r.width - MARGIN));
    const top = y + r.height + MARGIN > window.innerHeight ? Math.max(MARGIN, y - r.height) : y;
    setPos({ left, top });
  }, [x, y, order]);

  const items = () => Array.from(ref.current?.querySelectorAll<HTMLButtonElement>('[role=menuitem]') ?? []);

  useEffect(() => {
    // Focus the first action once the order is there (打开详情 before that).
    const list = items();
    (list[order ? 1 : 0] ?? list[0])?.focus();
  }, [order]);

  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) onClose();
    };
    const onAway = () => onClose();
    document.addEventListener('mousedown', onDown, true);
    window.addEventListener('resize', onAway);
    window.addEventListener('blur', onAway);
    document.addEventListener('scroll', onAway, true);
    return () => {
      document.removeEventListener('mousedown', onDown, true);
      window.removeEventListener('resize', onAway);
      window.removeEventListener('blur', onAway);
      document.removeEventListener('scroll', onAway, true);
    };
  }, [onClose]);

  const onKeyDown = (e: KeyboardEvent) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      list[(at + step + list.length) % list.length]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      (e.key === 'Home' ? list[0] : list[list.length - 1])?.focus();
    } else if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      onClose();
    }
  };

  const allowed = new Set(order?.allowedActions ?? []);
  const groups = ACTION_GROUPS.map((g) => ({ ...g, actions: g.actions.filter((a) => allowed.has(a)) })).filter((g) => g.actions.length > 0);

  return (
    <div
      ref={ref}
      className="ctxmenu"
      role="menu"
      aria-label={`工单 ${orderNo} 的操作`}
      style={{ left: pos.left, top: pos.top }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
      data-testid="context-menu"
    >
      <div className="ctxmenu__title">工单 {orderNo}</div>
      <button type="button" role="menuitem" className="ctxmenu__item" onClick={onOpenDetail}>
        <span>打开详情</span>
        <kbd>Enter</kbd>
      </button>
      {!order && <div className="ctxmenu__hint">正在读取可用操作…</div>}
      {order && groups.length === 0 && <div className="ctxmenu__hint">该工单没有可办理的操作</div>}
      {groups.map((g) => (
        <div key={g.name} role="group" aria-label={g.name} className="ctxmenu__group">
          {g.actions.map((a) => (
            <button key={a} type="button" role="menuitem" className="ctxmenu__item" onClick={() => onPick(a)} data-action={a}>
              <span>{actionLabel(a, order!)}</span>
              {SHORTCUT_OF[a] && <kbd>{SHORTCUT_OF[a]}</kbd>}
            </button>
          ))}
        </div>
      ))}
    </div>
  );
}
