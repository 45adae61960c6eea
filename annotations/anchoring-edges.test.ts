/**
 * The edges of describing and anchoring spans: bounds, the empty span, ties,
 * overlapping occurrences, partial context, and the limit on searching a huge
 * text. Written against the mutants `npm run mutate` left alive.
 */
import { describe, expect, it } from 'vitest';
import { anchor, CONTEXT_LENGTH, describeSpan, MAX_FUZZY_WORK, NEAR_WINDOW_MIN, type SpanSelector } from './anchoring';

const TEXTS = {
  ascii: 'The envoys met in Geneva and agreed to meet again before the end of the year.',
  crlf: 'Line one of the minutes.\r\nThe envoys met in Geneva.\r\nThey agreed to meet again.',
  hangul: '통일부는 회담을 환영했다. The envoys met in 판문점 and agreed to meet again.',
  emoji: 'The envoys 🤝 met in Geneva 🇨🇭 and agreed 👍 to meet again before the year ended.',
};

function selector(exact: string, start: number, prefix = '', suffix = ''): SpanSelector {
  return { start, end: start + exact.length, quote: { exact, prefix, suffix } };
}

describe('describeSpan', () => {
  for (const [name, text] of Object.entries(TEXTS)) {
    it(`keeps exactly ${CONTEXT_LENGTH} code units of context either side, fewer at the ends (${name})`, () => {
      const start = text.indexOf('met');
      const end = text.length - 4;
      const span = describeSpan(text, start, end);
      expect(span).toEqual({ start, end, quote: { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start), suffix: text.slice(end) } });
      expect(span.quote.suffix).toHaveLength(4);
      const middle = Math.floor(text.length / 2);
      const inner = describeSpan(`${'x'.repeat(40)}${text}${'y'.repeat(40)}`, 40 + middle, 41 + middle);
      expect(inner.quote.prefix).toBe(`${'x'.repeat(40)}${text}`.slice(8 + middle, 40 + middle));
      expect(inner.quote.suffix).toBe(`${text}${'y'.repeat(40)}`.slice(middle + 1, middle + 1 + CONTEXT_LENGTH));
      expect(describeSpan(text, 0, text.length).quote).toEqual({ exact: text, prefix: '', suffix: '' });
      expect(describeSpan(text, text.length, text.length).quote).toEqual({ exact: '', prefix: text.slice(-CONTEXT_LENGTH), suffix: '' });
    });
  }

  it('refuses every span outside the text with a RangeError naming it', () => {
    const text = TEXTS.ascii;
    for (const [start, end] of [
      [1.5, 4],
      [1, 4.5],
      [-1, 4],
      [5, 4],
      [0, text.length + 1],
      [Number.NaN, 3],
    ] as const) {
      expect(() => describeSpan(text, start, end)).toThrow(RangeError);
      expect(() => describeSpan(text, start, end)).toThrow(`span [${start}, ${end}) is outside a text of length ${text.length}`);
    }
  });
});

describe('anchor: the empty span', () => {
  const text = TEXTS.hangul;
  it('stays where it was anywhere from the start to the end of the text', () => {
    for (const at of [0, 5, text.length]) expect(anchor(text, selector('', at))).toEqual({ status: 'exact', start: at, end: at });
  });

  it('is an orphan when its position is outside the text or it claims a length', () => {
    for (const s of [selector('', -1), selector('', text.length + 1), { ...selector('', 3), end: 4 }]) {
      expect(anchor(text, s)).toEqual({ status: 'orphan', reason: 'the span is empty and its position is outside the text' });
    }
  });
});

describe('anchor: the stored position', () => {
  it('does not trust a position that only matches because slicing clamps it', () => {
    // text.slice(-6, 3) and text.slice(10, 99) both give the quote, but neither position is in the text.
    const text = 'abc and more, then abc';
    // slice(-3, 22) is the last "abc"; the nearest occurrence to position -3 is the first.
    expect(anchor(text, { start: -3, end: 22, quote: { exact: 'abc', prefix: '', suffix: '' } })).toEqual({ status: 'relocated', start: 0, end: 3 });
    expect(anchor(text, { start: 19, end: 99, quote: { exact: 'abc', prefix: '', suffix: '' } })).toEqual({ status: 'relocated', start: 19, end: 22 });
  });
});

describe('anchor: spans at the ends of the text', () => {
  for (const [name, text] of Object.entries(TEXTS)) {
    it(`keeps a span at the very start or the very end where it is (${name})`, () => {
      // The same words occur again inside, so a search would give another answer or another status.
      const doubled = `${text} ${text}`;
      expect(anchor(doubled, describeSpan(doubled, 0, 10))).toEqual({ status: 'exact', start: 0, end: 10 });
      expect(anchor(doubled, describeSpan(doubled, doubled.length - 10, doubled.length))).toEqual({ status: 'exact', start: doubled.length - 10, end: doubled.length });
    });
  }
});

