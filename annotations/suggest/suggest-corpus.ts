/**
 * Suggestions over a whole corpus, without a store: what `parley suggest IN
 * --out OUT` and the bench use. The analyst's own layers teach the own-tags
 * source; accepted suggestions join each document's own layer.
 */
import { findLabel } from '../labels';
import type { Corpus, CorpusDocument } from '../model';
import { OWN_LAYER_ID } from '../model';
import { annotationsFromSuggestions } from './accept-suggestions';
import type { Gazetteer } from './gazetteer';
import type { TaggedText } from './own-tag-suggestions';
import type { CompiledRule } from './pattern-rules';
import type { RejectedSuggestion } from './rejected-suggestion';
import { suggestForDocument } from './suggest-document';
import type { Suggestion, SuggestionSource } from './suggestion';

/** What to suggest with, besides the corpus itself. */
export interface CorpusSuggestOptions {
  sources?: readonly SuggestionSource[];
  gazetteers?: readonly Gazetteer[];
  patterns?: readonly CompiledRule[];
  /** A document's rejections (none when absent). */
  rejected?: (documentId: string) => readonly RejectedSuggestion[];
}

/** The own-layer tags of every document, as the own-tags source reads them. */
export function taggedTexts(documents: readonly CorpusDocument[]): TaggedText[] {
  return documents.map((d) => ({
    documentId: d.document.id,
    title: d.document.title,
    text: d.document.text,
    tags: d.layers.find((l) => l.id === OWN_LAYER_ID)?.annotations ?? [],
  }));
}

/** The date a document's relative dates are read against: its publication date, else its import date. */
export function referenceDateOf(doc: CorpusDocument['document']): string {
  return doc.metadata?.publishedAt ?? doc.importedAt;
}

/** Each document's suggestions, by document id, in corpus order. */
export function suggestCorpus(corpus: Corpus, options: CorpusSuggestOptions): Map<string, Suggestion[]> {
  const library = taggedTexts(corpus.documents);
  const dateLabelId = findLabel(corpus.labels, 'date')?.id;
  const out = new Map<string, Suggestion[]>();
  for (const [i, doc] of corpus.documents.entries()) {
    const target = { documentId: doc.document.id, text: doc.document.text };
    out.set(
      doc.document.id,
      suggestForDocument(target, library[i]!.tags, {
        ...(options.sources ? { sources: options.sources } : {}),
        library,
        entities: corpus.entities ?? [],
        gazetteers: options.gazetteers ?? [],
        patterns: options.patterns ?? [],
        ...(dateLabelId ? { dateLabelId } : {}),
        referenceDate: referenceDateOf(doc.document),
        rejected: options.rejected?.(doc.document.id) ?? [],
      }),
    );
  }
  return out;
}

/**
 * The corpus with every suggestion of `suggestions` added to its document's
 * own layer (created, authored by `author`, where a document has none).
 * Nothing else changes.
 */
export function acceptIntoCorpus(corpus: Corpus, suggestions: ReadonlyMap<string, readonly Suggestion[]>, author: string, now: string): Corpus {
  return {
    ...corpus,
    documents: corpus.documents.map((doc) => {
      const list = suggestions.get(doc.document.id) ?? [];
      if (list.length === 0) return doc;
      const added = annotationsFromSuggestions(doc.document.text, list, author, now);
      if (!added.ok) throw new Error(added.error.message);
      const own = doc.layers.find((l) => l.id === OWN_LAYER_ID);
      const layers = own
        ? doc.layers.map((l) => (l === own ? { ...l, annotations: [...l.annotations, ...added.value].sort((a, b) => a.start - b.start || a.end - b.end) } : l))
        : [...doc.layers, { id: OWN_LAYER_ID, kind: 'own' as const, author, annotations: added.value }];
      return { ...doc, layers };
    }),
  };
}
