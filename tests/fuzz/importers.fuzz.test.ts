/**
 * Fuzzes every codec's import with mutated seed files, and brat also as a
 * `.zip`. Each case must end in a failure with a known error code, or in an
 * import whose corpus is internally consistent; no case may throw or touch a
 * built-in prototype. The importers are pure: they never see the store, so
 * "a refused import changes nothing" is checked through the IPC suite, which
 * imports the same generated files through the app's handlers.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { codecs, FORMAT_NAMES, type FormatName, type ImportOutcome } from '../../annotations/formats/index';
import { defaultLabelSchema } from '../../annotations/labels';
import type { Result } from '../../annotations/result';
import { textSha256 } from '../../annotations/text-hash';
import { buildImportCase, caseRng, describeFiles, fuzzCases, MUTATION_NAMES, pollution, prototypeSnapshot, seedFiles, zippedCase, type ImportCase } from './generators';

const NOW = '2025-06-01T00:00:00.000Z';
const ERROR_CODES = new Set(['invalid-input', 'invalid-format', 'not-found', 'conflict', 'too-large', 'store-locked', 'store-corrupt', 'io-error', 'forbidden', 'cancelled', 'internal']);
const CASES = fuzzCases('importers');

/** What one run fuzzes: every format's importer, and brat's again with the corpus packed in a `.zip`. */
const TARGETS: ReadonlyArray<{ name: string; format: FormatName; zip: boolean }> = [...FORMAT_NAMES.map((format) => ({ name: format, format, zip: false })), { name: 'brat (.zip)', format: 'brat', zip: true }];
const PER_TARGET = Math.ceil(CASES / TARGETS.length);

const tally = { cases: 0, failures: 0, accepted: 0, rejected: 0, ms: 0, kinds: new Map<string, number>() };
afterAll(() => {
  console.log(`fuzz importers: ${tally.cases} cases, ${tally.failures} failures (${tally.accepted} imported, ${tally.rejected} refused, ${TARGETS.length} importers, ${(tally.ms / 1000).toFixed(1)} s)`);
  console.log(`fuzz importers by kind of input: ${[...tally.kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`);
});

/** The kind of each edit a case made (`offsets@doc.ann` counts as `offsets`). */
function kindsOf(c: ImportCase): string[] {
  return c.mutations.map((m) => m.split(/[@:]/)[0]!);
}

function importOf(format: FormatName, c: Pick<ImportCase, 'files'>): Result<ImportOutcome> {
  return codecs[format].import(c.files, { labels: defaultLabelSchema(), now: NOW, author: 'fuzz' });
}

/** Annotations plus orphans of an outcome: what "nothing lost" counts. */
function placedAndOrphaned(outcome: ImportOutcome): number {
  return outcome.corpus.documents.reduce((n, d) => n + d.layers.reduce((m, l) => m + l.annotations.length, 0), 0) + (outcome.orphans?.length ?? 0);
}

