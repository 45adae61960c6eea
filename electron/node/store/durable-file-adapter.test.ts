import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DamagedFileError, DurableJsonFile, NewerSchemaError, nodeDurableFs, writeFileDurably, type DurableFs } from './durable-file-adapter';
import { makeTempDir, removeTempDir } from './test-support/store-fixtures';

const schema = z.object({ schemaVersion: z.literal(1), items: z.array(z.number()) });
type Data = z.infer<typeof schema>;

let dir: string;

/**
 * Node's file system, recording each call the writer makes (paths relative to
 * the test folder, the temporary file as `temp`); `failAt` makes that call throw.
 */
function recordingFs(failAt?: string): { fs: DurableFs; calls: string[] } {
  const calls: string[] = [];
  const name = (p: string) => (p.endsWith('.parley-tmp') ? 'temp' : path.relative(dir, p) || '.');
  const step = async <T>(call: string, run: () => Promise<T>): Promise<T> => {
    calls.push(call);
    if (call === failAt) throw new Error('injected failure');
    return run();
  };
  const fs: DurableFs = {
    async open(p, flags) {
      const handle = await step(`open ${name(p)} ${flags}`, () => nodeDurableFs.open(p, flags));
      return {
        writeFile: (data) => step(`write ${name(p)}`, () => handle.writeFile(data)),
        sync: () => step(`fsync ${name(p)}`, () => handle.sync()),
        close: () => step(`close ${name(p)}`, () => handle.close()),
      };
    },
    rename: (from, to) => step(`rename ${name(from)} -> ${name(to)}`, () => nodeDurableFs.rename(from, to)),
    unlink: (p) => step(`unlink ${name(p)}`, () => nodeDurableFs.unlink(p)),
  };
  return { fs, calls };
}

beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await removeTempDir(dir);
});

describe('DurableJsonFile', () => {
  it('writes through lowdb and reads back validated data', async () => {
    const file = path.join(dir, 'data.json');
    const db = new Low<Data>(new DurableJsonFile(file, schema, 1), { schemaVersion: 1, items: [] });
    db.data.items.push(1, 2);
    await db.write();
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ schemaVersion: 1, items: [1, 2] });
    expect(await new DurableJsonFile(file, schema, 1).read()).toEqual({ schemaVersion: 1, items: [1, 2] });
    expect(await readdir(dir)).toEqual(['data.json']);
  });

  it('returns null for a missing file and throws DamagedFileError for an invalid one', async () => {
    const file = path.join(dir, 'data.json');
    const adapter = new DurableJsonFile(file, schema, 1);
    expect(await adapter.read()).toBeNull();
    for (const content of ['', '{"schemaVersion":1,"ite', '{"schemaVersion":1,"items":["x"]}']) {
      await writeFile(file, content);
      await expect(adapter.read()).rejects.toBeInstanceOf(DamagedFileError);
    }
    await writeFile(file, '{"schemaVersion":2,"items":[]}');
    await expect(adapter.read()).rejects.toBeInstanceOf(NewerSchemaError);
  });

  it('writes, fsyncs the temporary file, renames it over the target, then fsyncs the folder — in that order', async () => {
    const file = path.join(dir, 'data.json');
    const { fs, calls } = recordingFs();
    await writeFileDurably(file, '{"schemaVersion":1,"items":[1]}', fs);
    expect(calls).toEqual(['open temp wx', 'write temp', 'fsync temp', 'close temp', 'rename temp -> data.json', 'open . r', 'fsync .', 'close .']);
    expect(await readFile(file, 'utf8')).toBe('{"schemaVersion":1,"items":[1]}');
  });

  for (const failAt of ['write temp', 'fsync temp', 'rename temp -> data.json'] as const) {
    it(`leaves the old file intact and no temporary file when the real writer stops at "${failAt}"`, async () => {
      const file = path.join(dir, 'data.json');
      await writeFileDurably(file, '{"schemaVersion":1,"items":[1]}');
      const { fs } = recordingFs(failAt);
      await expect(writeFileDurably(file, '{"schemaVersion":1,"items":[1,2,3]}', fs)).rejects.toThrow('injected failure');
      expect(await new DurableJsonFile(file, schema, 1).read()).toEqual({ schemaVersion: 1, items: [1] });
      expect(await readdir(dir)).toEqual(['data.json']);
    });
  }

  it('reads the old file when a crash left a half-written temporary file beside it', async () => {
    const file = path.join(dir, 'data.json');
    await writeFileDurably(file, '{"schemaVersion":1,"items":[1]}');
    // A crash after the temporary file was written but before the rename leaves exactly this behind.
    await writeFile(path.join(dir, '.data.json.999-deadbeef.parley-tmp'), '{"schemaVersion":1,"items":[1,2');
    expect(await new DurableJsonFile(file, schema, 1).read()).toEqual({ schemaVersion: 1, items: [1] });
  });

  it('fails when the temporary file cannot be created', async () => {
    await expect(writeFileDurably(path.join(dir, 'missing-folder', 'data.json'), '{}')).rejects.toThrow();
  });

  it('removes its temporary file when the rename fails, leaving other files untouched', async () => {
    const other = path.join(dir, 'data.json');
    await writeFileDurably(other, 'old');
    // A non-empty folder where the file should go makes the rename fail.
    const blocked = path.join(dir, 'blocked.json');
    await mkdir(blocked);
    await writeFile(path.join(blocked, 'x'), 'x');
    await expect(writeFileDurably(blocked, 'new')).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['blocked.json', 'data.json']);
    expect(await readFile(other, 'utf8')).toBe('old');
  });

  it('gives concurrent writers distinct temporary files so one never renames the other’s half-written file', async () => {
    const file = path.join(dir, 'data.json');
    const contents = Array.from({ length: 40 }, (_, i) => JSON.stringify({ schemaVersion: 1, items: Array.from({ length: 2000 }, () => i) }));
    await Promise.all(contents.map((c) => writeFileDurably(file, c)));
    expect(contents).toContain(await readFile(file, 'utf8'));
    expect(await readdir(dir)).toEqual(['data.json']);
  });
});
