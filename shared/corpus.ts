/** Types of the corpus view's calls that are the contract's own (the rest come from `annotations/corpus/`). */
import type { DocumentChange } from './library';

/** What Ctrl+Z and Ctrl+Shift+Z would do in the corpus view: the newest cross-document step either way, or null. */
export interface CorpusHistoryState {
  undoLabel: string | null;
  redoLabel: string | null;
}

/** What undoing or redoing a cross-document step did: its label, each document's change, and the history after. */
export interface CorpusStepMoved {
  label: string;
  changes: DocumentChange[];
  history: CorpusHistoryState;
}

/** What tagging search hits did: how many spans in how many documents (hits already tagged so are skipped), each document's change, and the history after. */
export interface TaggedHits {
  tagged: number;
  documents: number;
  changes: DocumentChange[];
  history: CorpusHistoryState;
}
