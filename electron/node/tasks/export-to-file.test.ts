/**
 * Parley JSON written to a file by the app's writer (bytes made document by
 * document, slice by slice, into a temporary file renamed over the target):
 * the bytes are the command line's, and a failure or a cancel leaves the
 * target as it was and no temporary file beside it.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnnotation } from '../../../annotations/annotation';
import { createDocument } from '../../../annotations/document';
import { exportParleyJson } from '../../../annotations/formats/parley-json';
import { defaultLabelSchema } from '../../../annotations/labels';
import type { Annotation, Corpus, CorpusDocument } from '../../../annotations/model';
import { exportToFile } from './export-to-file';
import { TaskRegistry } from './task-registry';

const NOW = '2026-11-30T08:00:00.000Z';
const PARAGRAPH = 'The 통일부 delegation met Noh Kyu-duk 🇰🇷 on "22 June" 2021.\r\nSung Kim 👩🏽‍💼 answered \\ for the working group.\u2028\n';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'parley-export-file-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Documents of CRLF, Hangul and emoji prose with an annotation on every word, enough for many slices and steps. */
function corpusOf(documents: number, paragraphs: number): Corpus {
  const docs: CorpusDocument[] = [];
  for (let d = 0; d < documents; d++) {
    const text = `Document ${d}\r\n\r\n${PARAGRAPH.repeat(paragraphs)}`;
    const document = createDocument({ title: `Talks ${d} "round" 회담`, source: 'test', text, now: NOW });
    const annotations: Annotation[] = [];
    for (const word of text.matchAll(/[^\s]+/g)) {
      // Word boundaries never split a surrogate pair; a word ending in half an emoji is skipped.
      const made = createAnnotation(text, { documentId: document.id, start: word.index, end: word.index + word[0].length, labelId: annotations.length % 3 === 0 ? 'actor' : 'position', author: 'Min-ji', now: NOW });
      if (made.ok) annotations.push(made.value);
    }
    docs.push({ document, layers: [{ id: 'own', kind: 'own', author: 'Min-ji', annotations }], decisions: [] });
  }
  return { labels: defaultLabelSchema(), documents: docs };
}

const task = () => new TaskRegistry(() => undefined).begin('Exporting');

describe('exportToFile as Parley JSON', () => {
  it('writes the same bytes as the command line, over slices and steps, and leaves no temporary file', async () => {
    const corpus = corpusOf(12, 120);
    expect(corpus.documents[0]!.layers[0]!.annotations.length).toBeGreaterThan(1500);
    const target = path.join(dir, 'export.parley.json');
    await writeFile(target, 'an earlier export, replaced');
    const options = { layerIds: ['own'], now: NOW };
    const written = await exportToFile(null, { format: 'parley', corpus, options, target }, task());
    expect(written).toEqual({ ok: true, value: { files: 1, warnings: [] } });
    const expected = exportParleyJson(corpus, options);
    if (!expected.ok) throw new Error(expected.error.message);
    const bytes = await readFile(target);
    expect(bytes.length).toBeGreaterThan(4 * 2 ** 20);
    expect(bytes.equals(Buffer.from(expected.value, 'utf8'))).toBe(true);
    expect(await readdir(dir)).toEqual(['export.parley.json']);
  });

  it('fails with a clear error on a document JSON cannot write, leaving the target as it was and nothing beside it', async () => {
    const corpus = corpusOf(6, 60);
    // Something no JSON holds, past the first slice.
    corpus.documents[5]!.document = { ...corpus.documents[5]!.document, metadata: { outlet: 10n as unknown as string } };
    const target = path.join(dir, 'export.parley.json');
    await writeFile(target, 'an earlier export, kept');
    const written = await exportToFile(null, { format: 'parley', corpus, options: { now: NOW }, target }, task());
    expect(written.ok ? 'written' : `${written.error.code}: ${written.error.message}`).toMatch(/^io-error: could not write .*export\.parley\.json: .*BigInt/);
    expect(await readFile(target, 'utf8')).toBe('an earlier export, kept');
    expect(await readdir(dir)).toEqual(['export.parley.json']);
  });

  it('stops at a cancel asked for during the export, leaving nothing behind', async () => {
    const corpus = corpusOf(3, 400);
    const target = path.join(dir, 'export.parley.json');
    const registry = new TaskRegistry(() => undefined);
    const running = registry.begin('Exporting');
    // The analyst cancels once the second document has begun.
    const cancelling = { ...running, progress: (done: number, total: number) => (running.progress(done, total), done === 1 && registry.cancel(running.id), undefined) };
    const written = await exportToFile(null, { format: 'parley', corpus, options: { now: NOW }, target }, cancelling);
    expect(written.ok ? 'written' : written.error.code).toBe('cancelled');
    expect(await readdir(dir)).toEqual([]);
  });
});
