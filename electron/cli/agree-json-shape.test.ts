/**
 * The shape of `parley agree --json`, as issue 5 promises it: for each measure
 * (`instance`, `token`, `lenient`, `kappa`, `alpha`) an object with `total`
 * ({ mean, sd }), `perLabel` and `perDocument` (each value { mean, sd }), and
 * `pairs`. Scripts read this output, so its keys are checked one by one.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAnnotation } from '../../annotations/annotation';
import { FIXTURE_DIR } from '../../annotations/agreement/test-support/load-fixture';
import { createDocument } from '../../annotations/document';
import { exportParleyJson } from '../../annotations/formats/index';
import { defaultLabelSchema } from '../../annotations/labels';
import type { AnnotationLayer, CorpusDocument } from '../../annotations/model';
import { textSha256 } from '../../annotations/text-hash';
import { runAgree } from './agree';

interface Fixture {
  annotators: string[];
  documents: Array<{ id: string; title: string; text: string; annotations: Record<string, Array<[number, number, string, string]>> }>;
}

const root = mkdtempSync(path.join(tmpdir(), 'parley-agree-shape-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** One Parley export holding every annotator of the three-annotator fixture as a layer. */
function writeThreeAnnotatorExport(): { file: string; fixture: Fixture } {
  const fixture = JSON.parse(readFileSync(path.join(FIXTURE_DIR, 'three-annotators.json'), 'utf8')) as Fixture;
  const now = '2024-01-01T00:00:00.000Z';
  const documents: CorpusDocument[] = fixture.documents.map((doc) => {
    const document = createDocument({ title: doc.title, source: 'fixture', text: doc.text, now });
    const layers: AnnotationLayer[] = [];
    fixture.annotators.forEach((annotator, i) => {
      const rows = doc.annotations[annotator];
      if (!rows) return;
      const annotations = rows.map(([start, end, labelId]) => {
        const created = createAnnotation(doc.text, { documentId: document.id, start, end, labelId, author: annotator, now });
        if (!created.ok) throw new Error(created.error.message);
        return created.value;
      });
      layers.push({ id: i === 0 ? 'own' : `colleague:${annotator}`, kind: i === 0 ? 'own' : 'colleague', author: annotator, annotations });
    });
    return { document, layers, decisions: [] };
  });
  const json = exportParleyJson({ labels: defaultLabelSchema(), documents });
  if (!json.ok) throw new Error(json.error.message);
  const file = path.join(root, 'three.json');
  writeFileSync(file, json.value);
  return { file, fixture };
}

const isFigure = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v));

function expectSummary(value: unknown, where: string): void {
  expect(value, where).toBeTypeOf('object');
  expect(Object.keys(value as object).sort(), where).toEqual(['mean', 'sd']);
  const { mean, sd } = value as { mean: unknown; sd: unknown };
  expect(isFigure(mean) && isFigure(sd), `${where}: ${JSON.stringify(value)}`).toBe(true);
}

describe('parley agree --json', () => {
  it('gives every measure a total, per-label and per-document { mean, sd } and the pairs', async () => {
    const { file, fixture } = writeThreeAnnotatorExport();
    const out: string[] = [];
    const code = await runAgree([file, '--json'], { out: (s) => out.push(s), err: () => undefined });
    expect(code).toBe(0);
    const report = JSON.parse(out.join('\n')) as Record<string, unknown>;

    const documentKeys = fixture.documents.map((d) => textSha256(d.text));
    for (const measure of ['instance', 'token', 'lenient', 'kappa', 'alpha']) {
      const m = report[measure] as Record<string, unknown>;
      expect(Object.keys(m).sort(), measure).toEqual(['pairs', 'perDocument', 'perLabel', 'total']);
      expectSummary(m['total'], `${measure}.total`);
      const perLabel = m['perLabel'] as Record<string, unknown>;
      expect(Object.keys(perLabel).length, `${measure}.perLabel`).toBeGreaterThan(0);
      for (const [label, s] of Object.entries(perLabel)) expectSummary(s, `${measure}.perLabel.${label}`);
      const perDocument = m['perDocument'] as Record<string, unknown>;
      expect(Object.keys(perDocument).length, `${measure}.perDocument`).toBeGreaterThan(0);
      for (const [id, s] of Object.entries(perDocument)) {
        expect(documentKeys, `${measure}.perDocument key`).toContain(id);
        expectSummary(s, `${measure}.perDocument.${id}`);
      }
      // Three annotators make three pairs, each with its own figures.
      const pairs = m['pairs'] as Array<Record<string, unknown>>;
      expect(pairs.map((p) => [p['a'], p['b']]), measure).toEqual([
        ['ana', 'ben'],
        ['ana', 'cho'],
        ['ben', 'cho'],
      ]);
      for (const p of pairs) expect(isFigure(p['total'])).toBe(true);
    }

    // Pairwise measures are averaged over the pairs, so they have a spread; alpha is one figure across everyone.
    const total = (measure: string) => (report[measure] as { total: { mean: number | null; sd: number | null } }).total;
    for (const measure of ['instance', 'token', 'lenient', 'kappa']) expect(total(measure).sd).toBeTypeOf('number');
    expect(total('alpha').mean).toBeTypeOf('number');
    expect(total('alpha').sd).toBeNull();
  });
});
