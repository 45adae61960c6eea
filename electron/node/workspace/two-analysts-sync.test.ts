import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultLabelSchema } from '../../../annotations/labels';
import { colleagueLayerId, OWN_LAYER_ID, RECONCILED_LAYER_ID, type AnnotationLayer, type CorpusDocument, type ReviewDecision } from '../../../annotations/model';
import { createDocument } from '../../../annotations/document';
import { OriginalFiles, sha256Of } from '../sources/original-files';
import { removeTempDir } from '../store/test-support/store-fixtures';
import { startTestPostgres, type TestPostgres } from './test-support/postgres-server';
import { linkedStore, makeWorkspace, tagQuote, teamDocuments, type TestAnalyst } from './test-support/team-fixtures';

const DB = 'two_analysts';
const ALICE: TestAnalyst = { role: 'ta_alice', password: 'alice pw ü', displayName: 'Alice', kind: 'schema-owner' };
const BOB: TestAnalyst = { role: 'ta_bob', password: 'bob-pw', displayName: 'Bob', kind: 'analyst' };
const JUDGE: TestAnalyst = { role: 'ta_judge', password: 'judge-pw', displayName: 'Judge', kind: 'adjudicator' };

let server: TestPostgres;
const opened: Array<Awaited<ReturnType<typeof linkedStore>>> = [];

beforeAll(async () => {
  server = await startTestPostgres();
  await makeWorkspace(server, DB, [ALICE, BOB, JUDGE]);
});
afterAll(async () => {
  for (const s of opened) {
    await s.close().catch(() => undefined);
    await removeTempDir(s.dir);
  }
  await server?.dispose();
});

async function open(analyst: TestAnalyst, docs: CorpusDocument[] = []) {
  const s = await linkedStore(server, DB, analyst, docs);
  opened.push(s);
  return s;
}

function layerOf(store: Awaited<ReturnType<typeof open>>['store'], documentId: string, layerId: string): AnnotationLayer | undefined {
  const view = store.getDocument(documentId);
  if (!view.ok) throw new Error(view.error.message);
  return view.value.layers.find((l) => l.id === layerId);
}

