/**
 * `npm run bench` (after the reader rows): a library at scale. Generated
 * seed-style articles (policy prose with overlaps, CRLF, Hangul and emoji;
 * see generate.ts) in real stores in temporary folders, timed through the
 * same code the app and the CLI run:
 *
 *   start      1,000 articles / 100,000 annotations: a fresh Node process
 *              starting as the app's main process does (serving the window
 *              at once, opening the store meanwhile) and the built renderer
 *              loading from it in Chromium, until the library list is
 *              painted; and the store's open alone, with the memory held
 *   import     1,000 article files, by `parley import FOLDER` and by the app's
 *              import handler (the dialog answering with the 1,000 paths)
 *   export     1,000,000 annotations as Parley JSON: the exporter alone (the
 *              bytes the app writes, made into one buffer), and the app's
 *              export handler (store → bytes → fsynced file, in slices on
 *              the main thread)
 *   agreement  two annotators over 100,000 span pairs
 *
 * The issue names no peer for these rows, so none is run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, open, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { createAnnotation, sortAnnotations } from '../annotations/annotation';
import { buildAgreementReport } from '../annotations/agreement/report';
import type { AgreementDocument, AnnotatorDocuments } from '../annotations/agreement/agreement-input';
import { createDocument } from '../annotations/document';
import { JsonBytes } from '../annotations/formats/json-bytes';
import { exportParleyJsonPieces } from '../annotations/formats/parley-json';
import { parleyJsonBytes } from '../annotations/formats/parley-json-bytes';
import { OWN_LAYER_ID, type Annotation, type Corpus, type CorpusDocument } from '../annotations/model';
import { runImport } from '../electron/cli/import-command';
import { createHandlers } from '../electron/main/handlers/create-handlers';
import { openAppStore } from '../electron/node/open-app-store';
import { nativeTextSha256 } from '../electron/node/store/check-document-file';
import type { ParleyStore } from '../electron/node/store/parley-store';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/support/chromium-path';
import { bundleBridge } from '../e2e/support/harness';
import { generateArticles, GENERATED_LABELS, prng, type BenchArticle, type BenchSpan } from './generate';

const ROOT = path.resolve(__dirname, '..');
const AUTHOR = 'bench';

/** Targets from issue 17, ms (memory in MB). */
export const LIBRARY_TARGETS = { startMs: 1_000, startRssMb: 500, importMs: 3_000, exportMs: 5_000, agreementMs: 500 } as const;

/** One printed row: Parley's figure beside its target. */
export interface LibraryRow {
  id: string;
  what: string;
  parley: number;
  unit: 'ms' | 'MB';
  target: number;
  /** Every measured run, in order. */
  runs: number[];
  /** Where the time goes, or what else was seen. */
  details?: string;
}

interface LibraryOptions {
  quick: boolean;
  /** Row ids to run (start, import, export, agreement); all when absent. */
  only?: readonly string[];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const round = (v: number) => Math.round(v * 10) / 10;
/** CPU time of this process since `from` (all its threads), ms. */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

function corpusDocument(article: BenchArticle, now: string, spans: readonly BenchSpan[] = article.spans): CorpusDocument {
  const document = createDocument({ title: article.title, source: 'bench', text: article.text, now });
  return { document, layers: [{ id: OWN_LAYER_ID, kind: 'own', author: AUTHOR, annotations: annotationsOf(document.id, article.text, spans, now) }], decisions: [] };
}

function annotationsOf(documentId: string, text: string, spans: readonly BenchSpan[], now: string, author = AUTHOR): Annotation[] {
  return sortAnnotations(
    spans.map((s) => {
      const made = createAnnotation(text, { documentId, start: s.start, end: s.end, labelId: s.labelId, author, now });
      if (!made.ok) throw new Error(`bench span rejected: ${made.error.message}`);
      return made.value;
    }),
  );
}

/** A new store in a temporary folder holding `articles` with their annotations. */
export async function seededStore(articles: readonly BenchArticle[]): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-bench-library-'));
  const opened = await openAppStore(dir, AUTHOR, { seedSamples: false });
  if (!opened.ok) throw new Error(`store did not open: ${opened.error.message}`);
  const now = new Date().toISOString();
  // In batches, so the bench never holds every annotation twice.
  for (let i = 0; i < articles.length; i += 100) {
    const added = await opened.value.store.addDocuments(articles.slice(i, i + 100).map((a) => corpusDocument(a, now)));
    if (!added.ok) throw new Error(`could not seed the store: ${added.error.message}`);
  }
  await opened.value.store.close();
  return dir;
}

