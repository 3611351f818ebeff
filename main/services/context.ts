/**
 * What every service is given (never imports): the database handle, a clock and the push bus.
 * Tests build one over an in-memory database with a fixed clock.
 */
import type { DbHandle } from '../../db/connection.js';
import type { PushName, PushPayload } from '../../preload/api.js';

export type PushListener = <K extends PushName>(name: K, payload: PushPayload<K>) => void;

/** Fan-out of push events to every connected window / socket. */
export class PushBus {
  private readonly listeners = new Set<PushListener>();
  subscribe(listener: PushListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit<K extends PushName>(name: K, payload: PushPayload<K>): void {
    for (const l of this.listeners) l(name, payload);
  }
}

/**
 * Every committed write to orders reports here (after its transaction commits): the grid drops its
 * cached counts and cursors, and the runtime pushes `orders.changed` to every window.
 */
export class ChangeFeed {
  private readonly listeners = new Set<(reason: string, count: number) => void>();
  subscribe(listener: (reason: string, count: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  ordersChanged(reason: string, count: number): void {
    for (const l of this.listeners) l(reason, count);
  }
}

export interface ServiceContext {
  readonly handle: DbHandle;
  readonly now: () => number;
  readonly push: PushBus;
  readonly changes: ChangeFeed;
  readonly appVersion: string;
}
