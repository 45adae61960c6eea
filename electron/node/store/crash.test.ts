/**
 * Crash test: a child process performs a stream of store operations and is
 * killed with SIGKILL at a random moment, over and over, on the same store.
 * After each kill the store must open without repairs, every file must parse
 * and validate, every acknowledged operation must be there, and each document
 * must be exactly in the state after some prefix of the operations issued on
 * it (nothing half-done). Saves go to document journals and compactions run
 * often in the worker, so kills land in appends and in compactions; the
 * tally says how many journals, sealed journals and cut-short records the
 * next open found.
 *
 * Iterations: PARLEY_CRASH_ITERATIONS, else 500 when CI=true, else 60.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { OWN_LAYER_ID } from '../../../annotations/model';
import { CUT_SHORT, readJournal, SEALED_JOURNAL_SUFFIX, stemOfJournal } from './document-journal';
import { parseStoreFile, TEMP_SUFFIX } from './durable-file-adapter';
import { ParleyStore } from './parley-store';
import { documentFileSchema, libraryFileSchema, STORE_SCHEMA_VERSION } from './store-schemas';
import type { CrashOp } from './test-support/crash-worker';
import { makeTempDir, removeTempDir } from './test-support/store-fixtures';

const ITERATIONS = Number(process.env.PARLEY_CRASH_ITERATIONS ?? (process.env.CI === 'true' ? 500 : 60));
const LANES = Math.max(1, Math.min(2, os.availableParallelism()));
const MAX_KILL_DELAY_MS = 100;

type AnnState = { start: number; end: number; label: string };
/** A document's own layer by annotation id, or null when the document does not exist. */
type DocState = Map<string, AnnState> | null;

interface Tally {
  kills: number;
  acknowledged: number;
  issued: number;
  tempFilesLeft: number;
  /** Kills after which a journal was left (and the next open applied it). */
  journalsLeft: number;
  /** Kills during a compaction (a sealed journal left). */
  sealedLeft: number;
  /** Journals whose last record the kill cut short. */
  cutShort: number;
  failures: string[];
}

let root: string;
let bundle: string;

beforeAll(async () => {
  root = await makeTempDir('parley-crash-');
  bundle = path.join(root, 'crash-worker.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./test-support/crash-worker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: bundle,
    logLevel: 'error',
  });
});
afterAll(async () => {
  await removeTempDir(root);
});

describe('crash safety', () => {
  it(
    `keeps every acknowledged operation through ${ITERATIONS} SIGKILLs`,
    async () => {
      const tally: Tally = { kills: 0, acknowledged: 0, issued: 0, tempFilesLeft: 0, journalsLeft: 0, sealedLeft: 0, cutShort: 0, failures: [] };
      const started = Date.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: LANES }, async (_, lane) => {
          const dir = path.join(root, `store-${lane}`);
          let baseline = new Map<string, DocState>();
          while (next < ITERATIONS && tally.failures.length < 5) {
            next++;
            baseline = await iteration(dir, baseline, tally);
          }
        }),
      );
      console.log(
        `crash test: ${tally.kills} kills, ${tally.acknowledged} acknowledged operations checked (${tally.issued} issued), ` +
          `${tally.tempFilesLeft} interrupted writes cleaned up, ${tally.journalsLeft} journals applied on open (${tally.sealedLeft} in a compaction, ${tally.cutShort} with a record cut short), ` +
          `${tally.failures.length} failures, ${((Date.now() - started) / 1000).toFixed(1)} s on ${LANES} lanes`,
      );
      expect(tally.failures).toEqual([]);
      expect(tally.kills).toBe(ITERATIONS);
      expect(tally.acknowledged).toBeGreaterThan(ITERATIONS);
      // The journal is what the kills hit: left behind after most of them.
      expect(tally.journalsLeft).toBeGreaterThan(ITERATIONS / 4);
    },
    Math.max(120_000, ITERATIONS * 2_000),
  );
});

/** Runs the worker once, kills it, checks the store; returns the state on disk for the next round. */
async function iteration(dir: string, baseline: Map<string, DocState>, tally: Tally): Promise<Map<string, DocState>> {
  const output = await runAndKill(dir);
  tally.kills++;
  const lines = output.split('\n').slice(0, -1); // the last piece has no newline yet: ignore it
  const ops: CrashOp[] = [];
  const acked = new Set<number>();
  for (const line of lines) {
    if (line.startsWith('B ')) ops.push(JSON.parse(line.slice(2)) as CrashOp);
    else if (line.startsWith('A ')) acked.add(Number(line.slice(2)));
    else if (line.startsWith('E ')) tally.failures.push(`worker reported: ${line}`);
  }
  tally.issued += ops.length;
  tally.acknowledged += acked.size;

  const raw = await checkFilesParse(dir, tally);
  tally.tempFilesLeft += raw.tempFiles;
  if (raw.journals > 0) tally.journalsLeft++;
  if (raw.sealed > 0) tally.sealedLeft++;
  tally.cutShort += raw.cutShort;
  const opened = await ParleyStore.open(dir, { onWarning: (m) => tally.failures.push(`warning: ${m}`) });
  if (!opened.ok) {
    tally.failures.push(`open failed: ${opened.error.code} ${opened.error.message}`);
    return baseline;
  }
  const { store, incidents } = opened.value;
  try {
    for (const incident of incidents) tally.failures.push(`incident: ${incident.file}: ${incident.problem}`);
    const onDisk = new Map<string, DocState>();
    const sha = new Map<string, string>();
    for (const summary of store.listDocuments()) {
      const view = store.getDocument(summary.id);
      if (!view.ok) continue;
      const own = view.value.layers.find((l) => l.id === OWN_LAYER_ID)?.annotations ?? [];
      onDisk.set(summary.id, new Map(own.map((a) => [a.id, { start: a.start, end: a.end, label: a.labelId }])));
      sha.set(summary.id, summary.sha256);
    }
    const byDoc = new Map<string, CrashOp[]>();
    for (const op of ops) byDoc.set(op.doc, [...(byDoc.get(op.doc) ?? []), op]);
    for (const id of new Set([...baseline.keys(), ...byDoc.keys(), ...onDisk.keys()])) {
      const docOps = byDoc.get(id) ?? [];
      const problem = matchPrefix(baseline.get(id) ?? null, docOps, acked, onDisk.get(id) ?? null);
      if (problem) tally.failures.push(`${id}: ${problem}`);
      const imported = docOps.find((o) => o.op === 'import');
      if (imported?.op === 'import' && sha.has(id) && sha.get(id) !== imported.sha256) tally.failures.push(`${id}: text differs from the imported text`);
    }
    return onDisk;
  } finally {
    await store.close();
  }
}