function handlersOn(store: ParleyStore, opened: Awaited<ReturnType<typeof openAppStore>>, dialogs: { openFiles: () => Promise<string[] | null>; saveFile: () => Promise<string | null> }) {
  if (!opened.ok) throw new Error(opened.error.message);
  return createHandlers({
    store,
    settings: opened.value.settings,
    incidents: opened.value.incidents,
    dialogs,
    version: 'bench',
    notify: () => undefined,
    formatWorker: path.join(ROOT, 'out/main/format-worker.js'),
  });
}

/**
 * Bundles library-start-child.ts as the app's main process is built: split at
 * its dynamic imports, so that what starting does not need (the importers'
 * parsers, the format worker's codecs) is not loaded, as it is not in the app.
 * Its path; the project's folder reaches it in PARLEY_ROOT.
 */
async function buildStartChild(): Promise<string> {
  const outdir = path.join(ROOT, '.bench', 'start-child');
  await build({
    entryPoints: [path.join(__dirname, 'library-start-child.ts')],
    bundle: true,
    splitting: true,
    outdir,
    outExtension: { '.js': '.mjs' },
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['electron'],
    // Bundled CommonJS packages call require(); ES modules have none of their own.
    banner: { js: "import { createRequire as __parleyRequire } from 'node:module'; const require = __parleyRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  return path.join(outdir, 'library-start-child.mjs');
}

/** The environment of a start child: the project's folder, which an ES module bundle cannot work out from its own. */
const childEnv = () => ({ ...process.env, PARLEY_ROOT: ROOT });

/** The main process's start in a fresh Node process (see library-start-child.ts). */
async function startInChild(storeDir: string, runs: number): Promise<{ totals: number[]; openMs: number; listMs: number; rssMb: number; heapMb: number; listBytes: number }> {
  const outfile = await buildStartChild();
  const seen: Array<{ openMs: number; listMs: number; rssBytes: number; heapUsedBytes: number; listBytes: number; documents: number }> = [];
  for (let i = 0; i <= runs; i++) {
    const child = spawnSync(process.execPath, [outfile, storeDir], { encoding: 'utf8', env: childEnv() });
    if (child.status !== 0) throw new Error(`the start child failed: ${child.stderr}`);
    if (i > 0) seen.push(JSON.parse(child.stdout.trim()) as (typeof seen)[number]); // the first run warms the disk cache
  }
  const totals = seen.map((s) => s.openMs + s.listMs);
  const mid = seen[totals.indexOf(median(totals))]!;
  return { totals, openMs: mid.openMs, listMs: mid.listMs, rssMb: mb(Math.max(...seen.map((s) => s.rssBytes))), heapMb: mb(Math.max(...seen.map((s) => s.heapUsedBytes))), listBytes: mid.listBytes };
}

/** Records, in the page, when the library list first holds `count` documents and when that frame was rendered (ms from navigation start). */
function libraryShownProbe(count: number): string {
  return `(() => {
    const want = ${count};
    const seen = () => document.querySelectorAll('.document-list > li').length >= want;
    const observer = new MutationObserver(() => {
      if (!seen()) return;
      observer.disconnect();
      const domAt = performance.now();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => { window.__libraryShown = { domAt, paintAt: performance.now() }; };
        channel.port2.postMessage(null);
      });
    });
    observer.observe(document, { childList: true, subtree: true });
    // When each bridge call was answered (the bridge's init script ran before this one).
    window.__libraryCalls = [];
    const invoke = window.__parleyInvoke;
    window.__parleyInvoke = async (channel, input) => {
      const start = performance.now();
      const result = await invoke(channel, input);
      window.__libraryCalls.push({ channel, start, end: performance.now() });
      return result;
    };
  })();`;
}

/** A loopback port free now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Lines of JSON a child prints, one at a time. */
function jsonLines(stream: NodeJS.ReadableStream): () => Promise<Record<string, number | string>> {
  const waiting: Array<(line: string) => void> = [];
  const ready: string[] = [];
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    rest += chunk;
    for (let end = rest.indexOf('\n'); end >= 0; end = rest.indexOf('\n')) {
      const line = rest.slice(0, end);
      rest = rest.slice(end + 1);
      const taker = waiting.shift();
      if (taker) taker(line);
      else ready.push(line);
    }
  });
  return async () => JSON.parse(ready.shift() ?? (await new Promise<string>((resolve) => waiting.push(resolve)))) as Record<string, number | string>;
}

/**
 * The app's start, end to end: a fresh Node process starts as the app's main
 * process does (serving the built renderer at once and opening the store
 * meanwhile, library-start-child.ts --serve), and Chromium loads the window
 * from it as soon as it serves. Measured from the moment the process is
 * spawned to the frame that shows the library list of `count` documents.
 * Chromium is already running, as Electron's renderer would be; the first
 * run warms the disk cache and the window's caches.
 */
async function startServed(storeDir: string, count: number, runs: number): Promise<{ totals: number[]; opened: number[]; listed: number[]; dom: number[]; calls: string[] }> {
  const outfile = await buildStartChild();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  const bridge = await bundleBridge();
  const seen = { totals: [] as number[], opened: [] as number[], listed: [] as number[], dom: [] as number[], calls: [] as string[] };
  // One window profile and one origin for every run, as the app keeps its own between launches: the first run fills the caches.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript({ content: bridge });
  await context.addInitScript({ content: libraryShownProbe(count) });
  const port = await freePort();
  try {
    for (let i = 0; i <= runs; i++) {
      const page = await context.newPage();
      const spawnedAt = Date.now();
      const child = spawn(process.execPath, [outfile, '--serve', storeDir, String(port)], { stdio: ['pipe', 'pipe', 'inherit'], env: childEnv() });
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      const next = jsonLines(child.stdout!);
      const { origin } = await next();
      void page.goto(`${origin}/index.html`).catch(() => undefined);
      const shown = (await (await page.waitForFunction(() => (window as unknown as { __libraryShown?: { domAt: number; paintAt: number } }).__libraryShown, undefined, { timeout: 60_000 })).jsonValue()) as { domAt: number; paintAt: number };
      const { timeOrigin, calls } = await page.evaluate(() => ({ timeOrigin: performance.timeOrigin, calls: (window as unknown as { __libraryCalls: Array<{ channel: string; start: number; end: number }> }).__libraryCalls }));
      const { openedAt } = (await next()) as { openedAt: number };
      child.stdin!.end();
      if ((await exited) !== 0) throw new Error('the start child failed');
      await page.close();
      if (i === 0) continue;
      const since = (pageMs: number) => timeOrigin + pageMs - spawnedAt;
      seen.totals.push(since(shown.paintAt));
      seen.dom.push(since(shown.domAt));
      seen.opened.push(openedAt - spawnedAt);
      seen.listed.push(since(calls.find((c) => c.channel.includes('listDocuments'))?.end ?? Number.NaN));
      if (i === runs) seen.calls = [`navigation ${Math.round(since(0))}`, ...calls.filter((c) => c.start < shown.paintAt).map((c) => `${c.channel.replace(/^parley:/, '')} ${Math.round(since(c.start))}→${Math.round(since(c.end))}`)];
    }
    return seen;
  } finally {
    await browser.close();
  }
}

async function startRow(articles: readonly BenchArticle[], runs: number): Promise<LibraryRow[]> {
  const storeDir = await seededStore(articles);
  const annotations = articles.reduce((n, a) => n + a.spans.length, 0);
  try {
    const main = await startInChild(storeDir, runs);
    const served = await startServed(storeDir, articles.length, runs);
    const mid = served.totals.indexOf(median(served.totals));
    return [
      {
        id: 'start',
        what: `start to library shown, ${articles.length.toLocaleString('en')} articles / ${annotations.toLocaleString('en')} annotations (main + renderer)`,
        parley: round(median(served.totals)),
        unit: 'ms',
        target: LIBRARY_TARGETS.startMs,
        runs: served.totals.map(round),
        details: `ms from the main process's spawn, median run: store open ${round(served.opened[mid]!)}, listDocuments answered ${round(served.listed[mid]!)}, list in DOM ${round(served.dom[mid]!)}, painted ${round(served.totals[mid]!)}; the store alone opens in ${round(main.openMs)} ms + listDocuments ${round(main.listMs)} ms (${(main.listBytes / 1e6).toFixed(2)} MB list); the page's calls before that paint (last run): ${served.calls.join(', ')}`,
      },
      {
        id: 'start-memory',
        what: 'main-process memory after start (RSS; heap used in details)',
        parley: main.rssMb,
        unit: 'MB',
        target: LIBRARY_TARGETS.startRssMb,
        runs: [main.rssMb],
        details: `heap used ${main.heapMb} MB`,
      },
    ];
  } finally {
    await rm(storeDir, { recursive: true, force: true });
  }
}

async function importRows(articles: readonly BenchArticle[], runs: number): Promise<LibraryRow[]> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'parley-bench-articles-'));
  const paths = articles.map((a, i) => path.join(folder, `article-${String(i + 1).padStart(4, '0')}.txt`));
  await Promise.all(articles.map((a, i) => writeFile(paths[i]!, a.text, 'utf8')));
  const cli: number[] = [];
  const app: number[] = [];
  const stores: string[] = [];
  try {
    for (let i = 0; i <= runs; i++) {
      const cliStore = await mkdtemp(path.join(os.tmpdir(), 'parley-bench-import-cli-'));
      stores.push(cliStore);
      // The command opens the store itself, as `parley import` does (an empty store: no samples are seeded by the CLI).
      let t = performance.now();
      const errors: string[] = [];
      const code = await runImport([folder, '--store', cliStore], { out: () => undefined, err: (line) => errors.push(line) });
      const cliMs = performance.now() - t;
      if (code !== 0) throw new Error(`parley import failed (${code}): ${errors.join(' / ')}`);

      const appStore = await mkdtemp(path.join(os.tmpdir(), 'parley-bench-import-app-'));
      stores.push(appStore);
      const opened = await openAppStore(appStore, AUTHOR, { seedSamples: false });
      if (!opened.ok) throw new Error(opened.error.message);
      const api = handlersOn(opened.value.store, opened, { openFiles: async () => paths, saveFile: async () => null });
      t = performance.now();
      const report = await api.importFromDialog({});
      const appMs = performance.now() - t;
      await opened.value.store.close();
      if (!report.ok || !report.value || report.value.added.length !== articles.length) throw new Error(`the app's import did not add ${articles.length} articles: ${JSON.stringify(report).slice(0, 300)}`);
      if (i === 0) continue; // warm-up
      cli.push(cliMs);
      app.push(appMs);
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
    await Promise.all(stores.map((s) => rm(s, { recursive: true, force: true })));
  }
  const what = `import of ${articles.length.toLocaleString('en')} articles`;
  return [
    { id: 'import-cli', what: `${what}, parley import FOLDER`, parley: round(median(cli)), unit: 'ms', target: LIBRARY_TARGETS.importMs, runs: cli.map(round), details: 'includes opening the store, as the command does' },
    { id: 'import-app', what: `${what}, the app's import handler`, parley: round(median(app)), unit: 'ms', target: LIBRARY_TARGETS.importMs, runs: app.map(round) },
  ];
}

