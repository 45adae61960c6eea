/**
 * What the app shows of its team workspace (see docs/workspace.md): whether
 * the last attempt reached the server, how many changes wait to be sent,
 * when it last synced, and each colleague's progress per document.
 */

/** One colleague's progress on one document, as of the last sync. */
export interface WorkspaceProgressRow {
  /** The colleague's display name. */
  name: string;
  /** `reconciled` for the adjudicator's reconciled layer. */
  kind: 'analyst' | 'reconciled';
  documentId: string;
  title: string;
  status: 'todo' | 'in-progress' | 'done';
  annotations: number;
}

/** The workspace's state, for the library's workspace panel. */
export interface WorkspaceStatus {
  /** The server address, without any password. */
  server: string;
  /** The analyst's name in the workspace and their role kind. */
  displayName: string;
  kind: 'analyst' | 'adjudicator' | 'schema-owner';
  /** True when the last attempt to sync reached the server. */
  connected: boolean;
  syncing: boolean;
  /** Changes waiting to be sent. */
  waiting: number;
  /** ISO time of the last complete sync, or null. */
  lastSyncAt: string | null;
  /** Why the last attempt failed, or null. */
  lastError: string | null;
  /** Whether a password is kept in the system keychain for this workspace. */
  passwordSaved: boolean;
  progress: WorkspaceProgressRow[];
  /** Notes from recent syncs (a new label schema...), newest last. */
  notes: string[];
}
