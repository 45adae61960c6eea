/**
 * The hover card over a mark: for each annotation under the pointer, its
 * label, author, time and note. Built with text nodes only; notes are never
 * parsed as HTML.
 */
import type { EditorState, Extension } from '@codemirror/state';
import { hoverTooltip } from '@codemirror/view';
import { ellipsis } from '../../../annotations/text/ellipsis';

/** What the card shows about one annotation. */
export interface TooltipEntry {
  start: number;
  end: number;
  labelName: string;
  color: string;
  author: string;
  /** ISO 8601. */
  time: string;
  note?: string;
  /** Layer name shown when the reader draws more than one layer. */
  layerName?: string;
  /** More about the span, one line each: attribute values, its entity. */
  details?: readonly string[];
}

/** Longest note shown in full on hover; Enter opens the whole note. */
const NOTE_PREVIEW = 600;

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : timeFormat.format(date);
}

function element(tag: string, className: string, text?: string): HTMLElement {
  const el = document.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function renderEntries(entries: readonly TooltipEntry[]): HTMLElement {
  const dom = element('div', 'parley-note-tooltip');
  for (const entry of entries) {
    const item = element('div', 'parley-note-entry');
    const head = element('div', 'parley-note-head');
    const swatch = element('span', 'parley-note-swatch');
    swatch.style.setProperty('--parley-label', entry.color);
    head.append(swatch, element('strong', 'parley-note-label', entry.labelName));
    if (entry.layerName) head.append(element('span', 'parley-note-layer', entry.layerName));
    item.append(head, element('div', 'parley-note-meta', `${entry.author} · ${formatTime(entry.time)}`));
    for (const line of entry.details ?? []) item.append(element('div', 'parley-note-detail', line));
    if (entry.note) item.append(element('p', 'parley-note-text', ellipsis(entry.note, NOTE_PREVIEW)));
    dom.append(item);
  }
  return dom;
}

/**
 * A hover tooltip over annotated text. `lookup` returns the annotations
 * covering the character at an index, innermost first (none: no tooltip).
 */
export function noteTooltip(lookup: (state: EditorState, index: number) => TooltipEntry[]): Extension {
  return hoverTooltip(
    (view, pos, side) => {
      const index = side < 0 ? pos - 1 : pos;
      if (index < 0) return null;
      const entries = lookup(view.state, index);
      if (entries.length === 0) return null;
      const start = Math.max(...entries.map((e) => e.start));
      const end = Math.min(...entries.map((e) => e.end));
      return { pos: start, end, above: true, create: () => ({ dom: renderEntries(entries) }) };
    },
    { hoverTime: 350 },
  );
}
