/**
 * The review's keys. They work while review is open and focus is not in a
 * text field or a dialog, including while the article has focus; there they
 * take precedence over label shortcuts that use the same letters, unless
 * text is selected in the article (see `useReviewKeys`).
 */
import type { DecisionAction } from '../../../annotations/model';

/** What a review key does. */
export type ReviewCommand =
  | { type: 'step'; direction: 1 | -1 }
  | { type: 'next-undecided' }
  | { type: 'decide'; action: DecisionAction }
  | { type: 'accept-all-agreed' }
  | { type: 'next-document' };

/** Each key and its command; several keys move, so that Vim, reader and bracket habits all work. */
export const REVIEW_KEYS: ReadonlyArray<{ keys: readonly string[]; command: ReviewCommand; does: string }> = [
  { keys: ['j', 'n', ']'], command: { type: 'step', direction: 1 }, does: 'Next difference' },
  { keys: ['k', 'p', '['], command: { type: 'step', direction: -1 }, does: 'Previous difference' },
  { keys: ['u'], command: { type: 'next-undecided' }, does: 'Next undecided difference' },
  { keys: ['t'], command: { type: 'decide', action: 'accept-theirs' }, does: 'Accept theirs' },
  { keys: ['m'], command: { type: 'decide', action: 'keep-mine' }, does: 'Keep mine' },
  { keys: ['b'], command: { type: 'decide', action: 'keep-both' }, does: 'Keep both' },
  { keys: ['x'], command: { type: 'decide', action: 'reject-both' }, does: 'Reject both' },
  { keys: ['a'], command: { type: 'accept-all-agreed' }, does: 'Accept all agreed (keeps your copy)' },
  { keys: ['N'], command: { type: 'next-document' }, does: 'Next document with undecided differences' },
];

/** Inputs that take no typing, so a letter pressed on them is free for the review. */
const CLICKABLE_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);

const BY_KEY = new Map(REVIEW_KEYS.flatMap(({ keys, command }) => keys.map((k) => [k, command] as const)));

/** The command for a key press, or null if the review does not use it (modifiers, text fields and dialogs are left alone). */
export function reviewCommandFor(event: KeyboardEvent): ReviewCommand | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return null;
  const command = BY_KEY.get(event.key);
  if (!command) return null;
  // Holding a decision key must not decide a run of differences.
  if (event.repeat && command.type !== 'step') return null;
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest('dialog, [role="dialog"], [role="menu"]') || document.querySelector('dialog[open]')) return null;
  if (target instanceof HTMLInputElement && !CLICKABLE_INPUTS.has(target.type)) return null;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return null;
  // The article is contenteditable (read-only) but not a place to type; other editable elements are.
  if (target instanceof HTMLElement && target.isContentEditable && !target.closest('.cm-editor')) return null;
  return command;
}
