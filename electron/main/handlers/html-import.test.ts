/**
 * Article HTML is reduced to text in the format worker, so the main process
 * (the window's event loop) keeps running while a hostile page is read.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { htmlToText } from '../../../annotations/import/html-text';
import { createHandlers } from './create-handlers';
import { closeTestStores, openTestStore, QueuedDialogs, value } from './handler-test-kit';

let workerFile = '';
beforeAll(async () => {
  workerFile = path.join(await mkdtemp(path.join(os.tmpdir(), 'parley-worker-')), 'format-worker.js');
  await build({ entryPoints: [path.join(__dirname, '../../node/tasks/format-worker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: workerFile, logLevel: 'silent' });
});
afterEach(closeTestStores);

/** The longest the event loop went without running a timer while `work` ran, in ms. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(longest, performance.now() - last);
}

describe('HTML import in the worker', () => {
  it('keeps the main process responsive while a deeply nested page is read, and imports its text', async () => {
    // Nearly 10 million characters (the most one import may send) of nesting, with a sentence in the middle.
    const depth = 800_000;
    const page = `<html><head><title>Nested</title></head><body>${'<div><span>'.repeat(depth / 2)}Seoul and Washington met. 통일부 🇰🇷${'</span></div>'.repeat(depth / 2)}</body></html>`;
    const started = performance.now();
    expect(htmlToText(page).text).toBe('Seoul and Washington met. 통일부 🇰🇷');
    const inline = performance.now() - started;

    const { opened } = await openTestStore('Min-ji');
    const api = createHandlers({ ...opened, dialogs: new QueuedDialogs(), version: 'test', notify: () => undefined, formatWorker: workerFile });
    let report: Awaited<ReturnType<typeof api.importTexts>> | undefined;
    const stall = await longestStall(async () => {
      report = await api.importTexts({ files: [{ name: 'nested.html', content: page }, { name: 'plain.htm', content: '<p>Envoys met in 판문점.</p>' }] });
    });
    const added = value(report!).added;
    expect(added.map((d) => d.title)).toEqual(['Nested', 'plain']);
    expect(value(await api.getDocument({ documentId: added[0]!.id })).document.text).toBe('Seoul and Washington met. 통일부 🇰🇷');
    console.log(`HTML page of ${page.length.toLocaleString('en-US')} characters: ${Math.round(inline)} ms to read inline; longest main-process stall with the worker ${Math.round(stall)} ms`);
    // Inline, the whole conversion would block the loop; in the worker only copying the page does.
    expect(stall).toBeLessThan(Math.max(inline * 0.6, 100));
  });
});
