/**
 * A store's team workspace: the one object the app and the command line use.
 * `connectWorkspace` links a store to a server; `TeamWorkspace.attach` then
 * listens to the store and queues every change of the analyst's own layer
 * (and, for the adjudicator, of the reconciled layer) as an operation in the
 * outgoing queue; `sync` pushes the queue and pulls colleagues' work, one sync
 * at a time; `startAutoSync` syncs on a timer; `syncBeforeQuit` tries once
 * more within a time limit. Nothing here blocks the store: the analyst works
 * on the local store, online or not.
 */
import { isDeepStrictEqual } from 'node:util';
import type pg from 'pg';
import { fail, ok, type Result } from '../../../annotations/result';
import type { ParleyStore, StoredDocumentChange } from '../store/parley-store';
import { Outbox } from './outbox';
import { pullWorkspace } from './pull-workspace';
import { pushWorkspace } from './push-workspace';
import { openServerConnection, shownAddress } from './server-connection';
import { SERVER_SCHEMA_VERSION } from './migrations';
import { serverSchemaVersion } from './server-schema';
import { operationsForChange, type OwnedLayers, type SchemaPayload, type WorkspaceOperation } from './workspace-operation';
import { labelSchemaSteps } from '../../../annotations/label-schema-changes';
import { labelSchemaSchema } from '../../../annotations/model-schema';
import { readWorkspaceState, withoutPassword, writeWorkspaceState, type ColleagueProgress, type WorkspaceState } from './workspace-state';

/** Counts of one sync. */
export interface SyncReport {
  sent: number;
  received: number;
  documentsShared: number;
  documentsAdded: number;
  layersUpdated: number;
  /** The colleagues' and reconciled layers the pull put, by document. */
  layersChanged: Array<{ documentId: string; layerId: string; author: string }>;
  layersRepaired: number;
  /** The label schema version taken from the server, when a new one arrived. */
  labelsVersion: number | null;
  notes: string[];
}

/** What the status panel shows. */
export interface WorkspaceStatusInfo {
  server: string;
  role: string;
  displayName: string;
  kind: WorkspaceState['kind'];
  /** True when the last attempt to sync reached the server. */
  connected: boolean;
  syncing: boolean;
  /** Operations waiting to be sent. */
  waiting: number;
  lastSyncAt: string | null;
  lastError: string | null;
  progress: ColleagueProgress[];
  notes: string[];
}

/** Where the password comes from: the app's keychain, or nothing (then PGPASSWORD or ~/.pgpass). */
export type PasswordSource = () => Promise<string | undefined> | string | undefined;

/** Options of `TeamWorkspace.attach`. */
export interface AttachOptions {
  /** Author of the empty own layer of documents pulled from the workspace. */
  author: string;
  password?: PasswordSource;
  now?: () => string;
  onWarning?: (message: string) => void;
  connectTimeoutMs?: number;
  /** Told after each successful sync (timer, on demand or quit), with what it did. */
  onSynced?: (report: SyncReport) => void;
}

const NOTES_KEPT = 20;

/** Options of `connectWorkspace`. */
export interface ConnectOptions {
  server: string;
  role: string;
  password?: string;
  now?: () => string;
}

/**
 * Links the store in `store` to the workspace at `server` as `role`: checks
 * that the server is set up (`parley workspace init`) and that the role is
 * one of its analysts, then writes `workspace.json` (without the password).
 * The store's own layers are sent whole at the first sync. Fails with
 * `io-error` when the server cannot be reached, `not-found` when the role is
 * not an analyst there, `conflict` on a server set up by another Parley
 * version, `invalid-input` on a bad address.
 */
