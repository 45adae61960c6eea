import { readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OWN_LAYER_ID } from '../../../annotations/model';
import { ParleyStore } from './parley-store';
import { makeAnnotation, makeDocument, makeTempDir, removeTempDir } from './test-support/store-fixtures';

let dir: string;

beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await removeTempDir(dir);
});

async function open(options: Parameters<typeof ParleyStore.open>[1] = {}) {
  const opened = await ParleyStore.open(dir, { onWarning: () => undefined, ...options });
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

/** A store with two documents; doc_a's file went through two versions (each save compacted into it), so it has a backup with one annotation. */
async function seed(): Promise<void> {
  const { store } = await open({ compaction: { bytes: 0 } });
  const a = makeDocument('doc_a');
  await store.addDocuments([a, makeDocument('doc_b')]);
  await store.changeAnnotations('doc_a', OWN_LAYER_ID, { removed: [], added: [makeAnnotation(a, 0, 5, 'actor', 'ann_1')] }, 'one');
  await store.settle();
  await store.changeAnnotations('doc_a', OWN_LAYER_ID, { removed: [], added: [makeAnnotation(a, 10, 20, 'date', 'ann_2')] }, 'two');
  await store.close();
}

const damage: Record<string, (file: string) => Promise<void>> = {
  truncated: async (file) => truncate(file, Math.floor((await stat(file)).size / 2)),
  'zero-length': async (file) => truncate(file, 0),
  garbage: async (file) => writeFile(file, Buffer.from([0xff, 0xfe, 0x00, 0x13, 0x37, 0xc3, 0x28, 0x9f])),
  'wrong schema': async (file) => writeFile(file, JSON.stringify({ schemaVersion: 1, documents: 'none', layers: 7 })),
};

describe('opening a store with damaged files', () => {
  for (const [kind, spoil] of Object.entries(damage)) {
    it(`moves a ${kind} document file aside and restores its last good version`, async () => {
      await seed();
      const file = path.join(dir, 'documents', 'doc_a.json');
      await spoil(file);
      const spoiled = await readFile(file);
      const { store, incidents } = await open();
      expect(incidents).toHaveLength(1);
      const [incident] = incidents;
      expect(incident!.file).toBe(file);
      expect(incident!.movedTo).toContain(`${path.sep}damaged${path.sep}`);
      expect(incident!.restoredFrom).toContain(`${path.sep}backups${path.sep}`);
      expect(incident!.problem.length).toBeGreaterThan(0);
      // The damaged bytes are kept exactly as they were.
      expect(await readFile(incident!.movedTo)).toEqual(spoiled);
      // The newest backup is the version before the last write: one annotation.
      const view = store.getDocument('doc_a');
      expect(view.ok && view.value.layers[0]!.annotations.map((a) => a.id)).toEqual(['ann_1']);
      expect(store.listDocuments().map((d) => d.id)).toEqual(['doc_a', 'doc_b']);
      await store.close();
      const again = await open();
      expect(again.incidents).toEqual([]);
      await again.store.close();
    });

    it(`moves a ${kind} library.json aside and restores the index from a backup`, async () => {
      await seed();
      const file = path.join(dir, 'library.json');
      await spoil(file);
      const { store, incidents } = await open();
      expect(incidents).toHaveLength(1);
      expect(incidents[0]).toMatchObject({ file });
      expect(incidents[0]!.restoredFrom).not.toBeNull();
      expect(await readdir(path.join(dir, 'damaged'))).toHaveLength(1);
      expect(store.listDocuments().map((d) => d.id).sort()).toEqual(['doc_a', 'doc_b']);
      const view = store.getDocument('doc_a');
      expect(view.ok && view.value.layers[0]!.annotations).toHaveLength(2);
      await store.close();
    });
  }

  it('reports a document that has no backup and drops it from the library, keeping the damaged file', async () => {
    await seed();
    const file = path.join(dir, 'documents', 'doc_b.json');
    await writeFile(file, '{"schemaVersion": 1, "docu');
    const { store, incidents } = await open();
    expect(incidents).toEqual([{ file, movedTo: expect.stringContaining('damaged') as string, problem: expect.stringContaining('JSON') as string, restoredFrom: null }]);
    expect(store.listDocuments().map((d) => d.id)).toEqual(['doc_a']);
    expect(await readFile(incidents[0]!.movedTo, 'utf8')).toBe('{"schemaVersion": 1, "docu');
    await store.close();
  });

  it('rebuilds the index from the document files when library.json and its backups are gone', async () => {
    await seed();
    await writeFile(path.join(dir, 'library.json'), '');
    await rm(path.join(dir, 'backups', 'library'), { recursive: true });
    const { store, incidents } = await open();
    expect(incidents).toHaveLength(1);
    expect(incidents[0]!.restoredFrom).toBeNull();
    expect(store.listDocuments().map((d) => d.id).sort()).toEqual(['doc_a', 'doc_b']);
    await store.close();
  });

  it('refuses to open a store written by a newer version, and leaves its files alone', async () => {
    await seed();
    const file = path.join(dir, 'library.json');
    const library = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({ ...library, schemaVersion: 99 }));
    const opened = await ParleyStore.open(dir);
    expect(!opened.ok && opened.error.code).toBe('store-corrupt');
    expect(!opened.ok && opened.error.message).toContain('newer version');
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ schemaVersion: 99 });
    // The lock was released: once the file is fixed, the store opens.
    await writeFile(file, JSON.stringify(library));
    const { store } = await open();
    await store.close();
  });

  it('sets aside a document file the index does not list (an interrupted import) and removes temp files', async () => {
    await seed();
    const stray = makeDocument('doc_stray');
    const content = JSON.parse(await readFile(path.join(dir, 'documents', 'doc_b.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(path.join(dir, 'documents', 'doc_stray.json'), JSON.stringify({ ...content, document: stray.document }));
    await writeFile(path.join(dir, 'documents', '.doc_a.json.123-abc.parley-tmp'), '{"half');
    const { store, incidents } = await open();
    expect(incidents).toEqual([]);
    expect(store.listDocuments().map((d) => d.id)).toEqual(['doc_a', 'doc_b']);
    expect((await readdir(path.join(dir, 'documents'))).sort()).toEqual(['doc_a.json', 'doc_b.json']);
    expect(store.listBackups('doc_stray')).toHaveLength(1);
    await store.close();
  });
});
