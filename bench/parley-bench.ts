/**
 * Parley's side of the bench: the built renderer (out/renderer) in Chromium,
 * bridged to the real main-process handlers on a real temporary store
 * (`launchParley` from the e2e harness), seeded with the generated documents.
 * Also times the main-process handlers alone, in Node, on the same store.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Page } from 'playwright-core';
import { createAnnotation, sortAnnotations } from '../annotations/annotation';
import { createDocument } from '../annotations/document';
import { OWN_LAYER_ID, type Annotation, type CorpusDocument } from '../annotations/model';
import { launchParley, type ParleyHarness } from '../e2e/support/harness';
import { createHandlers } from '../electron/main/handlers/create-handlers';
import { openAppStore } from '../electron/node/open-app-store';
import { packDocumentView } from '../shared/document-view-wire';
import type { BenchCase, BenchSpan } from './generate';
import { TAG_LABEL } from './generate';
import type { PaintResult, ScrollResult, Subject } from './subject';

const AUTHOR = 'bench';
const BLANK_TITLE = 'blank';
const MARK = '.parley-reader .cm-parley-mark';
/** The new tag as drawn: in the pending layer while the store saves it (pending-tags.ts), then as a mark in the text. */
const TAG_MARK = `.cm-parley-pending-mark[data-label="${TAG_LABEL.id}"], .cm-parley-mark[data-label="${TAG_LABEL.id}"]`;

/** Main-process cost of the calls the reader makes, measured in Node without the transport. */
export interface HandlerTimes {
  getDocumentMs: number;
  addAnnotationsMs: number;
  undoMs: number;
  /** Size of the DocumentView as JSON, bytes. */
  viewJsonBytes: number;
  /** Size of the view as it travels (`packDocumentView`) as JSON, bytes. */
  wireJsonBytes: number;
  /** `packDocumentView` in the main process, ms. */
  packMs: number;
  /** v8.serialize + v8.deserialize of the packed view (what Electron's IPC does with it), ms. */
  viewStructuredCloneMs: number;
  /** Store methods one `addAnnotations` call runs (reads included), e.g. `getDocument, getLabels, changeAnnotations`. */
  storeCallsPerTag: string[];
}

