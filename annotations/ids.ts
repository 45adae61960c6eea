/** Random identifiers for documents, annotations and decisions. */

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

const ID_BYTES = 12;
/**
 * Random bytes drawn from the system's generator in one call for many ids
 * (each byte used once): one call per id cost about 10 µs, which was most of
 * the time of creating a hundred thousand annotations.
 */
const pool = new Uint8Array(ID_BYTES * 1024);
let poolAt = pool.length;

/**
 * A random, URL-safe id with 96 bits of entropy, prefixed by its kind (`ann_…`, `doc_…`).
 * Built with one `join`, so the id is one flat string: concatenating it piece by piece
 * left a tree of a dozen string pieces per id, several times the id's own size, on
 * each of the hundreds of thousands of annotations a large import creates.
 */
export function newId(prefix: string): string {
  if (poolAt + ID_BYTES > pool.length) {
    (globalThis as unknown as { crypto: { getRandomValues(a: Uint8Array): Uint8Array } }).crypto.getRandomValues(pool);
    poolAt = 0;
  }
  const parts = [prefix, '_'];
  for (let i = poolAt; i < poolAt + ID_BYTES; i++) parts.push(HEX[pool[i]!]!);
  poolAt += ID_BYTES;
  return parts.join('');
}

