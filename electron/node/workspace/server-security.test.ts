import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, SERVER_SCHEMA_VERSION } from './migrations';
import { addAnalyst, serverSchemaVersion, upgradeServer } from './server-schema';
import { startTestPostgres, type TestPostgres } from './test-support/postgres-server';

let server: TestPostgres;
const DB = 'security_ws';
const clients: pg.Client[] = [];

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  clients.push(client);
  return client;
}

const SHA = 'a'.repeat(64);
function annotation(id: string, documentId: string, author: string) {
  return { id, documentId, start: 0, end: 4, quote: { exact: 'Seou', prefix: '', suffix: 'l' }, labelId: 'actor', author, createdAt: '2026-12-01T00:00:00Z', updatedAt: '2026-12-01T00:00:00Z' };
}

beforeAll(async () => {
  server = await startTestPostgres();
  await server.createDatabase(DB);
  for (const role of ['sec_alice', 'sec_bob', 'sec_judge', 'sec_outsider']) await server.createRole(role, `${role}-pw`);
  const admin = await connect(server.adminUrl(DB));
  const upgraded = await upgradeServer(admin);
  expect(upgraded).toMatchObject({ ok: true, value: { from: 0, to: SERVER_SCHEMA_VERSION } });
  for (const [role, displayName, kind] of [
    ['sec_alice', 'Alice', 'schema-owner'],
    ['sec_bob', 'Bob', 'analyst'],
    ['sec_judge', 'Judge', 'adjudicator'],
  ] as const) {
    expect(await addAnalyst(admin, { role, displayName, kind })).toEqual({ ok: true, value: undefined });
  }
  await admin.query("INSERT INTO parley.documents (id, sha256, title, text, body) VALUES ('d1', $1, 'Talks', 'Seoul talks', '{}')", [SHA]);
  const bob = await connect(server.url('sec_bob', 'sec_bob-pw', DB));
  await bob.query('SELECT * FROM parley.push_operations($1::jsonb)', [
    JSON.stringify([{ id: randomUUID(), layerId: 'sec_bob', documentId: 'd1', kind: 'change', payload: { removed: [], added: [annotation('b1', 'd1', 'Bob')] } }]),
  ]);
});

afterAll(async () => {
  for (const c of clients) await c.end().catch(() => undefined);
  await server?.dispose();
});

async function bobsRows(): Promise<string> {
  const admin = clients[0]!;
  const items = await admin.query("SELECT item_id, body FROM parley.layer_items WHERE layer_id = 'sec_bob' ORDER BY item_id");
  const docs = await admin.query("SELECT status, decisions FROM parley.layer_documents WHERE layer_id = 'sec_bob'");
  const ops = await admin.query("SELECT op_id, payload FROM parley.operations WHERE layer_id = 'sec_bob' ORDER BY seq");
  return JSON.stringify([items.rows, docs.rows, ops.rows]);
}

