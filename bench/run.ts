/**
 * `npm run bench`: Parley against @recogito/text-annotator on generated
 * documents. See README "Performance" for what is measured and how.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/support/chromium-path';
import { closeBrowser } from '../e2e/support/harness';
import { benchCases, generateSpans, generateText, type BenchCase, type BenchSpan } from './generate';
import { parleySubject, seedStore, type HandlerTimes } from './parley-bench';
import { peerSubject, servePeer } from './peer-bench';
import type { PaintResult, Subject } from './subject';

const ROOT = path.resolve(__dirname, '..');
const BENCH_DIR = __dirname;
const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const skipPeer = process.argv.includes('--no-peer');

/** Words of each document's first line, tagged in turn (first one warms up). */
const TAG_WORDS = ['document', 'characters', 'allies', 'review', 'working', 'group'];
const OPEN_RUNS = quick ? 3 : 5;
/** Enough tags for a 95th percentile that leaves one tag (full) or none (quick) out. */
const TAG_RUNS = quick ? 8 : 20;
const SCROLL_WARMUP_FRAMES = 30;
const SCROLL_FRAMES = quick ? 120 : 240;
/** Half the 800 px viewport per frame: a fast fling. */
const SCROLL_STEP_PX = 400;
/** A peer operation that takes longer than this is recorded as too slow. */
const TOO_SLOW_MS = 60_000;
/** After a first (warm-up) run this slow, one measured run is enough. */
const SLOW_RUN_MS = 10_000;

/**
 * Targets from the issue. A tag is shown within one frame when the first frame that began after its key
 * showed the mark; `tagFrames` is the 95th percentile of that count on every row. Key to paint cannot be
 * under one frame interval at the 95th percentile even for no work at all, since a key arrives anywhere in
 * the interval, so the milliseconds are printed beside it rather than judged.
 */
const TARGET = { openMs: 300, tagFrames: 1, speedup: 5, atChars: 1_000_000, atAnnotations: 20_000 };

interface Stats {
  median: number;
  /** 95th percentile, nearest rank. */
  p95: number;
  runs: number[];
  /** Per run: frame intervals from the event to the painted result (1 = the first frame after it). */
  frames: number[];
  /** 95th percentile (nearest rank) of `frames`. */
  framesP95: number;
  /** Runs shown in the first frame after the event. */
  firstFrame: number;
  /** The page's frame interval, ms (median over the runs). */
  frameInterval: number;
}

interface ScrollStats {
  workP50: number;
  workP95: number;
  workMax: number;
  intervalP50: number;
  intervalP95: number;
  intervalMax: number;
  /** Frames whose interval exceeded 1.5 × the median interval. */
  longFrames: number;
  frames: number;
}

interface SubjectResult {
  open?: Stats & { domMedian: number };
  tag?: Stats & { domMedian: number };
  scroll?: ScrollStats;
  failure?: string;
  /** Parley only: where the time goes. */
  breakdown?: Record<string, number>;
  /** Parley only: the bridge channels the tags called (the tag itself and whatever it set off). */
  tagChannels?: string[];
}

