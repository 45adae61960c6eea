import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportParleyJson } from '../../annotations/formats/parley-json';
import { sampleCorpus } from '../../annotations/formats/test-fixtures/sample-corpus';
import { runConvert } from './convert';
import { capture } from './test-support/capture-io';

const FIXTURES = path.resolve(__dirname, '../../annotations/formats/test-fixtures');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'parley-convert-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeSample(): Promise<string> {
  const json = exportParleyJson(sampleCorpus());
  if (!json.ok) throw new Error(json.error.message);
  const file = path.join(dir, 'sample.parley.json');
  await writeFile(file, json.value);
  return file;
}

describe('parley convert', () => {
  it('converts a brat folder to W3C and says what it set aside', async () => {
    const c = capture();
    const code = await runConvert(['--from', 'brat', path.join(FIXTURES, 'brat-collection'), '--to', 'w3c', path.join(dir, 'w3c')], c.io);
    expect(c.err).toEqual([]);
    expect(code).toBe(0);
    expect(c.out[0]).toMatch(/^Read 4 documents and 15 annotations from .*brat-collection \(brat\)\.$/);
    expect(c.out.join('\n')).toMatch(/Set aside \(Parley does not hold them\): .*1 equivalences \(\*\)/);
    expect(c.out.join('\n')).toContain('With 5 relations between them.');
    const files = await readdir(path.join(dir, 'w3c'));
    expect(files.filter((f) => f.endsWith('.jsonld'))).toHaveLength(4);
    expect(files.filter((f) => f.endsWith('.txt'))).toHaveLength(4);
  });

  it('round-trips Parley JSON through a brat zip on disk', async () => {
    const input = await writeSample();
    const zip = path.join(dir, 'out.zip');
    expect(await runConvert(['--from', 'parley', input, '--to', 'brat', zip], capture().io)).toBe(0);
    const back = path.join(dir, 'back.parley.json');
    const c = capture();
    expect(await runConvert(['--from=brat', zip, '--to=parley', back], c.io)).toBe(0);
    expect(c.out[0]).toBe(`Read 3 documents and 15 annotations from ${zip} (brat).`);
    const json = JSON.parse(await readFile(back, 'utf8'));
    expect(json.documents.map((d: { layers: Array<{ annotations: unknown[] }> }) => d.layers[0]!.annotations.length)).toEqual([11, 4, 0]);
  });

  it('writes what CoNLL can hold, lists the rest, and exits 1', async () => {
    const input = await writeSample();
    const c = capture();
    expect(await runConvert(['--from', 'parley', input, '--to', 'conll', path.join(dir, 'out.conll')], c.io)).toBe(1);
    const text = c.err.join('\n');
    expect(text).toMatch(/Not written, because CoNLL \(IOB2\) cannot hold them \(4 items\):/);
    expect(text).toMatch(/overlaps/);
    expect(existsSync(path.join(dir, 'out.conll'))).toBe(true);
  });

  it('exits 1 and converts nothing when the input has errors', async () => {
    const c = capture();
    const out = path.join(dir, 'x.json');
    const code = await runConvert(['--from', 'doccano', path.join(FIXTURES, 'doccano/missing-text.jsonl'), '--to', 'parley', out], c.io);
    expect(code).toBe(1);
    expect(c.err.join('\n')).toMatch(/missing-text\.jsonl:3: "text" is missing/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses to overwrite an existing output without --force', async () => {
    const input = await writeSample();
    const out = path.join(dir, 'out.json');
    await writeFile(out, 'keep me');
    const c = capture();
    expect(await runConvert(['--from', 'parley', input, '--to', 'parley', out], c.io)).toBe(1);
    expect(c.err.join('\n')).toMatch(/already exists \(use --force to replace it\)/);
    expect(await readFile(out, 'utf8')).toBe('keep me');
    expect(await runConvert(['--from', 'parley', input, '--to', 'parley', out, '--force'], capture().io)).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8')).format).toBe('parley');
  });

  it('exits 2 on usage errors and unknown formats', async () => {
    const c = capture();
    expect(await runConvert(['--from', 'brat', 'a'], c.io)).toBe(2);
    expect(await runConvert(['--from', 'docx', 'a', '--to', 'w3c', 'b'], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(/unknown format docx/);
  });

  it('exits 1 when the input does not exist', async () => {
    const c = capture();
    expect(await runConvert(['--from', 'brat', path.join(dir, 'missing'), '--to', 'w3c', path.join(dir, 'o')], c.io)).toBe(1);
    expect(c.err[0]).toMatch(/does not exist/);
  });
});
