import type { ParleyBridge } from '../../shared/api';

declare global {
  interface Window {
    /** The preload's bridge to the main process; the renderer's only way out of its sandbox. */
    readonly parley: ParleyBridge;
  }
}

export {};
