/**
 * Tells which interchange format some files are in, from their names and a
 * bounded peek at their content (at most `PEEK_CHARS` of each of the first
 * `PEEK_FILES` candidate files), so `--format` can be left out and a wrong one
 * named. Pure: files in, a guess out; never throws.
 */
import { strFromU8 } from 'fflate';
import { baseName, extensionOf, stripBom } from './files';
import type { FormatFile, FormatName } from './format';
import { DETECTED_FORMAT_TITLES } from './format-table';
import { expandZips } from './zip';

/** A format detection can name: every format of the table. */
export type DetectableFormat = FormatName;

/** What `detectFormat` concluded, and from what. */
export interface FormatGuess {
  format: DetectableFormat;
  /** How the format is named in messages ("Label Studio JSON"). */
  title: string;
  /** What gave it away ("an array of tasks with data and annotations"). */
  reason: string;
}

/** Characters of each file looked at. */
export const PEEK_CHARS = 64 * 1024;
/** Files looked at, at most. */
export const PEEK_FILES = 8;

export { DETECTED_FORMAT_TITLES } from './format-table';

const CONLL_EXTENSIONS = new Set(['conll', 'conllu', 'conll03', 'iob', 'iob2', 'bio', 'bioes', 'testa', 'testb', 'train', 'dev', 'test']);
const IGNORED = new Set(['conf', 'md', 'html', 'htm']);

function guess(format: DetectableFormat, reason: string): FormatGuess {
  return { format, title: DETECTED_FORMAT_TITLES[format], reason };
}

function peek(file: FormatFile): string {
  const head = typeof file.data === 'string' ? file.data.slice(0, PEEK_CHARS) : strFromU8(file.data.subarray(0, PEEK_CHARS * 2)).slice(0, PEEK_CHARS);
  return stripBom(head);
}

/** The format of `files` (one file, a folder's files, or a .zip), or undefined when nothing gives it away. */
export function detectFormat(files: readonly FormatFile[]): FormatGuess | undefined {
  const expanded = expandZips([...files]);
  const all = (expanded.ok ? expanded.value : [...files]).filter((f) => !baseName(f.path).startsWith('.'));
  const extensions = new Set(all.map((f) => extensionOf(f.path)));
  if (extensions.has('qdpx') || extensions.has('qde')) return guess('refi-qda', '.qdpx or .qde files');
  if (extensions.has('ann')) return guess('brat', '.ann files');
  if (extensions.has('jsonld')) return guess('w3c', '.jsonld files');
  const candidates = all.filter((f) => !IGNORED.has(extensionOf(f.path))).slice(0, PEEK_FILES);
  for (const file of candidates) {
    const found = detectContent(file.path, peek(file));
    if (found) return found;
  }
  return undefined;
}

/** The format of one file's beginning, `head`, named `path`; undefined when it is none Parley reads. */
export function detectContent(path: string, head: string): FormatGuess | undefined {
  const ext = extensionOf(path);
  const trimmed = head.trimStart();
  if (trimmed.startsWith('<') && /<(?:\w+:)?Project\b[^>]*urn:QDA-XML:project/.test(trimmed)) return guess('refi-qda', 'a <Project> in the REFI-QDA namespace');
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const lines = jsonLines(trimmed);
    return (lines.length > 1 ? detectJsonRecords(lines, 'records') : undefined) ?? detectJsonText(trimmed) ?? (lines.length === 1 ? detectJsonRecords(lines, 'records') : undefined);
  }
  if (ext === 'csv' || ext === 'tsv' || /^\s*"?document"?\s*,\s*"?start"?\s*,/i.test(trimmed)) {
    const header = trimmed.split(/\r?\n/, 1)[0] ?? '';
    if (/\bdocument\b/i.test(header) && /\bstart\b/i.test(header) && /\bend\b/i.test(header)) return guess('csv', 'a header with document, start and end');
  }
  if (CONLL_EXTENSIONS.has(ext) || ext === 'txt' || ext === 'tsv' || ext === '') {
    if (looksLikeConll(trimmed)) return guess('conll', 'one token and its tag per line');
  }
  return undefined;
}

