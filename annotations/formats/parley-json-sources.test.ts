/**
 * Parley JSON carries what a document extracted from a source file keeps:
 * its pages (in UTF-16 and code point offsets) and its original's name,
 * media type and SHA-256, never the file itself.
 */
import { describe, expect, it } from 'vitest';
import { createDocument } from '../document';
import { defaultLabelSchema } from '../labels';
import type { Corpus } from '../model';
import { mediaTypeOf } from './media-type';
import { exportParleyJson, importParleyJson } from './parley-json';
import { parleyJsonFileSchema } from './parley-json-schema';

const NOW = '2025-04-01T00:00:00.000Z';
const options = { labels: defaultLabelSchema(), now: NOW };
const SHA = 'ab'.repeat(32);

/* eslint-disable @typescript-eslint/no-explicit-any -- the tests edit exported JSON freely */

/** A three-page report with CRLF, Hangul and emoji before the page breaks, so the two offset units differ. */
function reportCorpus(): Corpus {
  const pages = ['Envoy Report 🇰🇷\r\nThe envoys met.', '통일부 welcomed it 😀.', 'Talks resume.'];
  const text = pages.join('\n\n');
  let at = 0;
  const ranges = pages.map((p) => {
    const range = { start: at, end: at + p.length };
    at += p.length + 2;
    return range;
  });
  const document = { ...createDocument({ title: 'Envoy Report', source: 'envoy.pdf', originalPath: 'reports/envoy.pdf', text, now: NOW }), pages: ranges, originalSha256: SHA, originalName: 'envoy.pdf' };
  const plain = createDocument({ title: 'Plain note', source: 'note.txt', text: 'A plain note.', now: NOW });
  const layer = () => ({ id: 'own', kind: 'own' as const, author: 'minji', annotations: [] });
  return {
    labels: defaultLabelSchema(),
    documents: [
      { document, layers: [layer()], decisions: [] },
      { document: plain, layers: [layer()], decisions: [] },
    ],
  };
}

function exported(corpus: Corpus = reportCorpus()): any {
  const text = exportParleyJson(corpus, { now: NOW });
  if (!text.ok) throw new Error(text.error.message);
  return JSON.parse(text.value);
}

const reimport = (value: unknown) => importParleyJson([{ path: 'corpus.parley.json', data: JSON.stringify(value) }], options);

describe('Parley JSON: pages and the original of a source', () => {
  it('writes pages in both offset units and the original’s name, media type and SHA-256, and reads them back', () => {
    const json = exported();
    const doc = json.documents[0];
    expect(doc.original).toEqual({ name: 'envoy.pdf', mediaType: 'application/pdf', sha256: SHA });
    expect(doc.pages).toHaveLength(3);
    // 🇰🇷 is two code points of two code units each, so the second page starts two code points earlier than its UTF-16 offset.
    expect(doc.pages[1].start - doc.pages[1].startCodePoint).toBe(2);
    expect(doc.pages[2].start - doc.pages[2].startCodePoint).toBe(3);
    expect(doc.text.slice(doc.pages[1].start, doc.pages[1].end)).toBe('통일부 welcomed it 😀.');
    expect(parleyJsonFileSchema.safeParse(json).success).toBe(true);
    // A document that was not extracted from a source carries neither.
    expect('pages' in json.documents[1] || 'original' in json.documents[1]).toBe(false);

    const back = reimport(json);
    if (!back.ok) throw new Error(JSON.stringify(back.error.problems));
    const before = reportCorpus().documents[0]!.document;
    const after = back.value.corpus.documents[0]!.document;
    expect(after.pages).toEqual(before.pages);
    expect(after.originalSha256).toBe(SHA);
    expect(after.originalName).toBe('envoy.pdf');
    expect(back.value.corpus.documents[1]!.document.pages).toBeUndefined();
    expect(back.value.corpus.documents[1]!.document.originalName).toBeUndefined();
  });

  it('reads an original without a SHA-256 (the exporting library never held the file)', () => {
    const json = exported();
    delete json.documents[0].original.sha256;
    const back = reimport(json);
    if (!back.ok) throw new Error(JSON.stringify(back.error.problems));
    expect(back.value.corpus.documents[0]!.document.originalName).toBe('envoy.pdf');
    expect(back.value.corpus.documents[0]!.document.originalSha256).toBeUndefined();
  });

  it.each([
    ['a page past the end of the text', (j: any) => (j.documents[0].pages[2].end = j.documents[0].text.length + 1), /pages\[2\]/, /outside the text/],
    ['overlapping pages', (j: any) => (j.documents[0].pages[1].start = j.documents[0].pages[0].end - 1), /pages\[1\]/, /inside the page before/],
    ['code points that disagree', (j: any) => (j.documents[0].pages[1].startCodePoint += 1), /pages\[1\]/, /code point offsets/],
    ['a float offset', (j: any) => (j.documents[0].pages[0].end = 1.5), /pages/, /./],
    ['an unknown page field', (j: any) => (j.documents[0].pages[0].number = 1), /pages/, /./],
    ['an original without a name', (j: any) => delete j.documents[0].original.name, /original/, /./],
    ['a SHA-256 that is not one', (j: any) => (j.documents[0].original.sha256 = 'xyz'), /original/, /./],
  ])('refuses %s, naming where', (_what, edit, where, message) => {
    const json = exported();
    edit(json);
    const back = reimport(json);
    expect(back.ok).toBe(false);
    if (back.ok) return;
    const problem = back.error.problems?.find((p) => where.test(p.record ?? ''));
    expect(problem, JSON.stringify(back.error.problems)).toBeDefined();
    expect(problem!.message).toMatch(message);
  });

  it('leaves the pages out, with a warning, when the text no longer matches its checksum', () => {
    const json = exported();
    json.documents[0].text = json.documents[0].text.replace('Talks resume.', 'Talks resumed today.');
    const back = reimport(json);
    if (!back.ok) throw new Error(JSON.stringify(back.error.problems));
    expect(back.value.corpus.documents[0]!.document.pages).toBeUndefined();
    expect(back.value.warnings.some((w) => /page boundaries were left out/.test(w.message))).toBe(true);
  });

  it('names media types by extension, in any case', () => {
    expect(mediaTypeOf('Report.PDF')).toBe('application/pdf');
    expect(mediaTypeOf('memo.docx')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(mediaTypeOf('page.htm')).toBe('text/html');
    expect(mediaTypeOf('saved.mhtml')).toBe('multipart/related');
    expect(mediaTypeOf('noext')).toBe('application/octet-stream');
  });
});
