/**
 * A document file whose exact bytes passed every check is only parsed on the
 * next open; any other file, and every file when the cache is missing,
 * damaged or written for other checks, is checked in full as before.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OWN_LAYER_ID } from '../../../annotations/model';
import { bytesDigest, cacheText, CHECKED_FILES, checksFingerprint, DOCUMENT_FILE_SCHEMA_DIGEST, documentSchemaDigest, parseCacheText, type CheckedFilesCache } from './checked-files';
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

async function open() {
  const opened = await ParleyStore.open(dir, { onWarning: () => undefined });
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

const TEXT = '통일부 met the envoy in Seoul.\r\nBoth sides 🇰🇷🇺🇸 agreed on 3 May 2023.';
const docFile = (stem: string) => path.join(dir, 'documents', `${stem}.json`);
const cacheFile = () => path.join(dir, CHECKED_FILES);
const readCache = async (): Promise<CheckedFilesCache> => {
  const cache = parseCacheText(await readFile(cacheFile(), 'utf8'));
  if (!cache) throw new Error('the cache file is not a sealed cache');
  return cache;
};
const writeCache = (cache: CheckedFilesCache) => writeFile(cacheFile(), cacheText(cache));
/** The digest recorded for each file stem. */
const digests = (cache: CheckedFilesCache) => Object.fromEntries(Object.entries(cache.files).map(([stem, f]) => [stem, f.sha256]));

async function seed(): Promise<void> {
  const { store } = await open();
  const a = makeDocument('doc_a', TEXT);
  await store.addDocuments([a, makeDocument('doc_b')]);
  await store.changeAnnotations('doc_a', OWN_LAYER_ID, { removed: [], added: [makeAnnotation(a, 0, 3, 'policy-body', 'ann_unif')] }, 'tag');
  await store.close();
}

/** Writes a version of doc_a whose annotation no longer quotes the text: valid JSON and schema, failing the file's own checks. */
async function breakQuote(): Promise<Buffer> {
  const file = JSON.parse(await readFile(docFile('doc_a'), 'utf8')) as DocumentFile;
  const own = file.layers.find((l) => l.id === OWN_LAYER_ID)!;
  own.annotations = own.annotations.map((a) => ({ ...a, quote: { ...a.quote, exact: 'Pyongyang' } }));
  const bytes = Buffer.from(JSON.stringify(file));
  await writeFile(docFile('doc_a'), bytes);
  return bytes;
}

