/**
 * What the Electron preload exposes on `window.api` (and nothing more): send one request envelope,
 * listen to push envelopes. The renderer's IPC transport is built on this; see preload/index.ts.
 */
import type { PushEnvelope, ResponseEnvelope } from '../api.js';

export interface PreloadBridge {
  /** Sends {name, args}; resolves with the response envelope (never rejects for API errors). */
  invoke(name: string, args: unknown): Promise<ResponseEnvelope>;
  /** Subscribes to push envelopes; returns an unsubscribe function. */
  onPush(listener: (push: PushEnvelope) => void): () => void;
  /**
   * The local path of a file the clerk dropped on the window ('' for anything else), for the import's
   * drag and drop: browsers hide it and Electron tells it only to the preload (webUtils). The desktop
   * bridge always has it; optional so the type says nothing about the browser.
   */
  pathForFile?(file: object): string;
}

export const BRIDGE_GLOBAL = 'api';
export const IPC_CHANNEL_INVOKE = 'jiesu:invoke';
export const IPC_CHANNEL_PUSH = 'jiesu:push';
