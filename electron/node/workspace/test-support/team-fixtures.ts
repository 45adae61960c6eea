/** Helpers for workspace tests: a workspace database with analysts, and stores linked to it. */
import pg from 'pg';
import { createAnnotation } from '../../../../annotations/annotation';
import { createDocument } from '../../../../annotations/document';
import { OWN_LAYER_ID, type Annotation, type CorpusDocument } from '../../../../annotations/model';
import { ParleyStore } from '../../store/parley-store';
import { makeTempDir } from '../../store/test-support/store-fixtures';
import { addAnalyst, upgradeServer, type AnalystKind } from '../server-schema';
import { connectWorkspace, TeamWorkspace } from '../team-workspace';
import type { TestPostgres } from './postgres-server';

/** Short texts of our own in several scripts and line ends, so offsets are tested in UTF-16 beyond ASCII. */
export const TEAM_TEXTS = [
  { id: 'ws-talks', title: 'Envoys meet', text: 'Seoul and Washington sent envoys to Geneva on 3 May.\r\nThe working group met twice.' },
  { id: 'ws-hangul', title: '통일부 발표', text: '통일부는 6월 22일 남북 회담을 제안했다. The ministry named Chung Dong-young.' },
  { id: 'ws-emoji', title: 'Reactions 🗳️', text: 'Voters 🗳️ in Busan 🇰🇷 backed the plan; the council 🏛️ did not.' },
];

/** The corpus documents of `TEAM_TEXTS`, with an empty own layer by `author`. */
export function teamDocuments(author: string): CorpusDocument[] {
  return TEAM_TEXTS.map((t) => ({
    document: createDocument({ id: t.id, title: t.title, source: 'test', text: t.text, now: '2026-11-30T00:00:00.000Z' }),
    layers: [{ id: OWN_LAYER_ID, kind: 'own', author, annotations: [] }],
    decisions: [],
  }));
}

/** An annotation on the first occurrence of `quote` in the document's text. */
export function tagQuote(doc: CorpusDocument, quote: string, labelId: string, author: string, id?: string): Annotation {
  const start = doc.document.text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in ${doc.document.id}`);
  const made = createAnnotation(doc.document.text, { documentId: doc.document.id, start, end: start + quote.length, labelId, author, now: new Date().toISOString(), id });
  if (!made.ok) throw new Error(made.error.message);
  return made.value;
}

/** One analyst of a test workspace. */
export interface TestAnalyst {
  role: string;
  password: string;
  displayName: string;
  kind: AnalystKind;
}

/** Creates a database, sets up the workspace schema and registers `analysts` (creating their login roles). */
export async function makeWorkspace(server: TestPostgres, database: string, analysts: readonly TestAnalyst[]): Promise<void> {
  await server.createDatabase(database);
  for (const a of analysts) await server.createRole(a.role, a.password);
  const admin = new pg.Client({ connectionString: server.adminUrl(database) });
  await admin.connect();
  try {
    const upgraded = await upgradeServer(admin);
    if (!upgraded.ok) throw new Error(upgraded.error.message);
    for (const a of analysts) {
      const added = await addAnalyst(admin, { role: a.role, displayName: a.displayName, kind: a.kind });
      if (!added.ok) throw new Error(added.error.message);
    }
  } finally {
    await admin.end();
  }
}

/** A store in a new temporary folder, linked to the workspace as `analyst`, with its workspace attached. */
export async function linkedStore(
  server: TestPostgres,
  database: string,
  analyst: TestAnalyst,
  docs: CorpusDocument[] = [],
): Promise<{ dir: string; store: ParleyStore; workspace: TeamWorkspace; close(): Promise<void> }> {
  const dir = await makeTempDir('parley-ws-store-');
  const opened = await ParleyStore.open(dir, { onWarning: () => undefined });
  if (!opened.ok) throw new Error(opened.error.message);
  const store = opened.value.store;
  if (docs.length > 0) {
    const added = await store.addDocuments(docs);
    if (!added.ok) throw new Error(added.error.message);
  }
  // The URL kept carries no password: it comes from the keychain (here, the test).
  const connected = await connectWorkspace(dir, { server: server.url(analyst.role, '', database).replace(':@', '@'), role: analyst.role, password: analyst.password });
  if (!connected.ok) throw new Error(connected.error.message);
  const attached = await TeamWorkspace.attach(store, { author: analyst.displayName, password: () => analyst.password, onWarning: () => undefined });
  if (!attached.ok || !attached.value) throw new Error(attached.ok ? 'not linked' : attached.error.message);
  const workspace = attached.value;
  return {
    dir,
    store,
    workspace,
    close: async () => {
      await workspace.detach();
      await store.close();
    },
  };
}

/** A document of `length` characters of mixed-script words, for many spans. */
export function longDocument(id: string, author: string, length = 40_000): CorpusDocument {
  const words = ['Seoul', '워싱턴', 'envoy', 'summit 🗳️', 'declaration', '통일부', 'sanctions', 'policy'];
  let text = '';
  for (let i = 0; text.length < length; i++) text += `${words[i % words.length]}${i % 7 === 6 ? '\r\n' : ' '}`;
  return {
    document: createDocument({ id, title: `Long ${id}`, source: 'test', text, now: '2026-11-30T00:00:00.000Z' }),
    layers: [{ id: OWN_LAYER_ID, kind: 'own', author, annotations: [] }],
    decisions: [],
  };
}

/** Makes `count` separate tag changes in the own layer of `doc` (one span each, every 8 code units), as fast as the store takes them. */
export async function tagMany(store: ParleyStore, doc: CorpusDocument, count: number, author: string): Promise<Annotation[]> {
  const made: Annotation[] = [];
  const pending: Array<Promise<unknown>> = [];
  for (let i = 0; i < count; i++) {
    const start = i * 8;
    // Never split a surrogate pair: move to the next code point boundary.
    const s = /[\uDC00-\uDFFF]/.test(doc.document.text[start] ?? '') ? start + 1 : start;
    const e = /[\uDC00-\uDFFF]/.test(doc.document.text[s + 4] ?? '') ? s + 5 : s + 4;
    const a = createAnnotation(doc.document.text, { documentId: doc.document.id, start: s, end: e, labelId: 'actor', author, now: '2026-11-30T12:00:00.000Z', id: `${doc.document.id}-a${i}` });
    if (!a.ok) throw new Error(a.error.message);
    made.push(a.value);
    pending.push(store.changeAnnotations(doc.document.id, OWN_LAYER_ID, { removed: [], added: [a.value] }, 'Tag'));
  }
  const results = await Promise.all(pending);
  const failed = results.find((r) => !(r as { ok: boolean }).ok);
  if (failed) throw new Error(JSON.stringify(failed));
  return made;
}
