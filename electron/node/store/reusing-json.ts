/**
 * `JSON.stringify` for store files that reuses the text of records it has
 * already written.
 *
 * A document file is rewritten whole on every change, and with 20,000
 * annotations `JSON.stringify` of it takes 100–200 ms of the main process's
 * only thread per tag. But a change replaces a handful of objects and keeps
 * every other one (the store never changes a stored object in place; it builds
 * new ones), so the JSON of each unchanged annotation is the same as last
 * time. This remembers the text of every record (an object holding no arrays,
 * such as an annotation, its quote, the document) by identity, and builds the
 * file from those pieces.
 *
 * The output is exactly what `JSON.stringify(value)` gives for plain data
 * (objects, arrays, strings, numbers, booleans, null; `undefined` skipped),
 * which `reusing-json.test.ts` checks. It is only correct as long as records
 * are not changed in place after they were written.
 */

const written = new WeakMap<object, string>();

/** True for values JSON leaves out of an object (and writes as null in an array). */
function skipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** A plain object holding only primitives and other records: no arrays, nothing with `toJSON`. */
function isRecord(object: Record<string, unknown>): boolean {
  if (typeof object.toJSON === 'function' || Array.isArray(object)) return false;
  for (const key of Object.keys(object)) {
    const value = object[key];
    if (typeof value === 'object' && value !== null && !(written.has(value) || isRecord(value as Record<string, unknown>))) return false;
  }
  return true;
}

/** Appends the JSON of `value` (not a skipped value) to `out`. */
function write(value: unknown, out: string[]): void {
  if (typeof value === 'bigint') throw new TypeError('a BigInt cannot be written as JSON');
  if (typeof value !== 'object' || value === null) {
    out.push(JSON.stringify(value));
    return;
  }
  const known = written.get(value);
  if (known !== undefined) {
    out.push(known);
    return;
  }
  if (Array.isArray(value)) {
    out.push('[');
    value.forEach((item: unknown, i) => {
      if (i > 0) out.push(',');
      if (skipped(item)) out.push('null');
      else write(item, out);
    });
    out.push(']');
    return;
  }
  const object = value as Record<string, unknown>;
  if (typeof object.toJSON === 'function') {
    out.push(JSON.stringify(object));
    return;
  }
  if (isRecord(object)) {
    const text = JSON.stringify(object);
    written.set(object, text);
    out.push(text);
    return;
  }
  out.push('{');
  let first = true;
  for (const key of Object.keys(object)) {
    const item = object[key];
    if (skipped(item)) continue;
    out.push(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
    first = false;
    write(item, out);
  }
  out.push('}');
}

/** The JSON text of `value`, the same as `JSON.stringify(value)` (`null` for a value it leaves out); throws on a BigInt. */
export function stringifyReusing(value: unknown): string {
  if (skipped(value)) return 'null';
  const out: string[] = [];
  write(value, out);
  return out.join('');
}
