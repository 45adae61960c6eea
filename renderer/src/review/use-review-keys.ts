import { useEffect, useRef } from 'react';
import { reviewCommandFor, type ReviewCommand } from './review-keys';

/**
 * Listens for the review's keys on the whole window while `active`. The
 * listener runs in the capture phase, before the reader's own keys, so a
 * review key is never taken as a label shortcut.
 */
export function useReviewKeys(run: (command: ReviewCommand) => void, active: boolean): void {
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  }, [run]);

  useEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const command = reviewCommandFor(event);
      if (!command) return;
      event.preventDefault();
      event.stopPropagation();
      latest.current(command);
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [active]);
}
