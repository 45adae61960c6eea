/**
 * Gazetteers: lists of names with the label (and optionally the entity) they
 * get, imported into the library as a suggestion source. Read from CSV
 * (columns `name`, `label`, optional `aliases` separated by `|`, optional
 * `entity`) or the same as JSON (an array of rows, or `{ "entries": [...] }`).
 */
import { parseCsv } from '../formats/csv-text';
import { findLabel } from '../labels';
import type { LabelSchema } from '../model';
import type { Problem, Result } from '../result';
import { fail, ok } from '../result';

/** One name of a gazetteer, its other spellings, the label its spans get and, optionally, its entity. */
export interface GazetteerEntry {
  name: string;
  /** A label id of the schema it was read against. */
  labelId: string;
  aliases: string[];
  /** An entity id, when the row named one. */
  entity?: string;
}

/** A gazetteer as kept in the library. */
export interface Gazetteer {
  id: string;
  /** Shown in the panel and in reasons: the file name it was imported from. */
  name: string;
  entries: GazetteerEntry[];
}

/** Upper bound on rows, so a wrong file (a whole corpus) is refused rather than matched against every document. */
export const MAX_GAZETTEER_ROWS = 100_000;

interface RawRow {
  where: Pick<Problem, 'line' | 'record'>;
  name: unknown;
  label: unknown;
  aliases: unknown;
  entity: unknown;
}

function readRows(rows: RawRow[], schema: LabelSchema, file: string | undefined): Result<GazetteerEntry[]> {
  const problems: Problem[] = [];
  const entries: GazetteerEntry[] = [];
  const known = schema.labels.map((l) => l.id).join(', ');
  for (const row of rows) {
    const at = { ...(file ? { file } : {}), ...row.where };
    const name = typeof row.name === 'string' ? row.name.trim() : '';
    if (name === '') {
      problems.push({ ...at, message: 'the name is empty' });
      continue;
    }
    if (typeof row.label !== 'string' || row.label.trim() === '') {
      problems.push({ ...at, message: `“${name}” has no label` });
      continue;
    }
    const label = findLabel(schema, row.label.trim());
    if (!label) {
      problems.push({ ...at, message: `“${name}”: unknown label “${row.label.trim()}” (labels: ${known})` });
      continue;
    }
    let aliases: string[];
    if (row.aliases === undefined || row.aliases === null || row.aliases === '') aliases = [];
    else if (typeof row.aliases === 'string') aliases = row.aliases.split('|');
    else if (Array.isArray(row.aliases) && row.aliases.every((a) => typeof a === 'string')) aliases = row.aliases as string[];
    else {
      problems.push({ ...at, message: `“${name}”: aliases must be text separated by | or a list of strings` });
      continue;
    }
    aliases = [...new Set(aliases.map((a) => a.trim()).filter((a) => a !== '' && a !== name))];
    if (row.entity !== undefined && row.entity !== null && typeof row.entity !== 'string') {
      problems.push({ ...at, message: `“${name}”: entity must be text` });
      continue;
    }
    const entity = typeof row.entity === 'string' ? row.entity.trim() : '';
    entries.push({ name, labelId: label.id, aliases, ...(entity ? { entity } : {}) });
  }
  if (problems.length > 0) return fail('invalid-input', `The gazetteer has ${problems.length} bad row${problems.length === 1 ? '' : 's'}; nothing was imported.`, problems);
  if (entries.length === 0) return fail('invalid-input', 'The gazetteer has no rows.');
  return ok(entries);
}

/** Reads a gazetteer from CSV text. A header row naming `name` and `label` (any case, any order) is required. */
export function parseGazetteerCsv(text: string, schema: LabelSchema, file?: string): Result<GazetteerEntry[]> {
  const parsed = parseCsv(text);
  if (!parsed.ok) return fail('invalid-format', `Not valid CSV: ${parsed.message} (line ${parsed.line}).`, [{ ...(file ? { file } : {}), line: parsed.line, message: parsed.message }]);
  const [header, ...body] = parsed.rows;
  if (!header) return fail('invalid-input', 'The gazetteer is empty.');
  const column = (name: string): number => header.cells.findIndex((c) => c.trim().toLowerCase() === name);
  const cols = { name: column('name'), label: column('label'), aliases: column('aliases'), entity: column('entity') };
  if (cols.name < 0 || cols.label < 0) return fail('invalid-input', `The first row must name the columns, with at least “name” and “label” (found: ${header.cells.join(', ')}).`);
  if (body.length > MAX_GAZETTEER_ROWS) return fail('too-large', `The gazetteer has ${body.length} rows; at most ${MAX_GAZETTEER_ROWS} are read.`);
  const cell = (cells: string[], i: number): string | undefined => (i < 0 ? undefined : cells[i]);
  return readRows(
    body.map((r) => ({ where: { line: r.line }, name: cell(r.cells, cols.name), label: cell(r.cells, cols.label), aliases: cell(r.cells, cols.aliases), entity: cell(r.cells, cols.entity) })),
    schema,
    file,
  );
}

/** Reads a gazetteer from JSON: an array of `{ name, label, aliases?, entity? }` or an object with such an array in `entries`. */
export function parseGazetteerJson(text: string, schema: LabelSchema, file?: string): Result<GazetteerEntry[]> {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return fail('invalid-format', `Not valid JSON: ${(e as Error).message}`);
  }
  const list = Array.isArray(value) ? value : value && typeof value === 'object' && Array.isArray((value as { entries?: unknown }).entries) ? (value as { entries: unknown[] }).entries : undefined;
  if (!list) return fail('invalid-input', 'A JSON gazetteer is an array of { "name", "label", "aliases", "entity" } rows, or an object with such an array in "entries".');
  if (list.length > MAX_GAZETTEER_ROWS) return fail('too-large', `The gazetteer has ${list.length} rows; at most ${MAX_GAZETTEER_ROWS} are read.`);
  const rows: RawRow[] = [];
  const problems: Problem[] = [];
  list.forEach((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      problems.push({ ...(file ? { file } : {}), record: `[${i}]`, message: 'a row must be an object' });
      return;
    }
    const r = item as Record<string, unknown>;
    rows.push({ where: { record: `[${i}]` }, name: r.name, label: r.label, aliases: r.aliases, entity: r.entity });
  });
  const read = readRows(rows, schema, file);
  if (problems.length === 0) return read;
  const all = [...problems, ...(read.ok ? [] : (read.error.problems ?? []))];
  return fail('invalid-input', `The gazetteer has ${all.length} bad row${all.length === 1 ? '' : 's'}; nothing was imported.`, all);
}

/** Reads a gazetteer by its file name's extension (`.json` is JSON, anything else CSV). */
export function parseGazetteer(text: string, fileName: string, schema: LabelSchema): Result<GazetteerEntry[]> {
  return /\.json$/i.test(fileName) ? parseGazetteerJson(text, schema, fileName) : parseGazetteerCsv(text, schema, fileName);
}
