/** Resolves after the event loop has taken its next turn, so waiting messages (the window's calls, a cancel) are handled first. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
