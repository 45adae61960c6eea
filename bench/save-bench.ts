/**
 * `npm run bench` (after the reader rows): tag to disk at 20,000 annotations.
 * One generated document of 1,000,000 characters with 20,000 overlapping
 * annotations (CRLF, Hangul, emoji; see generate.ts), tagged one word at a
 * time, each tag timed until its promise says it is on disk:
 *
 *   Parley        the app's addAnnotations handler on a real store: one
 *                 fsynced journal record per save, compaction in the background
 *                 (the run is long enough for the journal to pass its 1 MB
 *                 limit, so compactions happen during it and count)
 *   lowdb         lowdb's default writer (JSONFile over steno) holding the same
 *                 document file: the whole file written to a temporary file and
 *                 renamed, without fsync, so not durable
 *   whole file    the same document written the way Parley saved before the
 *                 journal: whole, fsynced and renamed (DurableJsonFile)
 *
 * All three run in the same process, one after the other, on the same disk.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { createAnnotation, sortAnnotations } from '../annotations/annotation';
import { createDocument } from '../annotations/document';
import { OWN_LAYER_ID, type Annotation, type CorpusDocument } from '../annotations/model';
import { createHandlers } from '../electron/main/handlers/create-handlers';
import { openAppStore } from '../electron/node/open-app-store';
import { DurableJsonFile } from '../electron/node/store/durable-file-adapter';
import { newDocumentFile } from '../electron/node/store/document-state';
import { stringifyReusing } from '../electron/node/store/reusing-json';
import { documentFileSchema, STORE_SCHEMA_VERSION, type DocumentFile } from '../electron/node/store/store-schemas';
import { generateSpans, generateText, TAG_LABEL } from './generate';

/** The target: tag to disk, p95, at 20,000 annotations. */
export const SAVE_TARGET_P95_MS = 30;
const CHARS = 1_000_000;
const ANNOTATIONS = 20_000;
const AUTHOR = 'bench';

