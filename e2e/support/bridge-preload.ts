/**
 * The end-to-end stand-in for the preload: the same `createApiClient` over a
 * binding that reaches the real main-process handlers in the test process.
 * Bundled by the harness and injected before the renderer's scripts run.
 */
import type { ParleyBridge, ParleyEvent } from '../../shared/api';
import { createApiClient } from '../../shared/api-client';

declare global {
  interface Window {
    __parleyInvoke(channel: string, input: unknown): Promise<unknown>;
    __parleyEmit(event: ParleyEvent): void;
  }
}

const listeners = new Set<(event: ParleyEvent) => void>();
const bridge: ParleyBridge = {
  api: createApiClient((channel, input) => window.__parleyInvoke(channel, input)),
  onEvent(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
Object.defineProperty(window, 'parley', { value: Object.freeze(bridge), writable: false, configurable: false });
Object.defineProperty(window, '__parleyEmit', {
  value: (event: ParleyEvent) => listeners.forEach((l) => l(event)),
  writable: false,
  configurable: false,
});