export async function connectWorkspace(storeDir: string, options: ConnectOptions): Promise<Result<WorkspaceState>> {
  const address = withoutPassword(options.server);
  if (!address.ok) return address;
  const opened = await openServerConnection({ server: options.server, role: options.role, password: options.password });
  if (!opened.ok) return opened;
  const client = opened.value;
  try {
    const version = await serverSchemaVersion(client);
    if (version === 0) return fail('not-found', `${shownAddress(options.server)} has no Parley workspace yet; its owner runs \`parley workspace init --server URL\` first`);
    if (version !== SERVER_SCHEMA_VERSION) return fail('conflict', `the workspace's schema is version ${version}; this Parley works with version ${SERVER_SCHEMA_VERSION}`);
    const me = await client.query<{ display_name: string; kind: WorkspaceState['kind'] }>('SELECT display_name, kind FROM parley.analysts WHERE role = current_user');
    const analyst = me.rows[0];
    if (!analyst) return fail('not-found', `the role ${options.role} is not an analyst of this workspace; its owner adds it with \`parley workspace add-analyst\``);
    const previous = await readWorkspaceState(storeDir);
    const sameLink = previous.ok && previous.value && previous.value.server === address.value && previous.value.role === options.role;
    const state: WorkspaceState =
      sameLink && previous.ok && previous.value
        ? { ...previous.value, displayName: analyst.display_name, kind: analyst.kind }
        : {
            format: 1,
            server: address.value,
            role: options.role,
            displayName: analyst.display_name,
            kind: analyst.kind,
            lastPulledSeq: 0,
            labelsVersion: 0,
            labelsBase: null,
            lastSyncAt: null,
            lastAttemptAt: null,
            lastError: null,
            progress: [],
            notes: [],
          };
    await writeWorkspaceState(storeDir, state);
    return ok(state);
  } catch (error) {
    return fail('io-error', `could not connect to the workspace: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A store linked to a team workspace. */
export class TeamWorkspace {
  private syncing: Promise<Result<SyncReport>> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private connected = false;
  private client: pg.Client | null = null;
  private readonly stopListening: () => void;
  private readonly now: () => string;
  private readonly warn: (message: string) => void;

  private constructor(
    private readonly store: ParleyStore,
    private state: WorkspaceState,
    private readonly outbox: Outbox,
    private readonly options: AttachOptions,
  ) {
    this.now = options.now ?? (() => new Date().toISOString());
    this.warn = options.onWarning ?? ((message) => console.warn(`parley workspace: ${message}`));
    this.stopListening = store.onDocumentChange((change) => this.record(change));
  }

  /**
   * Attaches to an open store: null when the store is not linked to a
   * workspace. From now on every change of the analyst's layers is queued.
   * Fails with `store-corrupt` when `workspace.json` is damaged.
   */
  static async attach(store: ParleyStore, options: AttachOptions): Promise<Result<TeamWorkspace | null>> {
    const state = await readWorkspaceState(store.dir);
    if (!state.ok) return state;
    if (!state.value) return ok(null);
    let opened;
    try {
      opened = await Outbox.open(store.dir);
    } catch (error) {
      return fail('io-error', `cannot read the workspace's outgoing queue: ${(error as Error).message}`);
    }
    const workspace = new TeamWorkspace(store, state.value, opened.outbox, options);
    for (const problem of opened.problems) workspace.warn(`outgoing queue: ${problem}`);
    return ok(workspace);
  }

  /** The server ids of the layers this analyst writes. */
  private owned(): OwnedLayers {
    return this.state.kind === 'adjudicator' ? { own: this.state.role, reconciled: 'reconciled' } : { own: this.state.role };
  }

  private record(change: StoredDocumentChange): void {
    const ops = operationsForChange(change.before, change.after, this.owned(), this.now());
    if (ops.length === 0) return;
    this.outbox.append(ops).catch((error: Error) => this.warn(`could not write the outgoing queue (the change is in the store and is sent at the next sync): ${error.message}`));
  }

  /** The operations waiting to be sent. */
  pending(): readonly WorkspaceOperation[] {
    return this.outbox.pending();
  }

  /** Connection state, queue, last sync and colleagues' progress. */
  status(): WorkspaceStatusInfo {
    const s = this.state;
    return {
      server: s.server,
      role: s.role,
      displayName: s.displayName,
      kind: s.kind,
      connected: this.connected,
      syncing: this.syncing !== null,
      waiting: this.outbox.pending().length,
      lastSyncAt: s.lastSyncAt,
      lastError: s.lastError,
      progress: s.progress,
      notes: s.notes,
    };
  }

  /** Pushes the queue, then pulls. A call while a sync runs waits for that sync. Never throws. */
  sync(): Promise<Result<SyncReport>> {
    if (!this.syncing) {
      this.syncing = this.runSync().finally(() => {
        this.syncing = null;
      });
    }
    return this.syncing;
  }

  /** Syncs every `intervalMs` (and once now); failures are kept in the status, not thrown. */
  startAutoSync(intervalMs: number): void {
    this.stopAutoSync();
    void this.sync();
    this.timer = setInterval(() => void this.sync(), intervalMs);
    this.timer.unref?.();
  }

  /** Stops the timer. */
  stopAutoSync(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * For the app's quit path: stops the timer and syncs once more, giving up
   * after `limitMs` (the connection is then closed; what was not acknowledged
   * stays queued for next time). Resolves with whether the queue is empty.
   */
  async syncBeforeQuit(limitMs: number): Promise<boolean> {
    this.stopAutoSync();
    let timeout: NodeJS.Timeout | undefined;
    const limit = new Promise<'late'>((resolve) => {
      timeout = setTimeout(() => resolve('late'), limitMs);
    });
    const outcome = await Promise.race([this.sync(), limit]);
    clearTimeout(timeout);
    if (outcome === 'late') await this.client?.end().catch(() => undefined);
    await this.outbox.idle();
    return this.outbox.pending().length === 0;
  }

  /** Stops listening to the store and the timer; waits for queue writes. */
  async detach(): Promise<void> {
    this.stopAutoSync();
    this.stopListening();
    await this.syncing?.catch(() => undefined);
    await this.outbox.idle();
  }

  private async runSync(): Promise<Result<SyncReport>> {
    const attemptAt = this.now();
    const password = await this.options.password?.();
    const opened = await openServerConnection({ server: this.state.server, role: this.state.role, password, connectTimeoutMs: this.options.connectTimeoutMs });
    if (!opened.ok) {
      this.connected = false;
      await this.saveState({ ...this.state, lastAttemptAt: attemptAt, lastError: opened.error.message });
      return opened;
    }
    const client = opened.value;
    this.client = client;
    try {
      const me = await client.query<{ kind: WorkspaceState['kind']; display_name: string }>('SELECT kind, display_name FROM parley.analysts WHERE role = current_user');
      const analyst = me.rows[0];
      if (!analyst) throw new WorkspaceError('not-found', `the role ${this.state.role} is no longer an analyst of this workspace`);
      this.state = { ...this.state, kind: analyst.kind, displayName: analyst.display_name };
      this.connected = true;
      await this.queueSchemaChange();
      const pushed = await pushWorkspace(client, this.store, this.outbox, this.owned(), this.now);
      const owned = this.owned();
      const pulled = await pullWorkspace(client, this.store, {
        lastPulledSeq: this.state.lastPulledSeq,
        labelsVersion: this.state.labelsVersion,
        owned: new Set([owned.own, ...(owned.reconciled ? [owned.reconciled] : [])]),
        author: this.options.author,
      });
      const notes = [...pushed.notes, ...pulled.notes];
      let labelsVersion: number | null = null;
      let next: WorkspaceState = { ...this.state, lastPulledSeq: pulled.lastPulledSeq, progress: pulled.progress };
      if (pulled.labels) {
        const { version, schema, changedBy, summary } = pulled.labels;
        const same = isDeepStrictEqual(this.store.getLabels(), schema);
        const saved = same ? ok(schema) : await this.store.saveLabels(schema);
        if (saved.ok) {
          labelsVersion = version;
          next = { ...next, labelsVersion: version, labelsBase: schema };
          if (!same) notes.push(`The label schema changed to version ${version} (by ${changedBy})${summary ? `: ${summary}` : ''}.`);
        } else notes.push(`The label schema version ${version} (by ${changedBy}) was not taken: ${saved.error.message}`);
      }
      next = { ...next, lastSyncAt: this.now(), lastAttemptAt: attemptAt, lastError: null, notes: [...next.notes, ...notes].slice(-NOTES_KEPT) };
      await this.saveState(next);
      const report: SyncReport = {
        sent: pushed.sent,
        received: pulled.received,
        documentsShared: pushed.documentsShared,
        documentsAdded: pulled.documentsAdded,
        layersUpdated: pulled.layersUpdated,
        layersChanged: pulled.layersChanged,
        layersRepaired: pushed.layersRepaired,
        labelsVersion,
        notes,
      };
      this.options.onSynced?.(report);
      return ok(report);
    } catch (error) {
      const failure = error instanceof WorkspaceError ? fail(error.code, error.message) : fail('io-error', `sync with ${shownAddress(this.state.server)} failed: ${(error as Error).message}`);
      this.connected = false;
      await this.saveState({ ...this.state, lastAttemptAt: attemptAt, lastError: failure.ok ? null : failure.error.message });
      return failure;
    } finally {
      this.client = null;
      await client.end().catch(() => undefined);
    }
  }

  /** The schema owner's label changes since the last version taken become a `schema` operation. */
  /**
   * For the schema owner: queues the label schema's change since the last one
   * queued, as steps (the first time, the whole schema), then remembers the
   * schema as the base of the next. Queued before the base moves, so a crash
   * in between sends the same steps again, which changes nothing.
   */
  private async queueSchemaChange(): Promise<void> {
    if (this.state.kind !== 'schema-owner') return;
    const labels = this.store.getLabels();
    if (this.state.labelsBase !== null && isDeepStrictEqual(labels, this.state.labelsBase)) return;
    // A base that does not read as a schema (a state file from elsewhere) counts as none: the whole schema goes.
    const base = labelSchemaSchema.safeParse(this.state.labelsBase);
    const payload: SchemaPayload = this.state.labelsBase === null || !base.success ? { labels } : { steps: labelSchemaSteps(base.data, labels) };
    if ('steps' in payload && payload.steps.length === 0) return this.saveState({ ...this.state, labelsBase: labels });
    await this.outbox.append([{ id: crypto.randomUUID(), at: this.now(), kind: 'schema', layerId: null, documentId: null, payload }]);
    await this.saveState({ ...this.state, labelsBase: labels });
  }

  private async saveState(next: WorkspaceState): Promise<void> {
    this.state = next;
    await writeWorkspaceState(this.store.dir, next).catch((error: Error) => this.warn(`could not save the workspace state: ${error.message}`));
  }
}

class WorkspaceError extends Error {
  constructor(
    readonly code: 'not-found' | 'forbidden',
    message: string,
  ) {
    super(message);
  }
}
