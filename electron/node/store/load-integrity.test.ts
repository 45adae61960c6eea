/**
 * Damage a file's own checks reveal — a text that no longer hashes to its
 * checksum, annotations that no longer quote the text — is an incident on
 * load, repaired from a backup or by re-anchoring, never passed on to an
 * export. A restored index keeps every label the annotations use.
 */
import { readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultLabelSchema } from '../../../annotations/labels';
import { OWN_LAYER_ID } from '../../../annotations/model';
import { describeIncident } from '../incident-text';
import { BACKUPS_DIR } from './backups';
import { ParleyStore } from './parley-store';
import type { DocumentFile } from './store-schemas';
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

const TEXT = 'Sung Kim met Noh Kyu-duk in Seoul.\r\n통일부 welcomed the talks 🇰🇷 on 22 June 2021.';
const docFile = () => path.join(dir, 'documents', 'doc_a.json');

/** doc_a with two tagged versions on disk (so a backup with the first tag exists): each save is compacted into the file. */
async function seed(): Promise<void> {
  const { store } = await open({ compaction: { bytes: 0 } });
  const doc = makeDocument('doc_a', TEXT);
  await store.addDocuments([doc, makeDocument('doc_b')]);
  await store.changeAnnotations('doc_a', OWN_LAYER_ID, { removed: [], added: [makeAnnotation(doc, 0, 8, 'actor', 'ann_kim')] }, 'one');
  await store.settle();
  await store.changeAnnotations('doc_a', OWN_LAYER_ID, { removed: [], added: [makeAnnotation(doc, 36, 39, 'policy-body', 'ann_mou')] }, 'two');
  await store.close();
}

async function editFile(edit: (file: DocumentFile) => void): Promise<void> {
  const file = JSON.parse(await readFile(docFile(), 'utf8')) as DocumentFile;
  edit(file);
  await writeFile(docFile(), JSON.stringify(file));
}

describe('checks on load', () => {
  for (const [name, tamper] of [
    ['one character of the text changed', (f: DocumentFile) => void (f.document.text = f.document.text.replace('Seoul', 'Seoal'))],
    ['the checksum changed', (f: DocumentFile) => void (f.document.sha256 = '0'.repeat(64))],
    ['a line ending changed', (f: DocumentFile) => void (f.document.text = f.document.text.replace('\r\n', '\n'))],
  ] as const) {
    it(`restores the last good version when ${name}, and the export holds the real text`, async () => {
      await seed();
      await editFile(tamper);
      const tampered = await readFile(docFile());
      const { store, incidents } = await open();
      expect(incidents).toHaveLength(1);
      expect(incidents[0]!.problem).toMatch(/sha256 does not match its text/);
      expect(await readFile(incidents[0]!.movedTo)).toEqual(tampered);
      expect(incidents[0]!.restoredFrom).toContain(BACKUPS_DIR);
      const exported = store.exportCorpus().documents.find((d) => d.document.id === 'doc_a')!;
      expect(exported.document.text).toBe(TEXT);
      expect(exported.layers[0]!.annotations.map((a) => a.id)).toEqual(['ann_kim']);
      await store.close();
    });
  }

  it('leaves a document whose text is damaged and has no good backup out of the library and the export', async () => {
    const { store } = await open();
    await store.addDocuments([makeDocument('doc_a', TEXT)]);
    await store.close();
    await editFile((f) => void (f.document.text = f.document.text.replace('Seoul', 'Tokyo')));
    const reopened = await open();
    expect(reopened.incidents).toMatchObject([{ restoredFrom: null }]);
    expect(reopened.store.exportCorpus().documents.map((d) => d.document.text)).not.toContain(TEXT.replace('Seoul', 'Tokyo'));
    expect(reopened.store.listDocuments()).toEqual([]);
    await reopened.store.close();
  });

  it('re-anchors annotations whose offsets moved in an intact text, keeping every one, and says so', async () => {
    await seed();
    await editFile((f) => {
      // Both annotations shifted by two UTF-16 units (the emoji flag is four).
      f.layers[0]!.annotations = f.layers[0]!.annotations.map((a) => ({ ...a, start: a.start + 2, end: a.end + 2 }));
    });
    const { store, incidents } = await open();
    expect(incidents).toHaveLength(1);
    expect(incidents[0]!.problem).toMatch(/quote does not match/);
    expect(incidents[0]!.restoredFrom).toBeNull();
    expect(describeIncident(incidents[0]!)).toMatch(/repaired in place.*2 found again by their quotes/);
    const view = store.getDocument('doc_a');
    if (!view.ok) throw new Error(view.error.message);
    expect(view.value.layers[0]!.annotations.map((a) => [a.id, TEXT.slice(a.start, a.end)])).toEqual([
      ['ann_kim', 'Sung Kim'],
      ['ann_mou', '통일부'],
    ]);
    await store.close();
    // The repair is on disk: the next open finds nothing wrong.
    const again = await open();
    expect(again.incidents).toEqual([]);
    await again.store.close();
  });

  it('restores the last good version when an annotation cannot be found again', async () => {
    await seed();
    await editFile((f) => {
      f.layers[0]!.annotations[1]!.quote.exact = 'Pyongyang';
    });
    const { store, incidents } = await open();
    expect(incidents[0]!.restoredFrom).toContain(BACKUPS_DIR);
    const view = store.getDocument('doc_a');
    expect(view.ok && view.value.layers[0]!.annotations.map((a) => a.id)).toEqual(['ann_kim']);
    await store.close();
  });
});

