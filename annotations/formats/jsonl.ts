/** JSON Lines reading with JSON's depth limits, a size limit of its own, and problems located by line. */
import type { CorpusBuilder } from './corpus-builder';
import { fileText } from './files';
import type { FormatFile } from './format';
import { parseJsonSafely } from './json-limits';

/**
 * Largest JSON Lines file read, in UTF-16 code units. Half of a single JSON
 * document's limit: every line becomes its own records and spans, so a JSONL
 * import peaks at about 17 times its size (30 MB of doccano JSONL peaked at
 * 523 MB), and this keeps the largest allowed file under 1 GB.
 */
export const MAX_JSONL_LENGTH = 32 * 1024 * 1024;

/**
 * Calls `each` with every non-blank line of a JSONL file, parsed safely (size,
 * depth, forbidden keys) and numbered from 1. Unparseable lines and an
 * over-long file are reported to `builder`.
 */
export function forEachJsonLine(file: FormatFile, builder: CorpusBuilder, each: (value: unknown, line: number) => void): void {
  const text = fileText(file);
  if (text.length > MAX_JSONL_LENGTH) {
    builder.error({ file: file.path }, `file is ${text.length} characters; the limit for JSON Lines is ${MAX_JSONL_LENGTH}`);
    return;
  }
  // Line by line, without an array of every line alongside the text.
  for (let i = 0, from = 0; from <= text.length; i++) {
    const newline = text.indexOf('\n', from);
    const to = newline < 0 ? text.length : newline;
    let line = text.slice(from, to);
    from = to + 1;
    if (i === 0 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    if (line.trim() === '') continue;
    const parsed = parseJsonSafely(line, { file: file.path, line: i + 1 });
    if (!parsed.ok) {
      for (const p of parsed.error.problems ?? []) builder.error({ file: file.path, line: i + 1, ...(p.record ? { record: p.record } : {}) }, p.message);
      continue;
    }
    each(parsed.value, i + 1);
  }
}

/** JSONL text from values, one per line, ending with a newline. */
export function toJsonLines(values: unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join('\n') + (values.length > 0 ? '\n' : '');
}
