import type { PreloadBridge } from '../../../preload/contract/bridge.js';

declare global {
  interface Window {
    /** Present only inside Electron: the preload's bridge (see preload/contract/bridge.ts). */
    api?: PreloadBridge;
  }
}

export {};