async function synced(s: Awaited<ReturnType<typeof open>>) {
  const r = await s.workspace.sync();
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('two analysts and an adjudicator on one team server', () => {
  const docs = teamDocuments('Alice');
  let alice: Awaited<ReturnType<typeof open>>;
  let bob: Awaited<ReturnType<typeof open>>;
  let judge: Awaited<ReturnType<typeof open>>;

  it("shares Alice's library and her tags (Hangul, emoji, CRLF texts) with Bob, offsets intact", async () => {
    alice = await open(ALICE, docs);
    const seoul = tagQuote(docs[0]!, 'Seoul', 'actor', 'Alice');
    const group = tagQuote(docs[0]!, 'working group', 'policy-body', 'Alice');
    const ministry = tagQuote(docs[1]!, '통일부', 'policy-body', 'Alice');
    const council = tagQuote(docs[2]!, 'council 🏛️', 'policy-body', 'Alice');
    await alice.store.changeAnnotations('ws-talks', OWN_LAYER_ID, { removed: [], added: [seoul, group] }, 'Tag');
    await alice.store.changeAnnotations('ws-hangul', OWN_LAYER_ID, { removed: [], added: [ministry] }, 'Tag');
    await alice.store.changeAnnotations('ws-emoji', OWN_LAYER_ID, { removed: [], added: [council] }, 'Tag');
    expect(alice.workspace.status().waiting).toBe(3);
    const pushed = await synced(alice);
    // Three changes, and her label schema: she owns it, so the workspace starts with hers.
    expect(pushed).toMatchObject({ sent: 4, documentsShared: 3, received: 0 });
    expect(alice.workspace.status()).toMatchObject({ connected: true, waiting: 0, lastError: null });

    bob = await open(BOB);
    const pulled = await synced(bob);
    expect(pulled).toMatchObject({ documentsAdded: 3, received: 4, labelsVersion: 1 });
    expect(bob.store.listDocuments().map((d) => d.id).sort()).toEqual(docs.map((d) => d.document.id).sort());
    const hers = layerOf(bob.store, 'ws-emoji', colleagueLayerId('Alice'))!;
    expect(hers).toMatchObject({ kind: 'colleague', author: 'Alice' });
    expect(hers.annotations.map((a) => [a.start, a.end, a.quote.exact])).toEqual([[council.start, council.end, 'council 🏛️']]);
    const text = bob.store.getDocument('ws-emoji');
    expect(text.ok && text.value.document.text.slice(council.start, council.end)).toBe('council 🏛️');
    expect(layerOf(bob.store, 'ws-talks', colleagueLayerId('Alice'))!.annotations.map((a) => a.quote.exact)).toEqual(['Seoul', 'working group']);
    expect(layerOf(bob.store, 'ws-hangul', colleagueLayerId('Alice'))!.annotations.map((a) => a.quote.exact)).toEqual(['통일부']);
    // Bob's own layer is his, empty, and nothing of Alice's went into it.
    expect(layerOf(bob.store, 'ws-talks', OWN_LAYER_ID)).toMatchObject({ author: 'Bob', annotations: [] });
  });

  it("brings Bob's edits, deletions, undo, links and status back to Alice, and a second sync changes nothing", async () => {
    const bobDocs = teamDocuments('Bob');
    const washington = tagQuote(bobDocs[0]!, 'Washington', 'actor', 'Bob');
    const geneva = tagQuote(bobDocs[0]!, 'Geneva', 'actor', 'Bob');
    const busan = tagQuote(bobDocs[2]!, 'Busan 🇰🇷', 'actor', 'Bob');
    const talks = tagQuote(bobDocs[1]!, '남북 회담', 'position', 'Bob');
    await bob.store.changeAnnotations('ws-talks', OWN_LAYER_ID, { removed: [], added: [washington, geneva] }, 'Tag');
    await bob.store.changeAnnotations('ws-talks', OWN_LAYER_ID, { removed: [geneva], added: [] }, 'Delete');
    await bob.store.changeAnnotations('ws-emoji', OWN_LAYER_ID, { removed: [], added: [busan] }, 'Tag');
    await bob.store.undo('ws-emoji');
    const edited = { ...washington, labelId: 'policy-body', note: '워싱턴 note', updatedAt: new Date().toISOString() };
    await bob.store.changeAnnotations('ws-talks', OWN_LAYER_ID, { removed: [washington], added: [edited] }, 'Relabel');
    // A link between two of his spans on the Hangul document (put with the layer).
    const ministry = tagQuote(bobDocs[1]!, '통일부', 'actor', 'Bob');
    const own = layerOf(bob.store, 'ws-hangul', OWN_LAYER_ID)!;
    const link = { id: 'rel-1', documentId: 'ws-hangul', typeId: 'holds', sourceId: ministry.id, targetId: talks.id, author: 'Bob', createdAt: ministry.createdAt, updatedAt: ministry.updatedAt };
    await bob.store.putLayer('ws-hangul', { ...own, annotations: [ministry, talks], relations: [link] });
    await bob.store.setStatus('ws-talks', 'done');

    await synced(bob);
    const back = await synced(alice);
    expect(back.layersUpdated).toBeGreaterThanOrEqual(2);
    expect(layerOf(alice.store, 'ws-talks', colleagueLayerId('Bob'))!.annotations).toEqual([edited]);
    expect(layerOf(alice.store, 'ws-emoji', colleagueLayerId('Bob'))?.annotations ?? []).toEqual([]);
    const hangul = layerOf(alice.store, 'ws-hangul', colleagueLayerId('Bob'))!;
    expect(hangul.annotations.map((a) => a.quote.exact).sort()).toEqual(['남북 회담', '통일부'].sort());
    expect(hangul.relations).toEqual([link]);
    // Alice's own layer is untouched by Bob's work.
    expect(layerOf(alice.store, 'ws-talks', OWN_LAYER_ID)!.annotations.map((a) => a.quote.exact)).toEqual(['Seoul', 'working group']);
    // Progress per colleague and document.
    expect(alice.workspace.status().progress).toContainEqual(expect.objectContaining({ name: 'Bob', documentId: 'ws-talks', status: 'done', annotations: 1 }));

    const filesBefore = JSON.stringify(alice.store.exportCorpus());
    const again = await synced(alice);
    expect(again).toMatchObject({ sent: 0, received: 0, layersUpdated: 0, documentsAdded: 0 });
    expect(JSON.stringify(alice.store.exportCorpus())).toBe(filesBefore);
  });

  it("sends the adjudicator's reconciled layer and decisions to both analysts", async () => {
    judge = await open(JUDGE);
    await synced(judge);
    const theirs = layerOf(judge.store, 'ws-talks', colleagueLayerId('Alice'))!.annotations[0]!;
    const kept = { ...theirs, id: 'rec-1', author: 'Judge' };
    const decision: ReviewDecision = {
      id: 'dec-1',
      documentId: 'ws-talks',
      differenceKey: `${theirs.start}:${theirs.end}`,
      kind: 'only-theirs',
      action: 'accept-theirs',
      layers: [colleagueLayerId('Bob'), colleagueLayerId('Alice')],
      mineIds: [],
      theirsIds: [theirs.id],
      resultIds: ['rec-1'],
      sourceIds: [theirs.id],
      decidedBy: 'Judge',
      decidedAt: new Date().toISOString(),
    };
    await judge.store.recordDecisions('ws-talks', [kept], [decision]);
    expect(judge.workspace.pending().map((op) => op.kind)).toEqual(['replace']);
    await synced(judge);
    for (const analyst of [alice, bob]) {
      await synced(analyst);
      expect(layerOf(analyst.store, 'ws-talks', RECONCILED_LAYER_ID)).toMatchObject({ kind: 'reconciled', author: 'Judge', annotations: [kept] });
      const view = analyst.store.getDocument('ws-talks');
      expect(view.ok && view.value.decisions).toEqual([decision]);
    }
  });

  it("takes the schema owner's new label schema to Bob with a note, and never Bob's own label edits", async () => {
    const schema = defaultLabelSchema();
    const next = { ...schema, labels: [...schema.labels, { id: 'event', name: 'Event', color: '#228833', shortcut: '9', description: 'A meeting or vote' }] };
    expect((await alice.store.saveLabels(next)).ok).toBe(true);
    await synced(alice);
    const pulled = await synced(bob);
    expect(pulled.labelsVersion).toBeGreaterThanOrEqual(1);
    expect(bob.store.getLabels().labels.map((l) => l.id)).toContain('event');
    expect(pulled.notes.join('\n')).toMatch(/label schema changed to version \d+ \(by Alice\)/);
    // The next change travels as steps, not the whole schema; Bob's note says what changed.
    const renamed = { ...next, labels: next.labels.filter((l) => l.id !== 'date').map((l) => (l.id === 'event' ? { ...l, name: '행사 Event 🗳️' } : l)) };
    expect((await alice.store.saveLabels(renamed)).ok).toBe(true);
    await alice.workspace.sync();
    const admin = new pg.Client({ connectionString: server.adminUrl(DB) });
    await admin.connect();
    const logged = await admin.query<{ payload: Record<string, unknown> }>("SELECT payload FROM parley.operations WHERE kind = 'schema' ORDER BY seq");
    await admin.end();
    // The first change a store sends is the whole schema (Alice's first sync); every later one is steps.
    expect(logged.rows.map((r) => Object.keys(r.payload))).toEqual([['labels'], ['steps'], ['steps']]);
    expect(logged.rows[1]!.payload.steps).toEqual([{ op: 'put-label', label: next.labels.at(-1), after: schema.labels.at(-1)!.id }]);
    expect(logged.rows[2]!.payload.steps).toEqual([
      { op: 'remove-label', id: 'date' },
      { op: 'put-label', label: renamed.labels.find((l) => l.id === 'event'), after: renamed.labels.at(-2)!.id },
    ]);
    const stepped = await synced(bob);
    expect(bob.store.getLabels()).toEqual(renamed);
    expect(stepped.notes.join('\n')).toMatch(/label schema changed to version \d+ \(by Alice\): removed label “Date”; renamed label “Event” to “행사 Event 🗳️”/);
    // Nothing new: a second pull changes nothing and says nothing.
    expect((await synced(bob)).notes).toEqual([]);
    const next2 = renamed;
    // Bob is not the schema owner: his own label change stays local and is never sent.
    expect((await bob.store.saveLabels({ ...next2, labels: next2.labels.filter((l) => l.id !== 'event') })).ok).toBe(true);
    await synced(bob);
    expect(bob.workspace.pending()).toEqual([]);
    await synced(alice);
    expect(alice.store.getLabels().labels.map((l) => l.id)).toContain('event');
  });

  it('keeps no password in the store folder', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    for (const s of [alice, bob, judge]) {
      const files = await readdir(s.dir, { recursive: true });
      for (const f of files) {
        const content = await readFile(`${s.dir}/${f}`).catch(() => Buffer.alloc(0));
        for (const pw of [ALICE.password, BOB.password, JUDGE.password]) expect(content.includes(Buffer.from(pw)), `${f} holds a password`).toBe(false);
      }
    }
  });

  it('shares a PDF report’s pages and original name; the link to the original only where that file is kept', async () => {
    const report = (id: string, original: Uint8Array): CorpusDocument => {
      const text = 'Envoy Report 🇰🇷\r\nThe envoys met.\n\n통일부 welcomed it.';
      return {
        document: {
          ...createDocument({ id, title: `Report ${id}`, source: `${id}.pdf`, text, now: '2026-11-30T00:00:00.000Z' }),
          pages: [{ start: 0, end: 31 }, { start: 33, end: text.length }],
          originalName: `${id}.pdf`,
          originalSha256: sha256Of(original),
        },
        layers: [{ id: OWN_LAYER_ID, kind: 'own', author: 'Alice', annotations: [] }],
        decisions: [],
      };
    };
    const kept = new TextEncoder().encode('%PDF-1.7 the file both keep');
    const onlyAlice = new TextEncoder().encode('%PDF-1.7 a file only Alice keeps');
    expect((await alice.store.addDocuments([report('ws-report-kept', kept), report('ws-report-alice', onlyAlice)])).ok).toBe(true);
    await synced(alice);
    expect((await new OriginalFiles(bob.dir).put('kept.pdf', kept)).ok).toBe(true);
    await synced(bob);
    for (const [id, sha] of [['ws-report-kept', sha256Of(kept)], ['ws-report-alice', undefined]] as const) {
      const view = bob.store.getDocument(id);
      if (!view.ok) throw new Error(view.error.message);
      expect(view.value.document.pages).toEqual(report(id, kept).document.pages);
      expect(view.value.document.originalName).toBe(`${id}.pdf`);
      expect(view.value.document.originalSha256).toBe(sha);
    }
  });

  it('counts every operation once on the server', async () => {
    const admin = new pg.Client({ connectionString: server.adminUrl(DB) });
    await admin.connect();
    const dup = await admin.query('SELECT count(*)::int AS n, count(DISTINCT op_id)::int AS d FROM parley.operations');
    await admin.end();
    expect(dup.rows[0].n).toBe(dup.rows[0].d);
  });
});
