/**
 * The agreement report: every measure for N annotators over a set of
 * documents, per document, per label and overall, plus the pairwise figures
 * and the label confusion matrix. The report is plain data; its JSON is the
 * JSON export (see `report-markdown.ts`, `report-csv.ts`, `report-text.ts`
 * for the other renderings).
 *
 * Which documents count: a document is compared between two annotators when
 * both hold it (same key); a document held by one annotator only is listed
 * but contributes nothing. A document that a compared annotator has not
 * started (no annotations, not marked done) is left out unless
 * `includeUnstarted` is set, and listed in `unstarted` either way. Alpha uses, for each token, the annotators holding
 * its document.
 *
 * How figures are pooled, for each annotator pair:
 * - F1 measures sum matches and counts over the documents (and labels, for
 *   the total) before dividing;
 * - kappa and pairwise alpha pool the tokens of the documents (per label:
 *   each token reduced to "has this label" or not).
 * `total`, `perLabel` and `perDocument` then hold the mean and population
 * standard deviation over the pairs for which the figure is defined. For
 * `alpha`, which is computed across all annotators at once, `mean` holds that
 * single figure and `sd` is `null`; its `pairs` hold the pairwise alphas.
 */
import type { Annotation } from '../model';
import { fail, ok, type Problem, type Result } from '../result';
import type { AgreementDocument, AnnotatorDocuments } from './agreement-input';
import { kappaFromCrossTable } from './cohen-kappa';
import { addConfusion, confusionMatrix, type ConfusionCounts, type ConfusionMatrix } from './confusion';
import { crossTableOfCodes, mapCrossTable, mergeCrossTables, type CrossTable } from './cross-table';
import { emptyF1Counts, f1Score, mergeF1CountMaps, totalF1Counts, type F1Counts } from './f1-score';
import { instanceCounts } from './instance-f1';
import { groupCodedAlphaUnits } from './alpha-units';
import { addAlphaUnit, addAlphaValueCounts, alphaFromCrossTable, alphaFromTotals, emptyAlphaTotals, mergeAlphaTotals, type AlphaTotals } from './krippendorff-alpha';
import { lenientCounts } from './lenient-f1';
import { relationCounts } from './relation-f1';
import { overlapLists } from './span-overlaps';
import { summarise, type AgreementSummary } from './summary';
import { tokenCounts } from './token-f1';
import { CategoryCodes, codedTokenCategories, compareCodeUnits, labelsOfCategory } from './token-labels';
import { spanTokenRanges, tokenize } from './tokens';
import { findUnstarted, type UnstartedDocument } from './unstarted-documents';

/** The five measures, in report order. */
export const AGREEMENT_MEASURES = ['instance', 'token', 'lenient', 'kappa', 'alpha'] as const;

/** Name of one measure. */
export type AgreementMeasure = (typeof AGREEMENT_MEASURES)[number];

/** One measure for one pair of annotators. Values are `null` where undefined (see docs/agreement.md). */
export interface PairFigures {
  a: string;
  b: string;
  total: number | null;
  perLabel: Record<string, number | null>;
  /** Only the documents both annotators hold. */
  perDocument: Record<string, number | null>;
  /** For the F1 measures: the pooled counts behind `total`. */
  counts?: F1Counts;
}

/** One measure across all pairs. */
export interface MeasureReport {
  total: AgreementSummary;
  perLabel: Record<string, AgreementSummary>;
  perDocument: Record<string, AgreementSummary>;
  /** Every pair (a before b in annotator order): the pairwise matrix. */
  pairs: PairFigures[];
}

/** A document as the report lists it. */
export interface ReportDocument {
  /** The key it was matched by (text SHA-256 in the CLI). */
  id: string;
  title: string;
  tokens: number;
  /** Annotators holding it; it is compared only when there are at least two. */
  annotators: string[];
}

