/**
 * spaCy / Prodigy JSONL: one document per line,
 * `{"text": …, "spans": [{"start", "end", "label"}], "meta": {…}}`, offsets in
 * code points (Python string indices). Prodigy examples answered "reject" or
 * "ignore" are not gold and are set aside with a count.
 */
import type { Corpus } from '../model';
import type { Result } from '../result';
import { fail } from '../result';
import { OffsetMap } from '../unicode';
import { CorpusBuilder } from './corpus-builder';
import { baseName } from './files';
import type { ExportOptions, ExportOutcome, FormatCodec, FormatFile, ImportOptions, ImportOutcome } from './format';
import { isRecord, own } from './json-limits';
import { forEachJsonLine } from './jsonl';
import { exportJsonLines } from './jsonl-export';
import { showText, spanFromCodePoints } from './offsets';
import { expandZips } from './zip';

/** Default file name of an export. */
export const SPACY_EXPORT_FILE = 'spans.jsonl';

/** Reads spaCy / Prodigy JSONL; a span's optional `text` must match the offsets. */
export function importSpacy(files: FormatFile[], options: ImportOptions): Result<ImportOutcome> {
  const expanded = expandZips(files);
  if (!expanded.ok) return expanded;
  const inputs = expanded.value.filter((f) => /\.(jsonl|json)$/i.test(f.path));
  if (inputs.length === 0) return fail('invalid-input', 'no .jsonl file was given');
  const builder = new CorpusBuilder(options, 'spaCy');
  for (let i = 0; i < inputs.length; i++) {
    const stop = builder.step(i, inputs.length);
    if (stop) return stop;
    const file = inputs[i]!;
    forEachJsonLine(file, builder, (value, line) => {
      const at = { file: file.path, line };
      if (!isRecord(value)) return builder.error(at, 'line is not a JSON object');
      const answer = own(value, 'answer');
      if (answer === 'reject' || answer === 'ignore') return builder.ignore(`Prodigy examples answered "${answer}"`);
      const text = own(value, 'text');
      if (typeof text !== 'string') return builder.error(at, '"text" is missing or not a string');
      const spans = own(value, 'spans') ?? [];
      if (!Array.isArray(spans)) return builder.error(at, '"spans" must be a list');
      const meta = own(value, 'meta');
      const title = isRecord(meta) && typeof own(meta, 'title') === 'string' ? (own(meta, 'title') as string) : `${baseName(file.path)} line ${line}`;
      const doc = builder.addDocument(at, { title, source: baseName(file.path), text });
      if (!doc) return;
      const map = new OffsetMap(text);
      spans.forEach((s, k) => {
        const loc = { ...at, record: `spans[${k}]` };
        if (!isRecord(s)) return builder.error(loc, 'must be an object {start, end, label}');
        const label = own(s, 'label');
        if (typeof label !== 'string' || label.trim() === '') return builder.error(loc, 'label must be a non-empty string');
        const span = spanFromCodePoints(map, own(s, 'start'), own(s, 'end'));
        if (!span.ok) return builder.error(loc, span.error.message);
        const quoted = own(s, 'text');
        const actual = text.slice(span.value.start, span.value.end);
        if (quoted !== undefined && quoted !== actual) return builder.error(loc, `text ${showText(String(quoted))} does not match the text at the offsets, ${showText(actual)}`);
        builder.addSpan(doc, loc, { ...span.value, label });
      });
    });
  }
  builder.step(inputs.length, inputs.length);
  return builder.finish();
}

/** Writes one JSONL file; spans carry their `text` for checking. Notes are not written (counted in warnings). */
export function exportSpacy(corpus: Corpus, options: ExportOptions): Result<ExportOutcome> {
  return exportJsonLines(corpus, options, {
    name: 'spaCy',
    file: SPACY_EXPORT_FILE,
    whyNoNotes: 'spaCy spans have no place for notes',
    line: (document, spans) => ({ text: document.text, spans, meta: { title: document.title, parley_id: document.id } }),
  });
}

/** The spaCy / Prodigy codec. */
export const spacyCodec: FormatCodec = {
  name: 'spacy',
  description: 'spaCy / Prodigy JSONL ({"text", "spans": [{start, end, label}]}, code points)',
  import: importSpacy,
  export: exportSpacy,
};
