/**
 * Quitting without losing a save: Electron's `will-quit` does not wait for
 * promises, so the first quit is held back (`preventDefault`) until the store
 * has written everything pending and closed, then quit is asked for again.
 * If closing takes longer than the time limit, the analyst is told what may
 * not have been saved before the app goes. Plain code: `index.ts` wires it to
 * Electron, tests drive it with a real store.
 */

/** What the guard needs from its surroundings. */
export interface QuitGuardOptions {
  /** Writes everything pending and releases the store (`ParleyStore.close`). */
  close(): Promise<void>;
  /** Asks the app to quit again (`app.quit`). */
  quit(): void;
  /** Tells the analyst something went wrong; the guard waits for it before quitting. */
  warn(message: string): void | Promise<void>;
  /** How long to wait for the store, in milliseconds. */
  timeoutMs: number;
}

/** A `will-quit` listener: pass it the event. */
export type QuitListener = (event: { preventDefault(): void }) => void;

/** The listener that holds quit back until the store is closed (or the time limit runs out). */
export function createQuitGuard(options: QuitGuardOptions): QuitListener {
  let state: 'open' | 'closing' | 'closed' = 'open';
  return (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    void closeWithin(options).then(async (problem) => {
      if (problem) await options.warn(problem);
      state = 'closed';
      options.quit();
    });
  };
}

/** Closes the store; resolves with a message if it failed or took longer than the limit, else null. */
async function closeWithin(options: QuitGuardOptions): Promise<string | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<string>((resolve) => {
    timer = setTimeout(
      () => resolve(`Parley waited ${Math.round(options.timeoutMs / 1000)} s for its last changes to be written and gave up. The most recent changes may not have been saved; check them when you reopen Parley.`),
      options.timeoutMs,
    );
  });
  const closed = options.close().then(
    () => null,
    (error: unknown) => `Parley could not finish writing its store: ${error instanceof Error ? error.message : String(error)}. The most recent changes may not have been saved.`,
  );
  try {
    return await Promise.race([closed, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
