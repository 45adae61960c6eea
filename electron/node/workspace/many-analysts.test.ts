import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colleagueLayerId } from '../../../annotations/model';
import { removeTempDir } from '../store/test-support/store-fixtures';
import { startTestPostgres, type TestPostgres } from './test-support/postgres-server';
import { linkedStore, longDocument, makeWorkspace, tagMany, type TestAnalyst } from './test-support/team-fixtures';

const ANALYSTS = 20;
const OPERATIONS = 1000;
const DB = 'many_analysts';

let server: TestPostgres;
const stores: Array<Awaited<ReturnType<typeof linkedStore>>> = [];

beforeAll(async () => {
  server = await startTestPostgres();
});
afterAll(async () => {
  for (const s of stores) {
    await s.close().catch(() => undefined);
    await removeTempDir(s.dir);
  }
  await server?.dispose();
});

describe('a team of twenty', () => {
  it(`${ANALYSTS} analysts syncing ${OPERATIONS} operations each at once all converge`, async () => {
    const team: TestAnalyst[] = Array.from({ length: ANALYSTS }, (_, i) => ({ role: `many_${i}`, password: `pw-${i}`, displayName: `Analyst ${String(i).padStart(2, '0')}`, kind: 'analyst' }));
    await makeWorkspace(server, DB, team);
    // Everyone starts from the same article (same id and text), as after a first pull.
    const tags = new Map<string, string[]>();
    for (const analyst of team) {
      const doc = longDocument('shared-article', analyst.displayName, 9000);
      const s = await linkedStore(server, DB, analyst, [doc]);
      stores.push(s);
      const made = await tagMany(s.store, { ...doc, document: { ...doc.document, id: 'shared-article' } }, OPERATIONS, analyst.displayName);
      // Ids unique per analyst, so a mix-up between layers would show.
      tags.set(analyst.displayName, made.map((a) => a.id));
      expect(s.workspace.pending()).toHaveLength(OPERATIONS);
    }

    const started = performance.now();
    const first = await Promise.all(stores.map((s) => s.workspace.sync()));
    const pushed = performance.now();
    expect(first.filter((r) => !r.ok)).toEqual([]);
    // A second round brings each store what the others sent after its first pull.
    const second = await Promise.all(stores.map((s) => s.workspace.sync()));
    const done = performance.now();
    expect(second.filter((r) => !r.ok)).toEqual([]);
    console.log(
      `workspace: ${ANALYSTS} analysts × ${OPERATIONS} operations pushed at once in ${((pushed - started) / 1000).toFixed(1)} s; all converged after ${((done - started) / 1000).toFixed(1)} s (${Math.round((ANALYSTS * OPERATIONS) / ((pushed - started) / 1000))} operations/s)`,
    );

    const admin = new pg.Client({ connectionString: server.adminUrl(DB) });
    await admin.connect();
    const counts = await admin.query<{ n: number; d: number }>('SELECT count(*)::int AS n, count(DISTINCT op_id)::int AS d FROM parley.operations');
    await admin.end();
    expect(counts.rows[0]).toEqual({ n: ANALYSTS * OPERATIONS, d: ANALYSTS * OPERATIONS });

    for (const [i, s] of stores.entries()) {
      expect(s.workspace.pending()).toEqual([]);
      const view = s.store.getDocument('shared-article');
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
