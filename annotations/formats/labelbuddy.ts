/**
 * labelbuddy documents and annotations: JSON Lines (`.jsonl`, one document per
 * line) or a JSON array (`.json`), each document
 * `{"text", "metadata", "display_title", "list_title", "utf8_text_md5_checksum",
 * "annotations": [{"label_name", "start_char", "end_char", "start_byte", "end_byte", "extra_data"}]}`.
 * `start_char`/`end_char` count code points and win when both kinds are given
 * (as in labelbuddy); `start_byte`/`end_byte` count UTF-8 bytes and are read
 * when the character offsets are absent. Files from labelbuddy before 0.0.8
 * (`labels: [[start, end, label, extra]]`, `meta`, `short_title`/`long_title`)
 * are read too. The checksum, the MD5 of the UTF-8 text, is checked: a text
 * that no longer matches it fails the import, since its offsets cannot be
 * trusted. `extra_data` is the annotation's note; authors and layers have no
 * place in the format.
 */
import { md5 } from '@noble/hashes/legacy.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Corpus } from '../model';
import type { Result } from '../result';
import { ok } from '../result';
import { OffsetMap } from '../unicode';
import { CorpusBuilder, type DocumentHandle } from './corpus-builder';
import { exportedAnnotations, forEachExportedDocument, LabelNames, relationsAndAttributesNotWritten } from './export-support';
import { baseName, fileText, stripBom } from './files';
import type { ExportOptions, ExportOutcome, FormatCodec, FormatFile, ImportOptions, ImportOutcome } from './format';
import { isRecord, own, parseJsonSafely } from './json-limits';
import { forEachJsonLine, toJsonLines } from './jsonl';
import { spanFromCodePoints, toCodePointSpan, type Utf16Span } from './offsets';
import { Utf8Offsets } from './utf8-offsets';
import { importInputs, readEachInput } from './import-inputs';

/** Default file name of an export. */
export const LABELBUDDY_EXPORT_FILE = 'labelbuddy.jsonl';

/** Lower-case hex MD5 of the UTF-8 encoding of `text`, as labelbuddy writes in `utf8_text_md5_checksum`. */
export function textMd5(text: string): string {
  return bytesToHex(md5(utf8ToBytes(wellFormed(text))));
}

/** `text` with lone surrogates as U+FFFD, the way they are encoded in UTF-8. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

type Location = { file: string; line?: number; record?: string };

/** Reads labelbuddy `.jsonl` or `.json` document files; every document must carry its text. */
export function importLabelbuddy(files: FormatFile[], options: ImportOptions): Result<ImportOutcome> {
  const opened = importInputs(files, /\.(jsonl|json)$/i, 'no .jsonl or .json file was given');
  if (!opened.ok) return opened;
  const builder = new CorpusBuilder(options, 'labelbuddy');
  const metaKeys = new Map<string, number>();
  const stop = readEachInput(builder, opened.value.inputs, (file) => {
    const read = (value: unknown, at: Location): void => readDocument(builder, file, value, at, metaKeys);
    const text = stripBom(fileText(file));
    if (/\.json$/i.test(file.path) && text.trimStart().startsWith('[')) {
      const parsed = parseJsonSafely(text, { file: file.path });
      if (!parsed.ok) {
        for (const p of parsed.error.problems ?? []) builder.error({ file: file.path, ...(p.record ? { record: p.record } : {}) }, p.message);
        return;
      }
      (parsed.value as unknown[]).forEach((v, k) => read(v, { file: file.path, record: `[${k}]` }));
    } else {
      forEachJsonLine(file, builder, (value, line) => read(value, { file: file.path, line }));
    }
  });
  if (stop) return stop;
  if (metaKeys.size > 0) {
    const total = [...metaKeys.values()].reduce((a, b) => a + b, 0);
    builder.ignore('labelbuddy metadata values', total, `Parley keeps only metadata.title; keys: ${[...metaKeys.keys()].sort().join(', ')}`);
  }
  return builder.finish();
}

function stringField(o: Record<string, unknown>, ...keys: string[]): string | undefined {
  for (const k of keys) {
    const v = own(o, k);
    if (typeof v === 'string' && v.trim() !== '') return v;
  }
  return undefined;
}

