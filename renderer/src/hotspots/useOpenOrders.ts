/**
 * Every hotspot opens the 工单 grid on exactly its orders. The navigation context is provided by the
 * shell; outside it (a view rendered on its own) a click does nothing rather than crashing.
 */
import { useCallback, useContext } from 'react';
import { NavigationContext } from '../app/navigation.js';

export type OpenOrders = (orderIds: readonly number[], title: string) => void;

export function useOpenOrders(): { open: OpenOrders; available: boolean } {
  const nav = useContext(NavigationContext);
  const open = useCallback<OpenOrders>(
    (orderIds, title) => {
      if (orderIds.length > 0) nav?.openOrders({ filter: { orderIds: [...orderIds] }, title });
    },
    [nav],
  );
  return { open, available: nav !== null };
}
