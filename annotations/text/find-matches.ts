/**
 * Searching a document's text: plain or regular expression, optionally case
 * sensitive or whole word. Pure; returns UTF-16 ranges.
 */
import { fail, ok, type Result } from '../result';
import { isWordChar, type TextSpan } from './word-boundaries';

/** What to search for and how. */
export interface SearchQuery {
  /** The text or pattern. An empty query matches nothing. */
  query: string;
  caseSensitive: boolean;
  /** Only matches with no letter or digit directly before or after them. */
  wholeWord: boolean;
  /** Treat `query` as a JavaScript regular expression (Unicode mode). */
  regexp: boolean;
}

/** The matches of a search, in order. */
export interface SearchMatches {
  ranges: TextSpan[];
  /** True if the search stopped at the limit and more matches may exist. */
  truncated: boolean;
}

/** Most matches returned unless a caller asks for another limit. */
export const DEFAULT_MATCH_LIMIT = 100_000;

/** A regular expression for a query, or a failure saying why the pattern is invalid. */
export function compileQuery(query: SearchQuery): Result<RegExp> {
  const source = query.regexp ? query.query : query.query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  try {
    return ok(new RegExp(source, query.caseSensitive ? 'gmu' : 'gimu'));
  } catch (error) {
    return fail('invalid-input', `invalid regular expression: ${(error as Error).message}`);
  }
}

function isWholeWord(text: string, start: number, end: number): boolean {
  const before = start > 0 ? String.fromCodePoint(text.codePointAt(start - 1 - (isLowSurrogate(text, start - 1) ? 1 : 0)) ?? 0) : '';
  const after = end < text.length ? String.fromCodePoint(text.codePointAt(end) ?? 0) : '';
  return !isWordChar(before) && !isWordChar(after);
}

function isLowSurrogate(text: string, index: number): boolean {
  const c = text.charCodeAt(index);
  return c >= 0xdc00 && c <= 0xdfff && index > 0 && text.charCodeAt(index - 1) >= 0xd800 && text.charCodeAt(index - 1) <= 0xdbff;
}

/**
 * Every non-empty match of `query` in `text`, in order, up to `limit`.
 * Empty matches (a pattern such as `a*` between letters) are skipped. Fails
 * with `invalid-input` when the regular expression does not compile.
 */
export function findMatches(text: string, query: SearchQuery, limit = DEFAULT_MATCH_LIMIT): Result<SearchMatches> {
  if (query.query === '') return ok({ ranges: [], truncated: false });
  const compiled = compileQuery(query);
  if (!compiled.ok) return compiled;
  const pattern = compiled.value;
  const ranges: TextSpan[] = [];
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (end === start) {
      // Step over the empty match by one character (a whole surrogate pair in Unicode mode).
      pattern.lastIndex = start + (isLowSurrogate(text, start + 1) ? 2 : 1);
      continue;
    }
    if (query.wholeWord && !isWholeWord(text, start, end)) {
      // Retry one character further on, so "cat" can still match in "concat cat".
      pattern.lastIndex = start + (isLowSurrogate(text, start + 1) ? 2 : 1);
      continue;
    }
    if (ranges.length === limit) return ok({ ranges, truncated: true });
    ranges.push({ start, end });
  }
  return ok({ ranges, truncated: false });
}
