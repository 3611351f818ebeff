/**
 * Running one workflow command from a dialog: the order and the version the clerk saw go with it; the
 * answer (the order after the change) replaces what is on screen. A refusal keeps the dialog open with
 * the backend's Chinese message. STALE_VERSION — another clerk changed the order meanwhile — shows what
 * they changed (the message says it) and reloads the order, so the clerk decides again on fresh facts.
 */
import { useCallback, useRef, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput, OrderDetail } from '../../../preload/api.js';
import { isAppError } from '../../../preload/contract/errors.js';
import { useApi } from '../api/ApiContext.js';
import { describeError } from '../app/errors.js';

/** Every workflow command: takes {orderId, version, …}, answers {order, …}. */
export type CommandName = Extract<MethodName, `workflow.${string}`> & {
  [K in MethodName]: MethodInput<K> extends { orderId: number; version: number } ? K : never;
}[MethodName];

export type CommandArgs<K extends CommandName> = Omit<MethodInput<K>, 'orderId' | 'version'>;

export interface Command {
  busy: boolean;
  error: string | null;
  setError(message: string | null): void;
  /** Resolves with the answer, or null when refused (the message is in `error`). */
  run<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<MethodOutput<K> | null>;
}

export function useCommand(order: OrderDetail, onUpdated: (order: OrderDetail) => void): Command {
  const client = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(order);
  latest.current = order;

  const run = useCallback(
    async <K extends CommandName>(name: K, args: CommandArgs<K>): Promise<MethodOutput<K> | null> => {
      const o = latest.current;
      setBusy(true);
      setError(null);
      try {
        const out = await client.send(name, { ...args, orderId: o.id, version: o.version } as unknown as MethodInput<K>);
        onUpdated((out as { order: OrderDetail }).order);
        return out;
      } catch (e) {
        if (isAppError(e) && e.code === 'STALE_VERSION') {
          try {
            onUpdated(await client.send('orders.get', { id: o.id }));
            setError(`${e.message}（已重新读取该工单的最新内容，请核对后再决定是否继续。）`);
          } catch (reload) {
            setError(`${e.message}（重新读取失败：${describeError(reload).message}）`);
          }
        } else {
          setError(describeError(e).message);
        }
        return null;
      } finally {
        setBusy(false);
      }
    },
    [client, onUpdated],
  );

  return { busy, error, setError, run };
}
