/** Creating documents from imported text. */
import { newId } from './ids';
import type { ParleyDocument } from './model';
import { textSha256 } from './text-hash';

/** Largest text accepted, in UTF-16 code units (about 20 MB of UTF-8 at most). */
export const MAX_TEXT_LENGTH = 10_000_000;

/** A new document holding `text` exactly as given. Throws RangeError on an over-long text. */
export function createDocument(input: { title: string; source: string; originalPath?: string; text: string; now: string; id?: string }): ParleyDocument {
  if (input.text.length > MAX_TEXT_LENGTH) throw new RangeError(`text is ${input.text.length} characters; the limit is ${MAX_TEXT_LENGTH}`);
  return {
    id: input.id ?? newId('doc'),
    title: input.title.trim() || 'Untitled',
    source: input.source,
    ...(input.originalPath ? { originalPath: input.originalPath } : {}),
    text: input.text,
    sha256: textSha256(input.text),
    importedAt: input.now,
    status: 'todo',
  };
}
