/** The status column's coloured chip (colour per status, label in Chinese). */
import type { CustomCellRendererProps } from 'ag-grid-react';
import type { OrderGridRow } from '../../../preload/api.js';
import type { OrderStatus } from '../../../preload/contract/enums.js';
import { statusLabel } from './format.js';

export function Chip({ status }: { status: OrderStatus }) {
  return <span className={`chip chip--${status}`}>{statusLabel(status)}</span>;
}

export function StatusChip(props: CustomCellRendererProps<OrderGridRow>) {
  return props.data ? <Chip status={props.data.status} /> : null;
}
