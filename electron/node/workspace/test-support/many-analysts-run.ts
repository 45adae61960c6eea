/**
 * Many analysts syncing through one workspace at once, for the test that
 * checks they converge (`many-analysts.test.ts`) and the bench row that times
 * it (`bench/workspace-bench.ts`): each analyst's store starts from the same
 * article, makes `operations` separate tags, then every store syncs at the
 * same moment, twice (the second round brings what others sent after one's
 * first pull).
 */
import { removeTempDir } from '../../store/test-support/store-fixtures';
import type { TestPostgres } from './postgres-server';
import { linkedStore, longDocument, makeWorkspace, tagMany, type TestAnalyst } from './team-fixtures';

/** The article every analyst tags. */
export const SHARED_ARTICLE = 'shared-article';

/** What a run left: the team, their stores, each analyst's annotation ids, and the times. */
export interface ManyAnalystsRun {
  team: TestAnalyst[];
  stores: Array<Awaited<ReturnType<typeof linkedStore>>>;
  /** Annotation ids made by each analyst (by display name). */
  tags: Map<string, string[]>;
  /** Operations waiting in each store's outgoing queue before the first round. */
  waitingBefore: number[];
  /** Sync results of the two rounds: failures, if any, as messages. */
  failures: string[];
  /** Milliseconds from the start of the first round to its end (everything pushed), and to the end of the second (converged). */
  pushedMs: number;
  convergedMs: number;
  /** Detaches the workspaces, closes the stores and removes their folders. */
  close(): Promise<void>;
}

/** Sets up `analysts` analysts in database `database` of `server`, has each make `operations` tags, and syncs them all at once. */
export async function runManyAnalysts(server: TestPostgres, database: string, analysts: number, operations: number): Promise<ManyAnalystsRun> {
  const team: TestAnalyst[] = Array.from({ length: analysts }, (_, i) => ({ role: `many_${i}`, password: `pw-${i}`, displayName: `Analyst ${String(i).padStart(2, '0')}`, kind: 'analyst' }));
  await makeWorkspace(server, database, team);
  const stores: ManyAnalystsRun['stores'] = [];
  const tags = new Map<string, string[]>();
  const close = async () => {
    for (const s of stores) {
      await s.close().catch(() => undefined);
      await removeTempDir(s.dir);
    }
  };
  try {
    for (const analyst of team) {
      const doc = longDocument(SHARED_ARTICLE, analyst.displayName, 9000);
      const s = await linkedStore(server, database, analyst, [doc]);
      stores.push(s);
      // Ids unique per analyst, so a mix-up between layers would show.
      const made = await tagMany(s.store, doc, operations, analyst.displayName);
      tags.set(analyst.displayName, made.map((a) => a.id));
    }
  } catch (error) {
    await close();
    throw error;
  }
  const waitingBefore = stores.map((s) => s.workspace.pending().length);
  const started = performance.now();
  const first = await Promise.all(stores.map((s) => s.workspace.sync()));
  const pushed = performance.now();
  const second = await Promise.all(stores.map((s) => s.workspace.sync()));
  const done = performance.now();
  const failures = [...first, ...second].flatMap((r) => (r.ok ? [] : [r.error.message]));
  return { team, stores, tags, waitingBefore, failures, pushedMs: pushed - started, convergedMs: done - started, close };
}
