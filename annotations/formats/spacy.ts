/**
 * spaCy / Prodigy JSONL: one document per line,
 * `{"text": …, "spans": [{"start", "end", "label"}], "meta": {…}}`, offsets in
 * code points (Python string indices). Prodigy examples and spans answered
 * "reject" or "ignore" are not gold and are set aside with a count.
 */
import type { Corpus } from '../model';
import type { Result } from '../result';
import { OffsetMap } from '../unicode';
import { CorpusBuilder } from './corpus-builder';
import { baseName } from './files';
import type { ExportOptions, ExportOutcome, FormatCodec, FormatFile, ImportOptions, ImportOutcome } from './format';
import { isRecord, own } from './json-limits';
import { forEachJsonLine } from './jsonl';
import { exportJsonLines } from './jsonl-export';
import { showText, spanFromCodePoints } from './offsets';
import { SpanLikeKeys } from './span-like';
import { importInputs, readEachInput } from './import-inputs';

/** Default file name of an export. */
export const SPACY_EXPORT_FILE = 'spans.jsonl';

/** Keys of a spaCy / Prodigy line that the import reads, reports, or knows to be bookkeeping. */
const SPACY_KEYS = ['text', 'spans', 'tokens', 'meta', 'answer', 'accept', 'options', 'relations', 'label', 'html', '_input_hash', '_task_hash', '_view_id', '_session_id', '_annotator_id', '_timestamp', '_is_binary'];

/** Prodigy answers that are not gold. */
const NOT_GOLD = new Set(['reject', 'ignore']);

/**
 * Reads spaCy / Prodigy JSONL; a span's optional `text` must match the offsets.
 * Examples, and single spans, answered "reject" or "ignore" are not imported;
 * choices (`accept`, e.g. entity links), relations, whole-text labels and
 * `meta` fields other than `title` are counted in `ignored`.
 */
export function importSpacy(files: FormatFile[], options: ImportOptions): Result<ImportOutcome> {
  const opened = importInputs(files, /\.(jsonl|json)$/i, 'no .jsonl file was given');
  if (!opened.ok) return opened;
  const builder = new CorpusBuilder(options, 'spaCy');
  const unread = new SpanLikeKeys(SPACY_KEYS);
  const metaKeys = new Map<string, number>();
  const stop = readEachInput(builder, opened.value.inputs, (file) => {
    forEachJsonLine(file, builder, (value, line) => {
      const at = { file: file.path, line };
      if (!isRecord(value)) return builder.error(at, 'line is not a JSON object');
      const answer = own(value, 'answer');
      if (typeof answer === 'string' && NOT_GOLD.has(answer)) return builder.ignore(`Prodigy examples answered "${answer}"`, 1, 'not gold');
      const text = own(value, 'text');
      if (typeof text !== 'string') return builder.error(at, '"text" is missing or not a string');
      const spans = own(value, 'spans') ?? [];
      if (!Array.isArray(spans)) return builder.error(at, '"spans" must be a list');
      unread.note(value);
      countNotHeld(builder, value, metaKeys);
      const meta = own(value, 'meta');
      const title = isRecord(meta) && typeof own(meta, 'title') === 'string' ? (own(meta, 'title') as string) : `${baseName(file.path)} line ${line}`;
      const doc = builder.addDocument(at, { title, source: baseName(file.path), text });
      if (!doc) return;
      const map = new OffsetMap(text);
      spans.forEach((s, k) => {
        const loc = { ...at, record: `spans[${k}]` };
        if (!isRecord(s)) return builder.error(loc, 'must be an object {start, end, label}');
        const spanAnswer = own(s, 'answer');
        if (typeof spanAnswer === 'string' && NOT_GOLD.has(spanAnswer)) return builder.ignore(`Prodigy spans answered "${spanAnswer}"`, 1, 'not gold');
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
    unread.report(builder, file.path, 'spaCy / Prodigy');
  });
  if (stop) return stop;
  if (metaKeys.size > 0) {
    const total = [...metaKeys.values()].reduce((a, b) => a + b, 0);
    builder.ignore('Prodigy "meta" values', total, `Parley keeps only meta.title; keys: ${[...metaKeys.keys()].sort().join(', ')}`);
  }
  return builder.finish();
}

/** Counts what an accepted example holds besides its spans: choices, relations, a whole-text label, meta fields. */
function countNotHeld(builder: CorpusBuilder, value: Record<string, unknown>, metaKeys: Map<string, number>): void {
  const accept = own(value, 'accept');
  if (Array.isArray(accept)) builder.ignore('Prodigy choice answers ("accept", e.g. entity links)', accept.length, 'Parley holds spans and labels, not the options chosen for them');
  const relations = own(value, 'relations');
  if (Array.isArray(relations)) builder.ignore('Prodigy relations', relations.length, 'Parley holds spans only');
  if (typeof own(value, 'label') === 'string') builder.ignore('Prodigy whole-text labels ("label")', 1, 'Parley labels spans, not whole texts');
  const meta = own(value, 'meta');
  if (isRecord(meta)) for (const key of Object.keys(meta)) if (key !== 'title') metaKeys.set(key, (metaKeys.get(key) ?? 0) + 1);
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
  import: importSpacy,
  export: exportSpacy,
};
