import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colleagueLayerId } from '../../../annotations/model';
import { runManyAnalysts, SHARED_ARTICLE, type ManyAnalystsRun } from './test-support/many-analysts-run';
import { startTestPostgres, type TestPostgres } from './test-support/postgres-server';

const ANALYSTS = 20;
const OPERATIONS = 1000;
const DB = 'many_analysts';

let server: TestPostgres;
let run: ManyAnalystsRun | undefined;

beforeAll(async () => {
  server = await startTestPostgres();
});
afterAll(async () => {
  await run?.close();
  await server?.dispose();
});

// The time it takes is a bench row (`npm run bench`, bench/workspace-bench.ts); here, only that it converges.
describe('a team of twenty', () => {
  it(`${ANALYSTS} analysts syncing ${OPERATIONS} operations each at once all converge`, async () => {
    run = await runManyAnalysts(server, DB, ANALYSTS, OPERATIONS);
    const { team, stores, tags } = run;
    expect(run.waitingBefore).toEqual(team.map(() => OPERATIONS));
    expect(run.failures).toEqual([]);

    const admin = new pg.Client({ connectionString: server.adminUrl(DB) });
    await admin.connect();
    const counts = await admin.query<{ n: number; d: number }>('SELECT count(*)::int AS n, count(DISTINCT op_id)::int AS d FROM parley.operations');
    await admin.end();
    expect(counts.rows[0]).toEqual({ n: ANALYSTS * OPERATIONS, d: ANALYSTS * OPERATIONS });

    for (const [i, s] of stores.entries()) {
      expect(s.workspace.pending()).toEqual([]);
      const view = s.store.getDocument(SHARED_ARTICLE);
      if (!view.ok) throw new Error(view.error.message);
      const colleagues = view.value.layers.filter((l) => l.kind === 'colleague');
      expect(colleagues).toHaveLength(ANALYSTS - 1);
      for (const analyst of team) {
        if (analyst === team[i]) continue;
        const layer = colleagues.find((l) => l.id === colleagueLayerId(analyst.displayName));
        expect(layer?.annotations.map((a) => a.id).sort(), `${analyst.displayName} in store ${i}`).toEqual([...tags.get(analyst.displayName)!].sort());
      }
    }
  }, 300_000);
});
