/**
 * Drill-down from a dashboard figure to the 工单 grid: a count opens its own filter; a 三率 figure asks
 * assessment.orders for the orders behind it. A figure of 0 opens nothing (an empty id list would mean
 * "no constraint" to the grid, i.e. every order).
 */
import { useCallback } from 'react';
import type { MethodInput, OrderFilter } from '../../../preload/api.js';
import { useApi } from '../api/ApiContext.js';
import { useReportError } from '../app/errors.js';
import { useNavigation } from '../app/navigation.js';

export interface Drill {
  filter(filter: OrderFilter, title: string): void;
  assessment(args: MethodInput<'assessment.orders'>): void;
  order(id: number, orderNo: string): void;
}

export function useDrill(): Drill {
  const client = useApi();
  const nav = useNavigation();
  const report = useReportError();
  const filter = useCallback((f: OrderFilter, title: string) => nav.openOrders({ filter: f, title }), [nav]);
  const assessment = useCallback(
    (args: MethodInput<'assessment.orders'>) => {
      client.send('assessment.orders', args).then(
        (r) => {
          if (r.orderIds.length > 0) nav.openOrders({ filter: { orderIds: r.orderIds }, title: r.title });
        },
        (e: unknown) => report(e, '读取考核数字背后的工单失败'),
      );
    },
    [client, nav, report],
  );
  const order = useCallback((id: number, orderNo: string) => nav.openOrders({ filter: { orderIds: [id] }, title: `工单 ${orderNo}` }), [nav]);
  return { filter, assessment, order };
}
