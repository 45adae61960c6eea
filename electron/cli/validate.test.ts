import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runValidate } from './validate';
import { capture } from './test-support/capture-io';

const FIXTURES = path.resolve(__dirname, '../../annotations/formats/test-fixtures');

describe('parley validate', () => {
  it('accepts a brat collection and reports what it holds and sets aside', async () => {
    const c = capture();
    expect(await runValidate(['--format', 'brat', path.join(FIXTURES, 'brat-collection')], c.io)).toBe(0);
    expect(c.out[0]).toMatch(/Read 4 documents and 15 annotations/);
    expect(c.out.join('\n')).toContain('With 5 relations between them.');
    expect(c.out.join('\n')).toMatch(/Set aside \(Parley does not hold them\): .*1 equivalences \(\*\)/);
    expect(c.out.at(-1)).toMatch(/is valid brat\.$/);
  });

  it('accepts doccano lines with overlapping spans', async () => {
    const c = capture();
    expect(await runValidate(['--format=doccano', path.join(FIXTURES, 'doccano/overlapping.jsonl')], c.io)).toBe(0);
    expect(c.out[0]).toMatch(/Read 1 document and 3 annotations/);
  });

  it('rejects an incorrect W3C sample, naming the file and the fault', async () => {
    const c = capture();
    expect(await runValidate(['--format', 'w3c', path.join(FIXTURES, 'w3c/incorrect/created-not-a-date.json')], c.io)).toBe(1);
    expect(c.err.join('\n')).toMatch(/created-not-a-date\.json \$\.created: must be a single xsd:dateTime/);
  });

  it('rejects invalid CoNLL with the line number', async () => {
    const c = capture();
    expect(await runValidate(['--format', 'conll', path.join(FIXTURES, 'conll/invalid.conll')], c.io)).toBe(1);
    expect(c.err.join('\n')).toMatch(/invalid\.conll:1: tag "SUMMIT"/);
  });

  it('detects the format when --format is left out, and says which it chose', async () => {
    const c = capture();
    expect(await runValidate([path.join(FIXTURES, 'brat-collection')], c.io)).toBe(0);
    expect(c.err[0]).toMatch(/^Reading .*brat-collection as brat standoff \(found \.ann files\)\.$/);
    expect(c.out.at(-1)).toMatch(/is valid brat\.$/);
  });
});
