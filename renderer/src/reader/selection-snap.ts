/**
 * Turns the editor's selection into the span to tag: snapped to whole words
 * (the default) or the exact characters selected. Only a window of text
 * around the selection is read, so tagging costs the same in a long document.
 */
import type { Text } from '@codemirror/state';
import { exactSpan, snapToWords, type TextSpan } from '../../../annotations/text/word-boundaries';

/** How a selection becomes a span. */
export type SnapMode = 'words' | 'exact';

/** How far past the selection a word may extend when snapping. */
const WORD_WINDOW = 200;

/** The span to tag for a selection from `from` to `to`, or null if it holds nothing taggable. */
export function spanForSelection(doc: Text, from: number, to: number, mode: SnapMode): TextSpan | null {
  const lo = Math.max(0, Math.min(from, to) - WORD_WINDOW);
  const hi = Math.min(doc.length, Math.max(from, to) + WORD_WINDOW);
  const text = doc.sliceString(lo, hi, '\n');
  const span = mode === 'words' ? snapToWords(text, from - lo, to - lo) : exactSpan(text, from - lo, to - lo);
  return span && { start: span.start + lo, end: span.end + lo };
}
