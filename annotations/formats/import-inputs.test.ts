import { describe, expect, it } from 'vitest';
import { defaultLabelSchema } from '../labels';
import { CorpusBuilder } from './corpus-builder';
import type { FormatFile } from './format';
import { importInputs, readEachInput } from './import-inputs';
import { zipFiles } from './zip';

const NOW = '2026-11-30T09:00:00.000Z';

describe('importInputs', () => {
  it('expands zips, keeps the files the format reads in order, and keeps every file for companions', () => {
    const zip: FormatFile = { path: 'batch.zip', data: zipFiles([{ path: 'b/two.jsonl', data: '{"text":"서울"}\n' }, { path: 'b/readme.md', data: '# notes' }]) };
    const files: FormatFile[] = [{ path: 'one.JSONL', data: '{"text":"Seoul 🤝"}\r\n' }, zip, { path: 'texts/one.txt', data: 'Seoul' }];
    const opened = importInputs(files, /\.(jsonl|json)$/i, 'no .jsonl file was given');
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value.inputs.map((f) => f.path)).toEqual(['one.JSONL', 'b/two.jsonl']);
    expect(opened.value.all.map((f) => f.path).sort()).toEqual(['b/readme.md', 'b/two.jsonl', 'one.JSONL', 'texts/one.txt']);
  });

  it('fails with the format’s own message, and its problems, when no file fits', () => {
    const opened = importInputs([{ path: 'notes.txt', data: 'Seoul' }], /\.json$/i, 'no .json file was given', [{ message: 'Parley JSON import needs at least one .json file' }]);
    expect(opened).toEqual({ ok: false, error: { code: 'invalid-input', message: 'no .json file was given', problems: [{ message: 'Parley JSON import needs at least one .json file' }] } });
  });

  it('passes on the failure of a zip that cannot be read', () => {
    const opened = importInputs([{ path: 'broken.zip', data: new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]) }], /\.json$/i, 'no .json file was given');
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.error.message).not.toBe('no .json file was given');
  });
});

describe('readEachInput', () => {
  const inputs: FormatFile[] = ['a.json', 'b.json', 'c.json'].map((path) => ({ path, data: '{}' }));

  it('reads every file in order, reporting progress before each and at the end', () => {
    const progress: string[] = [];
    const builder = new CorpusBuilder({ labels: defaultLabelSchema(), now: NOW, onProgress: (done, total) => progress.push(`${done}/${total}`) }, 'test');
    const read: string[] = [];
    expect(readEachInput(builder, inputs, (f) => read.push(f.path))).toBeUndefined();
    expect(read).toEqual(['a.json', 'b.json', 'c.json']);
    expect(progress).toEqual(['0/3', '1/3', '2/3', '3/3']);
  });

  it('stops between files when the caller cancels, and says so', () => {
    const read: string[] = [];
    const builder = new CorpusBuilder({ labels: defaultLabelSchema(), now: NOW, isCancelled: () => read.length >= 2 }, 'test');
    const stop = readEachInput(builder, inputs, (f) => read.push(f.path));
    expect(read).toEqual(['a.json', 'b.json']);
    expect(stop).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });
});
