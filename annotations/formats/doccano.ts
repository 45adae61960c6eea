/**
 * doccano JSONL for sequence labelling: one document per line,
 * `{"text": …, "label": [[start, end, "LABEL"], …]}` with code point offsets.
 * Import also reads the `entities` form (`{"start_offset", "end_offset", "label"}`)
 * of newer doccano exports, and `entities` as `[start, end, label]` lists (the
 * intent-detection and slot-filling exports). With relations, the lines take
 * doccano's relation-extraction shape: `entities` with ids and `relations`
 * (`{id, from_id, to_id, type}`). Notes, attributes, authors and layers have
 * no place in it.
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
import { spanFromCodePoints } from './offsets';
import { SpanLikeKeys } from './span-like';
import { importInputs, readEachInput } from './import-inputs';

/** Default file name of an export. */
export const DOCCANO_EXPORT_FILE = 'doccano.jsonl';

/** Keys of a doccano line that the import reads or reports. */
const DOCCANO_KEYS = ['text', 'label', 'labels', 'entities', 'relations', 'cats', 'meta', 'id', 'Comments', 'comments'];

/**
 * Reads doccano JSONL files; every line must have `text` and a valid `label`
 * (or `entities`) list. Spans may be `[start, end, label]` lists or
 * `{start_offset, end_offset, label}` objects under either key. Relations and
 * document categories are counted in `ignored`; span-like lists under keys
 * doccano does not have are named in a warning.
 */
export function importDoccano(files: FormatFile[], options: ImportOptions): Result<ImportOutcome> {
  const opened = importInputs(files, /\.(jsonl|json)$/i, 'no .jsonl file was given');
  if (!opened.ok) return opened;
  const builder = new CorpusBuilder(options, 'doccano');
  const unread = new SpanLikeKeys(DOCCANO_KEYS);
  const stop = readEachInput(builder, opened.value.inputs, (file) => {
    forEachJsonLine(file, builder, (value, line) => {
      const at = { file: file.path, line };
      if (!isRecord(value)) return builder.error(at, 'line is not a JSON object');
      const text = own(value, 'text');
      if (typeof text !== 'string') return builder.error(at, '"text" is missing or not a string');
      unread.note(value);
      const labelKey = own(value, 'label') !== undefined ? 'label' : 'labels';
      const labelField = own(value, labelKey);
      const entities = own(value, 'entities');
      if (labelField !== undefined && !Array.isArray(labelField)) return builder.error(at, `"${labelKey}" must be a list of [start, end, label]`);
      if (entities !== undefined && !Array.isArray(entities)) return builder.error(at, '"entities" must be a list');
      const relations = own(value, 'relations');
      if (relations !== undefined && !Array.isArray(relations)) return builder.error(at, '"relations" must be a list of {from_id, to_id, type}');
      const cats = own(value, 'cats');
      if (Array.isArray(cats)) builder.ignore('doccano document categories ("cats")', cats.length, 'Parley labels spans, not whole documents');
      // A text-classification export puts category names (strings) in "label".
      const categories = (labelField as unknown[] | undefined)?.filter((x) => typeof x === 'string').length ?? 0;
      if (categories > 0) builder.ignore('doccano document categories ("label")', categories, 'Parley labels spans, not whole documents');
      const meta = own(value, 'meta');
      const title = isRecord(meta) && typeof own(meta, 'title') === 'string' ? (own(meta, 'title') as string) : `${baseName(file.path)} line ${line}`;
      const doc = builder.addDocument(at, { title, source: baseName(file.path), text });
      if (!doc) return;
      const map = new OffsetMap(text);
      const add = (item: unknown, where: string): void => {
        const loc = { ...at, record: where };
        if (Array.isArray(item)) {
          if (item.length !== 3) return builder.error(loc, 'must be [start, end, label]');
          return addSpan(item[0], item[1], item[2], loc);
        }
        if (isRecord(item)) {
          const id = own(item, 'id');
          return addSpan(own(item, 'start_offset'), own(item, 'end_offset'), own(item, 'label'), loc, typeof id === 'number' || typeof id === 'string' ? String(id) : undefined);
        }
        builder.error(loc, 'must be [start, end, label] or {start_offset, end_offset, label}');
      };
      const addSpan = (start: unknown, end: unknown, label: unknown, loc: typeof at & { record: string }, key?: string): void => {
        if (typeof label !== 'string' || label.trim() === '') return builder.error(loc, 'label must be a non-empty string');
        const span = spanFromCodePoints(map, start, end);
        if (!span.ok) return builder.error(loc, span.error.message);
        if (key !== undefined && builder.hasKey(doc, key)) return builder.error(loc, `entity id ${key} appears twice in this line`);
        builder.addSpan(doc, loc, { ...span.value, label, ...(key !== undefined ? { key } : {}) });
      };
      (labelField as unknown[] | undefined)?.forEach((item, k) => {
        if (typeof item !== 'string') add(item, `${labelKey}[${k}]`);
      });
      (entities as unknown[] | undefined)?.forEach((item, k) => add(item, `entities[${k}]`));
      (relations as unknown[] | undefined)?.forEach((item, k) => {
        const loc = { ...at, record: `relations[${k}]` };
        const from = isRecord(item) ? own(item, 'from_id') : undefined;
        const to = isRecord(item) ? own(item, 'to_id') : undefined;
        const type = isRecord(item) ? own(item, 'type') : undefined;
        const isId = (x: unknown) => typeof x === 'number' || (typeof x === 'string' && x !== '');
        if (!isId(from) || !isId(to) || typeof type !== 'string' || type.trim() === '') return builder.error(loc, 'must be {from_id, to_id, type} with entity ids and a non-empty type');
        builder.addRelation(doc, loc, { sourceKey: String(from), targetKey: String(to), type });
      });
    });
    unread.report(builder, file.path, 'doccano');
  });
  return stop ?? builder.finish();
}

/** Writes one doccano JSONL file; notes are counted in the warnings because doccano cannot hold them. */
export function exportDoccano(corpus: Corpus, options: ExportOptions): Result<ExportOutcome> {
  return exportJsonLines(corpus, options, {
    name: 'doccano',
    file: DOCCANO_EXPORT_FILE,
    whyNoNotes: 'doccano sequence labelling has no place for notes',
    line: (document, spans, relations, anyRelations) =>
      anyRelations
        ? {
            text: document.text,
            entities: spans.map((s, k) => ({ id: k + 1, label: s.label, start_offset: s.start, end_offset: s.end })),
            relations: relations.map((r, k) => ({ id: k + 1, from_id: r.source + 1, to_id: r.target + 1, type: r.label })),
            meta: { title: document.title, parley_id: document.id },
          }
        : { text: document.text, label: spans.map((s) => [s.start, s.end, s.label]), meta: { title: document.title, parley_id: document.id } },
  });
}

/** The doccano codec. */
export const doccanoCodec: FormatCodec = {
  name: 'doccano',
  import: importDoccano,
  export: exportDoccano,
};

