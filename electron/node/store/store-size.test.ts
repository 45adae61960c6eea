import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureStore } from './store-size';

const SHA = 'c'.repeat(64);

describe('the size of a store folder', () => {
  it('counts documents, originals and backups apart, and the rest as other', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-size-'));
    await mkdir(path.join(dir, 'documents'));
    await writeFile(path.join(dir, 'documents', 'doc_a.json'), 'x'.repeat(1000));
    await writeFile(path.join(dir, 'documents', 'doc_b.json'), 'x'.repeat(500));
    await writeFile(path.join(dir, 'library.json'), 'x'.repeat(100));
    await mkdir(path.join(dir, 'originals'));
    await writeFile(path.join(dir, 'originals', `${SHA}.pdf`), 'x'.repeat(20_000));
    // A write cut short leaves a temporary file: its bytes count, but it is not an original.
    await writeFile(path.join(dir, 'originals', `.${SHA}.1234.tmp`), 'x'.repeat(10));
    await mkdir(path.join(dir, 'backups', 'documents', 'doc_a'), { recursive: true });
    await writeFile(path.join(dir, 'backups', 'documents', 'doc_a', '1.json'), 'x'.repeat(300));
    await writeFile(path.join(dir, 'settings.json'), 'x'.repeat(40));

    const size = await measureStore(dir);
    expect(size.documents).toEqual({ count: 2, bytes: 1600 });
    expect(size.originals).toEqual({ count: 1, bytes: 20_010 });
    expect(size.backups).toEqual({ count: 1, bytes: 300 });
    expect(size.other).toEqual({ count: 1, bytes: 40 });
    expect(size.totalBytes).toBe(1600 + 20_010 + 300 + 40);
  });

  it('does not follow a link out of the store, and measures a store with no parts yet as empty', async () => {
    const outside = await mkdtemp(path.join(os.tmpdir(), 'parley-size-outside-'));
    await writeFile(path.join(outside, 'huge.bin'), 'x'.repeat(100_000));
    const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-size-'));
    expect((await measureStore(dir)).totalBytes).toBe(0);
    await symlink(outside, path.join(dir, 'originals'));
    const size = await measureStore(dir);
    expect(size.originals.count).toBe(0);
    expect(size.originals.bytes).toBeLessThan(100_000);
  });
});
