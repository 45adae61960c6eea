import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runConvert } from '../../electron/cli/convert';
import { runValidate } from '../../electron/cli/validate';
import { publicFixtures } from './public-fixtures';
import { capture } from '../../electron/cli/test-support/capture-io';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'parley-compat-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('parley validate and convert on the public suites', () => {
  it('validate accepts the brat tutorial collection and reports what it holds', async () => {
    const c = capture();
    expect(await runValidate(['--format', 'brat', publicFixtures('brat-news')], c.io)).toBe(0);
    expect(c.out.at(-1)).toMatch(/is valid brat\.$/);
  });

  it("validate accepts doccano's overlapping example", async () => {
    const c = capture();
    expect(await runValidate(['--format=doccano', publicFixtures('doccano/import-example_overlapping.jsonl')], c.io)).toBe(0);
    expect(c.out[0]).toMatch(/Read 1 document and 2 annotations/);
  });

  it('validate rejects an incorrect W3C sample, naming the file and the fault', async () => {
    const c = capture();
    expect(await runValidate(['--format', 'w3c', publicFixtures('w3c-web-annotation/samples/incorrect/anno28.json')], c.io)).toBe(1);
    expect(c.err.join('\n')).toMatch(/anno28\.json \$\.created: must be a single xsd:dateTime/);
  });

  it("validate rejects doccano's invalid CoNLL with the line number", async () => {
    const c = capture();
    expect(await runValidate(['--format', 'conll', publicFixtures('doccano/import-labeling.invalid.conll')], c.io)).toBe(1);
    expect(c.err.join('\n')).toMatch(/import-labeling\.invalid\.conll:1: tag "SOCCERO"/);
  });

  it('convert turns the brat tutorial folder into W3C and says what it set aside', async () => {
    const c = capture();
    const code = await runConvert(['--from', 'brat', publicFixtures('brat-news'), '--to', 'w3c', path.join(dir, 'w3c')], c.io);
    expect(c.err).toEqual([]);
    expect(code).toBe(0);
    expect(c.out[0]).toMatch(/^Read 13 documents and 119 annotations from .*brat-news \(brat\)\.$/);
    expect(c.out.join('\n')).toMatch(/Set aside \(Parley does not hold them\): .*2 equivalences \(\*\)/);
    expect(c.out.join('\n')).toMatch(/^With \d+ relations between them\.$/m);
    const files = await readdir(path.join(dir, 'w3c'));
    expect(files.filter((f) => f.endsWith('.jsonld'))).toHaveLength(13);
    expect(files.filter((f) => f.endsWith('.txt'))).toHaveLength(13);
  });
});
