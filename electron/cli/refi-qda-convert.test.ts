import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MEETING_TEXT, producerProject } from '../../annotations/formats/test-fixtures/refi-qda/producers';
import { runConvert } from './convert';
import { capture } from './test-support/capture-io';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'parley-refi-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('parley convert with REFI-QDA', () => {
  it('reads a .qdpx from disk as an archive, detects it, and writes one back that reads the same', async () => {
    const input = path.join(dir, 'alliance.qdpx');
    await writeFile(input, producerProject({ origin: 'NVivo 14 (Windows)', counting: 'utf16', quoteNames: true, user: 'Ana Lee' }).qdpx);
    const json = path.join(dir, 'alliance.parley.json');
    const c = capture();
    expect(await runConvert([input, '--to', 'parley', json], c.io)).toBe(0);
    expect(c.err.join('\n')).toMatch(/REFI-QDA project/);
    expect(c.out[0]).toBe(`Read 2 documents and 10 annotations from ${input} (refi-qda).`);
    const corpus = JSON.parse(await readFile(json, 'utf8'));
    const meeting = corpus.documents.find((d: { text: string }) => d.text === MEETING_TEXT);
    expect(meeting.layers[0].annotations.map((a: { quote: { exact: string } }) => a.quote.exact)).toContain('the working group 🇰🇷');

    const again = path.join(dir, 'again.qdpx');
    expect(await runConvert(['--from', 'parley', json, '--to', 'refi-qda', again], capture().io)).toBe(0);
    expect((await readFile(again)).subarray(0, 2).toString('latin1')).toBe('PK');
    const back = capture();
    expect(await runConvert([again, '--to', 'parley', path.join(dir, 'back.parley.json')], back.io)).toBe(0);
    expect(back.out[0]).toBe(`Read 2 documents and 10 annotations from ${again} (refi-qda).`);
  });
});
