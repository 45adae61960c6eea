/**
 * Whole-word occurrences of a term in a text, for the suggestion sources that
 * look for names (own tags, gazetteers, phrase patterns).
 */

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
const HANGUL = /\p{Script=Hangul}/u;

/**
 * Korean particles that may follow a name in the same word (`서울은`, `정동영의`):
 * a Hangul term followed by one of these (and then a word boundary) still
 * counts as a whole word, as in the reader's selection snapping. Longest first.
 */
export const HANGUL_PARTICLES: readonly string[] = [
  '에서는', '에게서', '으로서', '으로는', '에서', '에게', '께서', '으로', '까지', '부터', '보다', '처럼', '이나', '이랑', '한테', '하고', '와의', '과의', '에는', '에도', '은', '는', '이', '가', '을', '를', '의', '에', '과', '와', '도', '로', '만', '나', '랑',
];

/** One occurrence: UTF-16 offsets into the text, end exclusive. */
export interface TermMatch {
  start: number;
  end: number;
}

function charBefore(text: string, offset: number): string {
  if (offset <= 0) return '';
  const low = text.charCodeAt(offset - 1);
  if (low >= 0xdc00 && low <= 0xdfff && offset >= 2) {
    const high = text.charCodeAt(offset - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(offset - 2, offset);
  }
  return text.slice(offset - 1, offset);
}

function charAt(text: string, offset: number): string {
  const cp = text.codePointAt(offset);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** True when a word boundary lies at `offset`, seen from a match on its left (`after`) or right. */
function isWordChar(ch: string): boolean {
  return ch !== '' && WORD_CHAR.test(ch);
}

function endsAtWordBoundary(text: string, term: string, end: number): boolean {
  const last = charBefore(term, term.length);
  if (!isWordChar(last)) return true;
  const next = charAt(text, end);
  if (!isWordChar(next)) return true;
  if (!HANGUL.test(last)) return false;
  for (const particle of HANGUL_PARTICLES) {
    if (text.startsWith(particle, end) && !isWordChar(charAt(text, end + particle.length))) return true;
  }
  return false;
}

function startsAtWordBoundary(text: string, term: string, start: number): boolean {
  if (!isWordChar(charAt(term, 0))) return true;
  return !isWordChar(charBefore(text, start));
}

/** Escapes `text` for use inside a regular expression with the `u` flag. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Every whole-word occurrence of `term` in `text`, in order. A term's edge
 * that is a letter, digit or mark must meet a non-word character (or the end
 * of the text); an edge that is punctuation (`U.S.`) needs nothing. A Hangul
 * term may be followed by a particle (`HANGUL_PARTICLES`). With
 * `ignoreCase`, letters match by Unicode simple case folding, so offsets are
 * always those of the text as given (never of a lower-cased copy). Overlapping
 * occurrences are all found. A term that is empty or only white space matches
 * nothing.
 */
export function findWholeWords(text: string, term: string, options: { ignoreCase?: boolean } = {}): TermMatch[] {
  if (term.trim() === '') return [];
  // A native substring search first: most terms of a large library are not in a given document at all.
  if (!options.ignoreCase && !text.includes(term)) return [];
  const re = new RegExp(escapeRegExp(term), options.ignoreCase ? 'giu' : 'gu');
  const found: TermMatch[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (startsAtWordBoundary(text, term, start) && endsAtWordBoundary(text, term, end)) found.push({ start, end });
    re.lastIndex = start + charAt(text, start).length;
  }
  return found;
}

const WORD_RUN = /[\p{L}\p{N}\p{M}_]+/gu;
const LEADING_WORD = /^[\p{L}\p{N}\p{M}_]+/u;

/**
 * Whole-word search for many terms in one text: the text's words are indexed
 * once (by lower-cased word), so each term costs a look-up of its first word
 * and a check at each place that word starts, instead of a scan of the whole
 * text. Finds exactly what `findWholeWords` finds; terms it cannot index
 * (starting with punctuation, holding Hangul, or non-ASCII under
 * `ignoreCase`, where case folding can change a word's length) are searched
 * by `findWholeWords`.
 */
export class WholeWordFinder {
  private readonly starts = new Map<string, number[]>();

  constructor(private readonly text: string) {
    for (const m of text.matchAll(WORD_RUN)) {
      const key = m[0].toLowerCase();
      const list = this.starts.get(key);
      if (list) list.push(m.index);
      else this.starts.set(key, [m.index]);
    }
  }

  /** Every whole-word occurrence of `term`, in order (see `findWholeWords`). */
  find(term: string, options: { ignoreCase?: boolean } = {}): TermMatch[] {
    const first = LEADING_WORD.exec(term);
    if (!first || HANGUL.test(term) || (options.ignoreCase && /[^\x20-\x7e]/.test(term))) return findWholeWords(this.text, term, options);
    if (term.trim() === '') return [];
    const candidates = this.starts.get(first[0].toLowerCase());
    if (!candidates) return [];
    const found: TermMatch[] = [];
    const sticky = options.ignoreCase ? new RegExp(escapeRegExp(term), 'iuy') : null;
    for (const start of candidates) {
      let end: number;
      if (sticky) {
        sticky.lastIndex = start;
        const m = sticky.exec(this.text);
        if (!m) continue;
        end = start + m[0].length;
      } else {
        if (!this.text.startsWith(term, start)) continue;
        end = start + term.length;
      }
      if (endsAtWordBoundary(this.text, term, end)) found.push({ start, end });
    }
    return found;
  }
}