async function exportRows(articles: number, annotationsEach: number, runs: number): Promise<LibraryRow[]> {
  // Generated and stored in batches: the bench process then holds the annotations once, in the store.
  const storeDir = await mkdtemp(path.join(os.tmpdir(), 'parley-bench-export-'));
  const opened = await openAppStore(storeDir, AUTHOR, { seedSamples: false });
  if (!opened.ok) throw new Error(opened.error.message);
  const { store } = opened.value;
  const now = new Date().toISOString();
  for (let i = 0; i < articles; i += 50) {
    const batch = generateArticles(Math.min(50, articles - i), annotationsEach, 1_700 + i, 5_000);
    const added = await store.addDocuments(batch.map((a) => corpusDocument(a, now)));
    if (!added.ok) throw new Error(added.error.message);
  }
  const total = store.listDocuments().reduce((n, d) => n + d.annotationCount, 0);
  const target = path.join(storeDir, 'export.parley.json');
  const api = handlersOn(store, opened, { openFiles: async () => null, saveFile: async () => target });
  const engine: number[] = [];
  const engineCpu: number[] = [];
  const writing: number[] = [];
  const textExporter: number[] = [];
  const app: number[] = [];
  const appCpu: number[] = [];
  const stalls: number[] = [];
  let bytes = 0;
  try {
    // Each run takes seconds and allocates gigabytes: no warm-up run.
    for (let i = 0; i < runs; i++) {
      collectGarbage();
      // In a function of its own, so the 600 MB of text is gone before the handler runs.
      const alone = await (async () => {
        // The app's exporter: each document's bytes made into one reused buffer, as the handler makes them.
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        const made = parleyJsonBytesLength(store.exportCorpus());
        const engineMs = performance.now() - t0;
        const cpu = cpuMs(c0);
        // The text exporter (JSON.stringify; the Parley JSON codec, which `parley export` runs for a folder or a zip), for comparison; its UTF-8 must be the same length.
        const t1 = performance.now();
        const json = exportParleyJsonPieces(store.exportCorpus());
        const textMs = performance.now() - t1;
        if (!json.ok) throw new Error(json.error.message);
        const textBytes = json.value.reduce((n, piece) => n + Buffer.byteLength(piece, 'utf8'), 0);
        if (textBytes !== made) throw new Error(`the exporter made ${made} bytes, the text exporter ${textBytes}`);
        // The other half of the handler's work, alone: writing that many bytes and flushing them to the disk.
        const t2 = performance.now();
        const file = path.join(storeDir, 'alone.json');
        await writeAndSync(file, made);
        const writeMs = performance.now() - t2;
        await rm(file);
        return { engineMs, cpu, textMs, written: made, writeMs };
      })();
      bytes = alone.written;
      engineCpu.push(alone.cpu);
      textExporter.push(alone.textMs);
      writing.push(alone.writeMs);
      // The exporter's 600 MB of text is collected before the handler starts, rather than in the middle of it.
      collectGarbage();
      // How long the main thread goes without turning its event loop while the handler runs: the window waits that long for an answer.
      const delay = monitorEventLoopDelay({ resolution: 5 });
      delay.enable();
      const t = performance.now();
      const c = process.cpuUsage();
      const exported = await api.exportToDialog({ format: 'parley' });
      const appMs = performance.now() - t;
      appCpu.push(cpuMs(c));
      delay.disable();
      if (!exported.ok || !exported.value) throw new Error(`the export failed: ${JSON.stringify(exported).slice(0, 300)}`);
      engine.push(alone.engineMs);
      app.push(appMs);
      stalls.push(delay.max / 1e6);
    }
    const written = (await stat(target)).size;
    if (written !== bytes) throw new Error(`the handler wrote ${written} bytes, the exporter made ${bytes}`);
    const what = `export of ${total.toLocaleString('en')} annotations (${articles.toLocaleString('en')} documents) as Parley JSON`;
    return [
      {
        id: 'export-engine',
        what: `${what}, the exporter alone`,
        parley: round(median(engine)),
        unit: 'ms',
        target: LIBRARY_TARGETS.exportMs,
        runs: engine.map(round),
        details: `${(bytes / 1e6).toFixed(0)} MB of JSON made as UTF-8 bytes, as the app writes them; CPU time ${round(median(engineCpu))} ms; the text exporter (the codec's JSON.stringify, which parley export runs only for a folder or a zip) took ${round(median(textExporter))} ms for the same bytes`,
      },
      {
        id: 'export-app',
        what: `${what}, the app's export handler (file written)`,
        parley: round(median(app)),
        unit: 'ms',
        target: LIBRARY_TARGETS.exportMs,
        runs: app.map(round),
        details:
          `${(written / 1e6).toFixed(0)} MB written and fsynced; where the time goes: making the bytes ${round(median(engine))} ms (the exporter alone), writing and fsyncing as many bytes ${round(median(writing))} ms alone, ` +
          `overlapped in the handler (a slice is written while the next is made); CPU time ${round(median(appCpu))} ms (all threads); longest wait for the main thread's event loop ${round(Math.max(...stalls))} ms`,
      },
    ];
  } finally {
    await store.close();
    await rm(storeDir, { recursive: true, force: true });
  }
}

