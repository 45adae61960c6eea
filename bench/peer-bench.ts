/**
 * The peer's side of the bench: @recogito/text-annotator on a plain page,
 * bundled with esbuild into a temporary folder and served from 127.0.0.1.
 * The document and its annotations (W3C, with quote and position selectors)
 * are fetched by the page when "Open" is clicked, as Parley fetches its view.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { BenchCase, BenchSpan } from './generate';
import type { PaintResult, ScrollResult, Subject } from './subject';

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>peer bench</title>
<link rel="stylesheet" href="/peer-page.css">
<style>
  html, body { margin: 0; }
  body { font-family: 'Iowan Old Style', 'Palatino Linotype', Palatino, Georgia, 'Noto Serif', 'Noto Serif KR', serif; font-size: 1.08rem; line-height: 2; }
  #open { position: fixed; top: 4px; right: 4px; z-index: 10; }
  #host { max-width: 42rem; margin: 0 auto; padding: 2rem 1.5rem 40vh; }
  .doc p { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
</style></head>
<body><button id="open" type="button">Open</button><main id="host"></main>
<script src="/page-probes.js"></script><script src="/peer-page.js"></script></body></html>`;

/** The W3C form of a bench span, as the peer's adapter reads it. */
function w3c(text: string, span: BenchSpan, i: number): unknown {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `a${i}`,
    type: 'Annotation',
    body: [{ type: 'TextualBody', purpose: 'tagging', value: span.labelId }],
    target: {
      source: 'bench',
      selector: [
        { type: 'TextQuoteSelector', exact: text.slice(span.start, span.end) },
        { type: 'TextPositionSelector', start: span.start, end: span.end },
      ],
    },
  };
}

/** Bundles the peer page and serves it with each case's document as `/doc/<id>.json`. */
export async function servePeer(
  benchDir: string,
  cases: ReadonlyArray<{ c: BenchCase; text: string; spans: readonly BenchSpan[] }>,
): Promise<{ origin: string; close(): Promise<void> }> {
  const outdir = await mkdtemp(path.join(os.tmpdir(), 'parley-bench-peer-'));
  await build({
    entryPoints: [path.join(benchDir, 'peer-page.ts'), path.join(benchDir, 'page-probes.ts')],
    bundle: true,
    outdir,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    logLevel: 'warning',
  });
  await writeFile(path.join(outdir, 'index.html'), PAGE);
  const docs = new Map(cases.map(({ c, text, spans }) => [c.id, JSON.stringify({ text, annotations: spans.map((s, i) => w3c(text, s, i)) })]));
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const doc = /^\/doc\/([\w-]+)\.json$/.exec(url.pathname);
    if (doc) {
      const body = docs.get(doc[1]!);
      if (!body) res.writeHead(404).end();
      else res.writeHead(200, { 'content-type': 'application/json' }).end(body);
      return;
    }
    const name = url.pathname === '/' ? 'index.html' : path.basename(url.pathname);
    try {
      const body = await readFile(path.join(outdir, name));
      res.writeHead(200, { 'content-type': types[path.extname(name)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The peer as a bench subject, one fresh page per row. */
export async function peerSubject(browser: Browser, origin: string): Promise<Subject> {
  let context: BrowserContext | null = null;
  let page!: Page;
  let tags = 0;
  let lastTag = '';
  let isOpen = false;

  const closeDoc = async () => {
    if (!isOpen) return;
    await page.evaluate(() => window.__peer.close());
    await page.evaluate(() => window.__bench.settle('.r6o-annotation', false));
    isOpen = false;
  };

  return {
    name: 'peer',
    get page() {
      return page;
    },
    async prepare(c) {
      await context?.close();
      context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
      page = await context.newPage();
      page.on('pageerror', (error) => console.error('peer page error:', error.message));
      await page.goto(`${origin}/?doc=${c.id}`);
      isOpen = false;
      // A fresh page numbers its tags from 1 again (peer-page.ts).
      tags = 0;
    },
    async open(): Promise<PaintResult> {
      await closeDoc();
      await page.evaluate(() => window.__bench.arm('click', '.r6o-annotation'));
      await page.click('#open');
      isOpen = true;
      return page.evaluate(() => window.__bench.paintOf());
    },
    async tag(word): Promise<PaintResult> {
      const selected = await page.evaluate((w) => window.__peer.select(w), word);
      if (!selected) throw new Error(`“${word}” is not in the peer's document`);
      lastTag = `tag-${++tags}`;
      await page.evaluate((id) => window.__bench.arm('keydown', `.r6o-annotation[data-annotation="${id}"]`), lastTag);
      await page.keyboard.press('4');
      return page.evaluate(() => window.__bench.paintOf());
    },
    async untag() {
      await page.evaluate((id) => window.__peer.removeAnnotation(id), lastTag);
      await page.evaluate((id) => window.__bench.settle(`.r6o-annotation[data-annotation="${id}"]`, false), lastTag);
      await page.waitForTimeout(50);
    },
    async scroll(frames, step): Promise<ScrollResult> {
      return page.evaluate(([f, s]) => window.__bench.scroll(null, f, s), [frames, step] as const);
    },
    async scrollTop() {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(100);
    },
    async close() {
      await context?.close();
      context = null;
    },
  };
}
