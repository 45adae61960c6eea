/**
 * A store's link to a team workspace, in `workspace.json` in the store
 * folder: the server address (never a password), the analyst's role, the pull
 * cursor (`lastPulledSeq`), the label schema version last taken from the
 * server, and what the last sync saw (time, error, colleagues' progress), for
 * the status panel. Written durably (temporary file, fsync, rename).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { fail, ok, type Result } from '../../../annotations/result';
import { writeFileDurably } from '../store/durable-file-adapter';

/** Name of the file in the store folder. */
export const WORKSPACE_FILE = 'workspace.json';

const progressSchema = z.object({
  layerId: z.string(),
  name: z.string(),
  kind: z.enum(['analyst', 'reconciled']),
  documentId: z.string(),
  title: z.string(),
  status: z.enum(['todo', 'in-progress', 'done']),
  annotations: z.number().int().min(0),
});

/** One colleague's progress on one document, as of the last pull. */
export type ColleagueProgress = z.infer<typeof progressSchema>;

const stateSchema = z.object({
  format: z.literal(1),
  /** postgresql:// URL without a password. */
  server: z.string().min(1),
  role: z.string().min(1),
  displayName: z.string(),
  kind: z.enum(['analyst', 'adjudicator', 'schema-owner']),
  lastPulledSeq: z.number().int().min(0),
  labelsVersion: z.number().int().min(0),
  /** The label schema as of `labelsVersion`, to see whether the schema owner changed it locally since. */
  labelsBase: z.unknown().nullable(),
  lastSyncAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  progress: z.array(progressSchema),
  /** Notes for the analyst from the last syncs (a new label schema...), newest last. */
  notes: z.array(z.string()),
});

/** The content of `workspace.json`. */
export type WorkspaceState = z.infer<typeof stateSchema>;

/** Reads the workspace link of the store in `storeDir`: null when it has none; `store-corrupt` when the file is damaged. */
export async function readWorkspaceState(storeDir: string): Promise<Result<WorkspaceState | null>> {
  const file = path.join(storeDir, WORKSPACE_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok(null);
    return fail('io-error', `cannot read ${file}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('store-corrupt', `${file} is not JSON; connect the store again (parley workspace connect)`);
  }
  const parsed = stateSchema.safeParse(json);
  if (!parsed.success) return fail('store-corrupt', `${file} is not a workspace link: ${parsed.error.issues[0]?.message ?? 'wrong shape'}; connect the store again`);
  return ok(parsed.data);
}

/** Writes the workspace link durably. */
export async function writeWorkspaceState(storeDir: string, state: WorkspaceState): Promise<void> {
  await writeFileDurably(path.join(storeDir, WORKSPACE_FILE), `${JSON.stringify(state, null, 2)}\n`);
}

/** The server URL with any password removed, for keeping on disk and showing. */
export function withoutPassword(url: string): Result<string> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail('invalid-input', `"${url}" is not a server address (postgresql://host:port/database)`);
  }
  if (parsed.protocol !== 'postgresql:' && parsed.protocol !== 'postgres:') return fail('invalid-input', `"${parsed.protocol}" is not a PostgreSQL address (postgresql://host:port/database)`);
  if (!parsed.pathname || parsed.pathname === '/') return fail('invalid-input', 'the server address names no database (postgresql://host:port/DATABASE)');
  parsed.password = '';
  return ok(parsed.toString());
}
