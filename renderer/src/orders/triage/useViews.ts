/**
 * The left rail's saved views and their live counts. Counts are read in one call (views.counts) on
 * open and again after every burst of 'orders.changed' pushes, so a view's number follows imports,
 * other windows and the CLI within a second.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ColumnState, SavedView } from '../../../../preload/api.js';
import { useApi } from '../../api/ApiContext.js';
import { useReportError } from '../../app/errors.js';

/** Pushes in a burst (an import) recount once. */
const RECOUNT_DELAY_MS = 250;

export interface ViewsState {
  views: SavedView[] | null;
  allOrdersLayout: ColumnState | null;
  /** By view key; 'all' = every order (全部工单). */
  counts: Record<string, number | null>;
  reload(): Promise<SavedView[]>;
}

/**
 * `ready`: the grid's first rows have arrived. The counts wait for them: grid operations run one at a
 * time on the server, and the first page is what the clerk is waiting for.
 */
export function useViews(changed: number, ready: boolean): ViewsState {
  const client = useApi();
  const report = useReportError();
  const [views, setViews] = useState<SavedView[] | null>(null);
  const [allOrdersLayout, setAllOrdersLayout] = useState<ColumnState | null>(null);
  const [counts, setCounts] = useState<Record<string, number | null>>({});

  const reload = useCallback(async () => {
    const r = await client.send('views.list', {});
    setViews(r.views);
    setAllOrdersLayout(r.allOrdersLayout);
    return r.views;
  }, [client]);

  useEffect(() => {
    reload().catch((e: unknown) => report(e, '读取视图失败'));
  }, [reload, report]);

  useEffect(() => {
    if (!ready) return;
    let live = true;
    const t = window.setTimeout(
      () => {
        Promise.all([client.send('views.counts', {}), client.send('orders.count', {})]).then(
          ([r, all]) => live && setCounts({ ...r.counts, all: all.count }),
          (e: unknown) => live && report(e, '读取视图工单数失败'),
        );
      },
      changed === 0 ? 0 : RECOUNT_DELAY_MS,
    );
    return () => {
      live = false;
      window.clearTimeout(t);
    };
    // `views` too: a new or changed view needs its number.
  }, [client, report, changed, views, ready]);

  return { views, allOrdersLayout, counts, reload };
}
