/**
 * The preload: exposes `window.parley` — one function per API method, the
 * import of dropped files and an event subscription — and nothing else.
 * `ipcRenderer` itself never reaches the page.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { ParleyBridge } from '../../shared/api';
import { createApiClient, importDroppedWith } from '../../shared/api-client';
import { EVENT_CHANNEL } from '../../shared/api-methods';
import { parseParleyEvent } from '../../shared/parley-event';

const bridge: ParleyBridge = {
  api: createApiClient((channel, input) => ipcRenderer.invoke(channel, input)),
  // The paths come from the dropped files themselves, here in the preload: the page never names a path.
  importDroppedFiles: (files) => importDroppedWith((channel, input) => ipcRenderer.invoke(channel, input), files, (file) => webUtils.getPathForFile(file as Parameters<typeof webUtils.getPathForFile>[0])),
  onEvent(listener) {
    // Only events of the declared shapes reach the page.
    const forward = (_event: IpcRendererEvent, payload: unknown) => {
      const event = parseParleyEvent(payload);
      if (event) listener(event);
    };
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('parley', bridge);
