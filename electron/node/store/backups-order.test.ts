import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKUPS_DIR, Backups } from './backups';
import { newestValid } from './load-store';
import { makeTempDir, removeTempDir } from './test-support/store-fixtures';

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await removeTempDir(dir);
});

const subject = { kind: 'document', stem: 'talks' } as const;

/** Takes snapshots of `live` holding each content in turn, at the clock times given. */
async function snapshots(backups: Backups, versions: Array<[content: string, clock: string]>, setClock: (t: string) => void) {
  const live = path.join(dir, 'talks.json');
  for (const [content, clock] of versions) {
    await writeFile(live, content);
    setClock(clock);
    await backups.snapshot(subject, live, 0);
    // The store replaces a live file by rename, never in place; removing it keeps the snapshot's inode apart the same way.
    await unlink(live);
  }
}

describe('backup order', () => {
  it('orders snapshots by sequence, not by the clock: a clock set ahead and corrected does not make an older one win', async () => {
    let clock = '2026-03-01T10:00:00.000Z';
    const now = () => clock;
    const backups = await Backups.load(dir, now, () => undefined);
    await snapshots(
      backups,
      [
        ['first', '2026-03-01T10:00:00.000Z'],
        ['second, clock ahead', '2031-01-01T00:00:00.000Z'],
        ['third, clock corrected', '2026-03-01T10:05:00.000Z'],
      ],
      (t) => (clock = t),
    );
    const contents = async (b: Backups) => Promise.all(b.list(subject).map((r) => readFile(r.file, 'utf8')));
    expect(await contents(backups)).toEqual(['third, clock corrected', 'second, clock ahead', 'first']);
    // The same order after the store is opened again, and the next snapshot is newer still.
    const reopened = await Backups.load(dir, now, () => undefined);
    expect(await contents(reopened)).toEqual(['third, clock corrected', 'second, clock ahead', 'first']);
    await snapshots(reopened, [['fourth', '2020-01-01T00:00:00.000Z']], (t) => (clock = t));
    expect((await contents(reopened))[0]).toBe('fourth');
    const restored = await newestValid(reopened.list(subject), (bytes) => Buffer.from(bytes).toString('utf8'), () => undefined);
    expect(restored?.data).toBe('fourth');
  });

  it('counts snapshots named before sequence numbers as older than any numbered one, ordered by their time among themselves', async () => {
    const folder = path.join(dir, BACKUPS_DIR, 'documents', 'talks');
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, '2030-01-01T00-00-00.000Z_00000001_abcd_n0.json'), 'old, clock ahead');
    await writeFile(path.join(folder, '2026-01-01T00-00-00.000Z_00000002_abcd_n0.json'), 'old');
    let clock = '2026-02-01T00:00:00.000Z';
    const backups = await Backups.load(dir, () => clock, () => undefined);
    await snapshots(backups, [['numbered', '2026-02-01T00:00:00.000Z']], (t) => (clock = t));
    expect(await Promise.all(backups.list(subject).map((r) => readFile(r.file, 'utf8')))).toEqual(['numbered', 'old, clock ahead', 'old']);
  });
});