describe('anchor: choosing among exact occurrences', () => {
  it('takes the first of two occurrences that score the same', () => {
    // "cat" at 0 and at 4, both two code units from the stored position, no context either side.
    expect(anchor('cat.cat', selector('cat', 2))).toEqual({ status: 'relocated', start: 0, end: 3 });
  });

  it('finds an occurrence that overlaps the one before it', () => {
    const moved = 'Xbanana';
    expect(anchor(moved, selector('ana', 3, 'ban', ''))).toEqual({ status: 'relocated', start: 4, end: 7 });
  });

  it('prefers the occurrence whose prefix matches further back, whichever comes first', () => {
    const text = 'north side: the talks resumed. south side: the talks resumed.';
    const first = text.indexOf('the talks');
    const second = text.lastIndexOf('the talks');
    // Both occurrences end their prefix with " side: "; only the second one has "south" before it.
    expect(anchor(text, selector('the talks', 0, 'south side: ', ''))).toEqual({ status: 'relocated', start: second, end: second + 9 });
    expect(anchor(text, selector('the talks', text.length, 'north side: ', ''))).toEqual({ status: 'relocated', start: first, end: first + 9 });
  });

  it('prefers the occurrence whose suffix matches further on, whichever comes first', () => {
    const text = 'the talks resumed on Monday; the talks resumed on Friday.';
    const second = text.lastIndexOf('the talks');
    expect(anchor(text, selector('the talks', 1, '', ' resumed on Friday'))).toEqual({ status: 'relocated', start: second, end: second + 9 });
    expect(anchor(text, selector('the talks', text.length, '', ' resumed on Monday'))).toEqual({ status: 'relocated', start: 0, end: 9 });
  });

  it('without context, takes the occurrence nearest the stored position, before or after it', () => {
    const text = `Geneva ${'.'.repeat(50)} Geneva ${'.'.repeat(50)} Geneva`;
    const at = [0, 58, 116];
    expect(anchor(text, selector('Geneva', 50))).toMatchObject({ start: at[1] });
    expect(anchor(text, selector('Geneva', 70))).toMatchObject({ start: at[1] });
    expect(anchor(text, selector('Geneva', 20))).toMatchObject({ start: at[0] });
    expect(anchor(text, selector('Geneva', 110))).toMatchObject({ start: at[2] });
  });
});

describe('anchor: approximate matches', () => {
  const quote = 'the envoys agreed to meet again';
  const typo = 'the envoys agred to meet again';

  it('picks the approximate match whose context matches, even when it is not the first', () => {
    const text = `In Seoul ${typo}. In Tokyo ${typo}.`;
    const second = text.lastIndexOf(typo);
    expect(anchor(text, selector(quote, 0, 'In Tokyo ', '.'))).toEqual({ status: 'fuzzy', start: second, end: second + typo.length, errors: 1 });
    expect(anchor(text, selector(quote, second, 'In Seoul ', '.'))).toEqual({ status: 'fuzzy', start: 9, end: 9 + typo.length, errors: 1 });
  });

  it('takes the first of two approximate matches that score the same', () => {
    // Both garbled copies lie 16 code units from the stored position.
    const text = `${typo}  ${typo}`;
    expect(typo.length).toBe(30);
    expect(anchor(text, selector(quote, 16))).toEqual({ status: 'fuzzy', start: 0, end: typo.length, errors: 1 });
  });

  it('prefers fewer edits when the context is the same', () => {
    const worse = 'the envys agred to meet agin';
    const text = `${worse}; ${typo}; `;
    const second = text.indexOf(typo);
    expect(anchor(text, selector(quote, 0))).toEqual({ status: 'fuzzy', start: second, end: second + typo.length, errors: 1 });
  });

  it('reports each separate approximate match, not one stretched over both', () => {
    const text = `${typo} ${typo}`;
    const second = typo.length + 1;
    expect(anchor(text, selector(quote, second))).toEqual({ status: 'fuzzy', start: second, end: second + typo.length, errors: 1 });
    expect(anchor(text, selector(quote, 1))).toEqual({ status: 'fuzzy', start: 0, end: typo.length, errors: 1 });
  });

  it('searches the whole text only while the work stays bounded', () => {
    const filler = 'Delegates met again. ';
    const near = NEAR_WINDOW_MIN * 2;
    // Small text: the match far from the stored position is found.
    const small = `${typo}. ${filler.repeat(Math.ceil(near / filler.length))}`;
    expect(anchor(small, selector(quote, small.length - 1))).toMatchObject({ status: 'fuzzy', start: 0, errors: 1 });
    // Huge text: only the window near the stored position is searched, so the same match is an orphan.
    const huge = `${typo}. ${filler.repeat(Math.ceil(MAX_FUZZY_WORK / quote.length / filler.length) + 1)}`;
    expect(huge.length * quote.length).toBeGreaterThan(MAX_FUZZY_WORK);
    expect(anchor(huge, selector(quote, huge.length - 1)).status).toBe('orphan');
    // ...but a match inside the near window of the huge text is still found.
    expect(anchor(huge, selector(quote, 100))).toMatchObject({ status: 'fuzzy', start: 0, errors: 1 });
  });

  it('names the quote in an orphan’s reason, shortened', () => {
    const long = 'the envoys agreed to meet again before the end of the year in Geneva';
    expect(anchor(TEXTS.emoji, selector(long, 0))).toEqual({ status: 'orphan', reason: 'no passage close enough to "the envoys agreed to meet again before…" was found' });
    // Under four code units a quote must match exactly, so no approximate search is tried.
    expect(anchor(TEXTS.emoji, selector('Osl', 0))).toEqual({ status: 'orphan', reason: 'the quote "Osl" no longer occurs in the text' });
    expect(anchor(TEXTS.emoji, selector('Oslo', 0))).toEqual({ status: 'orphan', reason: 'no passage close enough to "Oslo" was found' });
  });
});
