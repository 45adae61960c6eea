import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { expandZips, safeRelativePath, unzipFiles, zipFiles } from './zip';

describe('zip archives', () => {
  it('round-trips files with Hangul names', () => {
    const files = [
      { path: '통일부/memo.txt', data: 'Envoys met.' },
      { path: 'memo.ann', data: 'T1\tActor 0 6\tEnvoys\n' },
    ];
    const out = unzipFiles({ path: 'a.zip', data: zipFiles(files) });
    expect(out.ok && out.value.map((f) => f.path)).toEqual(['memo.ann', '통일부/memo.txt']);
  });

  it('refuses entries that climb out of the archive', () => {
    const evil = zipSync({ '../escape.txt': new Uint8Array([1]) });
    const out = expandZips([{ path: 'evil.zip', data: evil }]);
    expect(out.ok ? '' : out.error.problems![0]!.message).toMatch(/climbs out/);
    expect(safeRelativePath('/etc/passwd')).toBeUndefined();
    expect(safeRelativePath('a/./b')).toBe('a/b');
  });

  it('reports a file that is not a zip', () => {
    const out = unzipFiles({ path: 'x.zip', data: new Uint8Array([1, 2, 3, 4]) });
    expect(out.ok ? '' : out.error.code).toBe('invalid-format');
  });
});
