/**
 * Builds a `ParleyApi` from a single invoke function. Used by the preload
 * (with ipcRenderer.invoke) and by the end-to-end bridge, so both expose the
 * same methods from the same list.
 */
import { API_METHODS, channelOf, type ApiMethod } from './api-methods';
import type { ParleyApi } from './api';

/** Sends one call on a channel and resolves with the handler's `Result`. */
export type Invoke = (channel: string, input: unknown) => Promise<unknown>;

/** A client with one method per entry of `API_METHODS`. */
export function createApiClient(invoke: Invoke): ParleyApi {
  const client: Partial<Record<ApiMethod, (input: unknown) => Promise<unknown>>> = {};
  for (const method of API_METHODS) {
    const channel = channelOf(method);
    client[method] = (input: unknown) => invoke(channel, input ?? {});
  }
  return Object.freeze(client) as ParleyApi;
}
