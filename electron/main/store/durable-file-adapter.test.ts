import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DamagedFileError, DurableJsonFile, NewerSchemaError, writeFileDurably } from './durable-file-adapter';
import { makeTempDir, removeTempDir } from './test-support/store-fixtures';

const schema = z.object({ schemaVersion: z.literal(1), items: z.array(z.number()) });
type Data = z.infer<typeof schema>;

let dir: string;
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

  it('leaves the old file intact when a write stops before the rename', async () => {
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
