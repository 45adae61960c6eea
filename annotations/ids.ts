/** Random identifiers for documents, annotations and decisions. */

/** A random, URL-safe id with 96 bits of entropy, prefixed by its kind (`ann_…`, `doc_…`). */
export function newId(prefix: string): string {
  const bytes = new Uint8Array(12);
  (globalThis as unknown as { crypto: { getRandomValues(a: Uint8Array): Uint8Array } }).crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return `${prefix}_${s}`;
}
