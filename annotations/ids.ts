/** Random identifiers for documents, annotations and decisions. */

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/**
 * A random, URL-safe id with 96 bits of entropy, prefixed by its kind (`ann_…`, `doc_…`).
 * Built with one `join`, so the id is one flat string: concatenating it piece by piece
 * left a tree of a dozen string pieces per id, several times the id's own size, on
 * each of the hundreds of thousands of annotations a large import creates.
 */
export function newId(prefix: string): string {
  const bytes = new Uint8Array(12);
  (globalThis as unknown as { crypto: { getRandomValues(a: Uint8Array): Uint8Array } }).crypto.getRandomValues(bytes);
  const parts = [prefix, '_'];
  for (const b of bytes) parts.push(HEX[b]!);
  return parts.join('');
}
