/**
 * What the handlers need from the rest of the main process, and the same with
 * its defaults filled in, which each group of handlers receives.
 */
import type { ParleyEvent } from '../../../shared/api';
import type { StoreIncident } from '../../../shared/library';
import type { AppSettings } from '../../node/app-settings';
import type { ParleyStore } from '../../node/store/parley-store';
import { TaskRegistry } from '../../node/tasks/task-registry';
import type { WorkspaceHost } from '../../node/workspace/workspace-host';
import type { Dialogs } from '../dialogs';

/** What the handlers need from the rest of the main process. */
export interface HandlerDeps {
  store: ParleyStore;
  settings: AppSettings;
  dialogs: Dialogs;
  incidents: StoreIncident[];
  version: string;
  notify: (event: ParleyEvent) => void;
  now?: () => string;
  /** The built `format-worker.js`, so conversions run off the main thread; without it they run inline. */
  formatWorker?: string | null;
  /** Long tasks and their progress; made from `notify` when not given. */
  tasks?: TaskRegistry;
  /** The team workspace, when the store is linked to one. */
  workspace?: WorkspaceHost | null;
  /** Opens a file in the system's viewer and resolves with an error message, '' when it opened (Electron's `shell.openPath`, the default). */
  openPath?: (file: string) => Promise<string>;
}

/** `HandlerDeps` with the clock, the task registry and the worker settled, shared by every group of handlers. */
export type HandlerContext = HandlerDeps & { now: () => string; tasks: TaskRegistry; formatWorker: string | null };

/** Fills in the defaults of `deps` once, so every group of handlers shares one task registry and one clock. */
export function handlerContext(deps: HandlerDeps): HandlerContext {
  return { ...deps, now: deps.now ?? (() => new Date().toISOString()), tasks: deps.tasks ?? new TaskRegistry(deps.notify), formatWorker: deps.formatWorker ?? null };
}
