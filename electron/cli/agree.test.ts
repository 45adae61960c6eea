import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAnnotation } from '../../annotations/annotation';
import { figureDifferences } from '../../annotations/agreement/test-support/compare-figures';
import { FIXTURE_DIR } from '../../annotations/agreement/test-support/load-fixture';
import { createDocument } from '../../annotations/document';
import { exportParleyJson } from '../../annotations/formats/index';
import { defaultLabelSchema } from '../../annotations/labels';
import type { AnnotationLayer, Corpus, CorpusDocument } from '../../annotations/model';
import { textSha256 } from '../../annotations/text-hash';
import { OffsetMap } from '../../annotations/unicode';
import { runAgree } from './agree';

interface Fixture {
  annotators: string[];
  documents: Array<{ id: string; title: string; text: string; annotations: Record<string, Array<[number, number, string, string]>> }>;
}

const reference = JSON.parse(readFileSync(path.join(FIXTURE_DIR, 'reference-values.json'), 'utf8')) as Record<string, Record<string, unknown>>;
const fixture = (name: string) => JSON.parse(readFileSync(path.join(FIXTURE_DIR, name), 'utf8')) as Fixture;
const root = mkdtempSync(path.join(tmpdir(), 'parley-agree-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAgree(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A brat project with one sub-folder per annotator, as brat users lay out agreement studies. */
function writeBratProject(name: string, f: Fixture): string {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'annotation.conf'), '[entities]\nactor\npolicy-body\nposition\ndate\n[relations]\n[events]\n[attributes]\n');
  for (const annotator of f.annotators) {
    mkdirSync(path.join(dir, annotator));
    for (const doc of f.documents) {
      const rows = doc.annotations[annotator];
      if (!rows) continue;
      const map = new OffsetMap(doc.text);
      const ann = rows.map(([s, e, label, quote], i) => `T${i + 1}\t${label} ${map.toCodePoint(s)} ${map.toCodePoint(e)}\t${quote}\n`).join('');
      writeFileSync(path.join(dir, annotator, `${doc.id}.txt`), doc.text);
      writeFileSync(path.join(dir, annotator, `${doc.id}.ann`), ann);
    }
  }
  return dir;
}

/** A Parley corpus holding the given annotators' layers (the first as "own", the rest as colleagues). */
function corpusOf(f: Fixture, annotators: string[]): Corpus {
  const now = '2024-01-01T00:00:00.000Z';
  const documents: CorpusDocument[] = [];
  for (const doc of f.documents) {
    const document = createDocument({ title: doc.title, source: 'fixture', text: doc.text, now });
    const layers: AnnotationLayer[] = [];
    annotators.forEach((annotator, i) => {
      const rows = doc.annotations[annotator];
      if (!rows) return;
      const annotations = rows.map(([start, end, labelId]) => {
        const created = createAnnotation(doc.text, { documentId: document.id, start, end, labelId, author: annotator, now });
        if (!created.ok) throw new Error(created.error.message);
        return created.value;
      });
      layers.push({ id: i === 0 ? 'own' : `colleague:${annotator}`, kind: i === 0 ? 'own' : 'colleague', author: annotator, annotations });
    });
    if (layers.length > 0) documents.push({ document, layers, decisions: [] });
  }
  return { labels: defaultLabelSchema(), documents };
}

/** The reference figures with document ids replaced by text SHA-256, as the CLI keys documents. */
function referenceBySha(name: string): Record<string, unknown> {
  const ids = new Map(fixture(name).documents.map((d) => [d.id, textSha256(d.text)]));
  const expected = JSON.parse(JSON.stringify(reference[name]), function (this: unknown, key: string, value: unknown) {
    if (key === 'perDocument' && value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [ids.get(k) ?? k, v]));
    return value;
  }) as Record<string, unknown>;
  return expected;
}

function expectReferenceFigures(report: Record<string, unknown>, name: string): void {
  const expected = referenceBySha(name);
  for (const measure of ['instance', 'token', 'lenient', 'kappa', 'alpha']) {
    expect(figureDifferences(report[measure], expected[measure], measure)).toEqual([]);
  }
  expect(report['annotators']).toEqual(expected['annotators']);
  // label order follows the schema in the CLI, so compare the confusion counts cell by cell
  const cells = (c: { labels: string[]; counts: number[][] }) => Object.fromEntries(c.labels.flatMap((r, i) => c.labels.map((col, j) => [`${r}/${col}`, c.counts[i]![j]!])));
  expect(cells(report['confusion'] as never)).toEqual(cells(expected['confusion'] as never));
}

