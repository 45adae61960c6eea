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
});