/** The first few lines, when each is a complete JSON object (JSON Lines); empty otherwise. */
function jsonLines(text: string): Array<Record<string, unknown>> {
  const lines = text.split(/\r?\n/);
  // The last line of a peek may be cut short; judge by the complete ones.
  const complete = lines.length > 1 ? lines.slice(0, -1) : lines;
  const records: Array<Record<string, unknown>> = [];
  for (const line of complete.slice(0, 20)) {
    if (!line.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return [];
    }
    if (!isRecord(value)) return [];
    records.push(value);
  }
  return records;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON Lines records (or the elements of a JSON array): which tool wrote them. */
function detectJsonRecords(records: ReadonlyArray<Record<string, unknown>>, what: string): FormatGuess | undefined {
  const has = (key: string) => records.some((r) => key in r);
  if (has('data') && (has('annotations') || has('predictions'))) return guess('label-studio', `${what} with "data" and "annotations"`);
  const labelbuddyAnnotations = records.some((r) => Array.isArray(r.annotations) && r.annotations.some((a) => isRecord(a) && ('start_char' in a || 'label_name' in a || 'start_byte' in a)));
  const labelbuddyMeta = has('meta') || has('metadata') || has('display_title') || has('list_title') || has('short_title') || has('long_title');
  if (has('utf8_text_md5_checksum') || labelbuddyAnnotations || (has('text') && (has('annotations') || has('labels')) && labelbuddyMeta)) {
    return guess('labelbuddy', `${what} with "text" and labelbuddy's "annotations"`);
  }
  const spans = records.find((r) => Array.isArray(r.spans))?.spans as unknown[] | undefined;
  if ((spans && spans.some((s) => isRecord(s) && ('token_start' in s || 'token_end' in s))) || (has('answer') && has('text'))) return guess('spacy', `${what} with "spans" and "answer"`);
  if (has('text') && (has('label') || has('entities'))) return guess('doccano', `${what} with "text" and "label"`);
  if (has('text') && has('spans')) return guess('spacy', `${what} with "text" and "spans"`);
  if (records.some((r) => r.format === 'parley')) return guess('parley', '"format": "parley"');
  if (records.some((r) => isW3cType(r.type))) return guess('w3c', `${what} of type Annotation`);
  return undefined;
}

function isW3cType(type: unknown): boolean {
  const names = Array.isArray(type) ? type : [type];
  return names.some((t) => t === 'Annotation' || t === 'AnnotationCollection' || t === 'AnnotationPage' || t === 'oa:Annotation');
}

/** A JSON document's beginning: parsed whole when the peek holds it, else read by its keys. */
function detectJsonText(text: string): FormatGuess | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (value !== undefined) {
    if (Array.isArray(value)) return detectJsonRecords(value.filter(isRecord).slice(0, 20), 'an array of records');
    if (!isRecord(value)) return undefined;
    if (value.format === 'parley') return guess('parley', '"format": "parley"');
    if ('@context' in value || isW3cType(value.type)) return guess('w3c', 'a W3C "@context" or "type"');
    if (Array.isArray(value.rows) && value.rows.some((r) => isRecord(r) && 'uri' in r && 'target' in r)) return guess('w3c', 'Hypothesis rows with "uri" and "target"');
    return detectJsonRecords([value], 'a record');
  }
  // Too long to parse from the peek: read the keys that give a format away.
  if (/"format"\s*:\s*"parley"/.test(text)) return guess('parley', '"format": "parley"');
  if (/"@context"\s*:/.test(text) || /"type"\s*:\s*"(?:Annotation|AnnotationCollection|AnnotationPage)"/.test(text)) return guess('w3c', 'a W3C "@context" or "type"');
  if (/^\{\s*"(?:total|rows)"/.test(text) && /"rows"\s*:/.test(text) && /"uri"\s*:/.test(text)) return guess('w3c', 'Hypothesis rows with "uri" and "target"');
  if (text.startsWith('[') && /"data"\s*:/.test(text) && /"(?:annotations|predictions)"\s*:/.test(text)) return guess('label-studio', 'an array of tasks with "data" and "annotations"');
  return undefined;
}

const TAG = /^(?:O|[BIESLU]-\S+|\S+-(?:B|I|E|S))$/;

/** Lines of `token … tag`, blank lines between sentences, `-DOCSTART-` optional. */
function looksLikeConll(text: string): boolean {
  const lines = text.split(/\r?\n/).slice(0, 400).filter((l) => l.trim() !== '');
  if (lines.length === 0) return false;
  let tagged = 0;
  let tags = 0;
  for (const line of lines) {
    const columns = line.trim().split(/\s+/);
    if (columns[0] === '-DOCSTART-') {
      tagged++;
      continue;
    }
    const last = columns[columns.length - 1]!;
    if (columns.length >= 2 && TAG.test(last)) {
      tagged++;
      if (last !== 'O') tags++;
    }
  }
  return tagged >= Math.max(1, Math.ceil(lines.length * 0.9)) && (tags > 0 || lines.some((l) => l.startsWith('-DOCSTART-')) || tagged >= 3);
}

/**
 * One short message when `files` were read with the wrong format: "this looks
 * like Label Studio JSON, not doccano JSON Lines". Undefined when detection
 * agrees with `given` or finds nothing.
 */
export function wrongFormatMessage(files: readonly FormatFile[], given: DetectableFormat): string | undefined {
  const found = detectFormat(files);
  if (!found || found.format === given) return undefined;
  return `this looks like ${found.title}, not ${DETECTED_FORMAT_TITLES[given]} (${found.reason})`;
}
