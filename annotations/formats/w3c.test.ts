import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLabelSchema } from '../labels';
import type { FormatFile } from './format';
import { parseJsonSafely } from './json-limits';
import { sampleCorpus } from './test-fixtures/sample-corpus';
import { exportW3c, importW3c } from './w3c';
import { validateW3cAnnotation } from './w3c-validate';

const SAMPLES = path.join(__dirname, 'test-fixtures/w3c');
const NOW = '2025-04-01T00:00:00.000Z';

function exportedAnnotations(): unknown[] {
  const out = exportW3c(sampleCorpus(), {});
  if (!out.ok) throw new Error(out.error.message);
  return out.value.files
    .filter((f) => f.path.endsWith('.jsonld'))
    .flatMap((f) => ((JSON.parse(f.data as string) as { first: { items: unknown[] } }).first.items));
}

describe('W3C Web Annotation', () => {
  it('every exported annotation passes the structural checks of the data model', () => {
    const annotations = exportedAnnotations();
    expect(annotations.length).toBe(15);
    expect(annotations.flatMap((a, i) => validateW3cAnnotation(a, `$[${i}]`))).toEqual([]);
  });

  it('the structural checks catch a broken export (the check above can fail)', () => {
    const broken = { ...(exportedAnnotations()[0] as object), created: 'last Tuesday' };
    expect(validateW3cAnnotation(broken)).toEqual([{ path: '$.created', message: 'must be a single xsd:dateTime with a time zone' }]);
  });

  it('exports code point offsets in TextPositionSelector beside the quote', () => {
    const a = exportedAnnotations() as Array<{ body: Array<{ value: string }>; target: { selector: Array<Record<string, unknown>> } }>;
    const flag = a.find((x) => x.target.selector[0]!['exact'] === '𝑥' && x.body[0]!.value === 'Position')!;
    const text = sampleCorpus().documents[0]!.document.text;
    const cp = [...text];
    const pos = flag.target.selector[1]!;
    expect(cp.slice(pos['start'] as number, pos['end'] as number).join('')).toBe('𝑥');
  });

  /** Each incorrect sample and the fault the import must name. */
  const faults: Record<string, RegExp> = {
    'body-and-body-value.json': /must not have both body and bodyValue/,
    'created-not-a-date.json': /created: must be a single xsd:dateTime/,
    'id-not-an-iri.json': /id: must be an IRI/,
    'negative-position.json': /non-negative integer start/,
    'no-context.json': /@context: is missing/,
    'no-target.json': /target: is missing/,
    'not-an-object.json': /must be a JSON object/,
    'not-json.json': /not valid JSON/,
    'position-as-text.json': /non-negative integer start/,
    'quote-without-exact.json': /must have an exact string/,
    'refined-by-broken.json': /refinedBy.*must have an exact string/,
    'selector-without-source.json': /must have a source/,
    'textual-body-without-value.json': /TextualBody must have a value/,
    'two-composite-types.json': /names 2 composite types/,
    'unknown-purpose.json': /purpose: must be one or more of/,
    'wrong-type.json': /type: must be "Annotation"/,
  };
  const incorrect = readdirSync(path.join(SAMPLES, 'incorrect')).filter((f) => f.endsWith('.json'));
  it('knows the fault of every incorrect sample', () => {
    expect(incorrect.sort()).toEqual(Object.keys(faults).sort());
  });

  it.each(incorrect)('rejects the incorrect sample %s on import, naming the file and the fault', (name) => {
    const data = readFileSync(path.join(SAMPLES, 'incorrect', name));
    const files: FormatFile[] = [
      { path: name, data: new Uint8Array(data) },
      { path: name.replace(/\.json$/, '.txt'), data: 'A short memo on inter-Korean liaison office hours.' },
    ];
    const result = importW3c(files, { labels: defaultLabelSchema(), now: NOW });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.problems![0]!.file).toBe(name);
      expect(result.error.problems!.map((p) => `${p.record ?? ''}: ${p.message}`).join('\n')).toMatch(faults[name]!);
    }
  });

  it.each(['quote-selector.json', 'position-selector.json', 'refined-by.json'])('accepts the structure of the correct sample %s', (name) => {
    const parsed = parseJsonSafely(readFileSync(path.join(SAMPLES, 'correct', name), 'utf8'));
    expect(parsed.ok && validateW3cAnnotation(parsed.value)).toEqual([]);
  });

  it('imports the incorrect samples\' valid original, so each rejection is the fault it carries', () => {
    const valid = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'http://example.org/parley/anno/1',
      type: 'Annotation',
      body: { type: 'TextualBody', purpose: 'tagging', value: 'Policy_body' },
      target: { source: 'http://example.org/parley/memo-1', selector: { type: 'TextQuoteSelector', exact: 'liaison office' } },
    };
    const result = importW3c([{ path: 'valid.json', data: JSON.stringify(valid) }, { path: 'valid.txt', data: 'A short memo on inter-Korean liaison office hours.' }], { labels: defaultLabelSchema(), now: NOW });
    expect(result.ok && result.value.corpus.documents[0]!.layers[0]!.annotations.map((a) => [a.quote.exact, a.labelId])).toEqual([['liaison office', 'policy-body']]);
  });

  it('imports the position sample against a text with a flag and Hangul before the span', () => {
    const text = '🇰🇷 통일부 wrote to the US envoy in Seoul, very late on Tuesday, 4 March.';
    const data = new Uint8Array(readFileSync(path.join(SAMPLES, 'correct/position-selector.json')));
    const result = importW3c([{ path: 'memo-1.json', data }, { path: 'memo-1.txt', data: text }], { labels: defaultLabelSchema(), now: NOW });
    expect(result.ok && result.value.corpus.documents[0]!.layers[0]!.annotations.map((a) => [a.start, a.quote.exact, a.labelId])).toEqual([[text.indexOf('Tuesday'), 'Tuesday', 'date']]);
  });

  it('imports a quote-only annotation with a tagging body by finding the quote in the paired text', () => {
    const text = 'Officials from 통일부 met US envoys 🇺🇸 in Seoul. Later, 통일부 issued a statement.';
    const anno = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'http://example.org/anno/7',
      type: 'Annotation',
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: 'policy_body' },
        { type: 'TextualBody', value: 'Second mention.' },
      ],
      target: { source: 'http://example.org/memo', selector: { type: 'TextQuoteSelector', exact: '통일부', prefix: 'Later, ', suffix: ' issued' } },
    };
    const result = importW3c([{ path: 'memo.json', data: JSON.stringify(anno) }, { path: 'memo.txt', data: text }], { labels: defaultLabelSchema(), now: NOW, author: 'ana' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [a] = result.value.corpus.documents[0]!.layers[0]!.annotations;
    expect(a!.start).toBe(text.lastIndexOf('통일부'));
    expect(a!.labelId).toBe('policy-body');
    expect(a!.note).toBe('Second mention.');
    expect(a!.author).toBe('ana');
  });

  it('reads TextPositionSelector offsets as code points, not UTF-16 units', () => {
    const text = '🇰🇷 and 🇺🇸 envoys met the 통일부 minister.';
    const start = [...text].indexOf('통');
    const anno = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:x:1',
      type: 'Annotation',
      body: { type: 'TextualBody', purpose: 'tagging', value: 'Actor' },
      target: { source: 'urn:x:doc', selector: { type: 'TextPositionSelector', start, end: start + 3 } },
    };
    const result = importW3c([{ path: 'a.jsonld', data: JSON.stringify(anno) }, { path: 'a.txt', data: text }], { labels: defaultLabelSchema(), now: NOW });
    expect(result.ok && result.value.corpus.documents[0]!.layers[0]!.annotations[0]!.quote.exact).toBe('통일부');
  });

  it('fails with a clear problem when an annotation has no tag or no text to pair with', () => {
    const anno = readFileSync(path.join(SAMPLES, 'correct/quote-selector.json'));
    const noText = importW3c([{ path: 'quote-selector.json', data: new Uint8Array(anno) }], { labels: defaultLabelSchema(), now: NOW });
    expect(noText.ok ? '' : noText.error.problems![0]!.message).toMatch(/no text to pair with/);
    const noTag = importW3c(
      [
        { path: 'quote-selector.json', data: new Uint8Array(anno) },
        { path: 'quote-selector.txt', data: 'Seoul sent a letter to the Unification Ministry on Tuesday about the hotline.' },
      ],
      { labels: defaultLabelSchema(), now: NOW },
    );
    expect(noTag.ok ? '' : noTag.error.problems![0]!.message).toMatch(/no tagging body/);
  });

  it('rejects a position that lies outside the text', () => {
    const anno = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:x:2',
      type: 'Annotation',
      body: { type: 'TextualBody', purpose: 'tagging', value: 'Date' },
      target: { source: 'urn:x:doc', selector: { type: 'TextPositionSelector', start: 3, end: 400 } },
    };
    const result = importW3c([{ path: 'b.json', data: JSON.stringify(anno) }, { path: 'b.txt', data: 'Talks resumed on 3 June.' }], { labels: defaultLabelSchema(), now: NOW });
    expect(result.ok ? '' : result.error.problems![0]!.message).toMatch(/past the end of the text/);
  });
});
