/**
 * The journal on disk: what a save writes, what the next open does with each
 * kind of leftover (a record cut short, a damaged record before good ones, a
 * compaction interrupted), and that a compaction loses no save made while it
 * runs. Real files in a temporary store; damage is done to the bytes.
 */
import { appendFile, readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OWN_LAYER_ID, type CorpusDocument } from '../../../annotations/model';
import { describeIncident } from '../incident-text';
import { CUT_SHORT, encodeRecord, readJournal } from './document-journal';
import { ParleyStore, type StoreOptions } from './parley-store';
import { readStoredDocument } from './replay-journal';
import { makeAnnotation, makeDocument, makeTempDir, removeTempDir } from './test-support/store-fixtures';

let dir: string;
let open: ParleyStore[] = [];
beforeEach(async () => {
  dir = await makeTempDir('parley-journal-');
  open = [];
});
afterEach(async () => {
  for (const store of open) await store.close();
  await removeTempDir(dir);
});

// CRLF, Hangul and emoji, so offsets and UTF-8 lengths in records are exercised.
const TEXT = 'Sung Kim met Noh Kyu-duk in Seoul.\r\n통일부 welcomed the talks 🇰🇷 on 22 June 2021, and 北 said nothing.\r\n';
const docFile = () => path.join(dir, 'documents', 'doc_a.json');
const journal = () => path.join(dir, 'documents', 'doc_a.journal');

async function openStore(options: StoreOptions = {}) {
  const opened = await ParleyStore.open(dir, { onWarning: (m) => expect.fail(`unexpected warning: ${m}`), ...options });
  if (!opened.ok) throw new Error(opened.error.message);
  open.push(opened.value.store);
  return opened.value;
}

/** Leaves the store as a killed process would: its files as they are, the lock released so the next open may run. */
async function abandon(store: ParleyStore): Promise<void> {
  await store.settle();
  open = open.filter((s) => s !== store);
  await (store as unknown as { lock: { release(): Promise<void> } }).lock.release();
}

/** doc_a with `count` tags saved one after another (ids ann_0…), never compacted. */
async function tagged(count: number, options: StoreOptions = {}): Promise<{ store: ParleyStore; doc: CorpusDocument }> {
  const { store } = await openStore({ compaction: { bytes: Number.MAX_SAFE_INTEGER, idleMs: 0 }, ...options });
  const doc = makeDocument('doc_a', TEXT);
  await store.addDocuments([doc]);
  const spans: Array<[number, number]> = [[0, 8], [13, 24], [36, 39], [59, 61], [65, 77], [83, 84]];
  for (let i = 0; i < count; i++) {
    const [start, end] = spans[i % spans.length]!;
    const saved = await store.changeAnnotations('doc_a', OWN_LAYER_ID, { removed: [], added: [makeAnnotation(doc, start, end, 'actor', `ann_${i}`)] }, `tag ${i}`);
    expect(saved.ok).toBe(true);
  }
  return { store, doc };
}

const ownIds = (store: ParleyStore) => {
  const view = store.getDocument('doc_a');
  return view.ok ? view.value.layers.find((l) => l.id === OWN_LAYER_ID)!.annotations.map((a) => a.id).sort() : null;
};

/** Byte offsets at which each line of a file starts. */
async function lineStarts(file: string): Promise<number[]> {
  const bytes = await readFile(file);
  const starts = [0];
  for (let i = 0; i < bytes.length - 1; i++) if (bytes[i] === 0x0a) starts.push(i + 1);
  return starts;
}

