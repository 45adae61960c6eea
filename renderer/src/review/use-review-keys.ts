import { useEffect, useRef } from 'react';
import { reviewCommandFor, type ReviewCommand } from './review-keys';

/** True when the article has focus and text selected in it: the analyst is about to tag. */
function tagging(event: KeyboardEvent): boolean {
  const target = event.target instanceof Element ? event.target : null;
  if (!target?.closest('.cm-editor')) return false;
  const selection = document.getSelection();
  return selection !== null && !selection.isCollapsed;
}

/**
 * Listens for the review's keys on the whole window while `active`. The
 * listener runs in the capture phase, before the reader's own keys, so a
 * review key is never taken as a label shortcut, except in one case: with
 * text selected in the article, a key that is also a label's shortcut
 * (`labelKeys`) tags the selection, as it does outside review.
 */
export function useReviewKeys(run: (command: ReviewCommand) => void, active: boolean, labelKeys: ReadonlySet<string> = new Set()): void {
  const latest = useRef({ run, labelKeys });
  useEffect(() => {
    latest.current = { run, labelKeys };
  }, [run, labelKeys]);

  useEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const command = reviewCommandFor(event);
      if (!command) return;
      if (latest.current.labelKeys.has(event.key) && tagging(event)) return;
      event.preventDefault();
      event.stopPropagation();
      latest.current.run(command);
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [active]);
}