/** The store, with every method call recorded in `calls` (for counting what one handler call costs). */
function countingStore<T extends object>(store: T, calls: string[]): T {
  return new Proxy(store, {
    get(target, property) {
      const member = Reflect.get(target, property, target) as unknown;
      if (typeof member !== 'function') return member;
      return (...args: unknown[]) => {
        calls.push(String(property));
        return (member as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function titleOf(c: BenchCase): string {
  return `bench ${c.id}`;
}

function corpusDocument(c: BenchCase, text: string, spans: readonly BenchSpan[], now: string): CorpusDocument {
  const document = createDocument({ title: titleOf(c), source: 'bench', text, now });
  const annotations: Annotation[] = spans.map((s) => {
    const made = createAnnotation(text, { documentId: document.id, start: s.start, end: s.end, labelId: s.labelId, author: AUTHOR, now });
    if (!made.ok) throw new Error(`bench span rejected: ${made.error.message}`);
    return made.value;
  });
  return { document, layers: [{ id: OWN_LAYER_ID, kind: 'own', author: AUTHOR, annotations: sortAnnotations(annotations) }], decisions: [] };
}

/** Creates a store holding the bench documents and a blank one, and times the handlers on it. */
export async function seedStore(
  cases: ReadonlyArray<{ c: BenchCase; text: string; spans: readonly BenchSpan[] }>,
  tagSpan: (text: string) => { start: number; end: number },
): Promise<{ storeDir: string; handlerTimes: Map<string, HandlerTimes> }> {
  const storeDir = await mkdtemp(path.join(os.tmpdir(), 'parley-bench-'));
  const opened = await openAppStore(storeDir, AUTHOR, { seedSamples: false });
  if (!opened.ok) throw new Error(`store did not open: ${opened.error.message}`);
  const { store, settings, incidents } = opened.value;
  const now = new Date().toISOString();
  const blank = createDocument({ title: BLANK_TITLE, source: 'bench', text: 'Blank document.\n', now });
  const docs = cases.map(({ c, text, spans }) => corpusDocument(c, text, spans, now));
  const added = await store.addDocuments([{ document: blank, layers: [{ id: OWN_LAYER_ID, kind: 'own', author: AUTHOR, annotations: [] }], decisions: [] }, ...docs]);
  if (!added.ok) throw new Error(`could not seed the store: ${added.error.message}`);

  const storeCalls: string[] = [];
  const api = createHandlers({
    store: countingStore(store, storeCalls),
    settings,
    incidents,
    dialogs: { openFiles: async () => null, saveFile: async () => null },
    version: 'bench',
    notify: () => undefined,
  });
  const handlerTimes = new Map<string, HandlerTimes>();
  for (const [i, { c, text }] of cases.entries()) {
    const documentId = docs[i]!.document.id;
    const span = tagSpan(text);
    const get: number[] = [];
    const add: number[] = [];
    const undo: number[] = [];
    const clone: number[] = [];
    const pack: number[] = [];
    let bytes = 0;
    let wireBytes = 0;
    let tagCalls: string[] = [];
    for (let run = 0; run < 4; run++) {
      let t = performance.now();
      const view = await api.getDocument({ documentId });
      get.push(performance.now() - t);
      if (!view.ok) throw new Error(view.error.message);
      bytes = Buffer.byteLength(JSON.stringify(view.value));
      t = performance.now();
      const packed = packDocumentView(view.value);
      pack.push(performance.now() - t);
      wireBytes = Buffer.byteLength(JSON.stringify(packed));
      t = performance.now();
      deserialize(serialize(packed));
      clone.push(performance.now() - t);
      storeCalls.length = 0;
      t = performance.now();
      const added = await api.addAnnotations({ documentId, spans: [{ ...span, labelId: TAG_LABEL.id }] });
      add.push(performance.now() - t);
      tagCalls = [...storeCalls];
      if (!added.ok) throw new Error(added.error.message);
      t = performance.now();
      const undone = await api.undo({ documentId });
      undo.push(performance.now() - t);
      if (!undone.ok) throw new Error(undone.error.message);
    }
    // The first run warms up.
    handlerTimes.set(c.id, {
      getDocumentMs: median(get.slice(1)),
      addAnnotationsMs: median(add.slice(1)),
      undoMs: median(undo.slice(1)),
      viewJsonBytes: bytes,
      wireJsonBytes: wireBytes,
      packMs: median(pack.slice(1)),
      viewStructuredCloneMs: median(clone.slice(1)),
      storeCallsPerTag: tagCalls,
    });
  }
  await store.close();
  return { storeDir, handlerTimes };
}

async function installProbes(page: Page, probes: string): Promise<void> {
  await page.evaluate(probes);
  // Round trips of the bridge as the renderer sees them (transport + handler).
  await page.evaluate(() => {
    const w = window as unknown as { __parleyInvoke(c: string, i: unknown): Promise<unknown>; __ipc: Array<{ channel: string; ms: number }> };
    const original = w.__parleyInvoke;
    w.__ipc = [];
    w.__parleyInvoke = async (channel, input) => {
      const t = performance.now();
      const result = await original(channel, input);
      w.__ipc.push({ channel, ms: performance.now() - t });
      return result;
    };
  });
}

/** Waits until no bridge call has started or ended for 300 ms (at most 5 s), so the calls a tag sets off are all counted. */
async function bridgeQuiet(page: Page): Promise<void> {
  let last = -1;
  for (let waited = 0; waited < 5_000; waited += 300) {
    const seen = await page.evaluate(() => (window as unknown as { __ipc: unknown[] }).__ipc.length);
    if (seen === last) return;
    last = seen;
    await page.waitForTimeout(300);
  }
}

/** Takes the bridge round trips and the reader's own User Timing entries recorded since the last call. */
async function takeTimings(page: Page): Promise<{ ipc: Array<{ channel: string; ms: number }>; measures: Record<string, number> }> {
  return page.evaluate(() => {
    const w = window as unknown as { __ipc: Array<{ channel: string; ms: number }> };
    const ipc = w.__ipc.splice(0);
    const measures: Record<string, number> = {};
    for (const e of performance.getEntriesByType('measure')) if (e.name.startsWith('parley:')) measures[e.name] = e.duration;
    performance.clearMeasures();
    return { ipc, measures };
  });
}

/** Parley as a bench subject. */
export async function parleySubject(storeDir: string, probes: string): Promise<Subject & { timings(): ReturnType<typeof takeTimings> }> {
  const app: ParleyHarness = await launchParley({ storeDir, seedSamples: false, viewport: { width: 1280, height: 800 } });
  const page = app.page;
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: BLANK_TITLE, exact: true }).waitFor();
  await installProbes(page, probes);
  let current: BenchCase | null = null;

  const library = (title: string) => page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: title, exact: true });

  const showBlank = async () => {
    await library(BLANK_TITLE).click();
    await page.locator('.parley-reader .cm-line').first().filter({ hasText: 'Blank document.' }).waitFor();
    await page.evaluate((sel) => window.__bench.settle(sel, false), MARK);
  };

  return {
    name: 'Parley',
    async prepare(c) {
      current = c;
      await showBlank();
    },
    async open(): Promise<PaintResult> {
      if (!current) throw new Error('no case');
      await showBlank();
      await takeTimings(page);
      await page.evaluate((sel) => window.__bench.arm('click', sel), MARK);
      await library(titleOf(current)).click();
      return page.evaluate(() => window.__bench.paintOf());
    },
    async tag(word): Promise<PaintResult> {
      const points = await page.evaluate(([root, needle]) => window.__bench.pointsOf(root, needle), ['.parley-reader .cm-content', word] as const);
      if (!points) throw new Error(`“${word}” is not on screen`);
      await page.mouse.move(points.start.x, points.start.y);
      await page.mouse.down();
      await page.mouse.move((points.start.x + points.end.x) / 2, points.start.y, { steps: 2 });
      await page.mouse.move(points.end.x, points.end.y, { steps: 2 });
      await page.mouse.up();
      const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
      if (selected.trim() !== word) throw new Error(`selected “${selected}” instead of “${word}”`);
      await takeTimings(page);
      await page.evaluate((sel) => window.__bench.arm('keydown', sel), TAG_MARK);
      await page.keyboard.press(TAG_LABEL.shortcut);
      const result = await page.evaluate(() => window.__bench.paintOf());
      // Wait for the rest of the reader's work (status line, list) before undoing, and for any call the tag set off.
      await page.waitForFunction(() => document.querySelector('.parley-undo:not([disabled])') !== null);
      await bridgeQuiet(page);
      return result;
    },
    async untag() {
      await page.keyboard.press('Control+z');
      await page.evaluate((sel) => window.__bench.settle(sel, false), TAG_MARK);
      await page.waitForTimeout(50);
    },
    async scroll(frames, step): Promise<ScrollResult> {
      return page.evaluate(([f, s]) => window.__bench.scroll('.parley-reader .cm-scroller', f, s), [frames, step] as const);
    },
    async scrollTop() {
      await page.evaluate(() => {
        document.querySelector('.parley-reader .cm-scroller')!.scrollTop = 0;
      });
      await page.waitForTimeout(100);
    },
    page,
    timings: () => takeTimings(page),
    async close() {
      await app.close();
    },
  };
}
