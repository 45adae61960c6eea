/**
 * What the handler tests share: dialogs that answer from a queue, a way to
 * unwrap a `Result`, and stores in fresh temporary folders that are closed
 * after each test (`afterEach(closeTestStores)`).
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Result } from '../../../annotations/result';
import type { Dialogs } from '../dialogs';
import { openAppStore, type OpenedStore } from '../../node/open-app-store';

/** Dialogs that return the queued answers in order, and "cancelled" once the queue is empty. */
export class QueuedDialogs implements Dialogs {
  opens: Array<string[] | null> = [];
  saves: Array<string | null> = [];
  async openFiles() {
    return this.opens.shift() ?? null;
  }
  async saveFile() {
    return this.saves.shift() ?? null;
  }
}

/** The value of `result`, or an error naming its code and message. */
export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const open: OpenedStore[] = [];

/** Opens an app store for `author` in a new temporary folder (`dir/store`). */
export async function openTestStore(author: string, options: { seedSamples?: boolean } = { seedSamples: false }): Promise<{ dir: string; opened: OpenedStore }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-handlers-'));
  const opened = value(await openAppStore(path.join(dir, 'store'), author, options));
  open.push(opened);
  return { dir, opened };
}

/** Keeps a store opened elsewhere in the test to be closed with the others. */
export function trackTestStore(opened: OpenedStore): OpenedStore {
  open.push(opened);
  return opened;
}

/** Closes every store the test opened. */
export async function closeTestStores(): Promise<void> {
  for (const o of open.splice(0)) await o.store.close();
}
