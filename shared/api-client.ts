/**
 * Builds a `ParleyApi` from a single invoke function. Used by the preload
 * (with ipcRenderer.invoke) and by the end-to-end bridge, so both expose the
 * same methods from the same list.
 */
import { API_METHODS, channelOf, isPageMethod, type PageMethod } from './api-methods';
import type { Problem, Result } from '../annotations/result';
import type { DroppedFile, ImportReport, ParleyApi } from './api';
import { unpackResult } from './wire-forms';

/** Sends one call on a channel and resolves with the handler's `Result`. */
export type Invoke = (channel: string, input: unknown) => Promise<unknown>;

/**
 * A client with one method per entry of `API_METHODS` the page may call (not
 * `PRELOAD_ONLY_METHODS`). Answers sent packed (`WIRE_FORMS`) are unpacked
 * here, so callers see the contract's types.
 */
export function createApiClient(invoke: Invoke): ParleyApi {
  const client: Partial<Record<PageMethod, (input: unknown) => Promise<unknown>>> = {};
  for (const method of API_METHODS.filter(isPageMethod)) {
    const channel = channelOf(method);
    client[method] = async (input: unknown) => unpackResult(method, await invoke(channel, input ?? {}));
  }
  return Object.freeze(client) as ParleyApi;
}

/** Most files one drop imports (the limit of `importDroppedFiles`' paths). */
export const MAX_DROPPED_FILES = 500;

/**
 * `ParleyBridge.importDroppedFiles` over `invoke`, given how to find a
 * dropped file's path (Electron's `webUtils.getPathForFile`, '' for a file
 * that is not on disk). Files without a path are reported, not sent.
 */
export async function importDroppedWith<F extends DroppedFile>(invoke: Invoke, files: readonly F[], pathOf: (file: F) => string | Promise<string>): Promise<Result<ImportReport>> {
  const paths: string[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    if (paths.length === MAX_DROPPED_FILES) {
      problems.push({ file: file.name || 'a dropped file', message: `not imported: at most ${MAX_DROPPED_FILES} files can be dropped at once` });
      continue;
    }
    const found = await pathOf(file);
    if (found) paths.push(found);
    else problems.push({ file: file.name || 'a dropped file', message: 'not a file on this computer, so it cannot be imported by dropping' });
  }
  if (paths.length === 0) return { ok: true, value: { added: [], duplicates: [], problems } };
  const result = (await invoke(channelOf('importDroppedFiles'), { paths })) as Result<ImportReport>;
  return result.ok ? { ok: true, value: { ...result.value, problems: [...problems, ...result.value.problems] } } : result;
}
