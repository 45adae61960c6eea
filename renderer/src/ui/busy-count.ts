/**
 * Counting calls in flight, so a view stays busy until the last of several
 * overlapping calls has answered, and a call that throws is not left counted.
 */

/** Runs calls, telling `onBusy` when the first starts (true) and when the last ends (false). */
export class BusyCount {
  private running = 0;

  constructor(private readonly onBusy: (busy: boolean) => void) {}

  /** Runs `call`, counted from start to answer (or failure), and returns what it returns. */
  async run<T>(call: () => Promise<T>): Promise<T> {
    if (this.running++ === 0) this.onBusy(true);
    try {
      return await call();
    } finally {
      if (--this.running === 0) this.onBusy(false);
    }
  }
}
