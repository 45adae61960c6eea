import { describe, expect, it } from 'vitest';
import { hasLoneSurrogate, toServerJson } from './server-json';

describe('toServerJson', () => {
  it('replaces lone surrogates, high or low, at either edge or inside, and keeps pairs, Hangul, CRLF and backslashes', () => {
    const emoji = '🗳️';
    const cases: Array<[string, string]> = [
      [emoji.slice(1), '\ufffd\ufe0f'],
      [`ab${'🇰🇷'.slice(0, 1)}`, 'ab\ufffd'],
      [`x${'😀'.slice(1)}y${'😀'.slice(0, 1)}z`, 'x\ufffdy\ufffdz'],
      ['통일부 🏛️\r\n', '통일부 🏛️\r\n'],
      ['a\\ud800b', 'a\\ud800b'],
      ['\\\\', '\\\\'],
    ];
    for (const [input, expected] of cases) {
      const json = toServerJson({ prefix: input });
      expect(JSON.parse(json)).toEqual({ prefix: expected });
      expect(json).not.toMatch(/(?<!\\)(?:\\\\)*\\ud[89a-f]/i);
    }
  });

  it('finds lone surrogates and only those', () => {
    expect(hasLoneSurrogate('Busan 🇰🇷 통일부\r\n')).toBe(false);
    expect(hasLoneSurrogate('😀'.slice(0, 1))).toBe(true);
    expect(hasLoneSurrogate(`a${'😀'.slice(1)}`)).toBe(true);
  });
});
