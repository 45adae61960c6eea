/**
 * The write queue of one store file. The newest state lives in memory and is
 * changed synchronously, in call order; a single writer loop persists it. Updates
 * that arrive while a write is in flight are coalesced into the next write, so a
 * burst of tag actions costs one fsync per batch, and each caller's promise
 * resolves only after a write that contains its update has reached the disk.
 *
 * Each state is deep-frozen as it becomes current (`deep-freeze.ts`): a save
 * writes only what changed by reference, so a state changed in place would be
 * lost without a word; frozen, the write throws where it is made.
 */
import { fail, ok, type Result } from '../../../annotations/result';
import { deepFreeze } from './deep-freeze';

type Waiter = (result: Result<void>) => void;

/** A file's state in memory and the queue that writes it. */
export class DocumentQueue<T> {
  private latest: T;
  private durable: T;
  private waiting: Waiter[] = [];
  private running = false;
  private idleWaiters: Array<() => void> = [];

  /** `persist` writes one state durably; it is never called twice at once. */
  constructor(
    initial: T,
    private readonly persist: (state: T) => Promise<void>,
  ) {
    this.latest = deepFreeze(initial);
    this.durable = this.latest;
  }

  /** The newest state, including updates not yet on disk (frozen: build a new one to change it). */
  get current(): T {
    return this.latest;
  }

  /**
   * Makes `next` the current state now, frozen, and resolves once it (or a
   * later state) is on disk. If the write fails, the state reverts to the last
   * one on disk and every update not yet written fails with `io-error`.
   */
  set(next: T): Promise<Result<void>> {
    this.latest = deepFreeze(next, this.latest);
    return new Promise<Result<void>>((resolve) => {
      this.waiting.push(resolve);
      if (!this.running) {
        this.running = true;
        void this.drain();
      }
    });
  }

  /** Resolves when nothing is waiting to be written. */
  idle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      const state = this.latest;
      let error: unknown = null;
      try {
        await this.persist(state);
      } catch (caught) {
        error = caught;
      }
      if (error === null) {
        this.durable = state;
        for (const resolve of batch) resolve(ok(undefined));
        continue;
      }
      // Later updates were built on the state that failed to write: they fail too.
      this.latest = this.durable;
      const failed = [...batch, ...this.waiting];
      this.waiting = [];
      const result = fail('io-error', `could not save: ${(error as Error).message}`);
      for (const resolve of failed) resolve(result);
    }
    this.running = false;
    const idle = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of idle) resolve();
  }
}
