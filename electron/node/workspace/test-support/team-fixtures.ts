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