interface Row {
  case: BenchCase;
  parley: SubjectResult;
  peer: SubjectResult;
  handlers?: HandlerTimes;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function median(values: number[]): number {
  return quantile(values, 0.5);
}

/** The smallest value at or above which lie at most `1 - q` of `values` (nearest rank): of 20, the 19th. */
function nearestRank(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([promise, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took over ${ms / 1000} s`)), ms)))]).finally(() => clearTimeout(timer));
}

/** Runs `op` once to warm up, then `runs` times (once if the warm-up was very slow). */
async function repeat(runs: number, op: (i: number) => Promise<PaintResult>, after: () => Promise<void>): Promise<Stats & { domMedian: number }> {
  const paint: number[] = [];
  const dom: number[] = [];
  const frames: number[] = [];
  const intervals: number[] = [];
  let count = runs;
  for (let i = 0; i <= count; i++) {
    const r = await withTimeout(op(i), TOO_SLOW_MS * 1.5, 'one run');
    await after();
    const ms = r.paintAt - r.start;
    if (i === 0) {
      if (ms > SLOW_RUN_MS) count = 1;
      continue;
    }
    paint.push(ms);
    dom.push(r.domAt - r.start);
    frames.push(r.frames);
    intervals.push(r.frameInterval);
  }
  return {
    median: median(paint),
    p95: nearestRank(paint, 0.95),
    runs: paint.map((v) => Math.round(v * 10) / 10),
    domMedian: median(dom),
    frames,
    framesP95: nearestRank(frames, 0.95),
    firstFrame: frames.filter((n) => n === 1).length,
    frameInterval: median(intervals),
  };
}

async function measure(subject: Subject, c: BenchCase, extra?: { timings(): Promise<{ ipc: Array<{ channel: string; ms: number }>; measures: Record<string, number> }> }): Promise<SubjectResult> {
  const result: SubjectResult = {};
  const breakdown: Record<string, number[]> = {};
  const tagChannels = new Set<string>();
  const note = (key: string, value: number | undefined) => {
    if (value !== undefined) (breakdown[key] ??= []).push(value);
  };
  let phase = 'prepare';
  try {
    await subject.prepare(c);
    phase = 'open';
    result.open = await repeat(
      OPEN_RUNS,
      () => subject.open(),
      async () => {
        if (!extra) return;
        const t = await extra.timings();
        note('open: getDocument round trip', t.ipc.find((x) => x.channel.includes('getDocument'))?.ms);
        note('open: reader mount → frame (parley:reader-open)', t.measures['parley:reader-open']);
      },
    );
    phase = 'tag';
    result.tag = await repeat(
      TAG_RUNS,
      async (i) => {
        await subject.scrollTop();
        const r = await subject.tag(TAG_WORDS[i % TAG_WORDS.length]!);
        if (extra) {
          const t = await extra.timings();
          note('tag: addAnnotations round trip, saved on disk', t.ipc.find((x) => x.channel.includes('addAnnotations'))?.ms);
          note('tag: IPC round trips per tag', t.ipc.length);
          for (const call of t.ipc) tagChannels.add(call.channel);
          note('tag: key handler drew the mark (parley:tag-drawn)', t.measures['parley:tag-drawn']);
          note('tag: key → saved (parley:tag-saved)', t.measures['parley:tag-saved']);
          note('tag: patch view and settle marks (parley:apply-change)', t.measures['parley:apply-change']);
        }
        return r;
      },
      () => subject.untag(),
    );
    phase = 'scroll';
    await subject.scrollTop();
    await withTimeout(subject.scroll(SCROLL_WARMUP_FRAMES, SCROLL_STEP_PX), TOO_SLOW_MS, 'scroll warm-up');
    const s = await withTimeout(subject.scroll(SCROLL_FRAMES, SCROLL_STEP_PX), TOO_SLOW_MS * 2, 'scroll');
    const intervalMedian = median(s.intervals);
    result.scroll = {
      workP50: median(s.work),
      workP95: quantile(s.work, 0.95),
      workMax: Math.max(...s.work),
      intervalP50: intervalMedian,
      intervalP95: quantile(s.intervals, 0.95),
      intervalMax: Math.max(...s.intervals),
      longFrames: s.intervals.filter((v) => v > intervalMedian * 1.5).length,
      frames: s.work.length,
    };
  } catch (error) {
    result.failure = `${phase}: ${(error as Error).message.split('\n')[0]}`;
  }
  if (Object.keys(breakdown).length > 0) result.breakdown = Object.fromEntries(Object.entries(breakdown).map(([k, v]) => [k, median(v)]));
  if (tagChannels.size > 0) result.tagChannels = [...tagChannels];
  return result;
}

async function bundleProbes(): Promise<string> {
  const out = await build({ entryPoints: [path.join(BENCH_DIR, 'page-probes.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'chrome120' });
  return out.outputFiles[0]!.text;
}

const f1 = (v: number | undefined) => (v === undefined ? '—' : v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0));
const ratio = (peer: number | undefined, parley: number | undefined) => (peer === undefined || parley === undefined ? undefined : peer / parley);
const fx = (v: number | undefined) => (v === undefined ? '—' : `${v.toFixed(v < 10 ? 1 : 0)}×`);

function verdicts(row: Row): string[] {
  const misses: string[] = [];
  const { parley, peer } = row;
  if (parley.failure) return [`Parley failed: ${parley.failure}`];
  const atTarget = row.case.chars === TARGET.atChars && row.case.annotations === TARGET.atAnnotations;
  if (atTarget && (parley.open?.median ?? Infinity) >= TARGET.openMs) misses.push(`open ≥ ${TARGET.openMs} ms`);
  const tagFrames = parley.tag?.framesP95 ?? Infinity;
  if (tagFrames > TARGET.tagFrames) misses.push(`tag p95 ${tagFrames} frames > ${TARGET.tagFrames}`);
  // Tags are judged by frames, not by ratio: on light documents both tools wait for the same frame.
  const checks: Array<[string, number | undefined, number | undefined]> = [
    ['open', peer.open?.median, parley.open?.median],
    ['scroll', peer.scroll?.workP95, parley.scroll?.workP95],
  ];
  for (const [name, p, q] of checks) {
    const r = ratio(p, q);
    if (peer.failure && p === undefined) continue; // peer could not do it: Parley wins by default
    if (r === undefined || r < TARGET.speedup) misses.push(`${name} < ${TARGET.speedup}× peer`);
  }
  return misses;
}

const tagTimes = (t: Stats | undefined) => (t ? `${f1(t.median)} / ${f1(t.p95)}` : '—');
const firstFrame = (t: Stats | undefined) => (t ? `${t.firstFrame}/${t.frames.length}` : '—');

function printTable(rows: Row[]): string {
  const lines: string[] = [];
  const head = [
    'row (chars/annots)',
    'open Parley',
    'open peer',
    '×',
    'tag p50 / p95 Parley',
    '1st frame Parley',
    'tag p50 / p95 peer',
    '1st frame peer',
    'scroll p95 Parley',
    'scroll p95 peer',
    '×',
    'verdict',
  ];
  const body = rows.map((row) => {
    const { parley: a, peer: b } = row;
    const misses = verdicts(row);
    return [
      `${row.case.chars.toLocaleString('en')} / ${row.case.annotations.toLocaleString('en')}`,
      f1(a.open?.median),
      b.open ? f1(b.open.median) : (b.failure ?? '—'),
      fx(ratio(b.open?.median, a.open?.median)),
      tagTimes(a.tag),
      firstFrame(a.tag),
      tagTimes(b.tag),
      firstFrame(b.tag),
      f1(a.scroll?.workP95),
      f1(b.scroll?.workP95),
      fx(ratio(b.scroll?.workP95, a.scroll?.workP95)),
      misses.length === 0 ? 'PASS' : `MISS: ${misses.join('; ')}`,
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  lines.push(fmt(head), `|${widths.map((w, i) => (i === 0 || i === widths.length - 1 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const r of body) lines.push(fmt(r));
  return lines.join('\n');
}

function progress(r: SubjectResult): string {
  return `open ${f1(r.open?.median)} ms, tag p50 ${f1(r.tag?.median)} p95 ${f1(r.tag?.p95)} ms, 1st frame ${firstFrame(r.tag)}, scroll p95 ${f1(r.scroll?.workP95)} ms`;
}

function printDetails(rows: Row[]): string {
  const lines: string[] = [];
  lines.push('Tags (ms from key to painted mark, each run; frames: 1 = shown by the first frame after the key):');
  for (const row of rows) {
    for (const [name, r] of [['Parley', row.parley], ['peer', row.peer]] as const) {
      const t = r.tag;
      if (!t) continue;
      lines.push(`  ${row.case.id.padEnd(10)} ${name.padEnd(6)} ms ${t.runs.join(' ')} | frames ${t.frames.join(' ')} | frame interval ${f1(t.frameInterval)}`);
    }
  }
  lines.push('Scroll frames (ms; work = frame start → rendering done on the main thread; interval = rAF to rAF):');
  for (const row of rows) {
    for (const [name, r] of [['Parley', row.parley], ['peer', row.peer]] as const) {
      const s = r.scroll;
      if (!s) continue;
      lines.push(
        `  ${row.case.id.padEnd(10)} ${name.padEnd(6)} work p50 ${f1(s.workP50)} p95 ${f1(s.workP95)} max ${f1(s.workMax)} | interval p50 ${f1(s.intervalP50)} p95 ${f1(s.intervalP95)} max ${f1(s.intervalMax)} | long frames ${s.longFrames}/${s.frames}`,
      );
    }
  }
  lines.push('Parley breakdown (medians, ms; round trips through the bench bridge, handlers alone in Node):');
  for (const row of rows) {
    const parts = Object.entries(row.parley.breakdown ?? {}).map(([k, v]) => `${k} ${f1(v)}`);
    if (row.handlers) {
      const h = row.handlers;
      parts.push(
        `handler getDocument ${f1(h.getDocumentMs)}`,
        `handler addAnnotations, saved durably ${f1(h.addAnnotationsMs)}`,
        `handler undo ${f1(h.undoMs)}`,
        `view ${(h.viewJsonBytes / 1e6).toFixed(2)} MB JSON, packed for the wire ${(h.wireJsonBytes / 1e6).toFixed(2)} MB (pack ${f1(h.packMs)}), structured clone of the packed ${f1(h.viewStructuredCloneMs)}`,
        `store calls per addAnnotations ${h.storeCallsPerTag.length} (${h.storeCallsPerTag.join(', ')})`,
      );
    }
    if (row.parley.tagChannels) parts.push(`channels a tag calls: ${row.parley.tagChannels.join(', ')}`);
    lines.push(`  ${row.case.id}: ${parts.join('; ')}`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const started = Date.now();
  const cases = benchCases(quick).filter((c) => !only || only.split(',').includes(c.id));
  // `--only` naming library rows alone: those run in library-run.ts.
  if (cases.length === 0) return;
  console.log(`Generating ${cases.length} documents…`);
  const data = cases.map((c) => {
    const text = generateText(c.chars, c.chars);
    const spans: BenchSpan[] = generateSpans(text, c.annotations, c.chars * 31 + c.annotations);
    return { c, text, spans };
  });
  const tagSpan = (text: string) => {
    const start = text.indexOf('allies');
    return { start, end: start + 'allies'.length };
  };
  console.log('Seeding a temporary store and timing the handlers…');
  const { storeDir, handlerTimes } = await seedStore(data, tagSpan);
  const probes = await bundleProbes();
  const rows: Row[] = cases.map((c) => ({ case: c, parley: {}, peer: {}, handlers: handlerTimes.get(c.id) }));

  console.log(`Parley (store ${storeDir})…`);
  let parley = await parleySubject(storeDir, probes);
  for (const row of rows) {
    process.stdout.write(`  ${row.case.id}… `);
    row.parley = await measure(parley, row.case, parley);
    console.log(row.parley.failure ?? progress(row.parley));
    if (row.parley.failure) {
      // A page that is still busy with the failed row would spoil the next ones.
      await withTimeout(parley.close(), 30_000, 'closing Parley').catch(() => undefined);
      parley = await parleySubject(storeDir, probes);
    }
  }
  await parley.close();
  await closeBrowser();

  if (!skipPeer) {
    console.log('Peer (@recogito/text-annotator)…');
    const peerServer = await servePeer(BENCH_DIR, data);
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
    const peer = await peerSubject(browser, peerServer.origin);
    for (const row of rows) {
      process.stdout.write(`  ${row.case.id}… `);
      row.peer = await measure(peer, row.case);
      console.log(row.peer.failure ?? progress(row.peer));
      if (row.peer.failure) await peer.close();
    }
    await peer.close();
    await browser.close();
    await peerServer.close();
  }

  const table = printTable(rows);
  const details = printDetails(rows);
  console.log(
    `\nTimes in ms (open: median of ${OPEN_RUNS} after a warm-up; tag: key to painted mark, median and p95 of ${TAG_RUNS} after a warm-up; scroll: p95 frame work over ${SCROLL_FRAMES} frames). × = peer ÷ Parley.`,
  );
  console.log('1st frame: tags whose mark was shown by the first frame that began after the key, its rendering done in time for the frame after it to begin on schedule.');
  console.log(
    `Targets: open < ${TARGET.openMs} ms at 1,000,000 chars / 20,000 annotations; tag within one frame (p95 of frames to paint = ${TARGET.tagFrames}) on every row; open and scroll ≥ ${TARGET.speedup}× the peer.\n`,
  );
  console.log(table);
  console.log(`\n${details}`);
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${process.platform}`;
  console.log(`\nMachine: ${machine}. Took ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  const out = path.join(ROOT, '.bench');
  await mkdir(out, { recursive: true });
  await writeFile(
    path.join(out, 'results.json'),
    JSON.stringify({ at: new Date().toISOString(), machine, quick, targets: TARGET, settings: { OPEN_RUNS, TAG_RUNS, SCROLL_FRAMES, SCROLL_STEP_PX }, rows: rows.map((r) => ({ ...r, verdict: verdicts(r) })), table }, null, 2),
  );
  console.log(`Results written to ${path.relative(process.cwd(), path.join(out, 'results.json'))}.`);
}

main().then(
  // Nothing may keep the process alive once the figures are out.
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
