/**
 * How the library search splits text into terms: runs of letters, digits and
 * marks (Hangul syllables and jamo included), and each emoji or flag on its
 * own, so "좋아요😀" gives "좋아요" and "😀". Lower-cased for comparison.
 */

const TERM = /\p{Regional_Indicator}{2}|\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F|\u200D\p{Extended_Pictographic})*|[\p{L}\p{N}\p{M}]+/gu;

/** The terms of `text`, in order, as written. */
export function searchTerms(text: string): string[] {
  return text.match(TERM) ?? [];
}

/** A term as the index keeps it: NFC, lower case. */
export function normaliseTerm(term: string): string {
  return term.normalize('NFC').toLowerCase();
}
