/** One ApiClient for the whole UI, handed down through React context. */
import { createContext, useContext, type ReactNode } from 'react';
import type { ApiClient } from '../../../preload/contract/client.js';

const ApiContext = createContext<ApiClient | null>(null);

export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('ApiProvider missing above this component');
  return client;
}