/** The whole report. Its JSON is the JSON export. */
export interface AgreementReport extends Record<AgreementMeasure, MeasureReport> {
  schemaVersion: 1;
  annotators: string[];
  /** Labels used by anyone in a compared document, in the order given by options, then code-unit order. */
  labels: string[];
  documents: ReportDocument[];
  /** Overlapping spans of two annotators by (label of the earlier annotator, label of the later). */
  confusion: ConfusionMatrix;
  /**
   * Documents some compared annotator has not started. Left out of every
   * figure (and of `documents`) unless `included`.
   */
  unstarted: { included: boolean; documents: UnstartedDocument[] };
  /**
   * Relation agreement (version 2), present when some compared document has
   * relations: instance F1 over (source span, target span, type), spans
   * matched by bounds and label, per relation type in `types`.
   */
  relations?: { types: string[]; instance: MeasureReport };
}

/** Options for `buildAgreementReport`. */
export interface AgreementOptions {
  /** Preferred label order (e.g. the schema's); labels not listed follow in code-unit order. */
  labelOrder?: readonly string[];
  /** Compare documents an annotator has not started too (default false: leave them out). */
  includeUnstarted?: boolean;
  /** Preferred relation type order (e.g. the schema's); others follow in code-unit order. */
  relationTypeOrder?: readonly string[];
  /** Relation types whose links match either way round (the schema's undirected types), as in review. */
  undirectedRelationTypes?: readonly string[];
}

interface PairAccumulator {
  a: number;
  b: number;
  instance: Map<string, Map<string, F1Counts>>; // document → label → counts
  token: Map<string, Map<string, F1Counts>>;
  lenient: Map<string, Map<string, F1Counts>>;
  relation: Map<string, Map<string, F1Counts>>; // document → relation type → counts
  cross: Map<string, CrossTable>; // document → token categories cross table
}

/**
 * Builds the report. Fails with `invalid-input` for fewer than two annotators
 * or a repeated annotator name, and with `conflict` when annotators hold
 * different texts under one document key.
 */
