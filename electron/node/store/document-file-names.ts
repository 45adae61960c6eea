/**
 * File names of document files. A document id becomes its file name when it is
 * short, lower-case and safe on every platform; any other id (from a
 * colleague's export, say) is hashed, so ids never reach the file system raw.
 */
import { createHash } from 'node:crypto';

const SAFE = /^[a-z0-9_-]{1,80}$/;
// Names Windows reserves in every folder, with or without an extension.
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/;

/** A file name stem (without `.json`) for document `id` that is not in `taken`. */
export function fileStemFor(id: string, taken: ReadonlySet<string>): string {
  const base = SAFE.test(id) && !RESERVED.test(id) ? id : `h-${createHash('sha256').update(id).digest('hex').slice(0, 32)}`;
  let stem = base;
  for (let n = 2; taken.has(stem); n++) stem = `${base}-${n}`;
  return stem;
}
