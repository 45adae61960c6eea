import { describe, expect, it } from 'vitest';
import { matchContext } from './match-context';

describe('matchContext', () => {
  it('shows the match with context either side, cut with an ellipsis, line breaks as spaces', () => {
    const text = 'Seoul and Washington met in Geneva.\r\nThe working group met again in May.';
    const start = text.indexOf('working group');
    expect(matchContext(text, { start, end: start + 13 }, 12)).toEqual({ before: '…eneva. The ', match: 'working group', after: ' met again i…' });
    expect(matchContext(text, { start: 0, end: 5 }, 4)).toEqual({ before: '', match: 'Seoul', after: ' and…' });
    const end = text.length;
    expect(matchContext(text, { start: end - 4, end }, 100).after).toBe('');
  });

  it('never cuts an emoji in half, and keeps Hangul whole', () => {
    const text = '👥👥 회의 working group 🤝🤝';
    const start = text.indexOf('working');
    // A cut one code unit into the emoji pair on either side widens to the whole emoji.
    const cut = matchContext(text, { start, end: start + 13 }, 6);
    expect(cut.before).toBe('…👥 회의 ');
    expect(cut.after).toBe(' 🤝🤝');
    for (const part of [cut.before, cut.after]) expect(part).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });
});
