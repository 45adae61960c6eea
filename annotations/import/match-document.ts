/**
 * The one rule for when an incoming document is the same article as one
 * already stored, used by every import (the app's Import dialog, `parley
 * import`, and loading a colleague's layers). An incoming text joins a stored
 * one only when the texts are identical (same checksum), or when the ids match
 * and the whole texts differ by a small edit. A text that merely looks like an
 * edited version of a stored one is only proposed: the analyst decides, and
 * without a decision it is imported as a new document. Shared names or quotes
 * never make two texts one.
 */
import { textSimilarity } from './text-similarity';

/** Smallest whole-text similarity at which two texts count as one article with a small edit (a typo, line ends, a sentence added). */
export const EDITED_VERSION_SIMILARITY = 0.9;

/** Smallest whole-text similarity at which an incoming text is proposed as an edited version of a stored one. */
export const PROPOSAL_SIMILARITY = 0.6;

/**
 * Before two texts with other ids are diffed, the share of the smaller one's
 * runs of three words found in the other must reach this: a quick screen
 * that lets a library of thousands of articles be searched in seconds. An
 * edited version shares most of its runs; unrelated texts, even on one topic
 * with the same names, share few. It only ever withholds a proposal.
 */
const WORD_RUN_SCREEN = 0.3;
/** Words in a run compared by the screen. */
const RUN_LENGTH = 3;

const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]|[\p{L}\p{N}\p{M}]+/gu;

/** A document in the library, as the matcher sees it; `text` is read only when the lengths leave a match possible. */
export interface StoredText {
  id: string;
  sha256: string;
  /** Length of the text in UTF-16 code units. */
  length: number;
  text(): string;
}

/** A document arriving from a file. */
export interface IncomingText {
  id: string;
  sha256: string;
  text: string;
}

/** A stored document that looks like an edited version of the incoming one. */
export interface SimilarDocument {
  documentId: string;
  /** Whole-text similarity, from 0 to 1 (see `textSimilarity`). */
  similarity: number;
}

/**
 * Where an incoming document belongs: `same-text` (identical text),
 * `same-id-edited` (same id, small edit), `similar-text` (small edit, other
 * id; only when the caller accepts it, as colleague layers do), or `new`,
 * with the closest stored document as a `proposal` when it is similar enough
 * to ask the analyst.
 */
export type DocumentMatch =
  | { kind: 'same-text'; documentId: string }
  | ({ kind: 'same-id-edited' | 'similar-text' } & SimilarDocument)
  | { kind: 'new'; proposal?: SimilarDocument };

/**
 * Matches `incoming` against `stored`. With `acceptSimilarText`, a text at
 * least `EDITED_VERSION_SIMILARITY` alike joins the most similar stored one
 * even when the ids differ. Never fails: what matches nothing is `new`.
 */
export function matchDocument(incoming: IncomingText, stored: readonly StoredText[], options: { acceptSimilarText?: boolean } = {}): DocumentMatch {
  const same = stored.find((s) => s.sha256 === incoming.sha256);
  if (same) return { kind: 'same-text', documentId: same.id };

  const sameId = stored.find((s) => s.id === incoming.id);
  if (sameId) {
    const similarity = textSimilarity(incoming.text, sameId.text(), EDITED_VERSION_SIMILARITY);
    if (similarity >= EDITED_VERSION_SIMILARITY) return { kind: 'same-id-edited', documentId: sameId.id, similarity };
  }

  let best: SimilarDocument | undefined;
  let runs: Set<string> | undefined;
  for (const s of stored) {
    const floor = Math.max(PROPOSAL_SIMILARITY, best?.similarity ?? 0);
    // The lengths alone bound the similarity: skip reading a text that cannot beat the best so far.
    if ((2 * Math.min(s.length, incoming.text.length)) / (s.length + incoming.text.length) < floor) continue;
    runs ??= wordRuns(incoming.text);
    if (sharedShare(runs, storedRuns(s)) < WORD_RUN_SCREEN) continue;
    const similarity = textSimilarity(incoming.text, s.text(), floor);
    if (similarity >= floor && (!best || similarity > best.similarity)) best = { documentId: s.id, similarity };
  }
  if (best && options.acceptSimilarText && best.similarity >= EDITED_VERSION_SIMILARITY) return { kind: 'similar-text', ...best };
  return best ? { kind: 'new', proposal: best } : { kind: 'new' };
}

const runsOfStored = new WeakMap<StoredText, Set<string>>();

function storedRuns(s: StoredText): Set<string> {
  let runs = runsOfStored.get(s);
  if (!runs) {
    runs = wordRuns(s.text());
    runsOfStored.set(s, runs);
  }
  return runs;
}

/** The distinct runs of `RUN_LENGTH` neighbouring words in `text`, ignoring case, spacing and punctuation; a shorter text gives its words as one run. */
function wordRuns(text: string): Set<string> {
  const runs = new Set<string>();
  const window: string[] = [];
  for (const match of text.matchAll(WORD)) {
    window.push(match[0].toLowerCase());
    if (window.length > RUN_LENGTH) window.shift();
    if (window.length === RUN_LENGTH) runs.add(window.join(' '));
  }
  if (runs.size === 0 && window.length > 0) runs.add(window.join(' '));
  return runs;
}

/** The share of the smaller set's members found in the other (1 when both are empty). */
function sharedShare(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return large.size === 0 ? 1 : 0;
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / small.size;
}
