/**
 * What the app says when its store is locked, and whether it offers to break
 * the lock. Pure, so the decision is tested without Electron; `index.ts` only
 * shows the dialog.
 */
import { describeHolder } from '../node/store/lock-owner';
import type { LockInspection } from '../node/store/store-lock';

/** A question for the analyst: who holds the store, and a button that breaks the lock. */
export interface LockBreakOffer {
  message: string;
  detail: string;
  /** Buttons in order; `breakButton` is the index of the one that breaks the lock. */
  buttons: string[];
  breakButton: number;
}

/**
 * The offer to break a lock, or null when Parley must not offer it: the
 * store became free, or the holder is provably a Parley running on this
 * machine (the analyst closes that one instead).
 */
export function lockBreakOffer(dir: string, inspection: LockInspection): LockBreakOffer | null {
  if (inspection.state === 'free') return null;
  if (inspection.state === 'unreadable') return offer(`The lock file of the store at ${dir} cannot be read.`);
  const verdict = inspection.verdict;
  if (verdict.state === 'live') return null;
  return offer(
    `The store at ${dir} is locked by ${describeHolder(inspection.info)}.\n\nParley cannot tell whether that program is still running: ${verdict.reason}.\n\nBreak the lock only if it is not: two programs writing one store can lose work.`,
  );
}

function offer(detail: string): LockBreakOffer {
  return { message: 'Another program may be using this store', detail, buttons: ['Quit', 'Break the lock and open'], breakButton: 1 };
}
