/**
 * The export loop shared by the one-line-per-document formats (doccano,
 * spaCy/Prodigy): each document's annotations as code-point spans with label
 * names, one JSON line per document, and notes counted in a warning because
 * neither format has a place for them.
 */
import type { Corpus, ParleyDocument } from '../model';
import type { Result } from '../result';
import { ok } from '../result';
import { OffsetMap } from '../unicode';
import { exportedAnnotations, exportStep, LabelNames } from './export-support';
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

/** How one format shapes its lines. */
export interface JsonLinesFormat {
  /** For progress, cancellation and warnings (e.g. "doccano"). */
  name: string;
  /** The file written. */
  file: string;
  /** Ends the warning "N notes not written: …". */
  whyNoNotes: string;
  /** The JSON value of one document's line. */
  line(document: ParleyDocument, spans: CodePointSpan[]): unknown;
}

/** Writes `corpus` as one JSONL file in `format`. */
export function exportJsonLines(corpus: Corpus, options: ExportOptions, format: JsonLinesFormat): Result<ExportOutcome> {
  const names = new LabelNames(corpus);
  const lines: unknown[] = [];
  let notes = 0;
  const total = corpus.documents.length;
  for (let i = 0; i < total; i++) {
    const stop = exportStep(options, format.name, i, total);
    if (stop) return stop;
    const cd = corpus.documents[i]!;
    const map = new OffsetMap(cd.document.text);
    const spans = exportedAnnotations(cd, options).map((a) => {
      if (a.note) notes++;
      const cp = toCodePointSpan(map, a);
      return { start: cp.start, end: cp.end, label: names.name(a.labelId), text: a.quote.exact };
    });
    lines.push(format.line(cd.document, spans));
  }
  exportStep(options, format.name, total, total);
  const warnings = notes > 0 ? [{ message: `${plural(notes, 'note')} not written: ${format.whyNoNotes}` }] : [];
  return ok({ files: [{ path: format.file, data: toJsonLines(lines) }], warnings });
}
