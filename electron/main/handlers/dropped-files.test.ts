/**
 * Files dropped on the window: the preload's client (`importDroppedWith`)
 * sends only paths it found on dropped files, through the same checks as
 * every call, and the main process imports them as the dialog imports chosen
 * files (sources read in the worker, originals kept).
 */
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TaskProgressEvent } from '../../../shared/api';
import { importDroppedWith, MAX_DROPPED_FILES } from '../../../shared/api-client';
import { channelOf } from '../../../shared/api-methods';
import { sha256Of } from '../../node/sources/original-files';
import { makePdf } from '../../node/sources/test-support/pdf-fixtures';
import { TaskRegistry } from '../../node/tasks/task-registry';
import { registerApi } from '../ipc/register-api';
import { APP_ORIGIN, createSenderCheck } from '../ipc/sender-check';
import { createHandlers } from './create-handlers';
import { closeTestStores, openTestStore, QueuedDialogs, value } from './handler-test-kit';

let workerFile = '';
let pdf: Uint8Array;

beforeAll(async () => {
  workerFile = path.join(await mkdtemp(path.join(os.tmpdir(), 'parley-worker-')), 'format-worker.js');
  await build({ entryPoints: [path.join(__dirname, '../../node/tasks/format-worker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: workerFile, logLevel: 'silent' });
  pdf = await makePdf({
    title: 'Envoy Report',
    pages: [[{ runs: 'Envoy Report', size: 18 }, { runs: 'The envoys met on Monday.', gapBefore: 14 }], [{ runs: [{ text: '통일부는 ', font: 'hangul' }, { text: 'welcomed it. 😀' }] }]],
  });
}, 120_000);
afterEach(closeTestStores);

/** A dropped file as the page holds it, and the path Electron would give for it ('' when it is not on disk). */
interface FakeDrop {
  name: string;
  size: number;
  path: string;
}

/** The app's handlers registered as in the app, and the preload's drop client over them. */
async function setup() {
  const { dir, opened } = await openTestStore('Min-ji');
  const progress: TaskProgressEvent[] = [];
  const tasks = new TaskRegistry((e) => e.type === 'progress' && progress.push(e));
  const api = createHandlers({ ...opened, dialogs: new QueuedDialogs(), version: 'test', notify: () => undefined, tasks, formatWorker: workerFile });
  const channels = new Map<string, (event: { senderFrame: { url: string } }, input: unknown) => Promise<unknown>>();
  registerApi({ handle: (channel, listener) => channels.set(channel, listener) }, api, createSenderCheck([APP_ORIGIN]));
  const sent: unknown[] = [];
  const invoke = (channel: string, input: unknown) => {
    sent.push(input);
    return channels.get(channel)!({ senderFrame: { url: `${APP_ORIGIN}/index.html` } }, input);
  };
  const drop = (files: FakeDrop[]) => importDroppedWith(invoke, files, (f) => f.path);
  return { dir, api, store: opened.store, drop, sent, progress, channels };
}

async function onDisk(dir: string, name: string, bytes: Uint8Array | string): Promise<FakeDrop> {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return { name, size: typeof bytes === 'string' ? bytes.length : bytes.length, path: file };
}

describe('dropping files on the window', () => {
  it('imports a dropped PDF with its pages and original, and a text file, as the dialog does', async () => {
    const { dir, api, store, drop, progress } = await setup();
    const text = 'Talks resume\r\n\r\n통일부 welcomed the talks 🇰🇷.\r\n';
    const report = value(await drop([await onDisk(dir, 'envoy.pdf', pdf), await onDisk(dir, 'talks.txt', text)]));
    expect(report.problems).toEqual([]);
    expect(report.added.map((a) => a.title).sort()).toEqual(['Envoy Report', 'talks']);
    expect(value(await api.getDocument({ documentId: report.added.find((a) => a.title === 'talks')!.id })).document.text).toContain('통일부 welcomed the talks 🇰🇷.');
    const pdfDoc = value(await api.getDocument({ documentId: report.added.find((a) => a.title === 'Envoy Report')!.id })).document;
    expect(pdfDoc.text).toBe('Envoy Report\n\nThe envoys met on Monday.\n\n통일부는 welcomed it. 😀');
    expect(pdfDoc.pages).toHaveLength(2);
    expect(pdfDoc.originalSha256).toBe(sha256Of(pdf));
    expect(await readdir(path.join(store.dir, 'originals'))).toEqual([`${sha256Of(pdf)}.pdf`]);
    // A task with progress, which the window shows with its Cancel button.
    expect(progress.some((e) => e.finished && e.task.startsWith('Importing 2 articles'))).toBe(true);

    const again = value(await drop([await onDisk(dir, 'copy of envoy.pdf', pdf)]));
    expect(again.added).toEqual([]);
    expect(again.duplicates).toEqual([{ name: 'copy of envoy.pdf', existingId: pdfDoc.id }]);
  });

  it('reports a file that is not on disk, and sends nothing for it', async () => {
    const { drop, sent, store } = await setup();
    const report = value(await drop([{ name: 'made-in-page.pdf', size: 10, path: '' }]));
    expect(report).toEqual({ added: [], duplicates: [], problems: [{ file: 'made-in-page.pdf', message: 'not a file on this computer, so it cannot be imported by dropping' }] });
    expect(sent).toEqual([]);
    expect(store.listDocuments()).toEqual([]);
  });

  it('refuses relative paths and kinds it does not import without reading them, and leaves the store unchanged', async () => {
    const { dir, drop, store } = await setup();
    const csv = await onDisk(dir, 'table.csv', 'a,b\n1,2\n');
    const report = value(await drop([{ name: 'report.pdf', size: 1, path: 'relative/report.pdf' }, csv, { name: 'passwd', size: 1, path: '/etc/passwd' }]));
    expect(report.added).toEqual([]);
    expect(report.problems.map((p) => p.file)).toEqual(['report.pdf', 'table.csv', 'passwd']);
    expect(report.problems[0]!.message).toMatch(/absolute/);
    expect(report.problems[1]!.message).toMatch(/^not an article/);
    expect(store.listDocuments()).toEqual([]);
  });

  it('refuses a damaged PDF with a clear problem and keeps no original', async () => {
    const { dir, drop, store } = await setup();
    const report = value(await drop([await onDisk(dir, 'broken.pdf', '%PDF-1.7\nnot really a PDF')]));
    expect(report.added).toEqual([]);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]!.file).toBe('broken.pdf');
    expect(store.listDocuments()).toEqual([]);
    expect(await readdir(path.join(store.dir, 'originals')).catch(() => [])).toEqual([]);
  });

  it(`imports at most ${MAX_DROPPED_FILES} files of one drop and names the others`, async () => {
    const { dir, drop, sent } = await setup();
    const one = await onDisk(dir, 'note.txt', 'A short note.');
    const many = Array.from({ length: MAX_DROPPED_FILES + 2 }, () => one);
    const report = value(await drop(many));
    expect(report.problems.filter((p) => /at most 500 files/.test(p.message))).toHaveLength(2);
    expect((sent[0] as { paths: string[] }).paths).toHaveLength(MAX_DROPPED_FILES);
  });

  it('is not in the page client, and its channel checks the sender like every call', async () => {
    const { channels } = await setup();
    const { createApiClient } = await import('../../../shared/api-client');
    expect('importDroppedFiles' in createApiClient(() => Promise.resolve(null))).toBe(false);
    const refused = (await channels.get(channelOf('importDroppedFiles'))!({ senderFrame: { url: 'https://example.com/' } }, { paths: ['/tmp/x.pdf'] })) as { ok: boolean; error?: { code: string } };
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
