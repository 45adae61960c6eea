/**
 * The app's side of a team workspace: attaches to the open store when it is
 * linked, syncs on a timer, answers the status panel, keeps the password with
 * a `PasswordKeeper` (the app's is Electron's safeStorage, in
 * `electron/main/workspace-password.ts`), and syncs once more on quit within a
 * time limit. Plain Node, so it is tested without Electron.
 */
import { fail, ok, type Result } from '../../../annotations/result';
import type { ParleyEvent } from '../../../shared/api';
import type { WorkspaceStatus } from '../../../shared/workspace';
import type { ParleyStore } from '../store/parley-store';
import { TeamWorkspace } from './team-workspace';

/** Where the app keeps the workspace password: never in the store's files. */
export interface PasswordKeeper {
  read(): string | undefined;
  save(password: string): Result<void>;
}

/** What a sync changed in the library: the colleagues' and reconciled layers it put, by document. */
export interface WorkspaceChange {
  layers: Array<{ documentId: string; layerId: string; author: string }>;
}

/** The events that tell the window what a sync changed: the library to reload, then the layers put (when there are any), so an open document among them is fetched again. */
export function workspaceEvents(change: WorkspaceChange): ParleyEvent[] {
  return [{ type: 'library-changed' }, ...(change.layers.length > 0 ? [{ type: 'layers-pulled' as const, layers: change.layers }] : [])];
}

/** Options of `WorkspaceHost.start`. */
export interface HostOptions {
  author: string;
  keeper: PasswordKeeper;
  /** Sync every this many milliseconds (default 60 s; 0 for never). */
  intervalMs?: number;
  onWarning?: (message: string) => void;
  /** Told when a sync brought documents, layers or labels, with the layers it put, so the window can reload its library and an open document. */
  onChanged?: (change: WorkspaceChange) => void;
}

/** A linked store's workspace in the running app. */
export class WorkspaceHost {
  private constructor(
    private readonly workspace: TeamWorkspace,
    private readonly keeper: PasswordKeeper,
  ) {}

  /** Attaches to `store` and starts syncing: null when the store is not linked to a workspace. */
  static async start(store: ParleyStore, options: HostOptions): Promise<Result<WorkspaceHost | null>> {
    const attached = await TeamWorkspace.attach(store, {
      author: options.author,
      password: () => options.keeper.read(),
      onWarning: options.onWarning,
      onSynced: (r) => {
        if (r.documentsAdded > 0 || r.layersUpdated > 0 || r.labelsVersion !== null) options.onChanged?.({ layers: r.layersChanged });
      },
    });
    if (!attached.ok) return attached;
    if (!attached.value) return ok(null);
    const host = new WorkspaceHost(attached.value, options.keeper);
    const interval = options.intervalMs ?? 60_000;
    if (interval > 0) attached.value.startAutoSync(interval);
    return ok(host);
  }

  /** The state for the status panel. */
  status(): WorkspaceStatus {
    const s = this.workspace.status();
    return {
      server: s.server,
      displayName: s.displayName,
      kind: s.kind,
      connected: s.connected,
      syncing: s.syncing,
      waiting: s.waiting,
      lastSyncAt: s.lastSyncAt,
      lastError: s.lastError,
      passwordSaved: this.keeper.read() !== undefined,
      progress: s.progress.map(({ name, kind, documentId, title, status, annotations }) => ({ name, kind, documentId, title, status, annotations })),
      notes: s.notes,
    };
  }

  /** Syncs now; the state after, or why it failed. */
  async syncNow(): Promise<Result<WorkspaceStatus>> {
    const synced = await this.workspace.sync();
    return synced.ok ? ok(this.status()) : fail(synced.error.code, synced.error.message);
  }

  /** Keeps the password and syncs with it. */
  async setPassword(password: string): Promise<Result<WorkspaceStatus>> {
    const saved = this.keeper.save(password);
    if (!saved.ok) return saved;
    return this.syncNow();
  }

  /** For the quit path: one more sync within `limitMs`, then stop. Resolves with whether nothing is left waiting. */
  async beforeQuit(limitMs: number): Promise<boolean> {
    const empty = await this.workspace.syncBeforeQuit(limitMs);
    await this.workspace.detach();
    return empty;
  }
}