describe('checked files', () => {
  it('knows the document schema it was written for: update DOCUMENT_FILE_SCHEMA_DIGEST when the schema changes', () => {
    expect(DOCUMENT_FILE_SCHEMA_DIGEST).toBe(documentSchemaDigest());
  });

  it('records every document file that passed its checks, by the digest of its bytes', async () => {
    await seed();
    const { store } = await open();
    await store.close();
    const cache = await readCache();
    expect(cache.checks).toBe(checksFingerprint());
    expect(digests(cache)).toEqual({
      doc_a: bytesDigest(await readFile(docFile('doc_a'))),
      doc_b: bytesDigest(await readFile(docFile('doc_b'))),
    });
    // With the document each holds and its library row, so the library is listed before any file is parsed.
    expect(cache.files['doc_a']).toMatchObject({ id: 'doc_a', row: { id: 'doc_a', annotationCount: 1, countsByLabel: { 'policy-body': 1 } } });
  });

  it('gives the same documents whether a file is checked or only parsed (CRLF, Hangul, emoji)', async () => {
    await seed();
    const first = await open();
    const checked = [first.store.getDocument('doc_a'), first.store.getDocument('doc_b')];
    await first.store.close();
    const second = await open();
    expect([second.store.getDocument('doc_a'), second.store.getDocument('doc_b')]).toEqual(checked);
    expect(second.store.getDocument('doc_a').ok && second.store.getDocument('doc_a')).toMatchObject({ value: { document: { text: TEXT } } });
    await second.store.close();
  });

  it('checks a file in full when its bytes changed, and finds the damage', async () => {
    await seed();
    await (await open()).store.close();
    await breakQuote();
    const { store, incidents } = await open();
    expect(incidents.map((i) => i.file)).toEqual([docFile('doc_a')]);
    const view = store.getDocument('doc_a');
    // Whatever the repair could restore, the broken quote is never served.
    expect(view.ok && view.value.layers.flatMap((l) => l.annotations).filter((a) => a.quote.exact === 'Pyongyang')).toEqual([]);
    await store.close();
  });

  it('trusts a file only under the checks it was recorded for', async () => {
    await seed();
    await (await open()).store.close();
    const bytes = await breakQuote();
    // A cache claiming the broken bytes passed, but under other checks: ignored, so the damage is found.
    const claim = async (checks: string) => {
      const cache = await readCache();
      await writeCache({ checks, files: { doc_a: { ...cache.files['doc_a']!, sha256: bytesDigest(await readFile(docFile('doc_a'))) } } });
    };
    void bytes;
    await claim('other checks');
    const reopened = await open();
    expect(reopened.incidents.map((i) => i.file)).toEqual([docFile('doc_a')]);
    await reopened.store.close();
    // The same claim under the current checks is believed: the cache is what spares the checks.
    await (await open()).store.close();
    await breakQuote();
    await claim(checksFingerprint());
    const trusting = await open();
    expect(trusting.incidents).toEqual([]);
    await trusting.store.close();
  });

  /** A cache claiming that doc_a's current (broken) bytes passed, sealed and then changed by `change`. */
  const claimed = async (change: (text: string) => string) => {
    const cache = await readCache();
    const sealed = cacheText({ checks: checksFingerprint(), files: { ...cache.files, doc_a: { ...cache.files['doc_a']!, sha256: bytesDigest(await readFile(docFile('doc_a'))) } } });
    return change(sealed);
  };
  for (const [name, content] of [
    ['damaged', async () => '{"checks": "2/1/'],
    ['not JSON at all', async () => '\u0000\u0001'],
    ['of the wrong shape', async () => '{"checks": 3, "files": []}'],
    ['cut off after its seal', () => claimed((text) => text.slice(0, -10))],
    ['changed after it was sealed', () => claimed((text) => text.replace('"annotationCount":1', '"annotationCount":7'))],
    ['sealed by another digest', () => claimed((text) => text.replace(/"sha256":"[0-9a-f]{64}"\}/, `"sha256":"${'0'.repeat(64)}"}`))],
    ['in the unsealed form of earlier versions', () => claimed((text) => JSON.stringify({ checks: checksFingerprint(), files: JSON.parse(text.slice(text.indexOf('\n') + 1)) }))],
  ] as const) {
    it(`opens the store and checks every file when the cache is ${name}`, async () => {
      await seed();
      await (await open()).store.close();
      await breakQuote();
      await writeFile(cacheFile(), await content());
      const { store, incidents } = await open();
      expect(incidents.map((i) => i.file)).toEqual([docFile('doc_a')]);
      await store.close();
      // The cache is written anew; the repaired file is not in it until an open has checked it as written.
      expect(Object.keys((await readCache()).files)).toEqual(['doc_b']);
    });
  }

  it('believes a sealed claim under the current checks: the claims above fail by their change alone', async () => {
    await seed();
    await (await open()).store.close();
    await breakQuote();
    await writeFile(cacheFile(), await claimed((text) => text));
    const { store, incidents } = await open();
    expect(incidents).toEqual([]);
    await store.close();
  });

  it('rewrites the cache only when what it records changed', async () => {
    await seed();
    await (await open()).store.close();
    const written = await stat(cacheFile());
    await (await open()).store.close();
    // Written through a new file renamed over the old: the same inode means it was left alone.
    expect((await stat(cacheFile())).ino).toBe(written.ino);
    const first = await open();
    const a = makeDocument('doc_a', TEXT);
    await first.store.changeAnnotations('doc_a', OWN_LAYER_ID, { removed: [], added: [makeAnnotation(a, 4, 7, 'actor', 'ann_met')] }, 'tag');
    await first.store.close();
    await (await open()).store.close();
    expect((await stat(cacheFile())).ino).not.toBe(written.ino);
    expect(digests(await readCache())['doc_a']).toBe(bytesDigest(await readFile(docFile('doc_a'))));
  });

  it('does not record a file that parsing alone would read differently (a field the schema drops, or spaces)', async () => {
    await seed();
    await (await open()).store.close();
    expect(Object.keys((await readCache()).files).sort()).toEqual(['doc_a', 'doc_b']);
    const file = JSON.parse(await readFile(docFile('doc_a'), 'utf8')) as DocumentFile & { note?: string };
    await writeFile(docFile('doc_a'), JSON.stringify({ ...file, note: 'a field the schema does not know' }));
    await writeFile(docFile('doc_b'), JSON.stringify(JSON.parse(await readFile(docFile('doc_b'), 'utf8')), null, 2));
    const { store } = await open();
    expect(store.getDocument('doc_a').ok).toBe(true);
    await store.close();
    expect((await readCache()).files).toEqual({});
  });

  it('lists the library from the rows kept with checked files, and parses a document when it is used', async () => {
    await seed();
    await (await open()).store.close();
    const cache = await readCache();
    cache.files['doc_b']!.row = { ...cache.files['doc_b']!.row, title: 'The row kept for doc_b' };
    await writeCache(cache);
    const { store } = await open();
    expect(store.listDocuments().map((d) => d.title)).toEqual(['Document doc_a', 'The row kept for doc_b']);
    const view = store.getDocument('doc_b');
    expect(view.ok && view.value.document.title).toBe('Document doc_b');
    // Once parsed, the row is the document's own.
    expect(store.listDocuments().map((d) => d.title)).toEqual(['Document doc_a', 'Document doc_b']);
    await store.close();
  });

  it('saves a document that was parsed when used, and leaves unused files as they were', async () => {
    await seed();
    await (await open()).store.close();
    const before = await readFile(docFile('doc_b'));
    const first = await open();
    const added = makeAnnotation(makeDocument('doc_a', TEXT), 4, 7, 'actor', 'ann_met');
    expect((await first.store.changeAnnotations('doc_a', OWN_LAYER_ID, { removed: [], added: [added] }, 'tag')).ok).toBe(true);
    await first.store.close();
    expect(await readFile(docFile('doc_b'))).toEqual(before);
    const second = await open();
    const reread = second.store.getDocument('doc_a');
    expect(reread.ok && reread.value.layers.find((l) => l.id === OWN_LAYER_ID)!.annotations.map((x) => x.quote.exact)).toEqual(['통일부', 'met']);
    expect(second.store.listDocuments().find((d) => d.id === 'doc_a')).toMatchObject({ annotationCount: 2 });
    await second.store.close();
  });

  it('deletes a document never parsed in this session', async () => {
    await seed();
    await (await open()).store.close();
    const first = await open();
    expect((await first.store.deleteDocument('doc_b')).ok).toBe(true);
    expect(first.store.listDocuments().map((d) => d.id)).toEqual(['doc_a']);
    await first.store.close();
    const second = await open();
    expect(second.store.listDocuments().map((d) => d.id)).toEqual(['doc_a']);
    expect(second.store.getDocument('doc_b').ok).toBe(false);
    await second.store.close();
  });
});