describe('the team server schema', () => {
  it('runs each migration once: a second init changes nothing and reports the same version', async () => {
    const admin = clients[0]!;
    const again = await upgradeServer(admin);
    expect(again).toMatchObject({ ok: true, value: { from: SERVER_SCHEMA_VERSION, to: SERVER_SCHEMA_VERSION } });
    const recorded = await admin.query('SELECT version FROM parley.schema_migrations ORDER BY version');
    expect(recorded.rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await serverSchemaVersion(admin)).toBe(SERVER_SCHEMA_VERSION);
  });

  it("refuses a server whose schema is newer than this Parley's", async () => {
    await server.createDatabase('newer_ws');
    const admin = await connect(server.adminUrl('newer_ws'));
    expect((await upgradeServer(admin)).ok).toBe(true);
    await admin.query("INSERT INTO parley.schema_migrations (version, name) VALUES ($1, 'from the future')", [SERVER_SCHEMA_VERSION + 1]);
    const refused = await upgradeServer(admin);
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!refused.ok) expect(refused.error.message).toContain(`version ${SERVER_SCHEMA_VERSION + 1}`);
  });

  it('refuses to register a role that does not exist, leaving the analysts as they were', async () => {
    const admin = clients[0]!;
    const before = await admin.query('SELECT role FROM parley.analysts ORDER BY role');
    expect(await addAnalyst(admin, { role: 'sec_nobody', displayName: 'Nobody', kind: 'analyst' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await addAnalyst(admin, { role: 'sec_outsider', displayName: '  ', kind: 'analyst' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await admin.query('SELECT role FROM parley.analysts ORDER BY role')).rows).toEqual(before.rows);
  });
});

describe('row-level security', () => {
  it("keeps Bob's layer out of Alice's reach, even by hand-written SQL", async () => {
    const before = await bobsRows();
    const alice = await connect(server.url('sec_alice', 'sec_alice-pw', DB));
    // She reads it...
    const seen = await alice.query("SELECT item_id FROM parley.layer_items WHERE layer_id = 'sec_bob'");
    expect(seen.rows).toEqual([{ item_id: 'b1' }]);
    // ...but updates and deletes find nothing to touch,
    expect((await alice.query("UPDATE parley.layer_items SET body = '{}' WHERE layer_id = 'sec_bob'")).rowCount).toBe(0);
    expect((await alice.query("DELETE FROM parley.layer_items WHERE layer_id = 'sec_bob'")).rowCount).toBe(0);
    expect((await alice.query("UPDATE parley.layer_documents SET status = 'done' WHERE layer_id = 'sec_bob'")).rowCount).toBe(0);
    // and inserts, logged operations in his name or for his layer, and ownership changes are refused.
    const refused = [
      "INSERT INTO parley.layer_items (layer_id, document_id, item_kind, item_id, body) VALUES ('sec_bob', 'd1', 'annotation', 'x', '{}')",
      `INSERT INTO parley.operations (op_id, layer_id, document_id, kind, payload, author) VALUES ('${randomUUID()}', 'sec_bob', 'd1', 'replace', '{}', 'sec_bob')`,
      `INSERT INTO parley.operations (op_id, layer_id, document_id, kind, payload) VALUES ('${randomUUID()}', 'sec_bob', 'd1', 'replace', '{}')`,
      "UPDATE parley.layers SET owner = 'sec_alice' WHERE id = 'sec_bob'",
      "INSERT INTO parley.layers (id, owner, kind) VALUES ('sec_alice2', 'sec_alice', 'analyst')",
      "DELETE FROM parley.operations WHERE layer_id = 'sec_bob'",
      "UPDATE parley.analysts SET kind = 'adjudicator' WHERE role = 'sec_alice'",
    ];
    for (const sql of refused) await expect(alice.query(sql), sql).rejects.toThrow(/row-level security|permission denied/);
    // Through the push function too: the whole batch is refused, her own operation with it.
    const batch = [
      { id: randomUUID(), layerId: 'sec_alice', documentId: 'd1', kind: 'change', payload: { removed: [], added: [annotation('a1', 'd1', 'Alice')] } },
      { id: randomUUID(), layerId: 'sec_bob', documentId: 'd1', kind: 'replace', payload: { annotations: [], relations: [], decisions: [] } },
    ];
    await expect(alice.query('SELECT * FROM parley.push_operations($1::jsonb)', [JSON.stringify(batch)])).rejects.toThrow(/row-level security/);
    expect((await alice.query("SELECT count(*)::int AS n FROM parley.layer_items WHERE layer_id = 'sec_alice'")).rows[0].n).toBe(0);
    expect(await bobsRows()).toBe(before);
  });

  it('gives the reconciled layer to the adjudicator alone', async () => {
    const bob = clients.find((c) => (c as unknown as { user: string }).user === 'sec_bob')!;
    const judge = await connect(server.url('sec_judge', 'sec_judge-pw', DB));
    const reconcile = (id: string) =>
      JSON.stringify([{ id, layerId: 'reconciled', documentId: 'd1', kind: 'replace', payload: { annotations: [annotation('r1', 'd1', 'Judge')], relations: [], decisions: [] } }]);
    await expect(bob.query('SELECT * FROM parley.push_operations($1::jsonb)', [reconcile(randomUUID())])).rejects.toThrow(/row-level security/);
    const applied = await judge.query('SELECT out_applied FROM parley.push_operations($1::jsonb)', [reconcile(randomUUID())]);
    expect(applied.rows).toEqual([{ out_applied: true }]);
    expect((await bob.query("SELECT item_id FROM parley.layer_items WHERE layer_id = 'reconciled'")).rows).toEqual([{ item_id: 'r1' }]);
  });

  it('lets only the schema owner change the label schema', async () => {
    const bob = clients.find((c) => (c as unknown as { user: string }).user === 'sec_bob')!;
    const alice = clients.find((c) => (c as unknown as { user: string }).user === 'sec_alice')!;
    const schemaOp = (id: string) => JSON.stringify([{ id, layerId: null, documentId: null, kind: 'schema', payload: { labels: { labels: [] } } }]);
    await expect(bob.query('SELECT * FROM parley.push_operations($1::jsonb)', [schemaOp(randomUUID())])).rejects.toThrow(/row-level security/);
    expect((await bob.query("UPDATE parley.label_schema SET labels = '{}'")).rowCount).toBe(0);
    await alice.query('SELECT * FROM parley.push_operations($1::jsonb)', [schemaOp(randomUUID())]);
    expect((await bob.query('SELECT version, changed_by FROM parley.label_schema')).rows).toEqual([{ version: 1, changed_by: 'sec_alice' }]);
  });

  it('keeps a role that is not an analyst of the workspace out of its database', async () => {
    await expect(connect(server.url('sec_outsider', 'sec_outsider-pw', DB))).rejects.toThrow(/permission denied|not have CONNECT/);
  });

  it('applies an operation sent twice once', async () => {
    const bob = clients.find((c) => (c as unknown as { user: string }).user === 'sec_bob')!;
    const id = randomUUID();
    const op = JSON.stringify([{ id, layerId: 'sec_bob', documentId: 'd1', kind: 'change', payload: { removed: ['b1'], added: [annotation('b2', 'd1', 'Bob')] } }]);
    const first = await bob.query('SELECT out_seq, out_applied FROM parley.push_operations($1::jsonb)', [op]);
    const second = await bob.query('SELECT out_seq, out_applied FROM parley.push_operations($1::jsonb)', [op]);
    expect(first.rows[0].out_applied).toBe(true);
    expect(second.rows).toEqual([{ out_seq: first.rows[0].out_seq, out_applied: false }]);
    expect((await bob.query('SELECT count(*)::int AS n FROM parley.operations WHERE op_id = $1', [id])).rows[0].n).toBe(1);
    expect((await bob.query("SELECT item_id FROM parley.layer_items WHERE layer_id = 'sec_bob' ORDER BY item_id")).rows).toEqual([{ item_id: 'b2' }]);
  });
});
