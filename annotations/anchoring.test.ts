import { describe, expect, it } from 'vitest';
import { anchor, describeSpan, MAX_ERROR_RATE, NEAR_WINDOW_MIN } from './anchoring';

const original = 'Noh suggested terminating the working group. Kim agreed to review the working group format.';

describe('anchor', () => {
  it('keeps a span whose position still holds its quote', () => {
    const selector = describeSpan(original, 26, 43);
    expect(anchor(original, selector)).toEqual({ status: 'exact', start: 26, end: 43 });
  });

  it('relocates a quote that moved, choosing the occurrence whose context matches', () => {
    const second = original.lastIndexOf('the working group');
    const selector = describeSpan(original, second, second + 17);
    const edited = `Seoul, 22 June 2021. ${original}`;
    const result = anchor(edited, selector);
    expect(result).toEqual({ status: 'relocated', start: second + 21, end: second + 38 });
  });

  it('finds a quote that changed slightly by approximate search near the old position', () => {
    const selector = describeSpan(original, 0, 43);
    const edited = original.replace('terminating', 'terminatng');
    const result = anchor(edited, selector);
    expect(result.status).toBe('fuzzy');
    if (result.status === 'fuzzy') {
      expect(edited.slice(result.start, result.end)).toBe('Noh suggested terminatng the working group');
      expect(result.errors).toBe(1);
    }
  });

  it('reports an orphan instead of dropping a span whose text is gone', () => {
    const selector = describeSpan(original, 45, 48);
    const result = anchor('Entirely different words.', selector);
    expect(result.status).toBe('orphan');
  });

  it('anchors across CRLF, Hangul and emoji by UTF-16 offsets', () => {
    const text = '통일부 said 🇰🇷\r\nNoh agreed';
    const start = text.indexOf('Noh');
    const selector = describeSpan(text, start, start + 3);
    expect(anchor(`🤝${text}`, selector)).toEqual({ status: 'relocated', start: start + 2, end: start + 5 });
  });

  it('accepts an approximate match with up to a quarter of the quote edited, and no more', () => {
    const quote = 'the allies agreed to revive the working group';
    const limit = Math.floor(quote.length * MAX_ERROR_RATE);
    const text = `Seoul said on Tuesday that ${quote} before the summit.`;
    const start = text.indexOf(quote);
    const selector = describeSpan(text, start, start + quote.length);
    // Replace `n` letters (never a space) with digits: n edits.
    const garble = (n: number) => {
      const chars = [...quote];
      let done = 0;
      for (let i = 0; done < n; i += 3) {
        if (chars[i] === ' ') continue;
        chars[i] = '9';
        done++;
      }
      return text.replace(quote, chars.join(''));
    };
    const atLimit = anchor(garble(limit), selector);
    expect(atLimit).toMatchObject({ status: 'fuzzy', start, errors: limit });
    expect(anchor(garble(limit + 1), selector).status).toBe('orphan');
  });

  it('picks, of two equal approximate matches, the one at the stored position, near or far', () => {
    const filler = 'Delegates met again. '.repeat(Math.ceil((NEAR_WINDOW_MIN * 3) / 21));
    const quote = 'the envoy proposed a standing working group';
    const typo = 'the envoy proposd a standing working group';
    // The same garbled quote near the start and beyond the near window; the selector remembers the far one's position.
    const text = `${typo}. ${filler}${typo}. ${filler}`;
    const far = text.lastIndexOf(typo);
    const selector = { start: far, end: far + quote.length, quote: { exact: quote, prefix: '', suffix: '' } };
    expect(anchor(text, selector)).toMatchObject({ status: 'fuzzy', start: far, errors: 1 });
    const near = { ...selector, start: 0, end: quote.length };
    expect(anchor(text, near)).toMatchObject({ status: 'fuzzy', start: 0, errors: 1 });
  });
});