describe('restoring library.json', () => {
  const sanction = { id: 'sanction', name: 'Sanction', color: '#123456', shortcut: '5', description: 'A measure one side imposes' };

  /** A store whose newest library backup predates the label `sanction`, which an annotation uses. */
  async function seedWithNewLabel(): Promise<void> {
    const { store } = await open();
    const doc = makeDocument('doc_a', TEXT);
    await store.addDocuments([doc]);
    const labels = defaultLabelSchema();
    const saved = await store.saveLabels({ labels: [...labels.labels, sanction] });
    expect(saved.ok).toBe(true);
    await store.changeAnnotations('doc_a', OWN_LAYER_ID, { removed: [], added: [makeAnnotation(doc, 0, 8, 'sanction', 'ann_s'), makeAnnotation(doc, 13, 24, 'actor', 'ann_noh')] }, 'tag');
    await store.close();
    await truncate(path.join(dir, 'library.json'), 10);
  }

  it('recreates a label the restored index lacks from its id, and the incident says what was restored', async () => {
    await seedWithNewLabel();
    const { store, incidents } = await open();
    expect(incidents).toHaveLength(1);
    expect(incidents[0]!.restoredFrom).toContain(BACKUPS_DIR);
    expect(store.getLabels().labels.map((l) => l.id)).toEqual([...defaultLabelSchema().labels.map((l) => l.id), 'sanction']);
    expect(incidents[0]!.details?.join(' ')).toMatch(/put back: Sanction \(1 annotation; recreated from its id/);
    const view = store.getDocument('doc_a');
    expect(view.ok && view.value.layers[0]!.annotations.map((a) => a.labelId).sort()).toEqual(['actor', 'sanction']);
    await store.close();
  });

  it('takes the label’s definition from an older backup that has it', async () => {
    await seedWithNewLabel();
    // An older index snapshot that still defined the label (sequence 1: older than every other).
    const folder = path.join(dir, BACKUPS_DIR, 'library');
    const newest = (await readdir(folder)).sort().at(-1)!;
    const older = JSON.parse(await readFile(path.join(folder, newest), 'utf8'));
    older.labels.labels.push(sanction);
    await writeFile(path.join(folder, 's000000000001_2026-01-01T00-00-00.000Z_zzzz_n0.json'), JSON.stringify(older));
    const { store, incidents } = await open();
    expect(store.getLabels().labels.find((l) => l.id === 'sanction')).toEqual(sanction);
    expect(incidents[0]!.details?.join(' ')).toMatch(/Sanction \(1 annotation; definition from an older backup\)/);
    await store.close();
  });

  it('says every label is there when none was missing', async () => {
    const { store } = await open();
    await store.addDocuments([makeDocument('doc_a', TEXT)]);
    await store.addDocuments([makeDocument('doc_b')]);
    await store.close();
    await truncate(path.join(dir, 'library.json'), 3);
    const reopened = await open();
    expect(reopened.incidents[0]!.details).toEqual([`Every label the annotations use is in the restored index (${defaultLabelSchema().labels.length} labels).`]);
    await reopened.store.close();
  });
});
