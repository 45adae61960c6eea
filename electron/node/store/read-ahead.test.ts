import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReadAhead } from './read-ahead';

async function folderWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-read-ahead-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text, 'utf8');
  return dir;
}

describe('ReadAhead', () => {
  it('gives each file its own bytes, in order, with more files than it reads ahead', async () => {
    const texts = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`doc-${i}.json`, `{"n":${i},"t":"한국어 📌\\r\\n"}`]));
    const dir = await folderWith(texts);
    const files = Object.keys(texts).map((n) => path.join(dir, n));
    const ahead = new ReadAhead(files, 2);
    for (const [i, file] of files.entries()) expect((await ahead.read(file)).toString('utf8')).toBe(texts[`doc-${i}.json`]);
  });

  it('fails for a missing file as readFile does, and the others still read', async () => {
    const dir = await folderWith({ 'a.json': 'a', 'c.json': 'c' });
    const files = ['a.json', 'b.json', 'c.json'].map((n) => path.join(dir, n));
    const ahead = new ReadAhead(files, 3);
    expect((await ahead.read(files[0]!)).toString()).toBe('a');
    await expect(ahead.read(files[1]!)).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await ahead.read(files[2]!)).toString()).toBe('c');
  });

  it('reads a file it was not told of, and a listed file asked for twice, from the disk', async () => {
    const dir = await folderWith({ 'a.json': 'first', 'other.json': 'other' });
    const a = path.join(dir, 'a.json');
    const ahead = new ReadAhead([a]);
    expect((await ahead.read(path.join(dir, 'other.json'))).toString()).toBe('other');
    expect((await ahead.read(a)).toString()).toBe('first');
    await writeFile(a, 'second', 'utf8');
    expect((await ahead.read(a)).toString()).toBe('second');
  });
});
