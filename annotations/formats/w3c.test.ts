import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { defaultLabelSchema } from '../labels';
import type { FormatFile } from './format';
import { parseJsonSafely } from './json-limits';
import { sampleCorpus } from './test-fixtures/sample-corpus';
import { exportW3c, importW3c } from './w3c';
import { validateW3cAnnotation } from './w3c-validate';

const SUITE = path.resolve(__dirname, '../../../shared/fixtures/w3c-web-annotation');
const NOW = '2025-04-01T00:00:00.000Z';

interface Assertion {
  file: string;
  expectedResult: 'valid' | 'invalid';
  onUnexpectedResult: string;
}

/** Loads the suite's definitions and assertions into one Ajv, resolving file names case-insensitively. */
function loadSuite(): { ajv: Ajv; musts: Assertion[] } {
  const ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false });
  addFormats(ajv);
  const schemaFiles: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.json')) schemaFiles.push(full);
    }
  };
  walk(path.join(SUITE, 'definitions'));
  walk(path.join(SUITE, 'annotations'));
  const byLowerName = new Map<string, Record<string, unknown>>();
  const added = new Set<string>();
  for (const f of schemaFiles) {
    const schema = JSON.parse(readFileSync(f, 'utf8')) as Record<string, unknown>;
    byLowerName.set(path.basename(f).toLowerCase(), schema);
    if (typeof schema['id'] === 'string' && !added.has(schema['id'])) {
      ajv.addSchema(schema);
      added.add(schema['id']);
    }
  }
  // Add a copy under any referenced name whose letter case differs from the file's.
  for (const f of schemaFiles) {
    for (const m of readFileSync(f, 'utf8').matchAll(/"\$ref"\s*:\s*"([^"#]+\.json)/g)) {
      const name = m[1]!;
      if (added.has(name)) continue;
      const schema = byLowerName.get(name.toLowerCase());
      if (schema) {
        ajv.addSchema({ ...schema, id: name });
        added.add(name);
      }
    }
  }
  const list = JSON.parse(readFileSync(path.join(SUITE, 'annotations/annotationMusts.test'), 'utf8')) as { assertions: string[] };
  const musts = list.assertions.map((rel) => {
    const schema = byLowerName.get(path.basename(rel).toLowerCase());
    if (!schema) throw new Error(`assertion ${rel} not found`);
    return { file: String(schema['id']), expectedResult: schema['expectedResult'] as 'valid' | 'invalid', onUnexpectedResult: String(schema['onUnexpectedResult']) };
  });
  return { ajv, musts };
}

function exportedAnnotations(): unknown[] {
  const out = exportW3c(sampleCorpus(), {});
  if (!out.ok) throw new Error(out.error.message);
  return out.value.files
    .filter((f) => f.path.endsWith('.jsonld'))
    .flatMap((f) => ((JSON.parse(f.data as string) as { first: { items: unknown[] } }).first.items));
}

describe('W3C Web Annotation', () => {
  it('every exported annotation passes every required assertion of the W3C test suite', () => {
    const { ajv, musts } = loadSuite();
    expect(musts.length).toBeGreaterThan(50);
    const annotations = exportedAnnotations();
    expect(annotations.length).toBe(15);
    const failures: string[] = [];
    for (const a of annotations) {
      for (const m of musts) {
        const validate = ajv.getSchema(m.file);
        if (!validate) throw new Error(`schema ${m.file} did not compile`);
        const result = validate(a) ? 'valid' : 'invalid';
        if (result !== m.expectedResult && m.onUnexpectedResult.startsWith('fail')) failures.push(`${(a as { id: string }).id}: ${m.file}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('the suite catches a broken annotation (the check above can fail)', () => {
    const { ajv, musts } = loadSuite();
    const broken = { ...(exportedAnnotations()[0] as object), created: 'last Tuesday' };
    const failed = musts.filter((m) => {
      const result = ajv.getSchema(m.file)!(broken) ? 'valid' : 'invalid';
      return result !== m.expectedResult && m.onUnexpectedResult.startsWith('fail');
    });
    expect(failed.map((m) => m.file)).toContain('3.3.1-annotationCreatedValidated.json');
  });

  it('exports code point offsets in TextPositionSelector beside the quote', () => {
    const a = exportedAnnotations() as Array<{ body: Array<{ value: string }>; target: { selector: Array<Record<string, unknown>> } }>;
    const flag = a.find((x) => x.target.selector[0]!['exact'] === '𝑥' && x.body[0]!.value === 'Position')!;
    const text = sampleCorpus().documents[0]!.document.text;
    const cp = [...text];
    const pos = flag.target.selector[1]!;
    expect(cp.slice(pos['start'] as number, pos['end'] as number).join('')).toBe('𝑥');
  });

  const incorrect = readdirSync(path.join(SUITE, 'samples/incorrect')).filter((f) => f.endsWith('.json'));
  it.each(incorrect)('rejects the suite\'s incorrect sample %s on import', (name) => {
    const data = readFileSync(path.join(SUITE, 'samples/incorrect', name));
    const files: FormatFile[] = [
      { path: name, data: new Uint8Array(data) },
      { path: name.replace(/\.json$/, '.txt'), data: 'A short memo on inter-Korean liaison office hours.' },
    ];
    const result = importW3c(files, { labels: defaultLabelSchema(), now: NOW });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.problems?.length ?? 0).toBeGreaterThan(0);
      expect(result.error.problems![0]!.file).toBe(name);
    }
  });

  it.each(['anno26.json', 'anno27.json', 'anno32.json'])('accepts the structure of the correct sample %s', (name) => {
    const parsed = parseJsonSafely(readFileSync(path.join(SUITE, 'samples/correct', name), 'utf8'));
    expect(parsed.ok && validateW3cAnnotation(parsed.value)).toEqual([]);
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
    const anno = readFileSync(path.join(SUITE, 'samples/correct/anno26.json'));
    const noText = importW3c([{ path: 'anno26.json', data: new Uint8Array(anno) }], { labels: defaultLabelSchema(), now: NOW });
    expect(noText.ok ? '' : noText.error.problems![0]!.message).toMatch(/no text to pair with/);
    const noTag = importW3c(
      [
        { path: 'anno26.json', data: new Uint8Array(anno) },
        { path: 'anno26.txt', data: 'Minutes: this is an anotation that has some typos left in on purpose.' },
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
