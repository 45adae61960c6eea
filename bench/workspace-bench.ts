/**
 * `npm run bench` (after the library rows): a team of 20 analysts, each with
 * 1,000 tags waiting, syncing through one workspace on a real PostgreSQL at
 * the same moment, until every store holds every colleague's layer. Uses the
 * workspace tests' own server (initdb in a temporary folder); skipped, with
 * one line saying why, when PostgreSQL is not installed.
 */
import { colleagueLayerId } from '../annotations/model';
import { runManyAnalysts, SHARED_ARTICLE } from '../electron/node/workspace/test-support/many-analysts-run';
import { postgresBinDir, startTestPostgres, type TestPostgres } from '../electron/node/workspace/test-support/postgres-server';

const ANALYSTS = 20;
const OPERATIONS = 1000;
const ROW = `${ANALYSTS} analysts × ${OPERATIONS.toLocaleString('en-US')} operations each, synced at once`;

/** Whether every store holds every colleague's layer complete. */
function converged(run: Awaited<ReturnType<typeof runManyAnalysts>>): boolean {
  return run.stores.every((s, i) => {
    const view = s.store.getDocument(SHARED_ARTICLE);
    if (!view.ok || s.workspace.pending().length > 0) return false;
    return run.team.every((analyst, j) => {
      if (i === j) return true;
      const layer = view.value.layers.find((l) => l.id === colleagueLayerId(analyst.displayName));
      return layer?.annotations.length === run.tags.get(analyst.displayName)!.length;
    });
  });
}

async function main(): Promise<void> {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  if (only && !only.split(',').includes('workspace')) return;
  console.log('\nTeam workspace (PostgreSQL)');
  if (!postgresBinDir()) {
    console.log(`  ${ROW}: skipped, PostgreSQL is not installed (Debian: apt-get install -y postgresql)`);
    return;
  }
  let server: TestPostgres;
  try {
    server = await startTestPostgres();
  } catch (error) {
    console.log(`  ${ROW}: skipped, ${(error as Error).message.split('\n')[0]}`);
    return;
  }
  try {
    const run = await runManyAnalysts(server, 'bench_many_analysts', ANALYSTS, OPERATIONS);
    try {
      if (run.failures.length > 0) throw new Error(`a sync failed: ${run.failures[0]}`);
      if (!converged(run)) throw new Error('the stores did not converge');
      const rate = Math.round((ANALYSTS * OPERATIONS) / (run.pushedMs / 1000));
      console.log(`  ${ROW}: all pushed in ${(run.pushedMs / 1000).toFixed(1)} s (${rate.toLocaleString('en-US')} operations/s); every store converged after ${(run.convergedMs / 1000).toFixed(1)} s`);
    } finally {
      await run.close();
    }
  } finally {
    await server.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(`workspace bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
