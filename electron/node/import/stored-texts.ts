/**
 * The library's documents as the import matcher sees them: each text read
 * from the store at most once, and only when the matcher asks for it.
 */
import type { StoredText } from '../../../annotations/import/match-document';
import type { Result } from '../../../annotations/result';
import type { DocumentView } from '../../../shared/library';

/** The part of the store the matcher reads. */
export interface StoredTextSource {
  listDocuments(): Array<{ id: string; title: string; sha256: string; length: number }>;
  getDocument(id: string): Result<DocumentView>;
}

/** Every library document with a lazily read, cached text; a document that cannot be read has no text to match. */
export function storedTexts(store: StoredTextSource): StoredText[] {
  return store.listDocuments().map((d) => {
    let text: string | undefined;
    return {
      id: d.id,
      sha256: d.sha256,
      length: d.length,
      text: () => {
        if (text === undefined) {
          const view = store.getDocument(d.id);
          text = view.ok ? view.value.document.text : '';
        }
        return text;
      },
    };
  });
}
