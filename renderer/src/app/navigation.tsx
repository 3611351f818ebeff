/**
 * Moving between the rail's views from inside a view: the dashboard's and the reports' figures open the
 * 工单 grid filtered to exactly their orders (drill-down). One context, provided by App.
 */
import { createContext, useContext } from 'react';
import type { OrderFilter } from '../../../preload/api.js';

export type ViewId = 'dashboard' | 'orders' | 'reports' | 'hotspots' | 'import' | 'export' | 'settings';

/** What the grid should show when opened from elsewhere: a filter and the title of the chip shown above it. */
export interface OrdersRequest {
  filter: OrderFilter;
  /** '六营门社区 · 2026年11月考核月 · 不满意' — shown above the grid with a button that clears it. */
  title: string;
}

export interface Navigation {
  show(view: ViewId): void;
  /** Opens the 工单 view filtered to `request` (replaces any earlier drill-down). */
  openOrders(request: OrdersRequest): void;
}

export const NavigationContext = createContext<Navigation | null>(null);

export function useNavigation(): Navigation {
  const nav = useContext(NavigationContext);
  if (!nav) throw new Error('useNavigation outside NavigationContext');
  return nav;
}