describe('document journal', () => {
  it('saves a tag as one small checksummed line, whatever the document size', async () => {
    const { store } = await tagged(3);
    const lines = (await readFile(journal(), 'utf8')).split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((l) => JSON.parse(l.slice(9)).seq as number)).toEqual([1, 2, 3]);
    for (const l of lines.slice(0, -1)) expect(l).toMatch(/^[0-9a-f]{8} \{"seq":\d+,"ops":\[/);
    // Each record holds the change (annotation, undo step, time), not the document.
    expect((await stat(journal())).size / 3).toBeLessThan(2_000);
    expect((await readStoredDocument(docFile())).layers[0]!.annotations.map((a) => a.id)).toEqual(['ann_0', 'ann_1', 'ann_2']);
    expect(ownIds(store)).toEqual(['ann_0', 'ann_1', 'ann_2']);
  });

  it('applies a journal left by a killed process at the next open, and writes it into the file', async () => {
    const { store } = await tagged(4);
    await abandon(store);
    const { store: again, incidents } = await openStore();
    expect(incidents).toEqual([]);
    expect(ownIds(again)).toEqual(['ann_0', 'ann_1', 'ann_2', 'ann_3']);
    expect(await readdir(path.join(dir, 'documents'))).toEqual(['doc_a.json']);
    const file = JSON.parse(await readFile(docFile(), 'utf8')) as { journalSeq: number; layers: Array<{ annotations: unknown[] }> };
    expect(file.journalSeq).toBe(4);
    expect(file.layers[0]!.annotations).toHaveLength(4);
    // Undo and redo go on from where the killed process left them.
    expect((await again.undo('doc_a')).ok).toBe(true);
    expect(ownIds(again)).toEqual(['ann_0', 'ann_1', 'ann_2']);
  });

  it('ignores a last record cut short (a save never acknowledged), without an incident', async () => {
    const { store } = await tagged(3);
    await abandon(store);
    const starts = await lineStarts(journal());
    await truncate(journal(), starts[2]! + 20);
    expect(readJournal([{ file: journal(), bytes: await readFile(journal()) }], 0).torn.map((t) => t.problem)).toEqual([CUT_SHORT]);
    const { store: again, incidents } = await openStore();
    expect(incidents).toEqual([]);
    expect(ownIds(again)).toEqual(['ann_0', 'ann_1']);
  });

  it('reports a complete last record that fails its checksum, keeping the journal in damaged/', async () => {
    const { store } = await tagged(3);
    await abandon(store);
    const bytes = await readFile(journal());
    const starts = await lineStarts(journal());
    bytes[starts[2]! + 40] ^= 0x01;
    await writeFile(journal(), bytes);
    const { store: again, incidents } = await openStore();
    expect(incidents).toHaveLength(1);
    expect(incidents[0]!.problem).toMatch(/last journal record .* is damaged: its checksum does not match/);
    expect(await readFile(incidents[0]!.movedTo)).toEqual(bytes);
    expect(ownIds(again)).toEqual(['ann_0', 'ann_1']);
  });

  it('reports a damaged record in the middle with the number of saved changes after it, and keeps them in damaged/', async () => {
    const { store } = await tagged(5);
    await abandon(store);
    const bytes = await readFile(journal());
    const starts = await lineStarts(journal());
    bytes[starts[1]! + 30] ^= 0x20;
    await writeFile(journal(), bytes);
    const { store: again, incidents } = await openStore();
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident!.problem).toBe('journal record 2 (at byte ' + starts[1] + ' of doc_a.journal) is damaged: its checksum does not match its content; 3 later saved changes were not applied');
    expect(incident!.details?.join(' ')).toContain('with the 1 saved changes before the damage applied');
    // Nothing is dropped silently: the whole journal, later records included, is kept as it was.
    expect(incident!.movedTo).toContain(`${path.sep}damaged${path.sep}`);
    expect(await readFile(incident!.movedTo)).toEqual(bytes);
    // The app and the command line say it in these words.
    expect(describeIncident(incident!)).toContain('3 later saved changes were not applied). The damaged file was moved to');
    // The document opens as it was before the damaged record, and can be edited again.
    expect(ownIds(again)).toEqual(['ann_0']);
    expect(await readdir(path.join(dir, 'documents'))).toEqual(['doc_a.json']);
  });

  it('reports a gap in the records (one lost whole) as damage, not a torn end', async () => {
    const { store } = await tagged(4);
    await abandon(store);
    const text = await readFile(journal(), 'utf8');
    const lines = text.split('\n');
    await writeFile(journal(), [lines[0], lines[2], lines[3], ''].join('\n'));
    const { store: again, incidents } = await openStore();
    expect(incidents.map((i) => i.problem)).toEqual(['journal record 2 is missing: record 2 is missing (the next one is 3); 2 later saved changes were not applied']);
    expect(ownIds(again)).toEqual(['ann_0']);
  });

  it('skips a failed append left behind when the save was retried under the same number', async () => {
    const { store } = await tagged(2);
    await abandon(store);
    const lines = (await readFile(journal(), 'utf8')).split('\n');
    // Record 2 written twice: first cut off mid-line by a failed write, then whole.
    await writeFile(journal(), `${lines[0]}\n${lines[1]!.slice(0, 30)}\n${lines[1]}\n`);
    const { store: again, incidents } = await openStore();
    expect(incidents).toEqual([]);
    expect(ownIds(again)).toEqual(['ann_0', 'ann_1']);
  });

  it('replays a compaction interrupted after the file was written: records already in it are skipped', async () => {
    const { store } = await tagged(3);
    await abandon(store);
    // As a killed compaction leaves it: the file holds records 1–2, the sealed journal 1–2, the live one 3.
    const lines = (await readFile(journal(), 'utf8')).split('\n');
    const state = await readStoredDocument(docFile());
    const two = { ...state, layers: state.layers.map((l) => ({ ...l, annotations: l.annotations.slice(0, 2) })) };
    await writeFile(docFile(), JSON.stringify({ ...two, history: { undo: state.history.undo.slice(0, 2), redo: [] }, journalSeq: 2 }));
    await writeFile(path.join(dir, 'documents', 'doc_a.journal-sealed'), `${lines[0]}\n${lines[1]}\n`);
    await writeFile(journal(), `${lines[2]}\n`);
    const { store: again, incidents } = await openStore();
    expect(incidents).toEqual([]);
    expect(ownIds(again)).toEqual(['ann_0', 'ann_1', 'ann_2']);
    expect(await readdir(path.join(dir, 'documents'))).toEqual(['doc_a.json']);
  });

  it('loses no save made while a compaction runs, in memory or on disk', async () => {
    const { store, doc } = await tagged(0, { compaction: { bytes: 0, idleMs: 0 } });
    // Every save starts a compaction; saves keep arriving without waiting for them.
    const saves = Array.from({ length: 60 }, (_, i) => store.changeAnnotations('doc_a', OWN_LAYER_ID, { removed: [], added: [makeAnnotation(doc, i % 30, (i % 30) + 1, 'date', `ann_${String(i).padStart(2, '0')}`)] }, `tag ${i}`));
    expect((await Promise.all(saves)).every((r) => r.ok)).toBe(true);
    const expected = Array.from({ length: 60 }, (_, i) => `ann_${String(i).padStart(2, '0')}`);
    expect(ownIds(store)).toEqual(expected);
    // What is on disk right now (file + journals) already holds every acknowledged save.
    expect((await readStoredDocument(docFile())).layers[0]!.annotations.map((a) => a.id).sort()).toEqual(expected);
    await abandon(store);
    const { store: again, incidents } = await openStore();
    expect(incidents).toEqual([]);
    expect(ownIds(again)).toEqual(expected);
  });

  it('backs up the replaced file at each compaction, so a restore finds the version before it', async () => {
    const { store } = await tagged(2);
    await store.close();
    open = open.filter((s) => s !== store);
    const { store: again } = await openStore();
    expect(again.listBackups('doc_a').map((b) => b.annotationCount)).toEqual([0]);
    expect(ownIds(again)).toEqual(['ann_0', 'ann_1']);
  });

  it('removes a journal left by a deletion that was interrupted after the file went', async () => {
    const { store } = await tagged(1);
    expect((await store.deleteDocument('doc_a')).ok).toBe(true);
    // The deletion removed everything; a journal left over (say the unlink failed) is not part of the library.
    await appendFile(journal(), encodeRecord({ seq: 9, ops: [] }));
    await store.close();
    open = open.filter((s) => s !== store);
    const { store: again, incidents } = await openStore();
    expect(incidents).toEqual([]);
    expect(again.isEmpty()).toBe(true);
    expect(await readdir(path.join(dir, 'documents'))).toEqual([]);
  });
});
