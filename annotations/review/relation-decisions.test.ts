import { describe, expect, it } from 'vitest';
import { buildAgreementReport } from '../agreement/report';
import { defaultLabelSchema } from '../labels';
import type { AnnotationLayer, LabelSchema, Relation } from '../model';
import { linkedLayer } from './test-support/linked-layer';
import { findDifferences } from './differences';
import { decide, type DecisionContext } from './reconcile';
import { isRelationDecision } from './reconciled-relations';
import { acceptAgreedRelations, decideRelation, reviewedRelations, type ReviewedRelation } from './relation-decisions';
import { reviewProgress } from './review-progress';
import { reviewQueue } from './review-queue';
import { emptyReviewState, type ReviewState } from './review-state';

const NOW = '2026-12-01T00:00:00.000Z';
const TEXT = 'Noh Kyu-duk 🙂 proposed ending\r\nthe working group with 워싱턴 on 22 June 2021.\r\n정동영 opposed it.';
const SPANS: Array<[string, string]> = [
  ['Noh Kyu-duk', 'actor'],
  ['proposed ending', 'position'],
  ['the working group', 'policy-body'],
  ['워싱턴', 'actor'],
  ['22 June 2021', 'date'],
  ['정동영', 'actor'],
];

const layer = (author: string, spans: ReadonlyArray<readonly [string, string]>, links: ReadonlyArray<readonly [string, string, string]>): AnnotationLayer => linkedLayer(TEXT, author, spans, links);

function context(): DecisionContext {
  let n = 0;
  return { documentId: 'doc', layers: ['own', 'colleague:jun'], decidedBy: 'rev', now: NOW, makeId: (p) => `${p}_${++n}` };
}

const MINE = layer('ana', SPANS, [
  ['holds', 'Noh Kyu-duk', 'proposed ending'],
  ['toward', 'proposed ending', 'the working group'],
  ['when', 'proposed ending', '22 June 2021'],
]);
const THEIRS = layer('jun', SPANS, [
  ['holds', 'Noh Kyu-duk', 'proposed ending'],
  ['member-of', 'proposed ending', 'the working group'],
  ['toward', 'proposed ending', '워싱턴'],
]);
const INPUT = { mine: MINE.annotations, theirs: THEIRS.annotations, labelName: (id: string) => defaultLabelSchema().labels.find((l) => l.id === id)?.name ?? id };

/** The reconciled state after keeping my copy of every span (all agree here). */
function withSpans(ctx: DecisionContext): ReviewState {
  let state = emptyReviewState();
  for (const d of findDifferences(TEXT, MINE.annotations, THEIRS.annotations)) state = decide(state, d, 'keep-mine', ctx).state;
  return state;
}

function byKind(items: ReviewedRelation[], kind: ReviewedRelation['kind']): ReviewedRelation {
  return items.find((d) => d.kind === kind)!;
}

function ends(state: ReviewState, r: Relation): string {
  const quote = (id: string) => state.annotations.find((a) => a.id === id)!.quote.exact;
  return `${quote(r.sourceId)} ${r.typeId} ${quote(r.targetId)}`;
}

