import { describe, expect, it } from 'vitest';
import { layOutPdfText, type PdfPageText, type PdfTextPiece } from './pdf-layout';

/** A page from lines of text, top to bottom, 14 pt apart, each one piece at x = 72 (or as given). */
function page(lines: Array<string | { text: string; size?: number; gap?: number; x?: number; width?: number; y?: number }>): PdfPageText {
  let y = 780;
  const pieces: PdfTextPiece[] = [];
  for (const line of lines) {
    const l = typeof line === 'string' ? { text: line } : line;
    y -= 14 + (l.gap ?? 0);
    const size = l.size ?? 11;
    pieces.push({ text: l.text, x: l.x ?? 72, y: l.y ?? y, width: l.width ?? l.text.length * size * 0.5, fontSize: size });
  }
  return { pieces };
}

const FULL = 'x'.repeat(80);

describe('lines in reading order', () => {
  it('orders pieces top to bottom and left to right, whatever order they come in', () => {
    const pieces: PdfTextPiece[] = [
      { text: 'second line', x: 72, y: 700, width: 60, fontSize: 11 },
      { text: 'words', x: 140, y: 714, width: 30, fontSize: 11 },
      { text: 'first line of', x: 72, y: 714, width: 62, fontSize: 11 },
    ];
    expect(layOutPdfText([{ pieces }]).text).toBe('first line of words second line');
  });

  it('puts a space between pieces of a line only where there is a gap and none already', () => {
    const pieces: PdfTextPiece[] = [
      { text: 'Sung', x: 72, y: 700, width: 22, fontSize: 11 },
      { text: 'Kim', x: 94, y: 700, width: 18, fontSize: 11 },
      { text: ' said', x: 112, y: 700, width: 24, fontSize: 11 },
      { text: 'today', x: 150, y: 700, width: 26, fontSize: 11 },
    ];
    expect(layOutPdfText([{ pieces }]).text).toBe('SungKim said today');
  });

  it('keeps pieces whose baselines differ by a little (a superscript, mixed fonts) on one line', () => {
    const pieces: PdfTextPiece[] = [
      { text: 'In Seoul,', x: 72, y: 700, width: 45, fontSize: 11 },
      { text: '정동영 장관은', x: 120, y: 701.5, width: 60, fontSize: 11 },
    ];
    expect(layOutPdfText([{ pieces }]).text).toBe('In Seoul, 정동영 장관은');
  });
});

describe('paragraphs', () => {
  it('joins the lines of a paragraph with spaces and starts a new one after a wider gap', () => {
    const out = layOutPdfText([page([FULL, 'end of the first paragraph here.', { text: 'A second paragraph', gap: 12 }])]);
    expect(out.text).toBe(`${FULL} end of the first paragraph here.\n\nA second paragraph`);
  });

  it('starts a new paragraph at a change of font size (a heading)', () => {
    const out = layOutPdfText([page([{ text: 'Talks resume', size: 18 }, FULL, 'more'])]);
    expect(out.text).toBe(`Talks resume\n\n${FULL} more`);
  });

  it('starts a new paragraph after a short line that ends a sentence, not after a full one', () => {
    const out = layOutPdfText([page([FULL + '.', 'The envoy left.', 'Next day'])]);
    expect(out.text).toBe(`${FULL}. The envoy left.\n\nNext day`);
  });

  it('joins Chinese and Japanese lines without a space, and Hangul lines with one', () => {
    expect(layOutPdfText([page(['北京と東京は', '協議した'])]).text).toBe('北京と東京は協議した');
    expect(layOutPdfText([page(['서울과 워싱턴은', '협의했다'])]).text).toBe('서울과 워싱턴은 협의했다');
  });
});

describe('words hyphenated across lines', () => {
  const join = (a: string, b: string, ...rest: string[]) => layOutPdfText([page([a, b, ...rest])]).text;

  it('rejoins a word broken by a hyphen', () => {
    expect(join('resumed negoti-', 'ations on Monday')).toBe('resumed negotiations on Monday');
  });

  it('keeps the hyphen before a capital or a digit', () => {
    expect(join('a North-', 'Korean observer')).toBe('a North-Korean observer');
    expect(join('after COVID-', '19 rules')).toBe('after COVID-19 rules');
  });

  it('keeps the hyphen after a word in capitals', () => {
    expect(join('the UN-', 'led mission')).toBe('the UN-led mission');
  });

  it('keeps the hyphen when the document writes the word with it and never without', () => {
    expect(join('a well-', 'known envoy, the well-known one')).toBe('a well-known envoy, the well-known one');
    expect(join('a well-', 'known envoy, wellknown')).toBe('a wellknown envoy, wellknown');
  });

  it('drops a soft hyphen at a line end', () => {
    expect(join('negoti\u00ad', 'ations')).toBe('negotiations');
  });

  it('rejoins a word broken across a page', () => {
    const out = layOutPdfText([page([FULL, 'the negoti-']), page(['ations went on.'])]);
    expect(out.text).toBe(`${FULL} the negotiations went on.`);
    expect(out.pages[0]).toEqual({ start: 0, end: FULL.length + ' the negoti'.length });
    expect(out.text.slice(out.pages[1]!.start, out.pages[1]!.end)).toBe('ations went on.');
  });

  it('leaves a dash between words alone', () => {
    expect(join('talks -', 'and more')).toBe('talks - and more');
  });
});

