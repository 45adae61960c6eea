/**
 * Notices spans kept under a key a codec does not read: a labelbuddy file
 * read as doccano carries its spans in `annotations`, which doccano does not
 * have, so the import would find no annotations and say nothing. Codecs feed
 * every record to a `SpanLikeKeys` and report what it found once per file.
 */
import type { CorpusBuilder } from './corpus-builder';
import { isRecord } from './json-limits';
import { plural } from '../text/plural';

const START_KEY = /^(start|begin)(_?(offset|char|byte|index|pos))?$|^(start|begin)[A-Z]\w*$/i;
const END_KEY = /^end(_?(offset|char|byte|index|pos))?$|^end[A-Z]\w*$/i;

/**
 * True for one entry that looks like a span: `[start, end, label, …]` with
 * integer offsets and a string label, or an object with integer start and end
 * fields (`start`/`end`, `start_offset`/`end_offset`, `start_char`/`end_char`…).
 */
export function isSpanLike(value: unknown): boolean {
  if (Array.isArray(value)) return value.length >= 3 && Number.isInteger(value[0]) && Number.isInteger(value[1]) && typeof value[2] === 'string';
  if (!isRecord(value)) return false;
  const keys = Object.keys(value);
  return keys.some((k) => START_KEY.test(k) && Number.isInteger(value[k])) && keys.some((k) => END_KEY.test(k) && Number.isInteger(value[k]));
}

/** Counts, per key, the span-like entries a format's records hold under keys it does not read. */
export class SpanLikeKeys {
  private readonly counts = new Map<string, { entries: number; records: number }>();

  constructor(private readonly readKeys: readonly string[]) {}

  /** Looks through one record's top-level keys. */
  note(record: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(record)) {
      if (this.readKeys.includes(key) || !Array.isArray(value) || value.length === 0 || !value.every(isSpanLike)) continue;
      const c = this.counts.get(key) ?? { entries: 0, records: 0 };
      c.entries += value.length;
      c.records++;
      this.counts.set(key, c);
    }
  }

  /** Warns once per key found in `file`, naming the key and what reads it, then starts afresh. */
  report(builder: CorpusBuilder, file: string, format: string): void {
    for (const [key, c] of this.counts) {
      const hint = key === 'annotations' ? ' (labelbuddy keeps its spans there: try the labelbuddy format)' : '';
      builder.warn({ file }, `${plural(c.entries, 'span-like entry', 'span-like entries')} in ${plural(c.records, 'record')} under ${JSON.stringify(key)}, which ${format} does not read, ${c.entries === 1 ? 'was' : 'were'} not imported${hint}`);
    }
    this.counts.clear();
  }
}
