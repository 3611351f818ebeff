/** A counter that goes up on each 'orders.changed' push: components re-read when it changes. */
import { useEffect, useState } from 'react';
import { useApi } from './ApiContext.js';

export function useOrdersChangedSignal(): number {
  const client = useApi();
  const [signal, setSignal] = useState(0);
  useEffect(() => client.on('orders.changed', () => setSignal((n) => n + 1)), [client]);
  return signal;
}