describe('decideRelation', () => {
  const items = reviewedRelations(MINE, THEIRS);

  it('gives every relation difference its own decision key, prefixed relation:', () => {
    expect(items.map((d) => d.kind)).toEqual(['agreed', 'different-type', 'only-mine', 'only-theirs']);
    expect(new Set(items.map((d) => d.decisionKey)).size).toBe(items.length);
    expect(items.every((d) => d.decisionKey.startsWith('relation:'))).toBe(true);
    const twice = layer('ana', SPANS, [['holds', 'Noh Kyu-duk', 'proposed ending'], ['holds', 'Noh Kyu-duk', 'proposed ending']]);
    const keys = reviewedRelations(twice, layer('jun', SPANS, [])).map((d) => d.decisionKey);
    expect(keys[1]).toBe(`${keys[0]}#2`);
  });

  it('accepts their link between the reconciled copies of its ends, recording relation ids', () => {
    const ctx = context();
    const start = withSpans(ctx);
    const outcome = decideRelation(start, byKind(items, 'only-theirs'), 'accept-theirs', ctx, INPUT);
    if (!outcome.ok) throw new Error(outcome.error.message);
    const { state, decision } = outcome.value;
    expect(state.relations!.map((r) => ends(state, r))).toEqual(['proposed ending toward 워싱턴']);
    expect(state.relations![0]!.author).toBe('jun');
    expect(decision).toMatchObject({ kind: 'only-theirs', action: 'accept-theirs', mineIds: [], theirsIds: ['rel_jun_2'], sourceIds: ['rel_jun_2'], resultIds: [state.relations![0]!.id] });
    expect(isRelationDecision(decision)).toBe(true);
    // The spans are untouched.
    expect(state.annotations).toEqual(start.annotations);
  });

  it('keeps the type chosen in a different-type difference, or both links', () => {
    const ctx = context();
    const start = withSpans(ctx);
    const d = byKind(items, 'different-type');
    const pick = (action: 'keep-mine' | 'accept-theirs' | 'keep-both' | 'reject-both') => {
      const out = decideRelation(start, d, action, ctx, INPUT);
      if (!out.ok) throw new Error(out.error.message);
      return out.value.state.relations!.map((r) => r.typeId);
    };
    expect(pick('keep-mine')).toEqual(['toward']);
    expect(pick('accept-theirs')).toEqual(['member-of']);
    expect(pick('keep-both')).toEqual(['toward', 'member-of']);
    expect(pick('reject-both')).toEqual([]);
    const agreed = decideRelation(start, byKind(items, 'agreed'), 'keep-both', ctx, INPUT);
    expect(agreed.ok && agreed.value.state.relations!.length).toBe(1);
  });

  it('replaces its own earlier decision, and refuses choose-spans', () => {
    const ctx = context();
    const d = byKind(items, 'only-mine');
    const kept = decideRelation(withSpans(ctx), d, 'keep-mine', ctx, INPUT);
    if (!kept.ok) throw new Error(kept.error.message);
    const dropped = decideRelation(kept.value.state, d, 'reject-both', ctx, INPUT);
    if (!dropped.ok) throw new Error(dropped.error.message);
    expect(dropped.value.state.relations).toEqual([]);
    expect(dropped.value.state.decisions.filter(isRelationDecision).map((x) => x.action)).toEqual(['reject-both']);
    const chosen = decideRelation(kept.value.state, d, 'choose-spans', ctx, INPUT);
    expect(!chosen.ok && chosen.error.code).toBe('invalid-input');
  });

  it('refuses a link whose end is not in the reconciled layer, naming the span, and changes nothing', () => {
    const ctx = context();
    let state = emptyReviewState();
    // Only "Noh Kyu-duk" is accepted; "proposed ending" is not decided yet.
    const first = findDifferences(TEXT, MINE.annotations, THEIRS.annotations).find((d) => d.quote === 'Noh Kyu-duk')!;
    state = decide(state, first, 'keep-mine', ctx).state;
    const refused = decideRelation(state, byKind(items, 'agreed'), 'keep-mine', ctx, INPUT);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('conflict');
    expect(refused.error.message).toBe('“proposed ending” (Position) is not in the reconciled layer: accept that span first, then the link');
    // Rejecting needs no ends.
    expect(decideRelation(state, byKind(items, 'agreed'), 'reject-both', ctx, INPUT).ok).toBe(true);
  });

  it('keeps a link on its span when a span decision is made again, and withdraws it when the span goes', () => {
    const ctx = context();
    const start = withSpans(ctx);
    const linked = decideRelation(start, byKind(items, 'agreed'), 'keep-mine', ctx, INPUT);
    if (!linked.ok) throw new Error(linked.error.message);
    const actor = findDifferences(TEXT, MINE.annotations, THEIRS.annotations).find((d) => d.quote === 'Noh Kyu-duk')!;
    // Accepting their copy instead puts a new copy (new id) of the same span: the link follows it.
    const again = decide(linked.value.state, actor, 'accept-theirs', ctx).state;
    expect(again.relations!.map((r) => ends(again, r))).toEqual(['Noh Kyu-duk holds proposed ending']);
    expect(again.annotations.some((a) => a.id === again.relations![0]!.sourceId)).toBe(true);
    // Rejecting the span drops the link and its decision: the link difference is undecided again.
    const gone = decide(again, actor, 'reject-both', ctx).state;
    expect(gone.relations).toEqual([]);
    expect(gone.decisions.some(isRelationDecision)).toBe(false);
  });

  it('accepts every agreed link whose ends are reconciled, and leaves the rest', () => {
    const ctx = context();
    const { state, decided } = acceptAgreedRelations(withSpans(ctx), items, ctx, INPUT);
    expect(decided).toBe(1);
    expect(state.relations!.map((r) => ends(state, r))).toEqual(['Noh Kyu-duk holds proposed ending']);
    expect(acceptAgreedRelations(emptyReviewState(), items, ctx, INPUT).decided).toBe(0);
  });
});

