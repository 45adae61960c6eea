/**
 * Hostile articles and notes: markup and script imported as .html, as .txt and
 * by paste, and put in a note, must be shown as text and never run. Every
 * payload tries to leave a trace — set `window.__pwned`, open an alert, load
 * a URL from a local beacon server, or add an element marked `data-pwn` — and
 * the test checks that none of those traces appears.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call, textPoints } from './reader-helpers';
import { closeBrowser, launchParley, type ParleyHarness } from './support/harness';

let app: ParleyHarness | undefined;
let beacon: http.Server;
let beaconHits: string[] = [];
let beaconOrigin = '';

beforeAll(async () => {
  beacon = http.createServer((req, res) => {
    beaconHits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
  await new Promise<void>((resolve) => beacon.listen(0, '127.0.0.1', resolve));
  beaconOrigin = `http://127.0.0.1:${(beacon.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await app?.close();
  app = undefined;
});
afterAll(async () => {
  await closeBrowser();
  await new Promise<void>((resolve) => beacon.close(() => resolve()));
});

/** Lines of markup and script, each of which would leave a trace if it were interpreted. */
function payloadLines(): string[] {
  return [
    `<script data-pwn>window.__pwned = 'script'; alert('script')</script>`,
    `<script data-pwn src="${beaconOrigin}/script.js"></script>`,
    `<img data-pwn src="${beaconOrigin}/img.png" onerror="window.__pwned = 'img'; alert('img')">`,
    `<a data-pwn href="javascript:window.__pwned = 'link'">click me</a>`,
    `<iframe data-pwn src="${beaconOrigin}/frame" srcdoc="<script>parent.__pwned = 'iframe'</script>"></iframe>`,
    `<style data-pwn>@import url(${beaconOrigin}/import.css); body { background: url(${beaconOrigin}/style.png) } .cm-content { display: none }</style>`,
    `<svg data-pwn onload="window.__pwned = 'svg'"><circle r="4"/></svg>`,
    `<div data-pwn style="background: url(${beaconOrigin}/inline.png)">styled</div>`,
    `<object data-pwn data="${beaconOrigin}/object"></object><embed data-pwn src="${beaconOrigin}/embed">`,
    `<link data-pwn rel="stylesheet" href="${beaconOrigin}/link.css"><meta http-equiv="refresh" content="0;url=${beaconOrigin}/meta">`,
    `<details data-pwn open ontoggle="window.__pwned = 'details'">x</details>`,
    `{{constructor.constructor("window.__pwned = 'template'")()}} \${window.__pwned = 'literal'}`,
  ];
}

/** What the page is watched for, from the moment the window opens. */
interface Watch {
  dialogs: string[];
  foreignRequests: string[];
  scriptsAtStart: number;
}

async function start(): Promise<{ page: Page; watch: Watch }> {
  // Tall enough that CodeMirror draws every line of the articles below.
  app = await launchParley({ seedSamples: false, viewport: { width: 1600, height: 3000 } });
  const page = app.page;
  const origin = new URL(page.url()).origin;
  const watch: Watch = { dialogs: [], foreignRequests: [], scriptsAtStart: 0 };
  page.on('dialog', (dialog) => {
    watch.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== origin) watch.foreignRequests.push(request.url());
  });
  // Record Content-Security-Policy violations in this page and in every reload.
  const recordViolations = () => {
    const w = window as unknown as { __violations?: string[] };
    if (w.__violations) return;
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations!.push(`${e.effectiveDirective} ${e.blockedURI}`));
  };
  await page.context().addInitScript(recordViolations);
  await page.evaluate(recordViolations);
  await page.getByRole('navigation', { name: 'Library' }).waitFor();
  watch.scriptsAtStart = await page.evaluate(() => document.scripts.length);
  beaconHits = [];
  return { page, watch };
}

/** Every trace a payload could leave, so one `toEqual` shows all that went wrong. */
async function traces(page: Page, watch: Watch) {
  const inPage = await page.evaluate(() => {
    const w = window as unknown as { __pwned?: unknown; __violations: string[] };
    return {
      pwned: w.__pwned === undefined ? null : String(w.__pwned),
      injectedElements: [...document.querySelectorAll('[data-pwn], iframe, object, embed, svg circle')].map((e) => e.outerHTML.slice(0, 80)),
      scripts: document.scripts.length,
      violations: w.__violations,
      frames: window.frames.length,
    };
  });
  return { ...inPage, dialogs: watch.dialogs, foreignRequests: watch.foreignRequests, beaconHits };
}

function nothingRan(watch: Watch) {
  return { pwned: null, injectedElements: [], scripts: watch.scriptsAtStart, violations: [], frames: 0, dialogs: [], foreignRequests: [], beaconHits: [] };
}

/** The reader's text, one string per line as CodeMirror draws it. */
async function readerLines(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('.parley-reader .cm-line')].map((l) => l.textContent ?? ''));
}

async function openFromLibrary(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Library' }).getByText(title, { exact: true }).click();
  await page.locator('.parley-reader .cm-line').first().filter({ hasText: title }).waitFor();
}

async function importThroughDialog(page: Page, files: Record<string, string>): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-e2e-hostile-'));
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  app!.dialogs.nextOpen(Object.keys(files).map((name) => path.join(dir, name)));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('dialog', { name: 'Import articles' }).getByRole('button', { name: 'Choose files…' }).click();
  await page.getByText(`Import: ${Object.keys(files).length} document${Object.keys(files).length === 1 ? '' : 's'} added`).waitFor();
}