describe('running headers, footers and page numbers', () => {
  const WORDS = ['one', 'two', 'three'];
  const body = (n: number) => [`Body of page ${WORDS[n - 1]} begins here.`, `${FULL} ${WORDS[n - 1]}`, `${FULL} ${WORDS[n - 1]}`, `and ends on page ${WORDS[n - 1]}.`];

  it('leaves out a header and a numbered footer repeated on every page', () => {
    const pages = [1, 2, 3].map((n) => page(['Seoul Policy Review', ...body(n), `Page ${n} of 3`]));
    const out = layOutPdfText(pages);
    expect(out.text).not.toContain('Seoul Policy Review');
    expect(out.text).not.toMatch(/Page \d of 3/u);
    expect(out.removedLines).toBe(6);
    for (const word of WORDS) expect(out.text).toContain(`Body of page ${word}`);
  });

  it('leaves out bare page numbers, in digits, dashes or roman numerals', () => {
    for (const number of [(n: number) => String(n), (n: number) => `- ${n} -`, (n: number) => ['i', 'ii', 'iii'][n - 1]!]) {
      const out = layOutPdfText([1, 2, 3].map((n) => page([...body(n), number(n)])));
      expect(out.text.endsWith('and ends on page three.')).toBe(true);
      expect(out.removedLines).toBe(3);
    }
  });

  it('keeps a line that stands at the edge of one page only, and everything on a one-page document', () => {
    const out = layOutPdfText([page(['Annex A', ...body(1)]), page(body(2)), page(body(3))]);
    expect(out.text.startsWith('Annex A')).toBe(true);
    const single = layOutPdfText([page(['Seoul Policy Review', ...body(1), '1'])]);
    expect(single.text).toContain('Seoul Policy Review');
    expect(single.text.endsWith('1')).toBe(true);
  });

  it('keeps a repeated line that is not at a page edge', () => {
    const pages = WORDS.map((w) => page([`Opening ${w} words.`, FULL, 'Chung said:', FULL, FULL, `closing ${w}.`]));
    const out = layOutPdfText(pages);
    expect(out.text.match(/Chung said:/gu)).toHaveLength(3);
  });

  it('keeps a long first line that differs from page to page only by its figures', () => {
    const long = (n: number) => `In ${2020 + n} the talks on the alliance moved forward on ${n} points, the envoys said.`;
    const out = layOutPdfText([1, 2, 3].map((n) => page([long(n), FULL, FULL, `closing ${WORDS[n - 1]}.`])));
    for (const n of [1, 2, 3]) expect(out.text).toContain(long(n));
  });

  it('keeps a line that repeats at a different height on each page', () => {
    const out = layOutPdfText(WORDS.map((w, i) => page([{ text: 'Chung said:', y: 760 - 30 * i }, FULL, FULL, `closing ${w}.`])));
    expect(out.text.match(/Chung said:/gu)).toHaveLength(3);
  });
});

describe('page ranges', () => {
  it('gives each page the offsets of its own text, in UTF-16 units, emoji and Hangul included', () => {
    const pages = [page(['첫 쪽의 글 😀 first page.']), page(['Second page 🇰🇷 text.']), page([]), page(['Fourth.'])];
    const out = layOutPdfText(pages);
    expect(out.text.slice(out.pages[0]!.start, out.pages[0]!.end)).toBe('첫 쪽의 글 😀 first page.');
    expect(out.text.slice(out.pages[1]!.start, out.pages[1]!.end)).toBe('Second page 🇰🇷 text.');
    expect(out.pages[2]!.start).toBe(out.pages[2]!.end);
    expect(out.text.slice(out.pages[3]!.start, out.pages[3]!.end)).toBe('Fourth.');
    expect(out.pages[3]!.end).toBe(out.text.length);
  });

  it('names the largest line of the first page for a title', () => {
    expect(layOutPdfText([page(['small print', { text: 'The Headline', size: 20 }, 'body'])]).largestFirstPageLine).toBe('The Headline');
  });
});
