import { runScopeHandlers, type EditorView } from '@codemirror/view';
import { useEffect, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { READER_SCOPE, runHistoryKeys, runModeKeys, WINDOW_SCOPE } from './reader-keymap';

/** Inputs that take no typing. */
const CLICKABLE_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);

/** True for an element that takes typing (a text field, a text area, a list box). */
function typing(target: HTMLElement): boolean {
  return (target instanceof HTMLInputElement && !CLICKABLE_INPUTS.has(target.type)) || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/**
 * Routes keys pressed outside the text to the reader's one keymap: in the
 * reader (side list, toolbar, footer) the keys of the `reader` scope, and on
 * the page outside the reader the mode's keys (review) and the `window`
 * scope. Returns the reader's own keydown handler.
 */
export function useReaderKeys(cm: EditorView | null): (event: ReactKeyboardEvent<HTMLElement>) => void {
  useEffect(() => {
    if (!cm) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || (event.target instanceof Node && cm.dom.closest('.parley-reader')?.contains(event.target))) return;
      if (runModeKeys(cm, event)) return;
      // Undo and redo too (focus falls to the page when the control that had it goes away), but never from a text field or a dialog.
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target && (typing(target) || target.isContentEditable || target.closest('dialog'))) return;
      if (runHistoryKeys(cm, event) || runScopeHandlers(cm, event, WINDOW_SCOPE)) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [cm]);

  return (event) => {
    const target = event.target as HTMLElement;
    if (!cm || cm.contentDOM.contains(target) || target.closest('dialog')) return;
    if (typing(target) && !((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f')) return;
    if (runModeKeys(cm, event.nativeEvent) || runHistoryKeys(cm, event.nativeEvent) || runScopeHandlers(cm, event.nativeEvent, READER_SCOPE)) event.preventDefault();
  };
}
