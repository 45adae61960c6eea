import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colleagueLayerId, OWN_LAYER_ID } from '../../annotations/model';
import { removeTempDir } from '../node/store/test-support/store-fixtures';
import { Outbox } from '../node/workspace/outbox';
import { startTestPostgres, type TestPostgres } from '../node/workspace/test-support/postgres-server';
import { linkedStore, longDocument, makeWorkspace, tagMany, type TestAnalyst } from '../node/workspace/test-support/team-fixtures';
import { main } from './parley';

let server: TestPostgres;
let root = '';
let runner = '';
const children: ChildProcess[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'parley-sync-kill-'));
  runner = path.join(root, 'sync-runner.mjs');
  const [started] = await Promise.all([
    startTestPostgres(),
    build({
      entryPoints: [fileURLToPath(new URL('./test-support/sync-runner.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: runner,
      external: ['pg-native'],
      // pg is CommonJS: give the ESM bundle a require of its own.
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
      logLevel: 'error',
    }),
  ]);
  server = started;
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dirs) await removeTempDir(dir);
  await server?.dispose();
  await rm(root, { recursive: true, force: true });
});

async function adminQuery<T extends pg.QueryResultRow>(db: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: server.adminUrl(db) });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Polls the server until `role` has at least one logged operation but fewer than `total`; returns the count seen. */
async function waitForPartial(db: string, role: string, total: number, isDone: () => boolean): Promise<number> {
  for (;;) {
    const [row] = await adminQuery<{ n: number }>(db, 'SELECT count(*)::int AS n FROM parley.operations WHERE author = $1', [role]);
    if (row!.n > 0 || isDone()) return row!.n;
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A store of `analyst` with `count` queued tag changes over four long documents (every operation id distinct). */
async function queuedStore(db: string, analyst: TestAnalyst, count: number) {
  const docs = [0, 1, 2, 3].map((i) => longDocument(`${db}-doc${i}`, analyst.displayName));
  const s = await linkedStore(server, db, analyst, docs);
  dirs.push(s.dir);
  const tags = [];
  for (const doc of docs) tags.push(...(await tagMany(s.store, doc, count / docs.length, analyst.displayName)));
  return { ...s, docs, tags };
}

/** After the interruption: nothing acknowledged lost, nothing applied twice, and a colleague sees exactly the layer. */
async function expectConverged(db: string, analyst: TestAnalyst, colleague: TestAnalyst, expected: { ops: number; tags: Array<{ id: string; documentId: string }> }) {
  const [ops] = await adminQuery<{ n: number; d: number }>(db, 'SELECT count(*)::int AS n, count(DISTINCT op_id)::int AS d FROM parley.operations WHERE author = $1', [analyst.role]);
  expect(ops).toEqual({ n: expected.ops, d: expected.ops });
  const rows = await adminQuery<{ item_id: string }>(db, "SELECT item_id FROM parley.layer_items WHERE layer_id = $1 AND item_kind = 'annotation' ORDER BY item_id", [analyst.role]);
  expect(rows.map((r) => r.item_id)).toEqual(expected.tags.map((t) => t.id).sort());
  const other = await linkedStore(server, db, colleague);
  dirs.push(other.dir);
  try {
    const pulled = await other.workspace.sync();
    expect(pulled.ok).toBe(true);
    const byDoc = new Map<string, string[]>();
    for (const t of expected.tags) byDoc.set(t.documentId, [...(byDoc.get(t.documentId) ?? []), t.id]);
    for (const [documentId, ids] of byDoc) {
      const view = other.store.getDocument(documentId);
      if (!view.ok) throw new Error(view.error.message);
      const layer = view.value.layers.find((l) => l.id === colleagueLayerId(analyst.displayName));
      expect(layer?.annotations.map((a) => a.id).sort()).toEqual([...ids].sort());
    }
  } finally {
    await other.close();
  }
}

const TOTAL = 4000;

describe('a sync cut short', () => {
  it('SIGKILL of `parley sync` mid-way loses nothing acknowledged and applies nothing twice', async () => {
    const db = 'kill_sync';
    const alice: TestAnalyst = { role: 'ks_alice', password: 'ks-alice-pw', displayName: 'Alice', kind: 'analyst' };
    const bob: TestAnalyst = { role: 'ks_bob', password: 'ks-bob-pw', displayName: 'Bob', kind: 'analyst' };
    await makeWorkspace(server, db, [alice, bob]);
    const s = await queuedStore(db, alice, TOTAL);
    expect(s.workspace.pending()).toHaveLength(TOTAL);
    await s.close();

    const child = spawn(process.execPath, [runner, '--store', s.dir], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PGPASSWORD: alice.password } });
    children.push(child);
    let exited = false;
    child.on('exit', () => {
      exited = true;
    });
    const seen = await waitForPartial(db, alice.role, TOTAL, () => exited);
    child.kill('SIGKILL');
    if (!exited) await new Promise((r) => child.once('exit', r));
    expect(seen, 'the kill came after the whole queue was sent: the test did not interrupt anything').toBeLessThan(TOTAL);
    expect(seen).toBeGreaterThan(0);

    // What the queue file still holds is at least what the server lacks.
    const left = await Outbox.open(s.dir);
    expect(left.problems).toEqual([]);
    const [onServer] = await adminQuery<{ n: number }>(db, 'SELECT count(*)::int AS n FROM parley.operations WHERE author = $1', [alice.role]);
    expect(left.outbox.pending().length).toBeGreaterThanOrEqual(TOTAL - onServer!.n);

    // The next sync (the command line, in this process) finishes the job.
    const out: string[] = [];
    const err: string[] = [];
    process.env.PGPASSWORD = alice.password;
    try {
      expect(await main(['sync', '--store', s.dir], { out: (l) => out.push(l), err: (l) => err.push(l) })).toBe(0);
    } finally {
      delete process.env.PGPASSWORD;
    }
    expect(err).toEqual([]);
    expect(out[0]).toMatch(/^sent \d+ change\(s\)/);
    expect((await Outbox.open(s.dir)).outbox.pending()).toEqual([]);
    await expectConverged(db, alice, bob, { ops: TOTAL, tags: s.tags });
  });

  it('a server stopped mid-sync loses nothing acknowledged, keeps the rest queued, and the next sync completes', async () => {
    const db = 'stop_server';
    const alice: TestAnalyst = { role: 'ss_alice', password: 'ss-alice-pw', displayName: 'Alice', kind: 'analyst' };
    const bob: TestAnalyst = { role: 'ss_bob', password: 'ss-bob-pw', displayName: 'Bob', kind: 'analyst' };
    await makeWorkspace(server, db, [alice, bob]);
    const s = await queuedStore(db, alice, TOTAL);
    let finished = false;
    const syncing = s.workspace.sync().finally(() => {
      finished = true;
    });
    const seen = await waitForPartial(db, alice.role, TOTAL, () => finished);
    await server.stop('immediate');
    const cut = await syncing;
    expect(seen).toBeGreaterThan(0);
    expect(cut.ok, 'the sync finished before the server stopped: the test did not interrupt anything').toBe(false);
    if (!cut.ok) expect(cut.error.code).toBe('io-error');
    expect(s.workspace.status()).toMatchObject({ connected: false });
    expect(s.workspace.status().lastError).toMatch(/failed|terminat|connect/i);
    const waiting = s.workspace.pending().length;
    expect(waiting).toBeGreaterThan(0);

    // Offline, the analyst keeps working: the change is queued.
    const extra = { ...s.tags[0]!, id: 'offline-tag', updatedAt: new Date().toISOString() };
    expect((await s.store.changeAnnotations(`${db}-doc0`, OWN_LAYER_ID, { removed: [], added: [extra] }, 'Tag')).ok).toBe(true);
    expect(s.workspace.pending().length).toBe(waiting + 1);

    await server.start();
    const done = await s.workspace.sync();
    expect(done.ok).toBe(true);
    expect(s.workspace.pending()).toEqual([]);
    expect(s.workspace.status()).toMatchObject({ connected: true, lastError: null, waiting: 0 });
    await s.close();
    await expectConverged(db, alice, bob, { ops: TOTAL + 1, tags: [...s.tags, extra] });
  });
});
