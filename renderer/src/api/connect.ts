/**
 * Picks the transport once at startup: Electron's preload bridge when it is there, otherwise the
 * loopback WebSocket of browser mode. Everything above this file only sees an ApiClient.
 */
import type { PushEnvelope } from '../../../preload/api.js';
import { createClient, type ApiClient, type Transport } from '../../../preload/contract/client.js';
import { createSocketTransport, webSocketUrl, type SocketTransport } from '../../../preload/contract/socketTransport.js';
import { createIpcTransport } from './ipcTransport.js';

export type TransportMode = 'electron' | 'browser';

/**
 * Pushes sent while the socket was down are lost; after a reconnect every listener hears one
 * synthetic 'orders.changed' so what is on screen gets re-read.
 */
function refreshAfterReconnect(socket: SocketTransport): Transport {
  const listeners = new Set<(push: PushEnvelope) => void>();
  let wasClosed = false;
  socket.onState((state) => {
    if (state === 'closed') wasClosed = true;
    if (state === 'open' && wasClosed) {
      wasClosed = false;
      for (const l of [...listeners]) l({ push: 'orders.changed', payload: { reason: 'reconnect', count: 0 } });
    }
  });
  return {
    request: (name, args) => socket.request(name, args),
    onPush(listener) {
      listeners.add(listener);
      const off = socket.onPush(listener);
      return () => {
        listeners.delete(listener);
        off();
      };
    },
  };
}

export function pickTransport(): { transport: Transport; mode: TransportMode } {
  if (window.api) return { transport: createIpcTransport(window.api), mode: 'electron' };
  const socket = createSocketTransport(webSocketUrl(window.location), WebSocket);
  return { transport: refreshAfterReconnect(socket), mode: 'browser' };
}

export function connectApi(): { client: ApiClient; mode: TransportMode } {
  const { transport, mode } = pickTransport();
  return { client: createClient(transport), mode };
}