/** Runs a full garbage collection, so a timed part does not pay for the garbage of the one before it. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** The length of the app's Parley JSON of `corpus`, made document by document into one reused buffer as the export handler makes it. */
function parleyJsonBytesLength(corpus: Corpus): number {
  const parts = parleyJsonBytes(corpus, {}, nativeTextSha256);
  const out = new JsonBytes(5 * 2 ** 20);
  let length = parts.head.length + parts.tail.length + parts.between.length * Math.max(0, corpus.documents.length - 1);
  for (let i = 0; i < corpus.documents.length; i++) {
    for (const _step of parts.document(i, out)) {
      length += out.length;
      out.clear();
    }
    length += out.length;
    out.clear();
  }
  return length;
}

/** Writes `bytes` bytes to a new `file` from one 4 MB buffer and fsyncs it: the file system's share of an export. */
async function writeAndSync(file: string, bytes: number): Promise<void> {
  const handle = await open(file, 'wx');
  const buffer = Buffer.alloc(4 * 2 ** 20, 0x20);
  try {
    for (let at = 0; at < bytes; ) at += (await handle.write(buffer, 0, Math.min(buffer.length, bytes - at))).bytesWritten;
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A second annotator's spans: the first's, with some boundaries moved by a word, some labels changed, some left out and some added. */
function disagreeing(text: string, spans: readonly BenchSpan[], seed: number): BenchSpan[] {
  const rand = prng(seed);
  const out: BenchSpan[] = [];
  const seen = new Set<string>();
  const push = (s: BenchSpan) => {
    const key = `${s.start}:${s.end}:${s.labelId}`;
    if (s.end > s.start && !seen.has(key)) {
      seen.add(key);
      out.push(s);
    }
  };
  for (const s of spans) {
    const r = rand();
    if (r < 0.05) continue;
    if (r < 0.15) {
      const next = text.indexOf(' ', s.end + 1);
      push({ ...s, end: next > s.end ? next : s.end });
    } else if (r < 0.25) push({ ...s, labelId: GENERATED_LABELS[(GENERATED_LABELS.indexOf(s.labelId as (typeof GENERATED_LABELS)[number]) + 1) % GENERATED_LABELS.length]! });
    else push(s);
  }
  while (out.length < spans.length) {
    const s = spans[Math.floor(rand() * spans.length)]!;
    push({ ...s, labelId: GENERATED_LABELS[Math.floor(rand() * GENERATED_LABELS.length)]! });
  }
  return out;
}

async function agreementRow(articles: readonly BenchArticle[], runs: number): Promise<LibraryRow> {
  const now = new Date().toISOString();
  const a = new Map<string, AgreementDocument>();
  const b = new Map<string, AgreementDocument>();
  let pairs = 0;
  for (const [i, article] of articles.entries()) {
    const id = `doc-${i}`;
    const other = disagreeing(article.text, article.spans, 31 + i);
    pairs += Math.min(article.spans.length, other.length);
    a.set(id, { text: article.text, title: article.title, annotations: annotationsOf(id, article.text, article.spans, now, 'a'), done: true });
    b.set(id, { text: article.text, title: article.title, annotations: annotationsOf(id, article.text, other, now, 'b'), done: true });
  }
  const input: AnnotatorDocuments[] = [
    { annotator: 'a', documents: a },
    { annotator: 'b', documents: b },
  ];
  const times: number[] = [];
  const cpu: number[] = [];
  let instance: number | null = null;
  for (let i = 0; i <= runs; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    const report = buildAgreementReport(input, { labelOrder: GENERATED_LABELS });
    const ms = performance.now() - t;
    if (!report.ok) throw new Error(report.error.message);
    instance = report.value.instance.total.mean;
    if (i > 0) {
      times.push(ms);
      cpu.push(cpuMs(c));
    }
  }
  return {
    id: 'agreement',
    what: `agreement (all five measures) over ${pairs.toLocaleString('en')} span pairs, ${articles.length.toLocaleString('en')} documents`,
    parley: round(median(times)),
    unit: 'ms',
    target: LIBRARY_TARGETS.agreementMs,
    runs: times.map(round),
    details: `CPU time ${round(median(cpu))} ms (all threads; wall time above)${instance === null ? '' : `; instance F1 ${instance.toFixed(3)}`}`,
  };
}

/** Runs the library rows the options ask for and returns them. */
export async function runLibraryBench(options: LibraryOptions, log: (line: string) => void): Promise<LibraryRow[]> {
  const wanted = (id: string) => !options.only || options.only.includes(id);
  const runs = options.quick ? 1 : 3;
  const rows: LibraryRow[] = [];
  await mkdir(path.join(ROOT, '.bench'), { recursive: true });
  const needsLibrary = wanted('start') || wanted('import') || wanted('agreement');
  log('Generating 1,000 articles with 100 annotations each…');
  const library = needsLibrary ? generateArticles(1_000, 100, 17) : [];
  const step = async (id: string, run: () => Promise<LibraryRow[]>) => {
    if (!wanted(id)) return;
    log(`  ${id}…`);
    const made = await run();
    rows.push(...made);
    for (const r of made) log(`    ${r.id}: ${r.parley} ${r.unit} (target ${r.target})`);
  };
  await step('start', () => startRow(library, runs));
  await step('import', () => importRows(library, runs));
  await step('agreement', async () => [await agreementRow(library, runs)]);
  await step('export', () => exportRows(1_000, 1_000, options.quick ? 1 : 2));
  return rows;
}

/** The rows as a Markdown table: Parley beside its target. */
export function libraryTable(rows: readonly LibraryRow[]): string {
  const head = ['row', 'Parley', 'target', 'verdict'];
  const body = rows.map((r) => [r.what, `${r.parley.toLocaleString('en')} ${r.unit}`, `< ${r.target.toLocaleString('en')} ${r.unit}`, r.parley < r.target ? 'PASS' : 'MISS']);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  return [fmt(head), `|${widths.map((w, i) => (i === 1 || i === 2 ? `${'-'.repeat(w + 1)}:` : `:${'-'.repeat(w + 1)}`)).join('|')}|`, ...body.map(fmt)].join('\n');
}
