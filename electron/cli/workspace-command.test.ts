import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colleagueLayerId, OWN_LAYER_ID, RECONCILED_LAYER_ID, type ReviewDecision } from '../../annotations/model';
import { ParleyStore } from '../node/store/parley-store';
import { makeTempDir, removeTempDir } from '../node/store/test-support/store-fixtures';
import { TeamWorkspace } from '../node/workspace/team-workspace';
import { ADMIN_PASSWORD, startTestPostgres, type TestPostgres } from '../node/workspace/test-support/postgres-server';
import { tagQuote, teamDocuments } from '../node/workspace/test-support/team-fixtures';
import { SERVER_SCHEMA_VERSION } from '../node/workspace/migrations';
import { main } from './parley';

const DB = 'cli_team';
let server: TestPostgres;
const dirs: string[] = [];

beforeAll(async () => {
  server = await startTestPostgres();
  await server.createDatabase(DB);
  for (const role of ['cli_alice', 'cli_bob', 'cli_judge']) await server.createRole(role, `${role}-pw`);
});
afterAll(async () => {
  for (const d of dirs) await removeTempDir(d);
  await server?.dispose();
});

/** Runs `parley ...` with `password` in PGPASSWORD (as a shell would); exit code and output. */
async function parley(args: string[], password?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const saved = process.env.PGPASSWORD;
  if (password === undefined) delete process.env.PGPASSWORD;
  else process.env.PGPASSWORD = password;
  try {
    const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    if (saved === undefined) delete process.env.PGPASSWORD;
    else process.env.PGPASSWORD = saved;
  }
}

/** Opens a store, lets `work` change it with its workspace attached (so changes queue), then closes it. */
async function withStore<T>(dir: string, author: string, work: (store: ParleyStore) => Promise<T>): Promise<T> {
  const opened = await ParleyStore.open(dir, { onWarning: () => undefined });
  if (!opened.ok) throw new Error(opened.error.message);
  const attached = await TeamWorkspace.attach(opened.value.store, { author });
  if (!attached.ok) throw new Error(attached.error.message);
  try {
    return await work(opened.value.store);
  } finally {
    await attached.value?.detach();
    await opened.value.store.close();
  }
}

const url = (user?: string) => `postgresql://${user ? `${user}@` : ''}127.0.0.1:${server.port}/${DB}`;

