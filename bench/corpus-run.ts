/**
 * `npm run bench` (corpus rows, issue 14): a generated library of 1,000
 * seed-style articles with 100,000 annotations and 10,000 statements in a
 * real store, read through the app's own handlers. Times opening the corpus
 * view's data (statements, entity mentions, entities: target < 500 ms), a
 * filter of the statement table and of the entities, and a search across the
 * library (target < 100 ms). `--quick` uses 200 articles; `--only=` without
 * `corpus` skips it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { filterStatements, sortStatements } from '../annotations/corpus/statement-filter';
import type { Annotation, CorpusDocument, Entity, Relation } from '../annotations/model';
import { createAnnotation } from '../annotations/annotation';
import { createDocument } from '../annotations/document';
import { createHandlers } from '../electron/main/handlers/create-handlers';
import { openAppStore } from '../electron/node/open-app-store';
import { generateSpans, generateText, prng } from './generate';

const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const NOW = '2026-12-01T00:00:00.000Z';
const ANNOTATIONS_EACH = 100;
const STATEMENTS_EACH = 10;
const STANCES = ['supports', 'opposes', 'proposes', 'demands', 'neutral'];

/** One article: 100 spans, ten of them positions held by an actor toward a policy body on a date; the actors linked to 50 entities. */
function article(i: number, entities: readonly Entity[], rand: () => number): CorpusDocument {
  const document = createDocument({ id: `doc_bench_${i}`, title: `Article ${i + 1}`, source: `article-${i + 1}.md`, text: generateText(4_000 + Math.floor(rand() * 4_000), 9_000 + i), now: NOW });
  const day = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  const withMetadata = { ...document, metadata: { publishedAt: day, outlet: i % 2 === 0 ? 'Yonhap' : 'Kyodo' } };
  const spans = generateSpans(document.text, ANNOTATIONS_EACH, 31_000 + i);
  const annotations: Annotation[] = [];
  const relations: Relation[] = [];
  const made = (start: number, end: number, labelId: string, n: number, extra: Partial<Annotation> = {}) => {
    const created = createAnnotation(document.text, { documentId: document.id, start, end, labelId, author: 'bench', now: NOW, id: `ann_${i}_${n}` });
    if (!created.ok) throw new Error(created.error.message);
    const a = { ...created.value, ...extra };
    annotations.push(a);
    return a;
  };
  // Every fourth span is a position, an actor, a policy body or a date, so each label has its share.
  const roles = ['actor', 'position', 'policy-body', 'date'] as const;
  const byRole: Record<(typeof roles)[number], Annotation[]> = { actor: [], position: [], 'policy-body': [], date: [] };
  spans.forEach((s, n) => {
    const role = roles[n % 4]!;
    const positionsLeft = role !== 'position' || byRole.position.length < STATEMENTS_EACH;
    const labelId = positionsLeft ? role : 'policy-body';
    const extra: Partial<Annotation> =
      labelId === 'actor' ? { entityId: entities[Math.floor(rand() * entities.length)]!.id } : labelId === 'position' ? { attributes: { stance: STANCES[Math.floor(rand() * STANCES.length)]! } } : labelId === 'date' ? { attributes: { value: day } } : {};
    byRole[labelId as (typeof roles)[number]].push(made(s.start, s.end, labelId, n, extra));
  });
  byRole.position.forEach((p, n) => {
    const link = (typeId: string, source: Annotation | undefined, target: Annotation | undefined) => {
      if (source && target) relations.push({ id: `rel_${i}_${relations.length}`, documentId: document.id, typeId, sourceId: source.id, targetId: target.id, author: 'bench', createdAt: NOW, updatedAt: NOW });
    };
    link('holds', byRole.actor[n], p);
    link('toward', p, byRole['policy-body'][n]);
    link('when', p, byRole.date[n]);
  });
  return { document: withMetadata, layers: [{ id: 'own', kind: 'own', author: 'bench', annotations, relations }], decisions: [] };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median wall time of `runs` runs, and the median CPU time this process spent in them (what an idle machine's wall time would be, since the work is on one thread). */
async function timed<T>(runs: number, run: () => Promise<T> | T): Promise<{ ms: number; cpu: number; value: T }> {
  const times: number[] = [];
  const cpu: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const used = process.cpuUsage();
    value = await run();
    times.push(performance.now() - started);
    const spent = process.cpuUsage(used);
    cpu.push((spent.user + spent.system) / 1000);
  }
  return { ms: median(times), cpu: median(cpu), value: value! };
}

function ok<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function main(): Promise<void> {
  if (only && !only.split(',').includes('corpus')) return;
  const count = quick ? 200 : 1_000;
  const started = Date.now();
  console.log(`\nCorpus view (${count} generated articles in a real store, through the app's handlers)…`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-bench-corpus-'));
  try {
    const opened = ok(await openAppStore(path.join(dir, 'store'), 'bench', { seedSamples: false }));
    const api = createHandlers({ ...opened, dialogs: { openFiles: async () => null, saveFile: async () => null }, version: 'bench', notify: () => undefined });
    const rand = prng(14);
    const entities: Entity[] = Array.from({ length: 50 }, (_, n) => ({ id: `ent_bench_${n}`, name: `Actor ${n + 1}`, aliases: [], kind: 'actor' }));
    ok(await opened.store.updateEntities({ saved: entities, removed: [] }));
    const docs = Array.from({ length: count }, (_, i) => article(i, entities, rand));
    ok(await opened.store.addDocuments(docs));
    const annotations = docs.reduce((n, d) => n + d.layers[0]!.annotations.length, 0);

    // What the corpus view asks for when it opens; each answer crosses IPC as a structured clone, for which JSON stands in.
    const openView = async () => {
      const [statements, listed, history] = await Promise.all([api.listStatements({}), api.listEntities({}), api.corpusHistory({})]);
      const bytes = JSON.stringify([ok(statements), ok(listed), ok(history)]).length;
      return { statements: ok(statements), bytes };
    };
    const openCold = await timed(1, openView);
    const open = await timed(5, openView);
    const { statements, bytes } = open.value;
    // The Entities tab (the first one shown) then asks for its rows, grouped in the main process; the first call reads every document's mentions.
    const firstEntities = await timed(1, async () => ok(await api.entityRows({ filter: { layerId: 'own' } })).total);
    const entitiesTab = await timed(5, async () => {
      const table = ok(await api.entityRows({ filter: { layerId: 'own' } }));
      return { size: JSON.stringify(table).length, rows: table.total };
    });
    const filter = await timed(9, () => sortStatements(filterStatements(statements, { stance: 'opposes', from: '2025-03-01', to: '2025-09-30', text: 'a' }), 'actor', 'ascending').length);
    const entityFilter = await timed(9, async () => ok(await api.entityRows({ filter: { stance: 'supports', layerId: 'own' } })).total);
    const mentionCount = ok(await api.entityRows({ filter: {}, limit: 100_000 })).rows.reduce((n, r) => n + r.mentionCount, 0);
    const firstSearch = await timed(1, async () => ok(await api.searchLibrary({ text: '' })).total);
    const queries = ['policy', '서울', '😀', 'the talks', 'a'];
    const search = await timed(9, async () => {
      let hits = 0;
      for (const text of queries) hits += ok(await api.searchLibrary({ text, limit: 1_000 })).total;
      return hits;
    });
    const perQuery = search.ms / queries.length;
    const cpu = (t: { cpu: number }) => `${t.cpu < 10 ? t.cpu.toFixed(1) : t.cpu.toFixed(0)} ms`;
    const rows: Array<[string, string, string, string, string]> = [
      ['open the corpus view’s data, first time', `${openCold.ms.toFixed(0)} ms`, cpu(openCold), '< 500 ms', `${statements.length} statements, ${(bytes / 1e6).toFixed(1)} MB as JSON`],
      ['open the corpus view’s data, again', `${open.ms.toFixed(0)} ms`, cpu(open), '< 500 ms', 'statements kept per document until it changes'],
      ['the Entities tab’s rows, first time', `${firstEntities.ms.toFixed(0)} ms`, cpu(firstEntities), '< 500 ms', `${mentionCount} mentions read from every document`],
      ['the Entities tab’s rows, again', `${entitiesTab.ms.toFixed(0)} ms`, cpu(entitiesTab), '< 500 ms', `${entitiesTab.value.rows} rows, the first 300 sent (${(entitiesTab.value.size / 1e3).toFixed(0)} kB as JSON)`],
      ['filter and sort the statement table', `${filter.ms.toFixed(1)} ms`, cpu(filter), '< 100 ms', `${filter.value} rows kept`],
      ['filter the entities (a call to the main process)', `${entityFilter.ms.toFixed(1)} ms`, cpu(entityFilter), '< 100 ms', `${entityFilter.value} rows`],
      ['search the library (index warm)', `${perQuery.toFixed(1)} ms`, `${(search.cpu / queries.length).toFixed(1)} ms`, '< 100 ms', `per query, ${queries.length} queries, ${search.value} hits in all`],
      ['build the search index (once, in the background)', `${firstSearch.ms.toFixed(0)} ms`, cpu(firstSearch), '—', `${count} documents indexed`],
    ];
    console.log(`${count} articles, ${annotations} annotations, ${statements.length} statements.`);
    const width = Math.max(...rows.map((r) => r[0].length));
    console.log(`${'Row'.padEnd(width)}  Parley     CPU        Target     Notes`);
    for (const [name, value, used, target, notes] of rows) console.log(`${name.padEnd(width)}  ${value.padEnd(9)}  ${used.padEnd(9)}  ${target.padEnd(9)}  ${notes}`);
    console.log('Parley: median wall time. CPU: the median CPU time this process spent, about what an idle machine takes.');
    await opened.store.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  console.log(`Load average ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} at the end. Took ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
