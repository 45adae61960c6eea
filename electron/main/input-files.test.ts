import { mkdir, open, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readInputs } from '../cli/read-inputs';
import { closeTestStores, openTestStore, QueuedDialogs, value } from './handlers/handler-test-kit';
import { createHandlers } from './handlers/create-handlers';
import { readFormatFiles } from '../node/import/format-files';
import { decodeUtf8, readFileWithin, readTextWithin } from '../node/import/input-files';
import { makeTempDir, removeTempDir } from '../node/store/test-support/store-fixtures';

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir('parley-input-');
});
afterEach(async () => {
  await closeTestStores();
  await removeTempDir(dir);
});

/** A file of `bytes` bytes that occupies no disk space and would cost that much memory to read. */
async function sparseFile(name: string, bytes: number): Promise<string> {
  const file = path.join(dir, name);
  const handle = await open(file, 'w');
  await handle.truncate(bytes);
  await handle.close();
  return file;
}

const GB = 1024 * 1024 * 1024;

/** Runs `work` and returns how much the resident set grew at most while it ran, in bytes. */
async function rssGrowth(work: () => Promise<unknown>): Promise<number> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, process.memoryUsage().rss) - before;
}

describe('sizes are checked before a file is read', () => {
  it('refuses a 1 GB sparse file on every path, by name, without reading it', async () => {
    const big = await sparseFile('huge-report.html', GB);
    await mkdir(path.join(dir, 'folder'));
    await sparseFile('folder/huge.ann', GB);
    const { opened } = await openTestStore('Min-ji');
    const dialogs = new QueuedDialogs();
    const api = createHandlers({ ...opened, dialogs, version: 'test', notify: () => undefined });
    const messages: string[] = [];
    const started = Date.now();
    const growth = await rssGrowth(async () => {
      const direct = await readFileWithin(big, 30 * 1024 * 1024);
      messages.push(!direct.ok ? `${direct.error.code} ${direct.error.message}` : 'read');
      const cliFile = await readInputs(big);
      messages.push(!cliFile.ok ? `${cliFile.error.code} ${cliFile.error.message}` : 'read');
      const cliFolder = await readInputs(path.join(dir, 'folder'));
      messages.push(!cliFolder.ok ? `${cliFolder.error.code} ${cliFolder.error.message}` : 'read');
      const formatDialog = await readFormatFiles([big]);
      messages.push(!formatDialog.ok ? `${formatDialog.error.code} ${formatDialog.error.message}` : 'read');
      dialogs.opens.push([big]);
      const articleDialog = value(await api.importFromDialog({}));
      messages.push(`${articleDialog?.problems.map((p) => `${p.file} ${p.message}`).join(', ')}`);
    });
    expect(messages).toHaveLength(5);
    for (const m of messages) expect(m).toMatch(/too-large .*huge|huge-report\.html .*1,024 MB/);
    expect(messages[0]).toContain('huge-report.html is 1,024 MB');
    expect(messages[2]).toContain('huge.ann');
    // Reading the file would have cost a gigabyte; refusing it costs next to nothing.
    expect(growth).toBeLessThan(64 * 1024 * 1024);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(opened.store.listDocuments()).toEqual([]);
  });

  it('reads files up to the limit exactly, and refuses one byte more', async () => {
    for (const content of ['', 'Envoys met.\r\n', '통일부 🇰🇷', 'x'.repeat(200_000)]) {
      const file = path.join(dir, 'a.txt');
      await writeFile(file, content);
      const size = Buffer.byteLength(content);
      const read = await readTextWithin(file, size);
      expect(read).toEqual({ ok: true, value: content });
      if (size > 0) expect(!(await readFileWithin(file, size - 1)).ok).toBe(true);
    }
  });

  it('decodes strictly: invalid UTF-8 is an error naming the file, a byte-order mark is dropped', () => {
    expect(decodeUtf8('a.txt', new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ ok: true, value: 'A' });
    for (const bytes of [[0xff, 0x41], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xe2, 0x82]]) {
      const decoded = decodeUtf8('bad.txt', new Uint8Array(bytes));
      expect(!decoded.ok && decoded.error).toEqual({ code: 'invalid-format', message: 'bad.txt is not valid UTF-8 text' });
    }
  });

  it('names a missing file and a folder given as a file', async () => {
    expect(await readFileWithin(path.join(dir, 'gone.txt'), 10)).toMatchObject({ ok: false, error: { code: 'not-found', message: 'gone.txt does not exist' } });
    expect(await readFileWithin(dir, 10, 'the-folder')).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
