/**
 * Bench rows for the corpus charts (issue 14): building the timeline, the
 * stance matrix and the three discourse networks from 10,000 statements, and
 * writing their GraphML and CSV. Statements are generated directly: 400
 * actors (half linked to entities), 60 policy bodies, 300 positions, dates of
 * day, month and year precision over three years, a tenth undated.
 * `--only=charts` runs these rows alone.
 */
import { networkCsv, stanceMatrixCsv } from '../annotations/corpus/charts/chart-csv';
import { discourseNetwork } from '../annotations/corpus/charts/discourse-network';
import { networkGraphml } from '../annotations/corpus/charts/network-graphml';
import { stanceMatrix } from '../annotations/corpus/charts/stance-matrix';
import { timelineData } from '../annotations/corpus/charts/timeline-data';
import type { Statement, StatementSpan } from '../annotations/statements/build-statements';

const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const quick = process.argv.includes('--quick');
const STATEMENTS = 10_000;
const RUNS = quick ? 3 : 7;
/** The corpus view's budget for answering a change of view. */
const TARGET_MS = 100;

/** A small seeded generator (mulberry32), so every run builds the same statements. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` statements shaped like an analyst's library. */
export function generateStatements(count: number): Statement[] {
  const rnd = random(14);
  const pick = (n: number) => Math.floor(rnd() * n);
  const stances = ['supports', 'opposes', 'proposes', 'demands', 'neutral', undefined];
  let id = 0;
  const span = (text: string, labelId: string, entity?: string): StatementSpan => ({
    annotationId: `ann_${id++}`,
    labelId,
    text,
    start: 0,
    end: text.length,
    startCodePoint: 0,
    endCodePoint: text.length,
    ...(entity ? { entityId: entity, entityName: text } : {}),
  });
  const statements: Statement[] = [];
  for (let i = 0; i < count; i++) {
    const actor = pick(400);
    const towardActor = rnd() < 0.3;
    const target = towardActor ? span(`Actor ${pick(400)}`, 'actor') : span(`Body ${pick(60)}`, 'policy-body');
    const year = 2023 + pick(3);
    const month = String(1 + pick(12)).padStart(2, '0');
    const roll = rnd();
    const value = roll < 0.1 ? undefined : roll < 0.6 ? `${year}-${month}-${String(1 + pick(28)).padStart(2, '0')}` : roll < 0.9 ? `${year}-${month}` : `${year}`;
    const stance = stances[pick(stances.length)];
    statements.push({
      documentId: `doc_${Math.floor(i / 10)}`,
      documentTitle: `Article ${Math.floor(i / 10)}`,
      layerId: 'own',
      position: span(`position ${pick(300)}`, 'position'),
      ...(stance ? { stance } : {}),
      actor: span(`Actor ${actor}`, 'actor', actor % 2 === 0 ? `ent_${actor}` : undefined),
      target,
      dates: value ? [{ ...span(value, 'date'), value, precision: value.length === 10 ? 'day' : value.length === 7 ? 'month' : 'year' }] : [],
    });
  }
  return statements;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(run: () => unknown): number {
  run(); // warm-up
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    run();
    runs.push(performance.now() - started);
  }
  return median(runs);
}

function main(): void {
  if (only && !only.split(',').includes('charts')) return;
  const statements = generateStatements(STATEMENTS);
  const twoMode = discourseNetwork(statements, 'two-mode');
  const congruence = discourseNetwork(statements, 'congruence');
  const rows: Array<[string, number, string]> = [
    ['timeline data (lanes by actor)', time(() => timelineData(statements, 'actor')), `${timelineData(statements).items.length} items`],
    ['stance matrix (actors × bodies)', time(() => stanceMatrix(statements, 'bodies')), `${stanceMatrix(statements).cells.length} cells`],
    ['network two-mode', time(() => discourseNetwork(statements, 'two-mode')), `${twoMode.nodes.length} nodes, ${twoMode.edges.length} edges`],
    ['network congruence', time(() => discourseNetwork(statements, 'congruence')), `${congruence.nodes.length} nodes, ${congruence.edges.length} edges`],
    ['network conflict, one year', time(() => discourseNetwork(statements, 'conflict', { from: '2024-01-01', to: '2024-12-31' })), ''],
  ];
  const exports: Array<[string, number, string]> = [
    ['GraphML of the two-mode network', time(() => networkGraphml(twoMode)), ''],
    ['CSV of the congruence matrix', time(() => networkCsv(congruence)), `${congruence.nodes.length}² cells`],
    ['CSV of the stance matrix', time(() => stanceMatrixCsv(stanceMatrix(statements))), ''],
  ];
  console.log(`\nCorpus charts from ${STATEMENTS.toLocaleString('en-US')} statements (median of ${RUNS} runs after a warm-up; target < ${TARGET_MS} ms each):`);
  for (const [name, ms, note] of rows) console.log(`  ${name.padEnd(34)} ${ms.toFixed(1).padStart(8)} ms ${ms < TARGET_MS ? '✓' : '✗'}  ${note}`);
  console.log('Exports (once per save, no target):');
  for (const [name, ms, note] of exports) console.log(`  ${name.padEnd(34)} ${ms.toFixed(1).padStart(8)} ms    ${note}`);
}

main();
