/**
 * The typed API client the UI uses, over any transport. The UI calls `client.send('orders.page', args)`
 * and never knows whether the envelope travels over Electron IPC or the loopback WebSocket.
 */
import type { MethodInput, MethodName, MethodOutput, PushName, PushPayload, PushEnvelope, ResponseEnvelope } from '../api.js';
import { AppError, type ErrorCode } from './errors.js';

/** A transport moves one request and its response, and delivers pushes. */
export interface Transport {
  request(name: string, args: unknown): Promise<ResponseEnvelope>;
  onPush(listener: (push: PushEnvelope) => void): () => void;
}

export interface ApiClient {
  send<K extends MethodName>(name: K, args: MethodInput<K>): Promise<MethodOutput<K>>;
  on<K extends PushName>(name: K, listener: (payload: PushPayload<K>) => void): () => void;
}

export function createClient(transport: Transport): ApiClient {
  return {
    async send(name, args) {
      const res = await transport.request(name, args);
      if ('error' in res) throw new AppError(res.error.code as ErrorCode, res.error.message);
      return res.reply as never;
    },
    on(name, listener) {
      return transport.onPush((push) => {
        if (push.push === name) listener(push.payload as never);
      });
    },
  };
}
