/**
 * From positioned pieces of text on PDF pages to one readable text: lines
 * rebuilt in reading order, joined into paragraphs, words hyphenated across
 * lines rejoined, running headers, footers and page numbers left out where
 * they repeat, and each page's range in the text kept. Plain functions, so
 * every rule is tested on pieces laid out by hand as well as on real PDFs.
 *
 * The rules (docs/formats/sources.md says the same in words):
 * - Reading order: pieces sorted top to bottom, then left to right; pieces
 *   whose baselines lie within half a font size of each other form one line.
 *   Two columns side by side therefore read across, line by line.
 * - A gap between two pieces of a line wider than a sixth of the font size is
 *   a space, unless one side already has one.
 * - A new paragraph starts where the gap between baselines is more than 1.6
 *   times the page's usual line spacing (the median gap, at most 1.5 times the
 *   median font size), where the font size changes by more
 *   than a fifth (a heading), or after a line that ends a sentence well short
 *   of the page's right edge (under 80% of the longest line's width).
 * - Lines of one paragraph are joined with a space; between Chinese or
 *   Japanese characters with nothing.
 * - A line ending in a letter and a hyphen, followed by a line starting with
 *   a letter, is a word broken across lines. It is joined without the hyphen
 *   ("negoti-" + "ations"), except when the next part starts with a capital
 *   or a digit ("North-" + "Korean", "COVID-" + "19"), when the first part is
 *   in capitals ("UN-" + "led"), or when the hyphenated word occurs elsewhere
 *   in the document with its hyphen and never without ("well-" + "known"
 *   where the text also says "well-known"): those keep the hyphen. A soft
 *   hyphen (U+00AD) is always dropped.
 * - A line among the two at the top or bottom of a page is a running header
 *   or footer when the same line (its digits ignored if it has at most ten
 *   words) stands at the same height, give or take 3 points, among the top
 *   or bottom lines of at least two pages and 40% of them; a line that is only a
 *   page number ("7", "- 7 -", "Page 7 of 30", "vii") there is dropped when
 *   at least two pages have one. Both are left out of the text.
 * - Paragraphs are separated by a blank line ("\n\n"). A paragraph continues
 *   onto the next page when its last line ends in a broken word, or when the
 *   next page's first line begins in lower case.
 */

/** A piece of text at a place on a page, as a PDF reader reports it. */
export interface PdfTextPiece {
  text: string;
  /** Left edge, in points from the page's left. */
  x: number;
  /** Baseline, in points from the page's bottom (PDF space: up is larger). */
  y: number;
  width: number;
  fontSize: number;
}

/** One page's pieces, in any order. */
export interface PdfPageText {
  pieces: PdfTextPiece[];
}

/** A page's range in the extracted text: UTF-16 offsets, end exclusive. Empty pages have start = end. */
export interface PageRange {
  start: number;
  end: number;
}

/** The text laid out, the range of each page in it, and the page-1 line set largest (a heading, for a title). */
export interface PdfLayoutResult {
  text: string;
  pages: PageRange[];
  largestFirstPageLine: string;
  /** How many header, footer and page-number lines were left out. */
  removedLines: number;
}

interface Line {
  text: string;
  y: number;
  left: number;
  right: number;
  fontSize: number;
}

const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
const LETTER = /\p{L}/u;
const UPPER_OR_DIGIT = /^[\p{Lu}\p{Lt}\p{N}]/u;
const SENTENCE_END = /[.!?。！？:;"”’)\]]$/u;
const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:(?:page|p\.|seite|página|페이지)\s*)?(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:of|\/|de|von)\s*\d{1,4})?(?:\s*[-–—])?$/iu;

