/**
 * The side panel's logic, apart from React: suggestions grouped by source in
 * panel order, which key does what on a focused suggestion, and where focus
 * goes once suggestions leave the list.
 */
import type { Suggestion, SuggestionSource } from '../../../annotations/suggest/suggestion';
import { SUGGESTION_SOURCES } from '../../../annotations/suggest/suggestion';

/** How each source is named in the panel. */
export const SOURCE_TITLES: Record<SuggestionSource, string> = {
  'own-tags': 'Your tags',
  gazetteer: 'Gazetteers',
  pattern: 'Patterns',
  dates: 'Dates',
};

/** One source's suggestions, in text order. */
export interface SuggestionGroup {
  source: SuggestionSource;
  title: string;
  items: Suggestion[];
}

/** Groups by each suggestion's first source, in `SUGGESTION_SOURCES` order, leaving out empty groups. */
export function groupSuggestions(suggestions: readonly Suggestion[]): SuggestionGroup[] {
  return SUGGESTION_SOURCES.map((source) => ({ source, title: SOURCE_TITLES[source], items: suggestions.filter((s) => s.source === source) })).filter((g) => g.items.length > 0);
}

/**
 * Rows a group draws at first, and how many more each "Show more" adds. A
 * document can have thousands of suggestions (an analyst's own tags of common
 * words); drawing every row made each tag re-render thousands of buttons and
 * took over a second.
 */
export const ROWS_SHOWN_STEP = 100;

/** The rows of each group the panel draws, given how many each source shows (ROWS_SHOWN_STEP when not set), in panel order. */
export function shownRows(groups: readonly SuggestionGroup[], shown: Readonly<Record<string, number>>): Suggestion[] {
  return groups.flatMap((g) => g.items.slice(0, shown[g.source] ?? ROWS_SHOWN_STEP));
}

/** The panel's order of rows: group by group. */
export function panelOrder(suggestions: readonly Suggestion[]): Suggestion[] {
  return groupSuggestions(suggestions).flatMap((g) => g.items);
}

/** The panel's keys, for the shortcut sheet. */
export const SUGGESTION_SHORTCUTS: ReadonlyArray<readonly [keys: string, action: string]> = [
  ['y, n', 'On a suggestion in the Suggestions panel: accept it into your layer, or reject it for good'],
  ['Shift+Y, Shift+N', 'On a suggestion: accept, or reject, every suggestion of its source'],
  ['↓, ↑ (j, k)', 'On a suggestion: the next or previous one (Enter shows it in the text)'],
];

/** What a key does on a focused suggestion. */
export type PanelAction = 'accept' | 'reject' | 'accept-source' | 'reject-source' | 'next' | 'previous' | 'show';

/** The action of a key pressed on a focused row (no Ctrl, Alt or Meta), or undefined. */
export function panelKeyAction(event: { key: string; shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean }): PanelAction | undefined {
  if (event.ctrlKey || event.altKey || event.metaKey) return undefined;
  switch (event.key) {
    case 'y':
      return event.shiftKey ? undefined : 'accept';
    case 'Y':
      return 'accept-source';
    case 'n':
      return event.shiftKey ? undefined : 'reject';
    case 'N':
      return 'reject-source';
    case 'ArrowDown':
    case 'j':
      return 'next';
    case 'ArrowUp':
    case 'k':
      return 'previous';
    case 'Enter':
      return 'show';
    default:
      return undefined;
  }
}

/**
 * The suggestion to focus after `removed` left the list: the first one after
 * the old focus, in the old order, that is still there; else the last one
 * still there before it; else none.
 */
export function focusAfterRemoval(before: readonly Suggestion[], focusedId: string | null, after: readonly Suggestion[]): string | null {
  const still = new Set(after.map((s) => s.id));
  const at = Math.max(0, before.findIndex((s) => s.id === focusedId));
  for (let i = at; i < before.length; i++) if (still.has(before[i]!.id)) return before[i]!.id;
  for (let i = at - 1; i >= 0; i--) if (still.has(before[i]!.id)) return before[i]!.id;
  return null;
}

type OwnSpan = { start: number; end: number; labelId: string };

/** One label's spans by start, with the furthest end reached by each span and those before it. */
interface CoverIndex {
  starts: number[];
  reach: number[];
}

function coverIndexes(own: ReadonlyArray<OwnSpan>): Map<string, CoverIndex> {
  const byLabel = new Map<string, OwnSpan[]>();
  for (const a of own) {
    const list = byLabel.get(a.labelId);
    if (list) list.push(a);
    else byLabel.set(a.labelId, [a]);
  }
  const indexes = new Map<string, CoverIndex>();
  for (const [labelId, spans] of byLabel) {
    // The layer comes sorted by start; sort only if it is not.
    if (spans.some((a, i) => i > 0 && a.start < spans[i - 1]!.start)) spans.sort((a, b) => a.start - b.start);
    const starts: number[] = [];
    const reach: number[] = [];
    let furthest = -Infinity;
    for (const a of spans) {
      furthest = Math.max(furthest, a.end);
      starts.push(a.start);
      reach.push(furthest);
    }
    indexes.set(labelId, { starts, reach });
  }
  return indexes;
}

/** True when a span of `index` starting at or before `start` reaches `end`. */
function covered(index: CoverIndex, start: number, end: number): boolean {
  // The last span starting at or before `start`.
  let lo = 0;
  let hi = index.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.starts[mid]! <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && index.reach[lo - 1]! >= end;
}

/**
 * The suggestions no span of the analyst's layer with the same label covers (the store's rule, applied to
 * the layer as the window shows it). Each label's spans are indexed once, so thousands of suggestions
 * against 20,000 spans cost milliseconds, not the product of the two.
 */
export function visibleSuggestions(suggestions: readonly Suggestion[], own: ReadonlyArray<OwnSpan>): Suggestion[] {
  if (own.length === 0) return [...suggestions];
  const indexes = coverIndexes(own);
  return suggestions.filter((s) => {
    const index = indexes.get(s.labelId);
    return !index || !covered(index, s.start, s.end);
  });
}