describe('parley workspace and parley sync', () => {
  it('set up a server, link two analysts and an adjudicator, and carry their work through the server going down and up', async () => {
    // The owner sets up the workspace: init is idempotent and prints the version.
    const init = await parley(['workspace', 'init', '--server', url('parley_admin')], ADMIN_PASSWORD);
    expect(init).toMatchObject({ code: 0, err: '' });
    expect(init.out).toMatch(new RegExp(`workspace schema version ${SERVER_SCHEMA_VERSION} \\(was 0\\)`));
    expect((await parley(['workspace', 'init', '--server', url('parley_admin')], ADMIN_PASSWORD)).out).toMatch(new RegExp(`version ${SERVER_SCHEMA_VERSION}, up to date`));
    for (const [role, name, kind] of [
      ['cli_alice', 'Alice', 'schema-owner'],
      ['cli_bob', 'Bob', 'analyst'],
      ['cli_judge', 'Judge', 'adjudicator'],
    ]) {
      expect(await parley(['workspace', 'add-analyst', '--server', url('parley_admin'), '--role', role!, '--name', name!, '--kind', kind!], ADMIN_PASSWORD)).toMatchObject({ code: 0 });
    }
    expect((await parley(['workspace', 'add-analyst', '--server', url('parley_admin'), '--role', 'cli_bob', '--name', 'Bob', '--kind', 'boss'], ADMIN_PASSWORD)).code).toBe(2);
    const missing = await parley(['workspace', 'add-analyst', '--server', url('parley_admin'), '--role', 'cli_nobody', '--name', 'N'], ADMIN_PASSWORD);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no database role "cli_nobody"/);

    // Each analyst links a store; a wrong password is refused and nothing is written.
    const [aliceDir, bobDir, judgeDir] = await Promise.all([makeTempDir('parley-cli-alice-'), makeTempDir('parley-cli-bob-'), makeTempDir('parley-cli-judge-')]);
    dirs.push(aliceDir!, bobDir!, judgeDir!);
    const docs = teamDocuments('Alice');
    await withStore(aliceDir!, 'Alice', async (store) => void (await store.addDocuments(docs)));
    const refused = await parley(['workspace', 'connect', '--store', bobDir!, '--server', url(), '--as', 'cli_bob'], 'wrong');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/password authentication failed/);
    expect((await parley(['sync', '--store', bobDir!], 'cli_bob-pw')).code).toBe(2);
    for (const [dir, role] of [
      [aliceDir!, 'cli_alice'],
      [bobDir!, 'cli_bob'],
      [judgeDir!, 'cli_judge'],
    ]) {
      const linked = await parley(['workspace', 'connect', '--store', dir, '--server', url(), '--as', role], `${role}-pw`);
      expect(linked, linked.err).toMatchObject({ code: 0 });
    }

    // Server up: Alice tags and syncs; Bob fetches the corpus.
    await withStore(aliceDir!, 'Alice', (store) => store.changeAnnotations('ws-talks', OWN_LAYER_ID, { removed: [], added: [tagQuote(docs[0]!, 'Seoul', 'actor', 'Alice')] }, 'Tag'));
    const first = await parley(['sync', '--store', aliceDir!], 'cli_alice-pw');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^sent 2 change\(s\), received 0; documents shared 3/);
    expect((await parley(['sync', '--store', bobDir!], 'cli_bob-pw')).out).toMatch(/documents shared 0, added 3/);

    // Server down: both keep working; sync fails with exit 1 and keeps the changes queued.
    await server.stop('fast');
    await withStore(aliceDir!, 'Alice', (store) => store.changeAnnotations('ws-hangul', OWN_LAYER_ID, { removed: [], added: [tagQuote(docs[1]!, '통일부', 'policy-body', 'Alice')] }, 'Tag'));
    await withStore(bobDir!, 'Bob', (store) => store.changeAnnotations('ws-emoji', OWN_LAYER_ID, { removed: [], added: [tagQuote(docs[2]!, 'Busan 🇰🇷', 'actor', 'Bob')] }, 'Tag'));
    const offline = await parley(['sync', '--store', aliceDir!], 'cli_alice-pw');
    expect(offline.code).toBe(1);
    expect(offline.err).toMatch(/cannot reach the team server .*; 1 change\(s\) stay queued/);

    // Server up again: everything goes through, both ways.
    await server.start();
    expect((await parley(['sync', '--store', aliceDir!], 'cli_alice-pw')).code).toBe(0);
    expect((await parley(['sync', '--store', bobDir!], 'cli_bob-pw')).code).toBe(0);
    expect((await parley(['sync', '--store', aliceDir!], 'cli_alice-pw')).code).toBe(0);
    const seen = async (dir: string, author: string, documentId: string, layerId: string) =>
      withStore(dir, author, async (store) => {
        const view = store.getDocument(documentId);
        return view.ok ? (view.value.layers.find((l) => l.id === layerId)?.annotations.map((a) => a.quote.exact) ?? []) : [];
      });
    expect(await seen(aliceDir!, 'Alice', 'ws-emoji', colleagueLayerId('Bob'))).toEqual(['Busan 🇰🇷']);
    expect(await seen(bobDir!, 'Bob', 'ws-hangul', colleagueLayerId('Alice'))).toEqual(['통일부']);
    expect(await seen(bobDir!, 'Bob', 'ws-talks', colleagueLayerId('Alice'))).toEqual(['Seoul']);

    // The adjudicator reviews both and decides; the reconciled layer reaches both analysts.
    expect((await parley(['sync', '--store', judgeDir!], 'cli_judge-pw')).code).toBe(0);
    await withStore(judgeDir!, 'Judge', async (store) => {
      const view = store.getDocument('ws-emoji');
      if (!view.ok) throw new Error(view.error.message);
      const bobs = view.value.layers.find((l) => l.id === colleagueLayerId('Bob'))!.annotations[0]!;
      const decision: ReviewDecision = {
        id: 'cli-dec-1',
        documentId: 'ws-emoji',
        differenceKey: `${bobs.start}:${bobs.end}`,
        kind: 'only-theirs',
        action: 'accept-theirs',
        layers: [colleagueLayerId('Alice'), colleagueLayerId('Bob')],
        mineIds: [],
        theirsIds: [bobs.id],
        resultIds: ['cli-rec-1'],
        decidedBy: 'Judge',
        decidedAt: new Date().toISOString(),
      };
      const recorded = await store.recordDecisions('ws-emoji', [{ ...bobs, id: 'cli-rec-1', author: 'Judge' }], [decision]);
      if (!recorded.ok) throw new Error(recorded.error.message);
    });
    expect((await parley(['sync', '--store', judgeDir!], 'cli_judge-pw')).out).toMatch(/^sent 1 change/);
    for (const [dir, who, pw] of [
      [aliceDir!, 'Alice', 'cli_alice-pw'],
      [bobDir!, 'Bob', 'cli_bob-pw'],
    ]) {
      expect((await parley(['sync', '--store', dir!], pw)).code).toBe(0);
      expect(await seen(dir!, who!, 'ws-emoji', RECONCILED_LAYER_ID)).toEqual(['Busan 🇰🇷']);
    }
  });
});
