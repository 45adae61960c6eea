/**
 * The checks a document file must pass when the store reads it, beyond its
 * schema: the text hashes to its stored SHA-256 and every annotation quotes
 * the text at its offsets. The same rules as `checkCorpusDocument`, with the
 * hash computed by Node's native SHA-256 (the engine's portable one takes a
 * third of a second on the longest text, on every open).
 */
import { createHash } from 'node:crypto';
import { fail, ok, type Result } from '../../../annotations/result';
import { checkAnnotations } from './document-state';
import type { DocumentFile } from './store-schemas';

/**
 * Revision of these checks. Raise it whenever they change: files checked under
 * an older revision are then checked again when the store opens (`checked-files.ts`).
 */
export const CHECKS_REVISION = 1;

/** The SHA-256 of `text`'s UTF-8 bytes, in hex: what `textSha256` gives. */
export function nativeTextSha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Ok, or `invalid-input` saying which check the file fails. */
export function checkDocumentFile(file: Pick<DocumentFile, 'document' | 'layers'>): Result<void> {
  const { document } = file;
  if (nativeTextSha256(document.text) !== document.sha256) return fail('invalid-input', `document ${document.id}: sha256 does not match its text`);
  const seen = new Set<string>();
  for (const layer of file.layers) {
    if (seen.has(layer.id)) return fail('invalid-input', `document ${document.id}: layer ${layer.id} appears twice`);
    seen.add(layer.id);
    const checked = checkAnnotations(document.id, document.text, layer.annotations);
    if (!checked.ok) return fail(checked.error.code, `document ${document.id}, layer ${layer.id}: ${checked.error.message}`);
  }
  return ok(undefined);
}
