/**
 * The preload: exposes `window.parley` — one function per API method and an
 * event subscription — and nothing else. `ipcRenderer` itself never reaches
 * the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ParleyBridge, ParleyEvent } from '../../shared/api';
import { createApiClient } from '../../shared/api-client';
import { EVENT_CHANNEL } from '../../shared/api-methods';

const bridge: ParleyBridge = {
  api: createApiClient((channel, input) => ipcRenderer.invoke(channel, input)),
  onEvent(listener) {
    const forward = (_event: IpcRendererEvent, payload: ParleyEvent) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('parley', bridge);
