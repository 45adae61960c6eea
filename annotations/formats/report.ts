/** Plain-text summaries of imports and exports, for the CLI and the app's import report. */
import type { Corpus } from '../model';
import type { Failure, Problem } from '../result';
import type { ExportOutcome, ImportOutcome } from './format';
import { plural } from '../text/plural';
import { DEFAULT_RELATION_TYPES } from '../labels';

/** One problem as a line: `file:line [record]: message`. */
export function formatProblem(p: Problem): string {
  const where = [p.file ? `${p.file}${p.line !== undefined ? `:${p.line}` : ''}` : p.line !== undefined ? `line ${p.line}` : '', p.record ?? ''].filter(Boolean).join(' ');
  return where ? `${where}: ${p.message}` : p.message;
}

/** Counts of documents and annotations (across every layer). */
export function corpusCounts(corpus: Corpus): { documents: number; annotations: number } {
  let annotations = 0;
  for (const d of corpus.documents) for (const l of d.layers) annotations += l.annotations.length;
  return { documents: corpus.documents.length, annotations };
}


/** Lines describing what an import read (relations too), set aside, added to the schema (labels, relation types) and warned about. */
export function describeImport(outcome: ImportOutcome, from: string, existingLabelIds: readonly string[] = [], existingRelationTypeIds: readonly string[] = DEFAULT_RELATION_TYPES.map((t) => t.id)): string[] {
  const { documents, annotations } = corpusCounts(outcome.corpus);
  const lines = [`Read ${plural(documents, 'document')} and ${plural(annotations, 'annotation')} from ${from}.`];
  const relations = outcome.corpus.documents.reduce((n, d) => n + d.layers.reduce((m, l) => m + (l.relations?.length ?? 0), 0), 0);
  if (relations > 0) lines.push(`With ${plural(relations, 'relation')} between them.`);
  const added = outcome.corpus.labels.labels.filter((l) => !existingLabelIds.includes(l.id));
  if (added.length > 0) lines.push(`Labels added to the schema: ${added.map((l) => l.name).join(', ')}.`);
  const addedTypes = (outcome.corpus.labels.relationTypes ?? []).filter((t) => !existingRelationTypeIds.includes(t.id));
  if (addedTypes.length > 0) lines.push(`Relation types added to the schema: ${addedTypes.map((t) => t.name).join(', ')}.`);
  if (outcome.ignored.length > 0) lines.push(`Set aside (Parley does not hold them): ${outcome.ignored.map((i) => `${i.count} ${i.kind}${i.why ? ` (${i.why})` : ''}`).join('; ')}.`);
  if (outcome.orphans && outcome.orphans.length > 0) lines.push(`${plural(outcome.orphans.length, 'annotation')} could not be placed in their text and were kept out of their layers (listed in the warnings).`);
  if (outcome.warnings.length > 0) {
    lines.push(`${plural(outcome.warnings.length, 'warning')}:`);
    for (const w of outcome.warnings) lines.push(`  ${formatProblem(w)}`);
  }
  return lines;
}

/**
 * The verdict `parley validate` ends with. A file that reads without error but
 * holds no annotation is called valid only with that said, since it is most
 * often a file of another format whose spans sit under keys this one does not read.
 */
export function validationVerdict(outcome: ImportOutcome, input: string, format: string): string {
  const { documents, annotations } = corpusCounts(outcome.corpus);
  if (annotations > 0) return `${input} is valid ${format}.`;
  return `${input} is valid ${format}, but no annotations were found in it (${plural(documents, 'document')} read, none annotated): check that it is really ${format}.`;
}

/** Lines describing a failure and every problem it lists. */
export function describeFailure(error: Failure): string[] {
  return [`Error (${error.code}): ${error.message}`, ...(error.problems ?? []).map((p) => `  ${formatProblem(p)}`)];
}

/** Lines listing what an export could not hold. */
export function describeExportWarnings(outcome: ExportOutcome): string[] {
  if (outcome.warnings.length === 0) return [];
  return [`Could not convert (${plural(outcome.warnings.length, 'item')}):`, ...outcome.warnings.map((w) => `  ${formatProblem(w)}`)];
}
