/**
 * What the store says about a file it cannot use, and which failures of a
 * folder's fsync it may skip: each damage gets its own message naming the
 * file, and only the codes of systems that cannot sync a folder are ignored.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DamagedFileError, DurableJsonFile, NewerSchemaError, nodeDurableFs, parseStoreFile, syncDirectory, type DurableFs } from './durable-file-adapter';
import { makeTempDir, removeTempDir } from './test-support/store-fixtures';

const schema = z.object({ schemaVersion: z.literal(2), labels: z.array(z.object({ name: z.string() })) });
const utf8 = (text: string) => new TextEncoder().encode(text);

function damage(bytes: Uint8Array): DamagedFileError {
  try {
    parseStoreFile('library.json', bytes, schema, 2);
  } catch (error) {
    if (error instanceof DamagedFileError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('parseStoreFile', () => {
  it('names the file and the damage, one message for each kind', () => {
    const cases: Array<[Uint8Array, string]> = [
      [new Uint8Array(0), 'the file is empty (zero bytes)'],
      [new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 'the file is not UTF-8 text (overwritten with other data?)'],
      [utf8('{"schemaVersion": 2, "labels": ['), 'the file is not valid JSON, probably truncated ('],
      [utf8('null'), 'the file does not have the expected structure ((root): '],
      [utf8('{"schemaVersion": 2, "labels": [{"name": 1}]}'), 'the file does not have the expected structure (labels.0.name: '],
    ];
    for (const [bytes, problem] of cases) {
      const error = damage(bytes);
      expect(error.name).toBe('DamagedFileError');
      expect(error.file).toBe('library.json');
      expect(error.problem.startsWith(problem)).toBe(true);
      expect(error.message).toBe(`library.json: ${error.problem}`);
    }
  });

  it('lists at most three structural problems, separated by semicolons', () => {
    const labels = Array.from({ length: 5 }, () => ({ name: 7 }));
    const error = damage(utf8(JSON.stringify({ schemaVersion: 2, labels })));
    expect(error.problem.match(/labels\.\d\.name: /g)).toEqual(['labels.0.name: ', 'labels.1.name: ', 'labels.2.name: ']);
    expect(error.problem.split('; ')).toHaveLength(3);
  });

  it('refuses a newer format as newer only when the version is a whole number above the supported one', () => {
    try {
      parseStoreFile('library.json', utf8('{"schemaVersion": 3, "labels": []}'), schema, 2);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(NewerSchemaError);
      expect((error as NewerSchemaError).message).toBe('library.json was written by a newer version of Parley (format 3; this version reads 2)');
      expect((error as NewerSchemaError).name).toBe('NewerSchemaError');
    }
    // Not a whole number, not a number, or not an object: damaged, not newer.
    for (const text of ['{"schemaVersion": 3.5, "labels": []}', '{"schemaVersion": "3", "labels": []}', '[3]', '3']) {
      expect(() => parseStoreFile('library.json', utf8(text), schema, 2)).toThrow(DamagedFileError);
    }
    expect(parseStoreFile('library.json', utf8('{"schemaVersion": 2, "labels": [{"name": "Actor"}]}'), schema, 2)).toEqual({ schemaVersion: 2, labels: [{ name: 'Actor' }] });
  });
});

describe('DurableJsonFile.read', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(async () => {
    await removeTempDir(dir);
  });

  it('passes on a read error other than a missing file', async () => {
    const folder = path.join(dir, 'library.json');
    await mkdir(folder);
    await expect(new DurableJsonFile(folder, schema, 2).read()).rejects.toMatchObject({ code: 'EISDIR' });
    expect(await new DurableJsonFile(path.join(dir, 'missing.json'), schema, 2).read()).toBeNull();
  });
});

describe('syncDirectory', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(async () => {
    await removeTempDir(dir);
  });

  /** Node's file system, where opening or syncing a folder fails with `code`; records closes. */
  function failingFs(step: 'open' | 'sync', code: string): { fs: DurableFs; closed: string[] } {
    const closed: string[] = [];
    const failure = () => Object.assign(new Error(`injected ${code}`), { code });
    const fs: DurableFs = {
      ...nodeDurableFs,
      async open(p, flags) {
        if (step === 'open') throw failure();
        const handle = await nodeDurableFs.open(p, flags);
        return {
          writeFile: (data) => handle.writeFile(data),
          sync: () => Promise.reject(failure()),
          close: async () => {
            closed.push(p);
            await handle.close();
          },
        };
      },
    };
    return { fs, closed };
  }

  for (const code of ['EISDIR', 'EPERM', 'EACCES', 'EINVAL']) {
    it(`skips the folder's fsync where the system cannot do it (${code})`, async () => {
      await expect(syncDirectory(dir, failingFs('open', code).fs)).resolves.toBeUndefined();
      const atSync = failingFs('sync', code);
      await expect(syncDirectory(dir, atSync.fs)).resolves.toBeUndefined();
      expect(atSync.closed).toEqual([dir]);
    });
  }

  for (const code of ['EIO', 'ENOSPC', 'ENOENT']) {
    it(`fails when the folder cannot be synced for another reason (${code}), closing what it opened`, async () => {
      await expect(syncDirectory(dir, failingFs('open', code).fs)).rejects.toMatchObject({ code });
      const atSync = failingFs('sync', code);
      await expect(syncDirectory(dir, atSync.fs)).rejects.toMatchObject({ code });
      expect(atSync.closed).toEqual([dir]);
    });
  }
});