/** Everything wrong with a result, as messages; empty when it is a clean failure or a consistent import. */
function problemsOf(result: unknown): string[] {
  if (result === null || typeof result !== 'object') return [`returned ${String(result)} instead of a Result`];
  const r = result as Result<ImportOutcome>;
  if (r.ok === false) {
    const out: string[] = [];
    if (!ERROR_CODES.has(r.error?.code)) out.push(`unknown error code ${String(r.error?.code)}`);
    if (r.error.code === 'internal') out.push(`internal error: ${r.error.message}`);
    if (typeof r.error.message !== 'string' || r.error.message.trim() === '') out.push('failure without a message');
    return out;
  }
  if (r.ok !== true) return ['result has no ok flag'];
  const { corpus, warnings, ignored } = r.value;
  const out: string[] = [];
  if (!Array.isArray(warnings) || !Array.isArray(ignored)) out.push('warnings or ignored missing');
  const labelIds = new Set<string>();
  for (const l of corpus.labels.labels) {
    if (labelIds.has(l.id)) out.push(`label id ${l.id} appears twice`);
    labelIds.add(l.id);
    if (typeof l.name !== 'string' || l.name.trim() === '') out.push(`label ${l.id} has no name`);
  }
  for (const l of defaultLabelSchema().labels) if (!labelIds.has(l.id)) out.push(`project label ${l.id} was dropped`);
  const docIds = new Set<string>();
  for (const cd of corpus.documents) {
    const { document: doc } = cd;
    const text = doc.text;
    if (typeof text !== 'string') {
      out.push(`document ${doc.id} has no text`);
      continue;
    }
    if (docIds.has(doc.id)) out.push(`document id ${doc.id} appears twice`);
    docIds.add(doc.id);
    if (doc.sha256 !== textSha256(text)) out.push(`document ${doc.id}: sha256 does not match its text`);
    const layerIds = new Set<string>();
    for (const layer of cd.layers) {
      if (layerIds.has(layer.id)) out.push(`document ${doc.id}: layer ${layer.id} appears twice`);
      layerIds.add(layer.id);
      const annIds = new Set<string>();
      for (const a of layer.annotations) {
        const where = `document ${doc.id} layer ${layer.id} annotation ${a.id}`;
        if (annIds.has(a.id)) out.push(`${where}: id appears twice`);
        annIds.add(a.id);
        if (!Number.isInteger(a.start) || !Number.isInteger(a.end) || a.start < 0 || a.end > text.length || a.start >= a.end) {
          out.push(`${where}: span [${a.start}, ${a.end}) is not inside the text (length ${text.length})`);
          continue;
        }
        if (a.quote.exact !== text.slice(a.start, a.end)) out.push(`${where}: quote ${JSON.stringify(a.quote.exact.slice(0, 40))} is not the text at its offsets`);
        if (!labelIds.has(a.labelId)) out.push(`${where}: label ${String(a.labelId)} is not in the schema (dropped silently)`);
        if (a.documentId !== doc.id) out.push(`${where}: documentId is ${a.documentId}`);
      }
      for (const rel of layer.relations ?? []) {
        const where = `document ${doc.id} layer ${layer.id} relation ${rel.id}`;
        if (!annIds.has(rel.sourceId) || !annIds.has(rel.targetId)) out.push(`${where}: an end is not an annotation of its layer`);
        if (!(corpus.labels.relationTypes ?? []).some((t) => t.id === rel.typeId)) out.push(`${where}: type ${rel.typeId} is not in the schema`);
        if (rel.documentId !== doc.id) out.push(`${where}: documentId is ${rel.documentId}`);
      }
    }
  }
  for (const o of r.value.orphans ?? []) {
    if (!docIds.has(o.documentId)) out.push(`orphan of unknown document ${o.documentId}`);
    if (typeof o.reason !== 'string' || o.reason === '') out.push('orphan without a reason');
  }
  return out;
}

const baseline = new Map<FormatName, number>();
function baselineCount(format: FormatName): number {
  let n = baseline.get(format);
  if (n === undefined) {
    const r = importOf(format, { files: seedFiles(format) });
    if (!r.ok) throw new Error(`the ${format} seed does not import: ${r.error.message}`);
    n = placedAndOrphaned(r.value);
    baseline.set(format, n);
  }
  return n;
}

describe('importers under hostile input', () => {
  for (const [t, { name, format, zip }] of TARGETS.entries()) {
    it(`${name}: ${PER_TARGET} mutated inputs each end in a clear error or a consistent import`, () => {
      const expected = baselineCount(format);
      expect(expected).toBeGreaterThan(0);
      const snapshot = prototypeSnapshot();
      const failures: string[] = [];
      const started = performance.now();
      for (let i = 0; i < PER_TARGET; i++) {
        const index = t * PER_TARGET + i;
        const built = buildImportCase('importers', index, format);
        const c = zip ? zippedCase(built, caseRng('importers', CASES + index)) : built;
        for (const kind of kindsOf(c)) tally.kinds.set(kind, (tally.kinds.get(kind) ?? 0) + 1);
        let result: unknown;
        let found: string[];
        try {
          result = importOf(format, c);
          found = problemsOf(result);
        } catch (error) {
          found = [`threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`];
        }
        const r = result as Result<ImportOutcome> | undefined;
        if (c.labelRenamedTo !== undefined && r?.ok) {
          const got = placedAndOrphaned(r.value);
          if (got !== expected) found.push(`renaming a label to ${JSON.stringify(c.labelRenamedTo)} kept ${got} of ${expected} annotations`);
        }
        const polluted = pollution(snapshot);
        if (polluted) found.push(`prototype pollution: ${polluted}`);
        tally.cases++;
        if (r?.ok) tally.accepted++;
        else tally.rejected++;
        if (found.length > 0) {
          tally.failures++;
          failures.push(`importers #${index} (${name}; ${c.mutations.join(' + ')}; ${describeFiles(c.files)}): ${found.slice(0, 3).join('; ')}`);
        }
      }
      tally.ms += performance.now() - started;
      expect(failures.slice(0, 10)).toEqual([]);
    }, 170_000);
  }

  it('ran every kind of hostile edit', () => {
    // A tiny run (PARLEY_FUZZ_CASES below 1,000) may miss the rarest edits by chance.
    if (tally.cases < 1_000) return;
    const missing = [...MUTATION_NAMES, 'rename-label', 'zip'].filter((k) => !tally.kinds.has(k));
    expect(missing).toEqual([]);
  });
});
