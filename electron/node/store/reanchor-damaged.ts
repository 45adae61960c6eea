/**
 * Repairing a document file whose text is intact (it still hashes to its
 * checksum) but whose annotations no longer quote the text at their offsets:
 * each such annotation is found again by its quote (this keeps work a backup
 * would lose, so it comes first when every annotation is found). One that cannot be found exactly is left out of the repaired
 * file and named in the incident; the damaged copy still holds it.
 */
import { readFile } from 'node:fs/promises';
import { anchor, describeSpan } from '../../../annotations/anchoring';
import type { Annotation } from '../../../annotations/model';
import { checkDocumentFile, nativeTextSha256 } from './check-document-file';
import { parseStoreFile } from './durable-file-adapter';
import { documentFileSchema, STORE_SCHEMA_VERSION, type DocumentFile, type IndexEntry } from './store-schemas';

/**
 * The repaired content of the damaged file at `damagedCopy`, with one
 * sentence per kind of repair; null when the file cannot be repaired this
 * way (unreadable, another document, or its text changed).
 */
export async function reanchorDamaged(damagedCopy: string, entry: IndexEntry | null, loadedIds: ReadonlySet<string>): Promise<{ data: DocumentFile; details: string[]; setAside: number } | null> {
  let data: DocumentFile;
  try {
    data = parseStoreFile(damagedCopy, await readFile(damagedCopy), documentFileSchema, STORE_SCHEMA_VERSION);
  } catch {
    return null;
  }
  const { document } = data;
  if ((entry && document.id !== entry.id) || loadedIds.has(document.id)) return null;
  if (nativeTextSha256(document.text) !== document.sha256) return null;
  let moved = 0;
  const setAside: string[] = [];
  const layers = data.layers.map((layer) => {
    const seen = new Set<string>();
    const annotations: Annotation[] = [];
    for (const a of layer.annotations) {
      if (seen.has(a.id)) {
        setAside.push(`${a.id} (stored twice)`);
        continue;
      }
      seen.add(a.id);
      const inPlace = a.documentId === document.id && a.start >= 0 && a.end <= document.text.length && document.text.slice(a.start, a.end) === a.quote.exact;
      if (inPlace) {
        annotations.push(a);
        continue;
      }
      const found = a.quote.exact ? anchor(document.text, a) : { status: 'orphan' as const };
      if (found.status === 'exact' || found.status === 'relocated') {
        annotations.push({ ...a, documentId: document.id, start: found.start, end: found.end, quote: describeSpan(document.text, found.start, found.end).quote });
        moved++;
      } else {
        setAside.push(`“${a.quote.exact.slice(0, 40)}” (${a.labelId}, layer ${layer.id})`);
      }
    }
    return { ...layer, annotations };
  });
  const repaired: DocumentFile = { ...data, layers, history: { undo: [], redo: [] } };
  if (!checkDocumentFile(repaired).ok) return null;
  const details = [`The text was intact, so the annotations were kept: ${moved} found again by their quotes.`];
  if (setAside.length > 0) details.push(`${setAside.length} could not be found and were left out (they remain in the damaged copy): ${setAside.join(', ')}.`);
  details.push('The undo history of this document was cleared.');
  return { data: repaired, details, setAside: setAside.length };
}
