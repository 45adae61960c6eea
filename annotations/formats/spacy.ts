/**
 * spaCy / Prodigy JSONL: one document per line,
 * `{"text": …, "spans": [{"start", "end", "label"}], "meta": {…}}`, offsets in
 * code points (Python string indices). Prodigy examples and spans answered
 * "reject" or "ignore" are not gold and are set aside with a count. Relations
 * travel as Prodigy's `relations` (`{head, child, head_span, child_span,
 * label}`, `head`/`child` the index of each span's last token).
 */
import { tokenize } from './conll';
import type { Corpus } from '../model';
import type { Result } from '../result';
import { OffsetMap } from '../unicode';
import { CorpusBuilder } from './corpus-builder';
import { baseName } from './files';
import type { ExportOptions, ExportOutcome, FormatCodec, FormatFile, ImportOptions, ImportOutcome } from './format';
import { isRecord, own } from './json-limits';
import { forEachJsonLine } from './jsonl';
import { exportJsonLines, type CodePointSpan } from './jsonl-export';
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
      /** Span keys by `start:end:label` (code points) and by token index, for relations. */
      const byOffsets = new Map<string, string>();
      const byToken = new Map<number, string>();
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
        const key = `spans[${k}]`;
        if (builder.addSpan(doc, loc, { ...span.value, label, key })) {
          byOffsets.set(`${String(own(s, 'start'))}:${String(own(s, 'end'))}:${label}`, key);
          const first = own(s, 'token_start');
          const last = own(s, 'token_end');
          if (Number.isInteger(first) && Number.isInteger(last)) for (let t = first as number; t <= (last as number) && t - (first as number) < 10_000; t++) byToken.set(t, key);
        }
      });
      const relations = own(value, 'relations');
      if (relations !== undefined && !Array.isArray(relations)) return builder.error(at, '"relations" must be a list');
      (relations as unknown[] | undefined)?.forEach((r, k) => {
        const loc = { ...at, record: `relations[${k}]` };
        if (!isRecord(r)) return builder.error(loc, 'must be an object {head, child, label, head_span, child_span}');
        const label = own(r, 'label');
        if (typeof label !== 'string' || label.trim() === '') return builder.error(loc, 'label must be a non-empty string');
        const end = (role: 'head' | 'child'): string | undefined => {
          const span = own(r, `${role}_span`);
          const byOffset = isRecord(span) ? byOffsets.get(`${String(own(span, 'start'))}:${String(own(span, 'end'))}:${String(own(span, 'label'))}`) : undefined;
          const token = own(r, role);
          return byOffset ?? (Number.isInteger(token) ? byToken.get(token as number) : undefined);
        };
        const head = end('head');
        const child = end('child');
        if (!head || !child) return builder.error(loc, `its ${!head ? 'head' : 'child'} is not one of the line's spans (matched by ${!head ? 'head' : 'child'}_span start, end and label, or by token)`);
        builder.addRelation(doc, loc, { sourceKey: head, targetKey: child, type: label });
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
    line: (document, spans, relations) => {
      if (relations.length === 0) return { text: document.text, spans, meta: { title: document.title, parley_id: document.id } };
      // Prodigy names a relation's ends by token: the index of each span's last token.
      const map = new OffsetMap(document.text);
      const tokens = tokenize(document.text).map((t) => ({ start: map.toCodePoint(t.start), end: map.toCodePoint(t.end) }));
      const lastToken = (s: CodePointSpan) => {
        const i = tokens.findIndex((t) => t.end >= s.end);
        return i < 0 ? tokens.length - 1 : i;
      };
      const firstToken = (s: CodePointSpan) => Math.max(0, tokens.findIndex((t) => t.end > s.start));
      const tokenSpan = (s: CodePointSpan) => ({ start: s.start, end: s.end, token_start: firstToken(s), token_end: lastToken(s), label: s.label });
      return {
        text: document.text,
        spans,
        relations: relations.map((r) => ({ head: lastToken(spans[r.source]!), child: lastToken(spans[r.target]!), head_span: tokenSpan(spans[r.source]!), child_span: tokenSpan(spans[r.target]!), label: r.label })),
        meta: { title: document.title, parley_id: document.id },
      };
    },
  });
}

/** The spaCy / Prodigy codec. */
export const spacyCodec: FormatCodec = {
  name: 'spacy',
  import: importSpacy,
  export: exportSpacy,
};
