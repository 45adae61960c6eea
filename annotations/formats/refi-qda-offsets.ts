/**
 * How REFI-QDA producers count `startPosition` and `endPosition`. The
 * standard counts Unicode code points, but tools differ: NVivo for Windows
 * counts UTF-16 code units (an emoji is two) over text with CRLF line ends,
 * and ATLAS.ti counts a CRLF line end as one character. Parley takes the
 * counting from the project's `origin` (the producing software) and checks it
 * against the quotes that selections carry in their `name`; when another
 * counting fits the quotes better, that one is used and the doubt reported.
 */

/** A way of counting positions in a text. */
export type RefiCounting = 'code-points' | 'utf16' | 'crlf-as-one';

/** Every counting, in the order ties are broken after the origin's own. */
export const REFI_COUNTINGS: readonly RefiCounting[] = ['code-points', 'utf16', 'crlf-as-one'];

/** How each counting is described in reports. */
export const COUNTING_DESCRIPTIONS: Readonly<Record<RefiCounting, string>> = {
  'code-points': 'Unicode code points (the standard)',
  utf16: 'UTF-16 code units (as NVivo for Windows writes)',
  'crlf-as-one': 'code points with CRLF as one character (as ATLAS.ti writes)',
};

/** The counting a producer uses, from the project's `origin` attribute, with the reason in words. */
export function countingForOrigin(origin: string | undefined): { counting: RefiCounting; reason: string } {
  const o = origin ?? '';
  if (/nvivo/i.test(o) && !/\bmac/i.test(o)) return { counting: 'utf16', reason: `origin "${o}" is NVivo for Windows` };
  if (/atlas\.?\s*ti/i.test(o)) return { counting: 'crlf-as-one', reason: `origin "${o}" is ATLAS.ti` };
  return { counting: 'code-points', reason: o ? `origin "${o}" counts code points, as the standard says` : 'no origin is given; the standard counts code points' };
}

/**
 * Converts positions of one counting in `text` to UTF-16 offsets in
 * O(log n) after an O(n) scan. A position that falls inside a character the
 * counting takes as one (a surrogate pair; a CRLF for `crlf-as-one`) cannot
 * be asked for: every position maps to a character boundary.
 */
export class PositionMap {
  /** UTF-16 offsets at which a two-unit character the counting takes as one begins, ascending. */
  private readonly doubles: number[] = [];
  /** The text's length in this counting. */
  readonly length: number;

  constructor(text: string, readonly counting: RefiCounting) {
    if (counting !== 'utf16') {
      for (let i = 0; i + 1 < text.length; i++) {
        const c = text.charCodeAt(i);
        const d = text.charCodeAt(i + 1);
        const pair = c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff;
        const crlf = counting === 'crlf-as-one' && c === 13 && d === 10;
        if (pair || crlf) {
          this.doubles.push(i);
          i++;
        }
      }
    }
    this.length = text.length - this.doubles.length;
  }

  /** The UTF-16 offset of `position`, or -1 when it is not an integer in [0, length]. */
  toUtf16(position: number): number {
    if (!Number.isInteger(position) || position < 0 || position > this.length) return -1;
    // The k-th double begins at position doubles[k] - k; each one before `position` adds a unit.
    let lo = 0;
    let hi = this.doubles.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.doubles[mid]! - mid < position) lo = mid + 1;
      else hi = mid;
    }
    return position + lo;
  }
}

/** Whitespace runs as one space, ends trimmed: quotes in attribute values lose their line breaks to XML. */
function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Whether a selection's `name` is its quote: equal to the text at its
 * offsets when whitespace is squashed, or, when the tool shortened it (a
 * trailing "..." or "…"), a prefix of at least ten characters of it.
 */
export function nameMatchesQuote(name: string, quote: string): boolean {
  const n = squash(name);
  const q = squash(quote);
  if (n === '' || q === '') return false;
  if (n === q) return true;
  const cut = /(?:\.\.\.|…)$/.exec(n);
  const stem = cut ? n.slice(0, -cut[0].length).trimEnd() : undefined;
  return stem !== undefined && stem.length >= 10 && q.startsWith(stem);
}

/** One selection as read: its positions and the `name` it carries, if any. */
export interface PositionedName {
  start: number;
  end: number;
  name?: string;
}

/** The counting chosen for one text, and what the quotes said about it. */
export interface CountingChoice {
  counting: RefiCounting;
  /** Selections whose name matched their text under the chosen counting. */
  confirmed: number;
  /** Selections whose name looks like a quote (matched under some counting) but not under the chosen one. */
  contradicted: number;
  /** Why another counting than the origin's was chosen; undefined when the origin's was kept. */
  overruled?: string;
}

/** The text at `[start, end)` under `map`, or undefined when the positions do not fit. */
function textAt(text: string, map: PositionMap, start: number, end: number): string | undefined {
  const s = map.toUtf16(start);
  const e = map.toUtf16(end);
  return s < 0 || e < 0 || e <= s ? undefined : text.slice(s, e);
}

/**
 * Picks the counting for one text: the origin's, unless the selections'
 * quotes fit another counting strictly better. Counts as contradicting the
 * choice every selection whose name fits another counting, or occurs in the
 * text but not at its positions. Where all countings agree on
 * the text (no CRLF, nothing outside the BMP) the origin's is kept.
 */
export function chooseCounting(text: string, selections: readonly PositionedName[], origin: RefiCounting): CountingChoice {
  const maps = new Map(REFI_COUNTINGS.map((c) => [c, new PositionMap(text, c)]));
  const matches = new Map<RefiCounting, Set<number>>(REFI_COUNTINGS.map((c) => [c, new Set<number>()]));
  selections.forEach((s, i) => {
    if (!s.name) return;
    for (const c of REFI_COUNTINGS) {
      const quote = textAt(text, maps.get(c)!, s.start, s.end);
      if (quote !== undefined && nameMatchesQuote(s.name, quote)) matches.get(c)!.add(i);
    }
  });
  // A name is taken for a quote when it fits some counting, or occurs in the text somewhere
  // (a quote at the wrong place); other names ("Segment 3") say nothing about positions.
  const quoteLike = new Set<number>();
  for (const m of matches.values()) for (const i of m) quoteLike.add(i);
  const flat = selections.some((s, i) => s.name && !quoteLike.has(i)) ? squash(text) : '';
  selections.forEach((s, i) => {
    const name = s.name ? squash(s.name) : '';
    if (name.length >= 3 && flat.includes(name)) quoteLike.add(i);
  });
  const order = [origin, ...REFI_COUNTINGS.filter((c) => c !== origin)];
  let best = origin;
  for (const c of order) if (matches.get(c)!.size > matches.get(best)!.size) best = c;
  const confirmed = matches.get(best)!.size;
  const choice: CountingChoice = { counting: best, confirmed, contradicted: quoteLike.size - confirmed };
  if (best !== origin) choice.overruled = `${confirmed} of ${quoteLike.size} selection quotes fit ${COUNTING_DESCRIPTIONS[best]}, against ${matches.get(origin)!.size} for ${COUNTING_DESCRIPTIONS[origin]}`;
  return choice;
}
