import { cp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RELATION_TYPES } from '../../../annotations/labels';
import { ParleyStore } from './parley-store';
import { makeTempDir, removeTempDir } from './test-support/store-fixtures';

const FIXTURE = path.join(__dirname, 'test-fixtures', 'v1-store');
const NOW = '2026-12-01T10:00:00.000Z';

interface V1DocumentFile {
  schemaVersion: number;
  document: Record<string, unknown>;
  layers: Array<{ id: string; annotations: unknown[] }>;
  decisions: unknown[];
  history: { undo: unknown[]; redo: unknown[] };
  labelsRevision: number;
}

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await removeTempDir(dir);
});

/** A copy of the version-1 fixture store in a temporary folder. */
async function v1Store(): Promise<string> {
  const dir = await makeTempDir('parley-v1-');
  dirs.push(dir);
  await cp(FIXTURE, dir, { recursive: true, filter: (src) => !src.endsWith('README.md') });
  return dir;
}

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

async function open(dir: string) {
  const opened = await ParleyStore.open(dir, { now: () => NOW, onWarning: () => undefined });
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

describe('a store written by version 1', () => {
  it('opens with every document, layer, annotation, decision, history step and label as it was', async () => {
    const dir = await v1Store();
    const before = await readJson<{ labels: { labels: Array<Record<string, unknown>> }; documents: unknown[] }>(path.join(dir, 'library.json'));
    const names = (await readdir(path.join(dir, 'documents'))).sort();
    const files = new Map<string, V1DocumentFile>();
    for (const name of names) files.set(name, await readJson<V1DocumentFile>(path.join(dir, 'documents', name)));
    expect(files.size).toBe(3);

    const { store, incidents } = await open(dir);
    expect(incidents).toEqual([]);
    // Labels: every field of every label, in order; the two default ones that take attributes gain them.
    const labels = store.getLabels();
    expect(labels.labels.map(({ attributes: _a, ...l }) => l)).toEqual(before.labels.labels);
    expect(labels.labels.find((l) => l.id === 'position')!.attributes!.map((a) => a.id)).toEqual(['stance']);
    expect(labels.labels.find((l) => l.id === 'date')!.attributes!.map((a) => a.id)).toEqual(['value']);
    expect(labels.labels.find((l) => l.id === 'sanction')!.attributes).toBeUndefined();
    expect(labels.relationTypes).toEqual(DEFAULT_RELATION_TYPES);
    expect(store.listDocuments().map((d) => d.id)).toEqual(['doc_v1_0', 'doc_v1_1', 'doc_v1_2']);
    for (const old of files.values()) {
      const view = store.getDocument(old.document['id'] as string);
      if (!view.ok) throw new Error(view.error.message);
      expect(view.value.document).toEqual(old.document);
      expect(view.value.layers).toEqual(old.layers);
      expect(view.value.decisions).toEqual(old.decisions);
    }
    await store.close();

    // On disk: the current version, the same content, and history steps kept one for one.
    for (const [name, old] of files) {
      const now = await readJson<V1DocumentFile>(path.join(dir, 'documents', name));
      expect(now.schemaVersion).toBe(2);
      expect({ ...now, schemaVersion: 1 }).toEqual(old);
    }
    const library = await readJson<{ schemaVersion: number; entities: unknown[]; documents: unknown[] }>(path.join(dir, 'library.json'));
    expect(library).toMatchObject({ schemaVersion: 2, entities: [], documents: before.documents });
  });

  it('keeps each version-1 file byte for byte among the backups, restorable', async () => {
    const dir = await v1Store();
    const original = new Map<string, string>();
    for (const name of await readdir(path.join(dir, 'documents'))) original.set(name, await readFile(path.join(dir, 'documents', name), 'utf8'));
    const libraryBytes = await readFile(path.join(dir, 'library.json'), 'utf8');
    const { store } = await open(dir);
    for (const [name, text] of original) {
      const stem = name.slice(0, -'.json'.length);
      const backups = await readdir(path.join(dir, 'backups', 'documents', stem));
      const contents = await Promise.all(backups.map((b) => readFile(path.join(dir, 'backups', 'documents', stem, b), 'utf8')));
      expect(contents).toContain(text);
    }
    const libraryBackups = await readdir(path.join(dir, 'backups', 'library'));
    expect(await Promise.all(libraryBackups.map((b) => readFile(path.join(dir, 'backups', 'library', b), 'utf8')))).toContain(libraryBytes);
    // Restoring the version-1 backup of a document brings it back, upgraded, with its tags.
    const entry = store.listBackups('doc_v1_0').find((b) => b.annotationCount === 5);
    expect(entry).toBeDefined();
    const restored = await store.restoreBackup(entry!.id);
    expect(restored.ok && restored.value.annotationCount).toBe(5);
    await store.close();
  });

  it('goes on working: undo and redo replay the version-1 history, and opening again backs up nothing more', async () => {
    const dir = await v1Store();
    const first = await open(dir);
    const doc = first.store.getDocument('doc_v1_0');
    if (!doc.ok) throw new Error(doc.error.message);
    expect(doc.value.undoLabel).toBe('Edit note');
    expect(doc.value.redoLabel).toBe('Tag sanction');
    const redone = await first.store.redo('doc_v1_0');
    expect(redone.ok && redone.value.added.map((a) => a.labelId)).toEqual(['sanction']);
    const undone = await first.store.undo('doc_v1_0');
    expect(undone.ok && undone.value.removed.map((a) => a.quote.exact)).toEqual(['Washington']);
    await first.store.close();
    const count = async () => (await readdir(path.join(dir, 'backups', 'library'))).length;
    const libraryBackups = await count();
    const second = await open(dir);
    await second.store.close();
    expect(await count()).toBe(libraryBackups);
  });

  it('an index of version 1 whose labels lack the ends of a relation type gets only the types that fit', async () => {
    const dir = await v1Store();
    const file = path.join(dir, 'library.json');
    const library = await readJson<{ labels: { labels: Array<{ id: string }> } }>(file);
    library.labels.labels = library.labels.labels.filter((l) => l.id !== 'date' && l.id !== 'policy-body');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, JSON.stringify(library));
    const { store } = await open(dir);
    // Labels the documents use but the index lost come back (as before); the relation types are those whose ends existed.
    expect(store.getLabels().relationTypes?.map((t) => [t.id, t.to])).toEqual([
      ['holds', ['position']],
      ['toward', ['actor']],
    ]);
    await store.close();
  });
});
