/** The pickers' options (orders.facets), read once per window: units and the taxonomy change rarely. */
import { useEffect, useState } from 'react';
import type { OrderFacets } from '../../../../preload/api.js';
import { useApi } from '../../api/ApiContext.js';
import { useReportError } from '../../app/errors.js';

export function useFacets(): OrderFacets | null {
  const client = useApi();
  const report = useReportError();
  const [facets, setFacets] = useState<OrderFacets | null>(null);
  useEffect(() => {
    let live = true;
    client.send('orders.facets', {}).then(
      (f) => live && setFacets(f),
      (e: unknown) => live && report(e, '读取筛选选项失败'),
    );
    return () => {
      live = false;
    };
  }, [client, report]);
  return facets;
}
