import { describe, expect, it } from 'vitest';
import { BENCH_GAZETTEER, benchArticles, keysToTag, runAnalyst, suggestionsBench } from '../bench/suggestions-bench';

describe('suggestions bench', () => {
  it('generates articles whose answer spans lie on whole words, never splitting a character, CRLF in some', () => {
    const articles = benchArticles(12);
    expect(articles.some((a) => a.text.includes('\r\n'))).toBe(true);
    expect(articles.some((a) => /\p{Script=Hangul}/u.test(a.text))).toBe(true);
    for (const a of articles) {
      for (const g of a.gold) {
        const quote = a.text.slice(g.start, g.end);
        expect(quote.trim()).toBe(quote);
        expect(quote.length).toBeGreaterThan(1);
        expect(['actor', 'policy-body', 'position', 'date']).toContain(g.labelId);
      }
    }
    expect(benchArticles(5)).toEqual(benchArticles(5));
  });

  it('counts keys to tag by search: Ctrl+F, the shortest prefix that finds the span first, Enter, a word step per further word, Escape, the key', () => {
    const text = 'Seoul and Sung Kim met. Sung Kim left.';
    // "S" finds it first: Ctrl+F, S, Enter (selects "S"), Ctrl+Shift+Right (to "Seoul"), Escape, 1.
    expect(keysToTag(text, { start: 0, end: 5, labelId: 'actor' }, 0)).toBe(6);
    // The second "Sung Kim" from a caret after the first: "S" finds it first; two word steps.
    expect(keysToTag(text, { start: 24, end: 32, labelId: 'actor' }, 18)).toBe(1 + 1 + 1 + 2 + 1 + 1);
    // From the start every prefix finds the first "Sung Kim": the whole quote is typed and Enter steps once past it.
    expect(keysToTag(text, { start: 24, end: 32, labelId: 'actor' }, 0)).toBe(1 + 8 + 1 + 1 + 0 + 1 + 1);
  });

  it('ends both runs at every answer annotation, with fewer keystrokes when suggestions come first', () => {
    const articles = benchArticles(10);
    const gold = articles.reduce((n, a) => n + a.gold.length, 0);
    const without = runAnalyst(articles, false);
    const withS = runAnalyst(articles, true);
    expect(without.correct).toBe(gold);
    expect(withS.correct).toBe(gold);
    expect(without.suggestMs).toBe(0);
    expect(withS.keystrokes).toBeLessThan(without.keystrokes);
  });

  it('prints both runs and a precision and recall row per source', () => {
    const table = suggestionsBench(6);
    for (const row of ['Keyboard only', 'Suggestions first', 'Keyboard with next mention', '| own-tags |', '| gazetteer |', '| pattern |', '| dates |', '| all (merged) |']) expect(table).toContain(row);
    expect(BENCH_GAZETTEER.entries.length).toBeGreaterThan(0);
  });
});