/** Timings of one writer. */
export interface SaveStats {
  name: string;
  p50: number;
  p95: number;
  max: number;
  tags: number;
  /** What else was seen (record size, compactions, file size). */
  details: string;
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function stats(name: string, times: readonly number[], details: string): SaveStats {
  const r = (v: number) => Math.round(v * 10) / 10;
  return { name, p50: r(quantile(times, 0.5)), p95: r(quantile(times, 0.95)), max: r(Math.max(...times)), tags: times.length, details };
}

/** Word-aligned spans to tag, in order, none of them already tagged `date`. */
function tagSpans(text: string, count: number): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  const word = /[A-Za-z]{5,}/g;
  const step = Math.floor(text.length / (count + 1));
  for (let i = 1; spans.length < count; i++) {
    word.lastIndex = (i * step) % text.length;
    const m = word.exec(text);
    if (m) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

function benchDocument(now: string): CorpusDocument {
  const text = generateText(CHARS, 1_000_020_000);
  const document = createDocument({ title: 'Save bench', source: 'bench', text, now });
  const annotations = generateSpans(text, ANNOTATIONS, 20_000).map((s) => {
    const made = createAnnotation(text, { documentId: document.id, start: s.start, end: s.end, labelId: s.labelId, author: AUTHOR, now });
    if (!made.ok) throw new Error(`bench span rejected: ${made.error.message}`);
    return made.value;
  });
  return { document, layers: [{ id: OWN_LAYER_ID, kind: 'own', author: AUTHOR, annotations: sortAnnotations(annotations) }], decisions: [] };
}

/** Parley: the app's tag handler on a real store; resolves once each tag is durable. */
async function parleyRow(doc: CorpusDocument, tags: number, log: (line: string) => void): Promise<SaveStats> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-bench-save-'));
  try {
    const opened = await openAppStore(dir, AUTHOR, { seedSamples: false });
    if (!opened.ok) throw new Error(opened.error.message);
    const { store, settings, incidents } = opened.value;
    const added = await store.addDocuments([doc]);
    if (!added.ok) throw new Error(added.error.message);
    const api = createHandlers({ store, settings, incidents, dialogs: { openFiles: async () => null, saveFile: async () => null }, version: 'bench', notify: () => undefined });
    const documentId = doc.document.id;
    const times: number[] = [];
    const spans = tagSpans(doc.document.text, tags + 5);
    for (const [i, span] of spans.entries()) {
      const t = performance.now();
      const saved = await api.addAnnotations({ documentId, spans: [{ ...span, labelId: TAG_LABEL.id }] });
      const ms = performance.now() - t;
      if (!saved.ok) throw new Error(saved.error.message);
      if (i >= 5) times.push(ms); // five warm-up tags
      if (i % 200 === 0) log(`  Parley: ${i} of ${spans.length} tags`);
    }
    await store.settle();
    const docs = path.join(dir, 'documents');
    const names = await readdir(docs);
    const journal = names.find((n) => n.endsWith('.journal'));
    const journalBytes = journal ? (await stat(path.join(docs, journal))).size : 0;
    const fileMb = (await stat(path.join(docs, names.find((n) => n.endsWith('.json'))!))).size / 2 ** 20;
    // Each compaction backs up the file it replaces; the first backup is the version the import wrote.
    const compactions = store.listBackups(documentId).length;
    await store.close();
    return stats('Parley (journal, fsynced)', times, `background compactions of the ${fileMb.toFixed(1)} MB file during the run: ${compactions}; ${journalBytes} bytes of journal left at the end`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The document file with one more `date` annotation, built the way a tag changes it. */
function withTag(file: DocumentFile, span: { start: number; end: number }, now: string): DocumentFile {
  const made = createAnnotation(file.document.text, { documentId: file.document.id, start: span.start, end: span.end, labelId: TAG_LABEL.id, author: AUTHOR, now });
  if (!made.ok) throw new Error(made.error.message);
  const layers = file.layers.map((l) => (l.id === OWN_LAYER_ID ? { ...l, annotations: sortAnnotations([...l.annotations, made.value]) as Annotation[] } : l));
  return { ...file, layers, updatedAt: now };
}

/** A whole-file writer (lowdb's default, or Parley's before the journal) over the same document file. */
async function wholeFileRow(name: string, doc: CorpusDocument, tags: number, adapter: (file: string) => ConstructorParameters<typeof Low<DocumentFile>>[0], details: string): Promise<SaveStats> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-bench-save-'));
  try {
    const now = new Date().toISOString();
    const file = path.join(dir, 'document.json');
    const db = new Low<DocumentFile>(adapter(file), newDocumentFile(doc, 0, now));
    await db.write();
    const times: number[] = [];
    for (const [i, span] of tagSpans(doc.document.text, tags + 2).entries()) {
      const t = performance.now();
      db.data = withTag(db.data, span, new Date().toISOString());
      await db.write();
      const ms = performance.now() - t;
      if (i >= 2) times.push(ms);
    }
    const mb = (await stat(file)).size / 2 ** 20;
    return stats(name, times, `${details}; ${mb.toFixed(1)} MB file`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs the three writers; `quick` tags fewer times (the Parley run then stays under the compaction size). */
export async function runSaveBench(quick: boolean, log: (line: string) => void): Promise<SaveStats[]> {
  const doc = benchDocument(new Date().toISOString());
  const parley = await parleyRow(doc, quick ? 200 : 1_200, log);
  log('  lowdb default writer…');
  const steno = await wholeFileRow('lowdb default writer (steno, no fsync)', doc, quick ? 20 : 60, (file) => new JSONFile<DocumentFile>(file), 'temporary file and rename, never fsynced');
  log('  whole file, fsynced…');
  const whole = await wholeFileRow('whole file, fsynced (Parley before the journal)', doc, quick ? 20 : 60, (file) => new DurableJsonFile(file, documentFileSchema, STORE_SCHEMA_VERSION, stringifyReusing), 'what each save cost before the journal');
  return [parley, steno, whole];
}

/** The printed table. */
export function saveTable(rows: readonly SaveStats[]): string {
  const pad = (s: string, n: number) => s.padEnd(n);
  const num = (v: number) => `${v.toFixed(1)} ms`.padStart(10);
  const lines = [
    `${pad('Tag to disk at 20,000 annotations (1M characters)', 52)}${'p50'.padStart(10)}${'p95'.padStart(10)}${'max'.padStart(10)}  tags`,
    ...rows.map((r) => `${pad(r.name, 52)}${num(r.p50)}${num(r.p95)}${num(r.max)}  ${r.tags}`),
    `Target: Parley p95 under ${SAVE_TARGET_P95_MS} ms — ${rows[0]!.p95 < SAVE_TARGET_P95_MS ? 'met' : 'NOT met'}; p95 ${(rows[1]!.p95 / rows[0]!.p95).toFixed(1)}× lower than lowdb's default writer, which does not fsync.`,
  ];
  return lines.join('\n');
}