describe('hostile input is shown as text and never runs', () => {
  it('imports .txt and .md articles of markup and script and shows every character of them as text, titles too', async () => {
    const { page, watch } = await start();
    const lines = payloadLines();
    const heading = `<img data-pwn src="${beaconOrigin}/title.png" onerror="window.__pwned = 'title'"> <b data-pwn>Bold</b> heading`;
    await importThroughDialog(page, { 'hostile-article.txt': ['Hostile article', '', ...lines].join('\n'), 'hostile-notes.md': [`# ${heading}`, '', ...lines].join('\n') });
    await openFromLibrary(page, 'hostile article');
    await expect.poll(() => readerLines(page)).toEqual(['Hostile article', '', ...lines]);
    expect(await traces(page, watch)).toEqual(nothingRan(watch));

    // A Markdown heading becomes the title: the library and the top bar show its markup as typed.
    await openFromLibrary(page, heading);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(heading);
    await expect.poll(() => readerLines(page)).toEqual([`# ${heading}`, '', ...lines]);
    expect(await traces(page, watch)).toEqual(nothingRan(watch));
  });

  it('imports an .html page: its scripts, styles and frames are dropped, its escaped markup is text', async () => {
    const { page, watch } = await start();
    const [script, , img, link, iframe, style, svg] = payloadLines();
    const html = [
      `<!doctype html><html><head><title>Hostile page</title>${script}${style}<meta http-equiv="refresh" content="0;url=${beaconOrigin}/meta"></head><body>`,
      `<h1>Hostile page</h1>`,
      `<p>Before the image ${img} after the image, then ${link}.</p>`,
      `${iframe}${svg}`,
      `<p>Quoted markup: &lt;script&gt;window.__pwned = 'escaped'&lt;/script&gt; and &lt;img src=x onerror=alert(1)&gt;</p>`,
      `<p onclick="window.__pwned = 'onclick'" style="background:url(${beaconOrigin}/p.png)">A paragraph with handlers.</p>`,
      `</body></html>`,
    ].join('\n');
    await importThroughDialog(page, { 'hostile-page.html': html });
    await openFromLibrary(page, 'Hostile page');
    await expect.poll(() => readerLines(page)).toContain("Quoted markup: <script>window.__pwned = 'escaped'</script> and <img src=x onerror=alert(1)>");
    const shown = await readerLines(page);
    expect(shown).toContain('Before the image after the image, then click me.');
    expect(shown).toContain('A paragraph with handlers.');
    // What a <script> or <style> element held is not article text.
    expect(shown.join('\n')).not.toContain("window.__pwned = 'script'");
    expect(shown.join('\n')).not.toContain('.cm-content');
    expect(await traces(page, watch)).toEqual(nothingRan(watch));
  });

  it('imports pasted markup and shows it as text', async () => {
    const { page, watch } = await start();
    const lines = payloadLines();
    const title = 'Pasted markup';
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import articles' });
    await dialog.getByLabel('Title (optional; the first line is used otherwise)').fill(title);
    await dialog.getByLabel('Text', { exact: true }).fill(lines.join('\n'));
    await dialog.getByRole('button', { name: 'Import pasted text' }).click();
    await page.getByText('Import: 1 document added').waitFor();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    await expect.poll(() => page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: title, exact: true }).count()).toBe(1);
    await expect.poll(() => readerLines(page)).toEqual(lines);
    const [doc] = await call(page, 'listDocuments', {});
    expect((await call(page, 'getDocument', { documentId: doc!.id })).document.text).toContain(lines.join('\n'));
    expect(await traces(page, watch)).toEqual(nothingRan(watch));
  });

  it('shows a note made of markup as text, on hover and in the note editor', async () => {
    const { page, watch } = await start();
    await importThroughDialog(page, { 'plain-article.txt': 'Plain article\n\nThe envoy Sung Kim met Noh Kyu-duk in Seoul.' });
    await openFromLibrary(page, 'plain article');
    const [doc] = await call(page, 'listDocuments', {});
    const view = await call(page, 'getDocument', { documentId: doc!.id });
    const at = view.document.text.indexOf('Sung Kim');
    const note = payloadLines().slice(0, 5).join(' ');
    await call(page, 'addAnnotations', { documentId: doc!.id, spans: [{ start: at, end: at + 'Sung Kim'.length, labelId: 'actor', note }] });
    await app!.reload();
    await openFromLibrary(page, 'plain article');
    await expect.poll(() => page.locator('.cm-parley-mark').count()).toBeGreaterThan(0);

    const { start: point } = await textPoints(page, 'Sung Kim');
    await page.mouse.move(0, 0);
    await page.mouse.move(point.x + 10, point.y);
    const card = page.locator('.parley-note-tooltip');
    await card.waitFor();
    await expect.poll(() => card.textContent()).toContain(note);
    expect(await traces(page, watch)).toEqual(nothingRan(watch));

    // The note editor holds the same characters in a text box.
    await page.mouse.click(point.x + 10, point.y);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('textbox', { name: 'Note' }).inputValue()).toBe(note);
    expect(await traces(page, watch)).toEqual(nothingRan(watch));
  });
});
