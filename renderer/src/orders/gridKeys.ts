/**
 * What a key pressed in the orders grid means (DESIGN: the keyboard path of a clerk): Enter opens the
 * detail, A/S/C/R start 签收/派单/联系/办结, `?` shows the shortcut sheet, Shift+F10 or the menu key
 * opens the row's action menu. Keys with Ctrl/Alt/Meta stay the grid's (Ctrl+C copies).
 */
import type { OrderGridRow, WorkflowAction } from '../../../preload/api.js';
import { SHORTCUT_ACTIONS } from '../workflow/actions.js';

interface OnRow {
  row: OrderGridRow;
  rowIndex: number;
}

export type GridCommand =
  | ({ kind: 'open' } & OnRow)
  | ({ kind: 'action'; action: WorkflowAction } & OnRow)
  | ({ kind: 'menu'; at: { x: number; y: number } } & OnRow)
  | ({ kind: 'shortcuts' } & OnRow);

export function gridKeyCommand(e: KeyboardEvent, row: OrderGridRow, rowIndex: number): GridCommand | null {
  if (e.ctrlKey || e.altKey || e.metaKey || e.isComposing) return null;
  const on = { row, rowIndex };
  if (e.key === 'Enter') return { kind: 'open', ...on };
  if (e.key === '?') return { kind: 'shortcuts', ...on };
  if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
    const cell = (e.target as HTMLElement | null)?.closest('.ag-cell') ?? (e.target as HTMLElement | null);
    const r = cell?.getBoundingClientRect();
    return { kind: 'menu', ...on, at: r ? { x: r.left + 12, y: r.bottom } : { x: 200, y: 200 } };
  }
  if (e.shiftKey) return null;
  const action = SHORTCUT_ACTIONS[e.key.toLowerCase()];
  return action ? { kind: 'action', action, ...on } : null;
}