function readDocument(builder: CorpusBuilder, file: FormatFile, value: unknown, at: Location, metaKeys: Map<string, number>): void {
  if (!isRecord(value)) return builder.error(at, 'document is not a JSON object');
  const text = own(value, 'text');
  const declared = own(value, 'utf8_text_md5_checksum');
  if (typeof text !== 'string') {
    if (typeof declared === 'string') return builder.error(at, 'has a checksum but no "text": labelbuddy exported it without text (--no-text); export it again with the text');
    return builder.error(at, '"text" is missing or not a string');
  }
  if (declared !== undefined) {
    if (typeof declared !== 'string') return builder.error(at, 'utf8_text_md5_checksum must be a string');
    const actual = textMd5(text);
    if (declared.toLowerCase() !== actual) return builder.error(at, `utf8_text_md5_checksum ${declared} does not match the text (its MD5 is ${actual}): the text changed after labelbuddy wrote it, so its offsets cannot be trusted`);
  }
  const meta = own(value, 'metadata') ?? own(value, 'meta');
  if (meta !== undefined && !isRecord(meta)) return builder.error(at, '"metadata" must be an object');
  const title = stringField(value, 'display_title', 'list_title', 'long_title', 'short_title') ?? (meta ? stringField(meta, 'title') : undefined) ?? `${baseName(file.path)} ${at.line !== undefined ? `line ${at.line}` : `document ${at.record}`}`;
  if (meta) for (const key of Object.keys(meta)) if (key !== 'title' && key !== 'parley_id') metaKeys.set(key, (metaKeys.get(key) ?? 0) + 1);
  const doc = builder.addDocument(at, { title, source: baseName(file.path), text });
  if (!doc) return;
  const annotations = own(value, 'annotations');
  const labels = own(value, 'labels');
  if (annotations !== undefined && !Array.isArray(annotations)) return builder.error({ ...at, record: 'annotations' }, 'must be a list');
  if (labels !== undefined && !Array.isArray(labels)) return builder.error({ ...at, record: 'labels' }, 'must be a list');
  const spans = new SpanReader(builder, doc);
  (annotations as unknown[] | undefined)?.forEach((a, k) => spans.read(a, { ...at, record: `annotations[${k}]` }));
  (labels as unknown[] | undefined)?.forEach((a, k) => spans.read(a, { ...at, record: `labels[${k}]` }));
}

/** Reads one document's annotations, in either shape, with either kind of offset. */
class SpanReader {
  private readonly map: OffsetMap;
  private bytes: Utf8Offsets | undefined;

  constructor(
    private readonly builder: CorpusBuilder,
    private readonly doc: DocumentHandle,
  ) {
    this.map = new OffsetMap(doc.text);
  }

  private get utf8(): Utf8Offsets {
    this.bytes ??= new Utf8Offsets(this.doc.text);
    return this.bytes;
  }

  read(a: unknown, at: Location): void {
    if (Array.isArray(a)) {
      if (a.length < 3 || a.length > 4) return this.builder.error(at, 'must be [start, end, label] or [start, end, label, extra_data]');
      return this.add(at, spanFromCodePoints(this.map, a[0], a[1]), a[2], a[3]);
    }
    if (!isRecord(a)) return this.builder.error(at, 'must be an object {label_name, start_char, end_char}');
    const hasChars = own(a, 'start_char') !== undefined || own(a, 'end_char') !== undefined;
    const hasBytes = own(a, 'start_byte') !== undefined || own(a, 'end_byte') !== undefined;
    if (!hasChars && !hasBytes) return this.builder.error(at, 'has neither start_char/end_char nor start_byte/end_byte');
    const span = hasChars ? spanFromCodePoints(this.map, own(a, 'start_char'), own(a, 'end_char')) : this.utf8.span(own(a, 'start_byte'), own(a, 'end_byte'));
    if (span.ok && hasChars && hasBytes) {
      const b = this.utf8.span(own(a, 'start_byte'), own(a, 'end_byte'));
      if (!b.ok || b.value.start !== span.value.start || b.value.end !== span.value.end) this.builder.warn(at, 'start_byte/end_byte do not match start_char/end_char; the character offsets were used, as labelbuddy does');
    }
    this.add(at, span, own(a, 'label_name'), own(a, 'extra_data'));
  }

  private add(at: Location, span: Result<Utf16Span>, label: unknown, extra: unknown): void {
    if (typeof label !== 'string' || label.trim() === '') return this.builder.error(at, 'label name must be a non-empty string');
    if (!span.ok) return this.builder.error(at, span.error.message);
    if (extra !== undefined && extra !== null && typeof extra !== 'string') return this.builder.error(at, 'extra_data must be a string');
    this.builder.addSpan(this.doc, at, { ...span.value, label, ...(typeof extra === 'string' && extra !== '' ? { note: extra } : {}) });
  }
}

/** Writes one labelbuddy JSON Lines file: code point and byte offsets, the checksum, notes as `extra_data`. */
export function exportLabelbuddy(corpus: Corpus, options: ExportOptions): Result<ExportOutcome> {
  const names = new LabelNames(corpus);
  const lines: unknown[] = [];
  const stopped = forEachExportedDocument(corpus, options, 'labelbuddy', (i) => {
    const { document } = corpus.documents[i]!;
    const map = new OffsetMap(document.text);
    const utf8 = new Utf8Offsets(document.text);
    const annotations = exportedAnnotations(corpus.documents[i]!, options).map((a) => {
      const c = toCodePointSpan(map, a);
      return { label_name: names.name(a.labelId), start_char: c.start, end_char: c.end, start_byte: utf8.toByte(a.start), end_byte: utf8.toByte(a.end), ...(a.note ? { extra_data: a.note } : {}) };
    });
    lines.push({
      text: document.text,
      metadata: { title: document.title, parley_id: document.id },
      display_title: document.title,
      list_title: document.title,
      utf8_text_md5_checksum: textMd5(document.text),
      annotations,
    });
    });
  if (stopped) return stopped;
  return ok({ files: [{ path: LABELBUDDY_EXPORT_FILE, data: toJsonLines(lines) }], warnings: relationsAndAttributesNotWritten(corpus, options, 'labelbuddy') });
}

/** The labelbuddy codec. */
export const labelbuddyCodec: FormatCodec = {
  name: 'labelbuddy',
  import: importLabelbuddy,
  export: exportLabelbuddy,
};
