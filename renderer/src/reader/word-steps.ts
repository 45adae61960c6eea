/**
 * Where a selection's edge lands when it moves by one word, for the keys
 * that grow and shrink a selection word by word. Pure: it reads the text
 * through `slice`, only a window around the edge, and steps by code point
 * so it never splits a surrogate pair (an emoji).
 */
import { isWordChar } from '../../../annotations/text/word-boundaries';

/** How far from the edge the text is read; a longer word is cut at this distance. */
const WINDOW = 256;

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The new offset of a selection edge moved by one word, or null when it
 * cannot move. `edge` 'end' with `direction` 1 moves the end past the next
 * word; -1 moves it back to the end of the word before its last one. 'start'
 * with -1 moves the start back to the previous word's start; 1 moves it to
 * the start of the word after its first one.
 */
export function wordEdge(slice: (from: number, to: number) => string, length: number, at: number, edge: 'start' | 'end', direction: 1 | -1): number | null {
  const lo = Math.max(0, at - WINDOW);
  const hi = Math.min(length, at + WINDOW);
  const text = slice(lo, hi);
  let p = at - lo;
  const after = (): string => {
    const cp = text.codePointAt(p);
    return cp === undefined ? '' : String.fromCodePoint(cp);
  };
  const before = (): string => {
    if (p <= 0) return '';
    const size = p >= 2 && isLowSurrogate(text.charCodeAt(p - 1)) ? 2 : 1;
    return text.slice(p - size, p);
  };
  const forward = (word: boolean) => {
    for (let c = after(); c !== '' && isWordChar(c) === word; c = after()) p += c.length;
  };
  const back = (word: boolean) => {
    for (let c = before(); c !== '' && isWordChar(c) === word; c = before()) p -= c.length;
  };
  if (edge === 'end' && direction === 1) {
    forward(false);
    forward(true);
  } else if (edge === 'end') {
    back(false);
    back(true);
    back(false);
  } else if (direction === -1) {
    back(false);
    back(true);
  } else {
    forward(true);
    forward(false);
  }
  const moved = p + lo;
  return moved === at ? null : moved;
}
