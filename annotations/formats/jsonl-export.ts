/**
 * The export loop shared by the one-line-per-document formats (doccano,
 * spaCy/Prodigy): each document's annotations as code-point spans with label
 * names, its relations between them, one JSON line per document, and notes
 * and attribute values counted in warnings because neither format has a
 * place for them.
 */
import type { Corpus, ParleyDocument } from '../model';
import type { Result } from '../result';
import { ok } from '../result';
import { OffsetMap } from '../unicode';
import { exportedAnnotations, exportedRelations, forEachExportedDocument, LabelNames, RelationTypeNames } from './export-support';
import type { ExportOptions, ExportOutcome } from './format';
import { toJsonLines } from './jsonl';
import { toCodePointSpan } from './offsets';
import { plural } from '../text/plural';

/** An annotation as these formats write it: code-point offsets, the label's name, the quoted text. */
export interface CodePointSpan {
  start: number;
  end: number;
  label: string;
  text: string;
}

/** A relation as these formats write it: the indices of its ends among the line's spans, and the type's name. */
export interface SpanRelation {
  source: number;
  target: number;
  label: string;
}

/** How one format shapes its lines. */
export interface JsonLinesFormat {
  /** For progress, cancellation and warnings (e.g. "doccano"). */
  name: string;
  /** The file written. */
  file: string;
  /** Ends the warning "N notes not written: …". */
  whyNoNotes: string;
  /** Ends the warning "N relations not written: …"; absent when the format writes relations. */
  whyNoRelations?: string;
  /** The JSON value of one document's line; `anyRelations` is true when some line of the export has relations. */
  line(document: ParleyDocument, spans: CodePointSpan[], relations: SpanRelation[], anyRelations: boolean): unknown;
}

/** Writes `corpus` as one JSONL file in `format`. */
export function exportJsonLines(corpus: Corpus, options: ExportOptions, format: JsonLinesFormat): Result<ExportOutcome> {
  const names = new LabelNames(corpus);
  const types = new RelationTypeNames(corpus);
  const anyRelations = corpus.documents.some((d) => exportedRelations(d, options).length > 0);
  const lines: unknown[] = [];
  let notes = 0;
  let relationNotes = 0;
  let values = 0;
  const stopped = forEachExportedDocument(corpus, options, format.name, (i) => {
    const cd = corpus.documents[i]!;
    const map = new OffsetMap(cd.document.text);
    const annotations = exportedAnnotations(cd, options);
    const index = new Map(annotations.map((a, k) => [a.id, k]));
    const spans = annotations.map((a) => {
      if (a.note) notes++;
      values += Object.keys(a.attributes ?? {}).length;
      const cp = toCodePointSpan(map, a);
      return { start: cp.start, end: cp.end, label: names.name(a.labelId), text: a.quote.exact };
    });
    const relations = exportedRelations(cd, options).map((r) => {
      if (r.note) relationNotes++;
      return { source: index.get(r.sourceId)!, target: index.get(r.targetId)!, label: types.name(r.typeId) };
    });
    lines.push(format.line(cd.document, spans, relations, anyRelations));
    });
  if (stopped) return stopped;
  const warnings = notes > 0 ? [{ message: `${plural(notes, 'note')} not written: ${format.whyNoNotes}` }] : [];
  if (relationNotes > 0) warnings.push({ message: `${plural(relationNotes, 'note')} on relations not written: ${format.name} relations have no place for notes` });
  if (values > 0) warnings.push({ message: `${plural(values, 'attribute value')} not written: ${format.name} spans have no place for attributes` });
  return ok({ files: [{ path: format.file, data: toJsonLines(lines) }], warnings });
}