describe('parley agree', () => {
  it('reads a brat project with one folder per annotator and prints the reference figures as JSON', async () => {
    const dir = writeBratProject('three', fixture('three-annotators.json'));
    const { code, out, err } = await run([dir, '--json']);
    expect(err).toContain('cho: 2 documents');
    expect(code).toBe(0);
    expectReferenceFigures(JSON.parse(out) as Record<string, unknown>, 'three-annotators.json');
  });

  it('converts code point offsets in brat files with Hangul, emoji and CRLF text', async () => {
    const dir = writeBratProject('unicode', fixture('unicode-text.json'));
    const { code, out } = await run([dir, '--json', '--format', 'brat']);
    expect(code).toBe(0);
    expectReferenceFigures(JSON.parse(out) as Record<string, unknown>, 'unicode-text.json');
  });

  it('takes several Parley exports as one annotator each, named by their author', async () => {
    const f = fixture('two-annotators.json');
    const files = f.annotators.map((annotator) => {
      const json = exportParleyJson(corpusOf(f, [annotator]));
      if (!json.ok) throw new Error(json.error.message);
      const file = path.join(root, `export-${annotator}.json`);
      writeFileSync(file, json.value);
      return file;
    });
    // The fixture's "empty" document has no annotations on either side; the reference counts it.
    const { code, out } = await run([...files, '--json', '--include-unstarted']);
    expect(code).toBe(0);
    expectReferenceFigures(JSON.parse(out) as Record<string, unknown>, 'two-annotators.json');
  });

  it('leaves out a document an annotator has not started, names it on standard error, and compares it with --include-unstarted', async () => {
    const now = '2024-01-01T00:00:00.000Z';
    const texts = ['The envoy met the minister in Seoul.', 'Tokyo and Seoul agreed to consult.\r\n통일부 welcomed it 🤝.'];
    const docs = texts.map((text, i) => createDocument({ title: `Article ${i + 1}`, source: 'fixture', text, now }));
    const spans = (d: number, author: string, quotes: string[]) =>
      quotes.map((q) => {
        const start = texts[d]!.indexOf(q);
        const created = createAnnotation(texts[d]!, { documentId: docs[d]!.id, start, end: start + q.length, labelId: 'actor', author, now });
        if (!created.ok) throw new Error(created.error.message);
        return created.value;
      });
    const write = (author: string, perDoc: string[][], status: 'todo' | 'done' = 'todo') => {
      const corpus: Corpus = {
        labels: defaultLabelSchema(),
        documents: docs.map((document, d) => ({ document: { ...document, status }, layers: [{ id: 'own', kind: 'own', author, annotations: spans(d, author, perDoc[d]!) }], decisions: [] })),
      };
      const json = exportParleyJson(corpus);
      if (!json.ok) throw new Error(json.error.message);
      const file = path.join(root, `unstarted-${author}-${status}.json`);
      writeFileSync(file, json.value);
      return file;
    };
    const ana = write('ana', [['envoy', 'minister'], ['Tokyo', '통일부']]);
    const ben = write('ben', [['envoy', 'minister'], []]);
    const figure = (out: string) => (JSON.parse(out) as { instance: { total: { mean: number } } }).instance.total.mean;

    const byDefault = await run([ana, ben, '--json']);
    expect(byDefault.code).toBe(0);
    expect(figure(byDefault.out)).toBe(1);
    expect(byDefault.err).toContain('Left out 1 document not started (no annotations, not marked done), which would count as total disagreement: “Article 2” (not started by ben). Give --include-unstarted to compare them too.');

    const included = await run([ana, ben, '--json', '--include-unstarted']);
    expect(included.code).toBe(0);
    expect(figure(included.out)).toBeCloseTo((2 * 2) / (4 + 2), 10);
    expect(included.err).toContain('Included 1 document not started');

    // Ben marked his copies done: his empty layer is an answer, so the document counts.
    const benDone = write('ben', [['envoy', 'minister'], []], 'done');
    const done = await run([ana, benDone, '--json']);
    expect(figure(done.out)).toBeCloseTo(4 / 6, 10);
    expect(done.err).not.toContain('not started');
  });

  it('takes a Parley export holding several layers as one annotator per layer', async () => {
    const f = fixture('three-annotators.json');
    const json = exportParleyJson(corpusOf(f, f.annotators));
    if (!json.ok) throw new Error(json.error.message);
    const file = path.join(root, 'layers.json');
    writeFileSync(file, json.value);
    const { code, out } = await run([file, '--json']);
    expect(code).toBe(0);
    expectReferenceFigures(JSON.parse(out) as Record<string, unknown>, 'three-annotators.json');
  });

  it('prints a readable table by default, and Markdown or CSV on request', async () => {
    const dir = writeBratProject('table', fixture('two-annotators.json'));
    const table = await run([dir]);
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/^Overall\n=======/);
    expect(table.out).toMatch(/Cohen's kappa +\d\.\d{3}/);
    const md = await run([dir, '--markdown']);
    expect(md.out.startsWith('# Agreement report')).toBe(true);
    const csv = await run([dir, '--csv']);
    expect(csv.out.split('\r\n')[0]).toBe('measure,scope,key,title,annotator_a,annotator_b,statistic,value');
  });

  it('fails clearly with only one annotator', async () => {
    const f = fixture('two-annotators.json');
    const json = exportParleyJson(corpusOf(f, ['ana']));
    if (!json.ok) throw new Error(json.error.message);
    const file = path.join(root, 'single.json');
    writeFileSync(file, json.value);
    const { code, err } = await run([file]);
    expect(code).toBe(1);
    expect(err).toContain('agreement needs two or more');
  });

  it('rejects bad usage with exit code 2', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['x', '--format', 'nonsense'])).code).toBe(2);
    expect((await run(['x', '--json', '--csv'])).code).toBe(2);
    expect((await run(['x', '--frobnicate'])).code).toBe(2);
  });

  it('reports a missing input as an input error', async () => {
    const { code, err } = await run([path.join(root, 'does-not-exist'), path.join(root, 'nor-this')]);
    expect(code).toBe(1);
    expect(err).toContain('not-found');
  });
});
