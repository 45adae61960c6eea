/**
 * Which notices show and for how long: success confirmations fade after a
 * few seconds, anything that needs reading (an error, a report, warnings)
 * stays until dismissed, and at most three show at once, newest first, with
 * the rest behind "n more".
 */
import type { Notice } from './notice';

/** How long a success notice stays, in milliseconds. */
export const FADE_AFTER_MS = 6000;

/** Notices shown at once before the rest fold into "n more". */
export const MAX_SHOWN = 3;

/** True for a notice that only confirms success, and so fades by itself. */
export function fadesOut(notice: Notice): boolean {
  return notice.kind === 'info' || (notice.kind === 'export' && notice.warnings.length === 0);
}

/** Milliseconds until a notice shown at `shownAt` fades, at `now`; null for one that stays. */
export function fadeDelay(notice: Notice, shownAt: number, now: number): number | null {
  return fadesOut(notice) ? Math.max(0, shownAt + FADE_AFTER_MS - now) : null;
}

/** The notices to show, newest first, and how many are folded away. */
export function shownNotices(notices: readonly Notice[], expanded: boolean): { shown: Notice[]; more: number } {
  const newestFirst = [...notices].reverse();
  if (expanded || newestFirst.length <= MAX_SHOWN) return { shown: newestFirst, more: 0 };
  return { shown: newestFirst.slice(0, MAX_SHOWN), more: newestFirst.length - MAX_SHOWN };
}
