import { describe, expect, it } from 'vitest';
import type { Suggestion, SuggestionSource } from '../../../annotations/suggest/suggestion';
import { focusAfterRemoval, groupSuggestions, panelKeyAction, panelOrder, ROWS_SHOWN_STEP, shownRows, visibleSuggestions } from './suggestion-groups';

const s = (id: string, source: SuggestionSource, start: number): Suggestion => ({ id, documentId: 'd', start, end: start + 3, labelId: 'actor', source, sources: [source], reason: '' });
const key = (k: string, shiftKey = false, mods: Partial<{ ctrlKey: boolean; altKey: boolean; metaKey: boolean }> = {}) => ({ key: k, shiftKey, ctrlKey: false, altKey: false, metaKey: false, ...mods });

describe('suggestion panel logic', () => {
  const list = [s('d1', 'dates', 0), s('o1', 'own-tags', 5), s('g1', 'gazetteer', 9), s('o2', 'own-tags', 20)];

  it('groups by source in panel order, text order within, leaving out empty sources', () => {
    expect(groupSuggestions(list).map((g) => [g.title, g.items.map((i) => i.id)])).toEqual([
      ['Your tags', ['o1', 'o2']],
      ['Gazetteers', ['g1']],
      ['Dates', ['d1']],
    ]);
    expect(panelOrder(list).map((i) => i.id)).toEqual(['o1', 'o2', 'g1', 'd1']);
  });

  it('draws the first rows of each source, more for a source asked to show more, in panel order', () => {
    const many = [...Array.from({ length: ROWS_SHOWN_STEP + 30 }, (_, i) => s(`o${i}`, 'own-tags', i * 10)), ...Array.from({ length: ROWS_SHOWN_STEP + 5 }, (_, i) => s(`d${i}`, 'dates', i * 10 + 5))];
    const groups = groupSuggestions(many);
    const first = shownRows(groups, {});
    expect(first.length).toBe(2 * ROWS_SHOWN_STEP);
    expect(first[ROWS_SHOWN_STEP - 1]!.id).toBe(`o${ROWS_SHOWN_STEP - 1}`);
    expect(first[ROWS_SHOWN_STEP]!.id).toBe('d0');
    const more = shownRows(groups, { 'own-tags': 2 * ROWS_SHOWN_STEP });
    expect(more.filter((r) => r.source === 'own-tags').length).toBe(ROWS_SHOWN_STEP + 30);
    expect(more.filter((r) => r.source === 'dates').length).toBe(ROWS_SHOWN_STEP);
  });

  it('maps y, n, Shift+Y, Shift+N, arrows and j/k, and ignores them with Ctrl, Alt or Meta', () => {
    expect([key('y'), key('n'), key('Y', true), key('N', true), key('ArrowDown'), key('k'), key('Enter')].map(panelKeyAction)).toEqual(['accept', 'reject', 'accept-source', 'reject-source', 'next', 'previous', 'show']);
    expect(panelKeyAction(key('y', false, { ctrlKey: true }))).toBeUndefined();
    expect(panelKeyAction(key('z'))).toBeUndefined();
  });

  it('moves focus to the next remaining suggestion, else the previous, else none', () => {
    const order = panelOrder(list);
    expect(focusAfterRemoval(order, 'o2', order.filter((i) => i.id !== 'o2'))).toBe('g1');
    expect(focusAfterRemoval(order, 'd1', order.filter((i) => i.id !== 'd1'))).toBe('g1');
    expect(focusAfterRemoval(order, 'o1', order.filter((i) => i.source !== 'own-tags'))).toBe('g1');
    expect(focusAfterRemoval(order, 'o1', [])).toBeNull();
  });

  it('hides a suggestion once a span of the same label covers it, not one of another label', () => {
    const own = [{ start: 4, end: 12, labelId: 'actor' }, { start: 0, end: 3, labelId: 'date' }];
    expect(visibleSuggestions(list, own).map((x) => x.id)).toEqual(['d1', 'o2']);
    expect(visibleSuggestions(list, []).map((x) => x.id)).toEqual(['d1', 'o1', 'g1', 'o2']);
  });

  it('finds the span that covers a suggestion among many, in any order, by a long span that starts well before it', () => {
    // o1 is 5–8: covered by 1–9 (a span that starts before three shorter ones); o2 (20–23) only reaches 22 in 18–22 and is not covered.
    const own = [
      { start: 18, end: 22, labelId: 'actor' },
      { start: 2, end: 3, labelId: 'actor' },
      { start: 1, end: 9, labelId: 'actor' },
      { start: 4, end: 6, labelId: 'actor' },
      { start: 5, end: 7, labelId: 'actor' },
      { start: 20, end: 30, labelId: 'date' },
    ];
    expect(visibleSuggestions(list, own).map((x) => x.id)).toEqual(['d1', 'g1', 'o2']);
    // A span exactly on the suggestion covers it; one a character short does not.
    expect(visibleSuggestions(list, [{ start: 20, end: 23, labelId: 'actor' }]).map((x) => x.id)).toEqual(['d1', 'o1', 'g1']);
    expect(visibleSuggestions(list, [{ start: 21, end: 23, labelId: 'actor' }]).map((x) => x.id)).toEqual(['d1', 'o1', 'g1', 'o2']);
  });

  it('gives the same answer as checking every pair, on thousands of spans and suggestions', () => {
    const many: Suggestion[] = Array.from({ length: 2_000 }, (_, i) => ({ ...s(`x${i}`, 'own-tags', (i * 7919) % 100_000), labelId: i % 3 === 0 ? 'date' : 'actor' }));
    const own = Array.from({ length: 5_000 }, (_, i) => {
      const start = (i * 104_729) % 100_000;
      return { start, end: start + 1 + (i % 9), labelId: i % 2 === 0 ? 'actor' : 'date' };
    });
    const byPairs = many.filter((x) => !own.some((a) => a.labelId === x.labelId && a.start <= x.start && x.end <= a.end)).map((x) => x.id);
    const shown = visibleSuggestions(many, own).map((x) => x.id);
    expect(shown).toEqual(byPairs);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(many.length);
  });
});
