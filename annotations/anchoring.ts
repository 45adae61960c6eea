/**
 * Anchoring: describe a span so it can be found again, and find it again in a
 * text that may have changed. Pure functions; offsets are UTF-16 code units.
 *
 * `anchor` tries, in order: the stored position checked against the quote;
 * every exact occurrence of the quote, scored by context and distance from the
 * stored position; an approximate search for the quote. A span that cannot be
 * placed is returned as an orphan, never dropped.
 */
import type { TextQuote } from './model';
import { ellipsis } from './text/ellipsis';

/** How many characters of context to keep either side of a quote. */
export const CONTEXT_LENGTH = 32;

/** Position plus quote: everything needed to find a span again. */
export interface SpanSelector {
  start: number;
  end: number;
  quote: TextQuote;
}

/** Where a span landed, and how. */
export type AnchorResult =
  | { status: 'exact'; start: number; end: number }
  | { status: 'relocated'; start: number; end: number }
  | { status: 'fuzzy'; start: number; end: number; errors: number }
  | { status: 'orphan'; reason: string };

/** Quote and context of `text[start, end)`. Throws RangeError on a span outside the text. */
export function describeSpan(text: string, start: number, end: number): SpanSelector {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
    throw new RangeError(`span [${start}, ${end}) is outside a text of length ${text.length}`);
  }
  return {
    start,
    end,
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
  };
}

/**
 * Weights for scoring candidate placements (higher is better). A candidate
 * scores up to `prefix` for its context before matching the stored prefix,
 * up to `suffix` for the context after, and up to `position` for being near
 * the stored position; an approximate match loses `error` per edit. Context
 * outweighs position, so a quote that moved far keeps its own sentence; one
 * edit outweighs a quarter of the context, so a closer match wins over a
 * better-placed one only when its context is clearly better.
 */
export const ANCHOR_WEIGHTS = { prefix: 20, suffix: 20, position: 2, error: 10 } as const;

/** Edits an approximate match may have, as a share of the quote's length (rounded down; a quote under 4 characters must match exactly). */
export const MAX_ERROR_RATE = 1 / 4;

/** The approximate search looks this far either side of the stored position first (UTF-16 code units)... */
export const NEAR_WINDOW_MIN = 2_000;
/** ...or this many quote lengths, if that is further. */
export const NEAR_WINDOW_QUOTES = 8;

/** Largest text × quote product searched approximately over the whole text, after the window near the position (bounds time on huge documents). */
export const MAX_FUZZY_WORK = 40_000_000;

/** Longest quote shown in an orphan's reason, in UTF-16 code units. */
const REASON_QUOTE_LENGTH = 40;

/** Finds a span in `text`. Never throws. */
export function anchor(text: string, selector: SpanSelector): AnchorResult {
  const { exact } = selector.quote;
  const hint = Number.isInteger(selector.start) ? selector.start : 0;
  if (exact.length === 0) {
    return selector.start >= 0 && selector.start <= text.length && selector.end === selector.start
      ? { status: 'exact', start: selector.start, end: selector.start }
      : { status: 'orphan', reason: 'the span is empty and its position is outside the text' };
  }
  if (selector.start >= 0 && selector.end <= text.length && text.slice(selector.start, selector.end) === exact) {
    return { status: 'exact', start: selector.start, end: selector.end };
  }

  let best: { start: number; score: number } | undefined;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    const score = contextScore(text, at, at + exact.length, selector, hint);
    if (!best || score > best.score) best = { start: at, score };
  }
  if (best) return { status: 'relocated', start: best.start, end: best.start + exact.length };

  const maxErrors = Math.floor(exact.length * MAX_ERROR_RATE);
  if (maxErrors === 0) return { status: 'orphan', reason: `the quote "${ellipsis(exact, REASON_QUOTE_LENGTH)}" no longer occurs in the text` };
  const windows = searchWindows(text.length, exact.length, hint);
  for (const [from, to] of windows) {
    const found = approximateMatches(text, from, to, exact, maxErrors);
    if (found.length === 0) continue;
    let pick = found[0]!;
    let pickScore = -Infinity;
    for (const m of found) {
      const score = contextScore(text, m.start, m.end, selector, hint) - m.errors * ANCHOR_WEIGHTS.error;
      if (score > pickScore) {
        pick = m;
        pickScore = score;
      }
    }
    return { status: 'fuzzy', start: pick.start, end: pick.end, errors: pick.errors };
  }
  return { status: 'orphan', reason: `no passage close enough to "${ellipsis(exact, REASON_QUOTE_LENGTH)}" was found` };
}

