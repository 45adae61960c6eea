/**
 * How alike two whole texts are, as a number from 0 (nothing in common) to 1
 * (identical): twice the characters the two texts share in order, divided by
 * the sum of their lengths (in UTF-16 code units). The shared characters come
 * from a diff of the two texts: the common beginning and end are taken as
 * they are, and only the middle is diffed, word by word (each space, line
 * break, punctuation mark and Han, kana or Thai character counts as a word of
 * its own), anchored on words that occur once in each text, so a
 * million-character text with a few edits costs about as much as reading it.
 */

/** Largest product of the two sides' word counts diffed exhaustively; longer stretches without a shared unique word count as unmatched. */
const EXHAUSTIVE_DIFF_CELLS = 4_000_000;
/** Stretches this small are diffed exhaustively without looking for anchors first. */
const SMALL_DIFF_CELLS = 10_000;

const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]|[\p{L}\p{N}\p{M}]+|[\s\S]/gu;

/**
 * The similarity of `a` and `b`, from 0 to 1; 1 only when they are equal.
 * When `atLeast` is given and the lengths alone show the similarity is below
 * it, that upper bound is returned without diffing. A stretch of more than
 * about 2,000 words on each side with no word unique to it in both is counted
 * as unmatched, so a result may be lower than the exact one, never higher.
 */
export function textSimilarity(a: string, b: string, atLeast = 0): number {
  if (a === b) return 1;
  const total = a.length + b.length;
  const bound = (2 * Math.min(a.length, b.length)) / total;
  if (bound < atLeast) return bound;

  let prefix = 0;
  const shorter = Math.min(a.length, b.length);
  while (prefix < shorter && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  // Keep a surrogate pair whole: a cut between its halves would split one character into two words.
  if (prefix > 0 && isHighSurrogate(a.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isLowSurrogate(a.charCodeAt(a.length - suffix))) suffix--;

  const dictionary = new Map<string, number>();
  const left = words(a.slice(prefix, a.length - suffix), dictionary);
  const right = words(b.slice(prefix, b.length - suffix), dictionary);
  const shared = prefix + suffix + sharedWeight(left, right);
  return (2 * shared) / total;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

interface Words {
  /** Each word as a number; equal words have equal numbers across both texts. */
  ids: Int32Array;
  /** Each word's length in UTF-16 code units. */
  weights: Int32Array;
}

function words(text: string, dictionary: Map<string, number>): Words {
  const ids: number[] = [];
  const weights: number[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    let id = dictionary.get(word);
    if (id === undefined) {
      id = dictionary.size;
      dictionary.set(word, id);
    }
    ids.push(id);
    weights.push(word.length);
  }
  return { ids: Int32Array.from(ids), weights: Int32Array.from(weights) };
}

/** Total length of the words `a` and `b` share in order: an anchored diff, exhaustive on small stretches. */
function sharedWeight(a: Words, b: Words): number {
  let shared = 0;
  const stack: Array<[number, number, number, number]> = [[0, a.ids.length, 0, b.ids.length]];
  while (stack.length > 0) {
    let [aLo, aHi, bLo, bHi] = stack.pop()!;
    while (aLo < aHi && bLo < bHi && a.ids[aLo] === b.ids[bLo]) {
      shared += a.weights[aLo]!;
      aLo++;
      bLo++;
    }
    while (aLo < aHi && bLo < bHi && a.ids[aHi - 1] === b.ids[bHi - 1]) {
      aHi--;
      bHi--;
      shared += a.weights[aHi]!;
    }
    const cells = (aHi - aLo) * (bHi - bLo);
    if (cells === 0) continue;
    if (cells <= SMALL_DIFF_CELLS) {
      shared += exhaustiveShared(a, b, aLo, aHi, bLo, bHi);
      continue;
    }
    const anchors = uniqueAnchors(a, b, aLo, aHi, bLo, bHi);
    if (anchors.length === 0) {
      if (cells <= EXHAUSTIVE_DIFF_CELLS) shared += exhaustiveShared(a, b, aLo, aHi, bLo, bHi);
      continue;
    }
    let [prevA, prevB] = [aLo, bLo];
    for (const [ai, bi] of anchors) {
      stack.push([prevA, ai, prevB, bi]);
      shared += a.weights[ai]!;
      [prevA, prevB] = [ai + 1, bi + 1];
    }
    stack.push([prevA, aHi, prevB, bHi]);
  }
  return shared;
}

/**
 * Words that occur exactly once in each side's stretch, as (position in a,
 * position in b) pairs, keeping the longest run in which both positions
 * increase (patience diff's anchors).
 */
function uniqueAnchors(a: Words, b: Words, aLo: number, aHi: number, bLo: number, bHi: number): Array<[number, number]> {
  const inA = new Map<number, number>();
  for (let i = aLo; i < aHi; i++) {
    const id = a.ids[i]!;
    inA.set(id, inA.has(id) ? -1 : i);
  }
  const inB = new Map<number, number>();
  for (let j = bLo; j < bHi; j++) {
    const id = b.ids[j]!;
    if (inA.has(id)) inB.set(id, inB.has(id) ? -1 : j);
  }
  const pairs: Array<[number, number]> = [];
  for (let i = aLo; i < aHi; i++) {
    const id = a.ids[i]!;
    const j = inB.get(id);
    if (inA.get(id) === i && j !== undefined && j >= 0) pairs.push([i, j]);
  }
  // Longest increasing subsequence of the b positions, by patience sorting.
  const tails: number[] = [];
  const previous = new Int32Array(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    const j = pairs[k]![1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![1] < j) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1]!;
    tails[lo] = k;
  }
  const chain: Array<[number, number]> = [];
  for (let k = tails.length > 0 ? tails[tails.length - 1]! : -1; k >= 0; k = previous[k]!) chain.push(pairs[k]!);
  return chain.reverse();
}

/** The heaviest common subsequence of two stretches, by dynamic programming over two rows. */
function exhaustiveShared(a: Words, b: Words, aLo: number, aHi: number, bLo: number, bHi: number): number {
  const width = bHi - bLo;
  let above = new Int32Array(width + 1);
  let row = new Int32Array(width + 1);
  for (let i = aLo; i < aHi; i++) {
    const id = a.ids[i]!;
    const weight = a.weights[i]!;
    for (let j = 1; j <= width; j++) {
      const diagonal = b.ids[bLo + j - 1] === id ? above[j - 1]! + weight : 0;
      row[j] = Math.max(diagonal, above[j]!, row[j - 1]!);
    }
    [above, row] = [row, above];
  }
  return above[width]!;
}
