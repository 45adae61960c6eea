import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unzipFiles } from '../../annotations/formats/zip';
import { readInputs, writeOutputs } from './read-inputs';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'parley-io-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('reading and writing CLI paths', () => {
  it('reads a folder recursively with relative paths, skipping hidden files', async () => {
    await mkdir(path.join(dir, 'in/sub'), { recursive: true });
    await writeFile(path.join(dir, 'in/a.txt'), '통일부');
    await writeFile(path.join(dir, 'in/sub/b.ann'), 'T1');
    await writeFile(path.join(dir, 'in/.DS_Store'), 'x');
    const files = await readInputs(path.join(dir, 'in'));
    expect(files.ok && files.value.map((f) => f.path)).toEqual(['a.txt', 'sub/b.ann']);
  });

  it('writes a single file, a folder, or a zip depending on the output path', async () => {
    const files = [
      { path: 'one.txt', data: 'Envoys met in 판문점.' },
      { path: 'sub/two.ann', data: 'T1\tActor 0 6\tEnvoys\n' },
    ];
    const single = await writeOutputs(path.join(dir, 'single.txt'), [files[0]!]);
    expect(single.ok && (await readFile(path.join(dir, 'single.txt'), 'utf8'))).toBe('Envoys met in 판문점.');
    const folder = await writeOutputs(path.join(dir, 'folder'), files);
    expect(folder.ok && (await readFile(path.join(dir, 'folder/sub/two.ann'), 'utf8'))).toMatch(/^T1/);
    const zip = await writeOutputs(path.join(dir, 'out.zip'), files);
    expect(zip.ok).toBe(true);
    const back = unzipFiles({ path: 'out.zip', data: new Uint8Array(await readFile(path.join(dir, 'out.zip'))) });
    expect(back.ok && back.value.map((f) => f.path)).toEqual(['one.txt', 'sub/two.ann']);
  });

  it('refuses unsafe output names', async () => {
    const result = await writeOutputs(path.join(dir, 'o'), [{ path: '../escape.txt', data: 'x' }]);
    expect(result.ok ? '' : result.error.code).toBe('invalid-input');
  });
});