describe('review progress with links', () => {
  it('counts link differences beside span differences, per document and in the queue', () => {
    const ctx = context();
    const items = reviewedRelations(MINE, THEIRS);
    const spans = findDifferences(TEXT, MINE.annotations, THEIRS.annotations);
    const start = withSpans(ctx);
    const out = decideRelation(start, items[0]!, 'keep-mine', ctx, INPUT);
    if (!out.ok) throw new Error(out.error.message);
    const progress = reviewProgress(spans, out.value.state.decisions, ctx.layers, 0, items.map((d) => d.decisionKey));
    expect(progress).toMatchObject({ decided: spans.length + 1, total: spans.length + items.length, stale: [] });
    const queue = reviewQueue([{ id: 'doc', title: 'Doc', text: TEXT, mine: MINE.annotations, theirs: THEIRS.annotations, mineRelations: MINE.relations!, theirsRelations: THEIRS.relations!, decisions: out.value.state.decisions }], ctx.layers);
    expect(queue.documents[0]).toMatchObject({ decided: spans.length + 1, total: spans.length + items.length });
  });
});

describe('relation agreement matches the review panel', () => {
  it('counts as matches exactly the links listed as agreed, undirected types either way round', () => {
    const ally = { id: 'ally', name: 'allied with', color: '#111111', shortcut: '', directed: false, from: ['actor'], to: ['actor'] };
    const schema: LabelSchema = { ...defaultLabelSchema(), relationTypes: [...defaultLabelSchema().relationTypes!, ally] };
    const mine = layer('ana', SPANS, [['holds', 'Noh Kyu-duk', 'proposed ending'], ['ally', 'Noh Kyu-duk', '워싱턴'], ['toward', 'proposed ending', 'the working group']]);
    const theirs = layer('jun', SPANS, [['holds', 'Noh Kyu-duk', 'proposed ending'], ['ally', '워싱턴', 'Noh Kyu-duk'], ['member-of', 'proposed ending', 'the working group'], ['ally', '정동영', '워싱턴']]);
    const listed = reviewedRelations(mine, theirs, schema);
    const doc = (l: AnnotationLayer) => new Map([['doc', { text: TEXT, annotations: l.annotations, relations: l.relations ?? [], done: true }]]);
    const report = buildAgreementReport([{ annotator: 'ana', documents: doc(mine) }, { annotator: 'jun', documents: doc(theirs) }], { undirectedRelationTypes: ['ally'] });
    if (!report.ok) throw new Error(report.error.message);
    const agreed = listed.filter((d) => d.kind === 'agreed').length;
    expect(agreed).toBe(2);
    expect(report.value.relations!.instance.pairs[0]!.counts).toEqual({ a: 3, b: 4, matches: agreed });
  });
});
