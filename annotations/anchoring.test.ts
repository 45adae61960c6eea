import { describe, expect, it } from 'vitest';
import { anchor, describeSpan } from './anchoring';

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
});
