/** The Electron transport: the preload's `window.api` bridge, with IPC failures turned into API errors. */
import type { ResponseEnvelope } from '../../../preload/api.js';
import type { PreloadBridge } from '../../../preload/contract/bridge.js';
import type { Transport } from '../../../preload/contract/client.js';

export function createIpcTransport(bridge: PreloadBridge): Transport {
  return {
    async request(name, args): Promise<ResponseEnvelope> {
      try {
        return await bridge.invoke(name, args);
      } catch {
        // The bridge resolves API errors as envelopes; a rejection means the channel itself failed.
        return { id: 0, error: { code: 'TRANSPORT', message: '与后台程序的通信中断，请关闭后重新打开接诉台。' } };
      }
    },
    onPush: (listener) => bridge.onPush(listener),
  };
}
