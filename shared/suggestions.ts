/** What the suggestion methods of the API return (issue 15). */
import type { Suggestion } from '../annotations/suggest/suggestion';
import type { DocumentChange } from './library';

/** A document's suggestions as the side panel lists them, and the library's gazetteers. */
export interface SuggestionList {
  documentId: string;
  /** One per span and label, sorted by position; none is in any layer until accepted. */
  suggestions: Suggestion[];
  /** The library's gazetteers, by file name, with their number of names. */
  gazetteers: Array<{ id: string; name: string; entries: number }>;
  /** How many suggestions past the first `SUGGESTIONS_SHOWN` (in reading order) were left out; absent when none. */
  omitted?: number;
}

/**
 * The most suggestions one document's list carries to the window. A long
 * article whose tags are common words can have a million; the window draws
 * and the analyst reviews the first ones, and accepting or rejecting them
 * brings the next.
 */
export const SUGGESTIONS_SHOWN = 5_000;

/** What accepting suggestions did: the change to the analyst's layer (one undoable step) and the suggestions left. */
export interface AcceptedSuggestions {
  change: DocumentChange;
  list: SuggestionList;
}

/** A gazetteer imported into the library, or pattern rules added to the labels (`kind`), with how many names or rules. */
export interface ImportedGazetteer {
  name: string;
  entries: number;
  /** What the file held: a gazetteer (CSV or JSON rows of names) or pattern rules (JSON or JSON Lines of rules). */
  kind: 'gazetteer' | 'patterns';
}
