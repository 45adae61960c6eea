import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runValidate } from './validate';

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

describe('parley validate', () => {
  it('accepts the brat tutorial collection and reports what it holds', async () => {
    const c = capture();
    expect(await runValidate(['--format', 'brat', path.join(FIXTURES, 'brat-news')], c.io)).toBe(0);
    expect(c.out.at(-1)).toMatch(/is valid brat\.$/);
  });

  it("accepts doccano's overlapping example", async () => {
    const c = capture();
    expect(await runValidate(['--format=doccano', path.join(FIXTURES, 'doccano/import-example_overlapping.jsonl')], c.io)).toBe(0);
    expect(c.out[0]).toMatch(/Read 1 document and 2 annotations/);
  });

  it('rejects an incorrect W3C sample, naming the file and the fault', async () => {
    const c = capture();
    expect(await runValidate(['--format', 'w3c', path.join(FIXTURES, 'w3c-web-annotation/samples/incorrect/anno28.json')], c.io)).toBe(1);
    expect(c.err.join('\n')).toMatch(/anno28\.json \$\.created: must be a single xsd:dateTime/);
  });

  it('rejects invalid CoNLL with the line number', async () => {
    const c = capture();
    expect(await runValidate(['--format', 'conll', path.join(FIXTURES, 'doccano/import-labeling.invalid.conll')], c.io)).toBe(1);
    expect(c.err.join('\n')).toMatch(/import-labeling\.invalid\.conll:1: tag "SOCCERO"/);
  });

  it('detects the format when --format is left out, and says which it chose', async () => {
    const c = capture();
    expect(await runValidate([path.join(FIXTURES, 'brat-news')], c.io)).toBe(0);
    expect(c.err[0]).toMatch(/^Reading .*brat-news as brat standoff \(found \.ann files\)\.$/);
    expect(c.out.at(-1)).toMatch(/is valid brat\.$/);
  });
});