/** Rebuilds the lines of one page, top to bottom, each from its pieces left to right. */
export function pageLines(page: PdfPageText): Line[] {
  const pieces = page.pieces.filter((p) => p.text.length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Array<{ y: number; size: number; pieces: PdfTextPiece[] }> = [];
  for (const piece of pieces) {
    const size = piece.fontSize > 0 ? piece.fontSize : 10;
    const line = lines.find((l) => Math.abs(l.y - piece.y) < Math.max(l.size, size) / 2);
    if (line) {
      line.pieces.push(piece);
      line.size = Math.max(line.size, size);
    } else lines.push({ y: piece.y, size, pieces: [piece] });
  }
  lines.sort((a, b) => b.y - a.y);
  const out: Line[] = [];
  for (const line of lines) {
    line.pieces.sort((a, b) => a.x - b.x);
    let text = '';
    let lastEnd = -Infinity;
    for (const piece of line.pieces) {
      const gap = piece.x - lastEnd;
      if (text && gap > line.size / 6 && !/\s$/u.test(text) && !/^\s/u.test(piece.text)) text += ' ';
      text += piece.text;
      lastEnd = Math.max(lastEnd, piece.x + piece.width);
    }
    const trimmed = text.replace(/\s+/gu, ' ').trim();
    if (!trimmed) continue;
    out.push({ text: trimmed, y: line.y, left: line.pieces[0]!.x, right: lastEnd, fontSize: line.size });
  }
  return out;
}

/** A line as it is compared across pages: digits ignored, spaces and case folded. */
function runningKey(text: string): string {
  return text.toLowerCase().replace(/\d+/gu, '#').replace(/\s+/gu, ' ').trim();
}

const EDGE_LINES = 2;

function edgeIndexes(count: number): number[] {
  const set = new Set<number>();
  for (let i = 0; i < Math.min(EDGE_LINES, count); i++) {
    set.add(i);
    set.add(count - 1 - i);
  }
  return [...set];
}

/** Most words a line may have to count as a running header or footer when it differs from the others by its digits. */
const RUNNING_WORDS = 10;

/** How far (in points) the same running line may move from page to page. */
const RUNNING_DRIFT = 3;

/** Drops running headers, footers and page numbers from each page's lines (see the module's rules). */
export function withoutRunningLines(pages: Line[][]): { pages: Line[][]; removed: number } {
  // A line's key: its text with digits ignored when it is short, its text as is when long; and where it stands.
  const keyOf = (line: Line) => `${Math.round(line.y / RUNNING_DRIFT)}|${line.text.split(' ').length <= RUNNING_WORDS ? runningKey(line.text) : line.text}`;
  const counts = new Map<string, number>();
  let numbered = 0;
  for (const lines of pages) {
    const keys = new Set(edgeIndexes(lines.length).map((i) => keyOf(lines[i]!)));
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    if (edgeIndexes(lines.length).some((i) => PAGE_NUMBER.test(lines[i]!.text))) numbered++;
  }
  const needed = Math.max(2, Math.ceil(pages.length * 0.4));
  let removed = 0;
  const kept = pages.map((lines) => {
    const edges = new Set(edgeIndexes(lines.length));
    return lines.filter((line, i) => {
      if (!edges.has(i)) return true;
      const drop = (counts.get(keyOf(line)) ?? 0) >= needed || (numbered >= 2 && PAGE_NUMBER.test(line.text));
      if (drop) removed++;
      return !drop;
    });
  });
  return { pages: kept, removed };
}

/** The words of a text, lower-cased, with and without their hyphens, for the hyphenation rule. */
function hyphenEvidence(pages: Line[][]): { plain: Set<string>; hyphenated: Set<string> } {
  const plain = new Set<string>();
  const hyphenated = new Set<string>();
  for (const lines of pages) {
    for (const line of lines) {
      for (const word of line.text.toLowerCase().match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? []) {
        (word.includes('-') ? hyphenated : plain).add(word);
      }
    }
  }
  return { plain, hyphenated };
}

/** How two lines of one paragraph meet: what goes between them, and how much of the first line's end to drop. */
function joinLines(before: string, after: string, evidence: { plain: Set<string>; hyphenated: Set<string> }): { drop: number; glue: string } {
  if (before.endsWith('\u00ad')) return { drop: 1, glue: '' };
  const broken = /([\p{L}]+)[-\u2010]$/u.exec(before);
  if (broken && LETTER.test(after[0] ?? '')) {
    const left = broken[1]!;
    const right = /^[\p{L}\p{N}]+/u.exec(after)?.[0] ?? '';
    const keep =
      UPPER_OR_DIGIT.test(right) ||
      (left.length > 1 && left === left.toUpperCase() && left !== left.toLowerCase()) ||
      (evidence.hyphenated.has(`${left}-${right}`.toLowerCase()) && !evidence.plain.has(`${left}${right}`.toLowerCase()));
    return keep ? { drop: 0, glue: '' } : { drop: 1, glue: '' };
  }
  if (/[-\u2010]$/u.test(before) && /^\p{N}/u.test(after)) return { drop: 0, glue: '' };
  if (CJK.test(before.slice(-1)) && CJK.test(after[0] ?? '')) return { drop: 0, glue: '' };
  return { drop: 0, glue: ' ' };
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Whether `line` begins a new paragraph after `previous` on the same page. */
function startsParagraph(previous: Line, line: Line, spacing: number, fullWidth: number): boolean {
  const gap = previous.y - line.y;
  if (gap > spacing * 1.6) return true;
  const ratio = line.fontSize / previous.fontSize;
  if (ratio > 1.2 || ratio < 1 / 1.2) return true;
  const width = previous.right - previous.left;
  return SENTENCE_END.test(previous.text) && width < fullWidth * 0.8;
}

/** Lays out a whole PDF's pages as one text (see the module's rules). */
export function layOutPdfText(input: PdfPageText[]): PdfLayoutResult {
  const raw = input.map(pageLines);
  const firstLines = raw[0] ?? [];
  const largest = firstLines.reduce<Line | undefined>((best, l) => (!best || l.fontSize > best.fontSize + 0.01 ? l : best), undefined);
  const { pages, removed } = withoutRunningLines(raw);
  const evidence = hyphenEvidence(pages);
  // The text is built from parts; only the last part (the line just placed) is ever changed, so it is never copied whole.
  const parts: string[] = [];
  let length = 0;
  const append = (piece: string) => {
    parts.push(piece);
    length += piece.length;
  };
  /** Joins `line` to the line placed last, by the hyphenation and spacing rules. */
  const joinTo = (line: Line) => {
    const last = parts[parts.length - 1] ?? '';
    const { drop, glue } = joinLines(last, line.text, evidence);
    if (drop > 0) {
      parts[parts.length - 1] = last.slice(0, last.length - drop);
      length -= drop;
    }
    append(glue);
  };
  const ranges: PageRange[] = [];
  let previous: Line | undefined;
  for (const lines of pages) {
    const gaps: number[] = [];
    for (let i = 1; i < lines.length; i++) {
      const gap = lines[i - 1]!.y - lines[i]!.y;
      if (gap > 0) gaps.push(gap);
    }
    // The usual spacing, but never more than 1.5 font sizes: on a page of few lines, the one gap may be a paragraph's.
    const size = median(lines.map((l) => l.fontSize)) ?? 10;
    const spacing = Math.min(median(gaps) ?? size * 1.5, size * 1.5);
    const fullWidth = Math.max(0, ...lines.map((l) => l.right - l.left));
    let start = -1;
    for (const [i, line] of lines.entries()) {
      if (previous === undefined) {
        // the first line of the text
      } else if (i === 0) {
        const continues = /[\p{L}][-\u2010\u00ad]$/u.test(previous.text) || /^\p{Ll}/u.test(line.text);
        if (continues) {
          joinTo(line);
          // A hyphen dropped at the end of the last page shortens it.
          const last = ranges[ranges.length - 1];
          if (last && last.end > length) last.end = Math.max(last.start, length);
        } else append('\n\n');
      } else if (startsParagraph(previous, line, spacing, fullWidth)) {
        append('\n\n');
      } else {
        joinTo(line);
      }
      if (start === -1) start = length;
      append(line.text);
      previous = line;
    }
    ranges.push(start === -1 ? { start: length, end: length } : { start, end: length });
  }
  return { text: parts.join(''), pages: ranges, largestFirstPageLine: largest?.text ?? '', removedLines: removed };
}