function contextScore(text: string, start: number, end: number, selector: SpanSelector, hint: number): number {
  const { prefix, suffix } = selector.quote;
  const before = text.slice(Math.max(0, start - prefix.length), start);
  const after = text.slice(end, end + suffix.length);
  const prefixScore = prefix.length === 0 ? 1 : commonSuffixLength(before, prefix) / prefix.length;
  const suffixScore = suffix.length === 0 ? 1 : commonPrefixLength(after, suffix) / suffix.length;
  const distance = Math.abs(start - hint) / Math.max(1, text.length);
  return ANCHOR_WEIGHTS.prefix * prefixScore + ANCHOR_WEIGHTS.suffix * suffixScore + ANCHOR_WEIGHTS.position * (1 - distance);
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function commonSuffixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}

/** A window around the hint first, then the whole text if the work stays bounded. */
function searchWindows(textLength: number, quoteLength: number, hint: number): Array<[number, number]> {
  const radius = Math.max(NEAR_WINDOW_MIN, quoteLength * NEAR_WINDOW_QUOTES);
  const near: [number, number] = [Math.max(0, hint - radius), Math.min(textLength, hint + radius)];
  const windows: Array<[number, number]> = [near];
  if (textLength * quoteLength <= MAX_FUZZY_WORK && (near[0] > 0 || near[1] < textLength)) windows.push([0, textLength]);
  return windows;
}

interface ApproximateMatch {
  start: number;
  end: number;
  errors: number;
}

/**
 * Sellers' algorithm: every substring of text[from, to) within `maxErrors`
 * edits of `pattern`, reported at the best end of each run of matches.
 */
function approximateMatches(text: string, from: number, to: number, pattern: string, maxErrors: number): ApproximateMatch[] {
  const m = pattern.length;
  let cost = new Int32Array(m + 1);
  let origin = new Int32Array(m + 1);
  let nextCost = new Int32Array(m + 1);
  let nextOrigin = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) {
    cost[i] = i;
    origin[i] = from;
  }
  const matches: ApproximateMatch[] = [];
  let run: ApproximateMatch | undefined;
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    nextCost[0] = 0;
    nextOrigin[0] = j + 1;
    for (let i = 1; i <= m; i++) {
      const substitute = cost[i - 1]! + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      const skipText = cost[i]! + 1;
      const skipPattern = nextCost[i - 1]! + 1;
      if (substitute <= skipText && substitute <= skipPattern) {
        nextCost[i] = substitute;
        nextOrigin[i] = origin[i - 1]!;
      } else if (skipText <= skipPattern) {
        nextCost[i] = skipText;
        nextOrigin[i] = origin[i]!;
      } else {
        nextCost[i] = skipPattern;
        nextOrigin[i] = nextOrigin[i - 1]!;
      }
    }
    [cost, nextCost] = [nextCost, cost];
    [origin, nextOrigin] = [nextOrigin, origin];
    const errors = cost[m]!;
    if (errors <= maxErrors) {
      const candidate = { start: origin[m]!, end: j + 1, errors };
      if (!run || candidate.start > run.end) {
        if (run) matches.push(run);
        run = candidate;
      } else if (candidate.errors < run.errors) {
        run = candidate;
      }
    }
  }
  if (run) matches.push(run);
  return matches;
}
