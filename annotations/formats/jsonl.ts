/** JSON Lines reading with the same limits as JSON, and problems located by line. */
import type { CorpusBuilder } from './corpus-builder';
import { fileText } from './files';
import type { FormatFile } from './format';
import { MAX_JSON_LENGTH, parseJsonSafely } from './json-limits';

/**
 * Calls `each` with every non-blank line of a JSONL file, parsed safely (size,
 * depth, forbidden keys) and numbered from 1. Unparseable lines and an
 * over-long file are reported to `builder`.
 */
export function forEachJsonLine(file: FormatFile, builder: CorpusBuilder, each: (value: unknown, line: number) => void): void {
  const text = fileText(file);
  if (text.length > MAX_JSON_LENGTH) {
    builder.error({ file: file.path }, `file is ${text.length} characters; the limit is ${MAX_JSON_LENGTH}`);
    return;
  }
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
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
