/**
 * The end-to-end stand-in for the preload: the same `createApiClient` over a
 * transport that reaches the real main-process handlers in the test process.
 * Bundled by the harness and injected before the renderer's scripts run.
 *
 * Calls go as JSON over HTTP to the harness's server, on the page's own
 * origin (the Content-Security-Policy allows `connect-src 'self'`); the
 * server runs them through `registerApi`'s checks with the page's URL as the
 * sender. Dropped files are kept on disk by the harness first (see
 * `pathOfDropped`). `window.__parleyInvoke` is looked up on every call, so the bench can
 * wrap it to time round trips.
 */
import type { ParleyBridge, ParleyEvent } from '../../shared/api';
import { createApiClient, importDroppedWith } from '../../shared/api-client';
import { parseParleyEvent } from '../../shared/parley-event';

declare global {
  interface Window {
    __parleyInvoke(channel: string, input: unknown): Promise<unknown>;
    __parleyEmit(event: ParleyEvent): void;
  }
}

async function invoke(channel: string, input: unknown): Promise<unknown> {
  const response = await fetch(`/__parley-e2e/invoke/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input ?? null),
  });
  if (!response.ok) throw new Error(`bridge call ${channel} failed: HTTP ${response.status} ${await response.text()}`);
  return response.json() as Promise<unknown>;
}

/**
 * The stand-in for Electron's `webUtils.getPathForFile`: a file the test
 * dropped was made in the page, so the harness keeps its bytes in a file on
 * disk and answers with that path, as Electron answers with the dropped
 * file's own.
 */
async function pathOfDropped(file: File): Promise<string> {
  const response = await fetch(`/__parley-e2e/dropped/${encodeURIComponent(file.name)}`, { method: 'POST', body: file });
  if (!response.ok) throw new Error(`bridge could not keep the dropped ${file.name}: HTTP ${response.status}`);
  return response.text();
}

const listeners = new Set<(event: ParleyEvent) => void>();
Object.defineProperty(window, '__parleyInvoke', { value: invoke, writable: true, configurable: false });
const bridge: ParleyBridge = {
  api: createApiClient((channel, input) => window.__parleyInvoke(channel, input)),
  importDroppedFiles: (files) => importDroppedWith((channel, input) => window.__parleyInvoke(channel, input), files as readonly File[], pathOfDropped),
  onEvent(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
Object.defineProperty(window, 'parley', { value: Object.freeze(bridge), writable: false, configurable: false });
Object.defineProperty(window, '__parleyEmit', {
  // Checked as the preload checks what the main process sends.
  value: (payload: unknown) => {
    const event = parseParleyEvent(payload);
    if (event) listeners.forEach((l) => l(event));
  },
  writable: false,
  configurable: false,
});
