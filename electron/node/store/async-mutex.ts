/** A first-come, first-served lock for async sections that must not interleave. */
export class AsyncMutex {
  private tail: Promise<void> = Promise.resolve();

  /** Runs `fn` after every section started before it has finished. */
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.then(
      () => undefined,
      () => undefined, // the caller receives the error through `result`
    );
    return result;
  }

  /** Resolves once every section started so far has finished. */
  idle(): Promise<void> {
    return this.tail;
  }
}