/**
 * Checks that the document is in the state after some prefix of its operations
 * that includes every acknowledged one. Returns a description of the mismatch, or null.
 */
function matchPrefix(start: DocState, ops: readonly CrashOp[], acked: ReadonlySet<number>, actual: DocState): string | null {
  let lastAcked = -1;
  ops.forEach((op, i) => {
    if (acked.has(op.seq)) lastAcked = i;
  });
  let state = start;
  for (let k = 0; k <= ops.length; k++) {
    if (k > 0) state = apply(state, ops[k - 1]!);
    if (k > lastAcked && same(state, actual)) return null;
  }
  const size = (s: DocState) => (s ? `${s.size} annotations` : 'absent');
  return `on disk: ${size(actual)}; matches no state after ${lastAcked + 1} acknowledged of ${ops.length} issued operations (expected ${size(state)} at the end)`;
}

function apply(state: DocState, op: CrashOp): DocState {
  if (op.op === 'import') return new Map();
  const next = new Map(state ?? []);
  if (op.op === 'add') next.set(op.ann, { start: op.start, end: op.end, label: op.label });
  else if (op.op === 'relabel') next.set(op.ann, { ...next.get(op.ann)!, label: op.label });
  else next.delete(op.ann);
  return next;
}

function same(a: DocState, b: DocState): boolean {
  if (a === null || b === null) return a === b;
  if (a.size !== b.size) return false;
  for (const [id, x] of a) {
    const y = b.get(id);
    if (!y || y.start !== x.start || y.end !== x.end || y.label !== x.label) return false;
  }
  return true;
}

/**
 * Parses and validates every store file as the kill left it, before the
 * store's own repair runs: every journal line is a good record except
 * perhaps a last one cut short.
 */
async function checkFilesParse(dir: string, tally: Tally): Promise<{ tempFiles: number; journals: number; sealed: number; cutShort: number }> {
  let tempFiles = 0;
  let journals = 0;
  let sealed = 0;
  let cutShort = 0;
  const check = async (file: string, schema: z.ZodType<unknown>) => {
    try {
      parseStoreFile(file, await readFile(file), schema, STORE_SCHEMA_VERSION);
    } catch (error) {
      tally.failures.push(`${path.relative(dir, file)} does not parse: ${(error as Error).message}`);
    }
  };
  const names = await readdir(dir).catch(() => [] as string[]);
  if (names.includes('library.json')) await check(path.join(dir, 'library.json'), libraryFileSchema);
  tempFiles += names.filter((n) => n.endsWith(TEMP_SUFFIX)).length;
  for (const name of await readdir(path.join(dir, 'documents')).catch(() => [] as string[])) {
    if (name.endsWith(TEMP_SUFFIX)) tempFiles++;
    else if (name.endsWith('.json')) await check(path.join(dir, 'documents', name), documentFileSchema);
    else if (stemOfJournal(name) !== null) {
      journals++;
      if (name.endsWith(SEALED_JOURNAL_SUFFIX)) sealed++;
      const file = path.join(dir, 'documents', name);
      const bytes = await readFile(file);
      // A live journal after a compaction starts past 1: checked from its first record on.
      const first = Number(/^[0-9a-f]{8} \{"seq":(\d+)/.exec(bytes.toString('utf8'))?.[1] ?? 1);
      const read = readJournal([{ file, bytes }], first - 1);
      if (read.damaged) tally.failures.push(`${name} is damaged: ${read.damaged.problem}`);
      for (const bad of read.torn) {
        if (bad.problem === CUT_SHORT) cutShort++;
        else tally.failures.push(`${name} has a bad last record: ${bad.problem}`);
      }
    }
  }
  return { tempFiles, journals, sealed, cutShort };
}

/**
 * Starts the worker and SIGKILLs it: usually a random moment after it has
 * opened the store, sometimes while it is still opening it.
 */
function runAndKill(dir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    let timer: NodeJS.Timeout | undefined;
    const killAfter = (ms: number) => {
      if (timer) return;
      timer = setTimeout(() => child.kill('SIGKILL'), ms);
    };
    const early = Math.random() < 0.1;
    if (early) killAfter(20 + Math.random() * 80);
    const guard = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (!early && output.startsWith('R\n')) killAfter(Math.random() * MAX_KILL_DELAY_MS);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') output += `E worker exited by itself (code ${code}): ${errors.slice(0, 500)}\n`;
      resolve(output);
    });
  });
}