export function buildAgreementReport(input: readonly AnnotatorDocuments[], options: AgreementOptions = {}): Result<AgreementReport> {
  const unstarted = findUnstarted(input);
  const included = options.includeUnstarted === true;
  const leftOut = new Set(included ? [] : unstarted.map((d) => d.id));
  if (input.length < 2) return fail('invalid-input', `agreement needs at least two annotators (got ${input.length})`);
  const names = input.map((x) => x.annotator);
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  if (repeated.length > 0) return fail('invalid-input', `annotator names must be distinct; repeated: ${[...new Set(repeated)].join(', ')}`);

  // Documents in order of first appearance, with their holders.
  const documents = new Map<string, { doc: AgreementDocument; holders: number[] }>();
  const problems: Problem[] = [];
  input.forEach((annotator, index) => {
    for (const [id, doc] of annotator.documents) {
      const entry = documents.get(id);
      if (!entry) documents.set(id, { doc, holders: [index] });
      else if (entry.doc.text !== doc.text) problems.push({ record: id, message: `${annotator.annotator} holds a different text under document ${id}` });
      else entry.holders.push(index);
    }
  });
  if (problems.length > 0) return fail('conflict', 'annotators hold different texts under the same document key', problems);

  const pairs: PairAccumulator[] = [];
  for (let a = 0; a < input.length; a++) {
    for (let b = a + 1; b < input.length; b++) pairs.push({ a, b, instance: new Map(), token: new Map(), lenient: new Map(), relation: new Map(), cross: new Map() });
  }
  const usedLabels = new Set<string>();
  const usedRelationTypes = new Set<string>();
  const undirected = new Set(options.undirectedRelationTypes ?? []);
  const confusion: ConfusionCounts = new Map();
  const reportDocuments: ReportDocument[] = [];
  const categoryCache = new Map<string, readonly string[]>();
  const labelsOf = (category: string): readonly string[] => {
    let labels = categoryCache.get(category);
    if (!labels) categoryCache.set(category, (labels = labelsOfCategory(category)));
    return labels;
  };
  // Token categories as numbers, the same across documents (see token-labels.ts).
  const codes = new CategoryCodes();
  // Alpha across all annotators: per document, and per document × label (binary).
  const alphaByDocument = new Map<string, AlphaTotals>();
  const alphaByDocumentLabel = new Map<string, Map<string, AlphaTotals>>();
  const comparedCategories = new Map<string, Int32Array[]>(); // document → per holder, token category numbers

  for (const [id, { doc, holders }] of documents) {
    if (leftOut.has(id)) continue;
    const tokens = tokenize(doc.text);
    reportDocuments.push({ id, title: doc.title ?? id, tokens: tokens.count, annotators: holders.map((i) => input[i]!.annotator) });
    if (holders.length < 2) continue;
    const annotationsOf = (i: number): readonly Annotation[] => input[i]!.documents.get(id)!.annotations;
    for (const i of holders) for (const x of annotationsOf(i)) usedLabels.add(x.labelId);
    const relationsOf = (i: number) => input[i]!.documents.get(id)!.relations ?? [];
    for (const i of holders) for (const r of relationsOf(i)) usedRelationTypes.add(r.typeId);
    // Each holder's annotations are placed on the tokens once, for every measure and pair.
    const ranges = holders.map((i) => spanTokenRanges(tokens, annotationsOf(i)));
    const categories = holders.map((i, h) => codedTokenCategories(tokens.count, annotationsOf(i), ranges[h]!, codes));
    comparedCategories.set(id, categories);
    for (const pair of pairs) {
      const ia = holders.indexOf(pair.a);
      const ib = holders.indexOf(pair.b);
      if (ia < 0 || ib < 0) continue;
      const x = annotationsOf(pair.a);
      const y = annotationsOf(pair.b);
      const overlaps = overlapLists(x, y);
      pair.instance.set(id, instanceCounts(x, y));
      pair.token.set(id, tokenCounts(tokens, x, y, ranges[ia], ranges[ib]));
      pair.lenient.set(id, lenientCounts(x, y, overlaps));
      pair.relation.set(id, relationCounts({ annotations: x, relations: relationsOf(pair.a) }, { annotations: y, relations: relationsOf(pair.b) }, undirected));
      pair.cross.set(id, crossTableOfCodes(categories[ia]!, categories[ib]!, codes.names));
      addConfusion(confusion, x, y, overlaps);
    }
  }

  const labels = orderLabels(usedLabels, options.labelOrder ?? []);
  for (const [id, categories] of comparedCategories) {
    const all = emptyAlphaTotals();
    const perLabel = new Map(labels.map((l) => [l, emptyAlphaTotals()]));
    // Tokens whose coders gave the same values add the same to the totals: each distinct unit is added once, times its count.
    for (const { values, times } of groupCodedAlphaUnits(categories, codes.names)) {
      addAlphaUnit(all, values, times);
      // Per label, each coder's value reduced to "has this label" or not.
      const yes = new Map<string, number>();
      for (const v of values) for (const label of labelsOf(v)) yes.set(label, (yes.get(label) ?? 0) + 1);
      for (const label of labels) {
        const n = yes.get(label) ?? 0;
        addAlphaValueCounts(perLabel.get(label)!, [['yes', n], ['no', values.length - n]], times);
      }
    }
    alphaByDocument.set(id, all);
    alphaByDocumentLabel.set(id, perLabel);
  }

  const documentIds = reportDocuments.filter((d) => d.annotators.length >= 2).map((d) => d.id);
  const binary = (label: string) => (category: string) => (labelsOf(category).includes(label) ? 'yes' : 'no');

  const f1Measure = (pick: (p: PairAccumulator) => Map<string, Map<string, F1Counts>>, measureLabels: readonly string[] = labels): MeasureReport =>
    measureFromPairs(
      pairs.map((p) => {
        const byDocument = pick(p);
        const byLabel = new Map<string, F1Counts>();
        for (const perLabel of byDocument.values()) mergeF1CountMaps(byLabel, perLabel);
        const counts = totalF1Counts(byLabel);
        return {
          a: input[p.a]!.annotator,
          b: input[p.b]!.annotator,
          total: f1Score(counts),
          perLabel: Object.fromEntries(measureLabels.map((l) => [l, f1Score(byLabel.get(l) ?? emptyF1Counts())])),
          perDocument: Object.fromEntries([...byDocument].map(([id, perLabel]) => [id, f1Score(totalF1Counts(perLabel))])),
          counts,
        };
      }),
      measureLabels,
      documentIds,
    );

  const tableMeasure = (score: (table: CrossTable) => number | null): PairFigures[] =>
    pairs.map((p) => {
      const pooled = new Map<string, number>();
      for (const table of p.cross.values()) mergeCrossTables(pooled, table);
      return {
        a: input[p.a]!.annotator,
        b: input[p.b]!.annotator,
        total: score(pooled),
        perLabel: Object.fromEntries(labels.map((l) => [l, score(mapCrossTable(pooled, binary(l)))])),
        perDocument: Object.fromEntries([...p.cross].map(([id, table]) => [id, score(table)])),
      };
    });

  const alphaTotal = emptyAlphaTotals();
  const alphaLabelTotals = new Map(labels.map((l) => [l, emptyAlphaTotals()]));
  for (const [id, totals] of alphaByDocument) {
    mergeAlphaTotals(alphaTotal, totals);
    for (const [label, t] of alphaByDocumentLabel.get(id)!) mergeAlphaTotals(alphaLabelTotals.get(label)!, t);
  }
  const single = (value: number | null): AgreementSummary => ({ mean: value, sd: null });
  const alpha: MeasureReport = {
    total: single(alphaFromTotals(alphaTotal)),
    perLabel: Object.fromEntries(labels.map((l) => [l, single(alphaFromTotals(alphaLabelTotals.get(l)!))])),
    perDocument: Object.fromEntries(documentIds.map((id) => [id, single(alphaFromTotals(alphaByDocument.get(id)!))])),
    pairs: tableMeasure(alphaFromCrossTable),
  };

  const relationTypes = orderLabels(usedRelationTypes, options.relationTypeOrder ?? []);
  return ok({
    schemaVersion: 1,
    annotators: names,
    labels,
    documents: reportDocuments,
    instance: f1Measure((p) => p.instance),
    token: f1Measure((p) => p.token),
    lenient: f1Measure((p) => p.lenient),
    kappa: measureFromPairs(tableMeasure(kappaFromCrossTable), labels, documentIds),
    alpha,
    confusion: confusionMatrix(confusion, labels),
    unstarted: { included, documents: unstarted },
    ...(relationTypes.length > 0 ? { relations: { types: relationTypes, instance: f1Measure((p) => p.relation, relationTypes) } } : {}),
  });
}

function measureFromPairs(pairs: PairFigures[], labels: readonly string[], documentIds: readonly string[]): MeasureReport {
  const perDocument: Record<string, AgreementSummary> = {};
  for (const id of documentIds) perDocument[id] = summarise(pairs.filter((p) => id in p.perDocument).map((p) => p.perDocument[id]!));
  return {
    total: summarise(pairs.map((p) => p.total)),
    perLabel: Object.fromEntries(labels.map((l) => [l, summarise(pairs.map((p) => p.perLabel[l] ?? null))])),
    perDocument,
    pairs,
  };
}

function orderLabels(used: ReadonlySet<string>, preferred: readonly string[]): string[] {
  const first = preferred.filter((l, i) => used.has(l) && preferred.indexOf(l) === i);
  const rest = [...used].filter((l) => !first.includes(l)).sort(compareCodeUnits);
  return [...first, ...rest];
}
