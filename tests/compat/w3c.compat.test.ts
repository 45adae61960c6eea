import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { sampleCorpus } from '../../annotations/formats/test-fixtures/sample-corpus';
import type { FormatFile } from '../../annotations/formats/format';
import { parseJsonSafely } from '../../annotations/formats/json-limits';
import { exportW3c, importW3c } from '../../annotations/formats/w3c';
import { validateW3cAnnotation } from '../../annotations/formats/w3c-validate';
import { defaultLabelSchema } from '../../annotations/labels';
import { publicFixtures } from './public-fixtures';

const SUITE = publicFixtures('w3c-web-annotation');
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
  return out.value.files.filter((f) => f.path.endsWith('.jsonld')).flatMap((f) => (JSON.parse(f.data as string) as { first: { items: unknown[] } }).first.items);
}

describe('W3C Web Annotation test suite', () => {
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

  const incorrect = readdirSync(path.join(SUITE, 'samples/incorrect')).filter((f) => f.endsWith('.json'));
  it.each(incorrect)("rejects the suite's incorrect sample %s on import", (name) => {
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

  it("reports the suite's quote sample as having no tag, or no text to pair with", () => {
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
});
