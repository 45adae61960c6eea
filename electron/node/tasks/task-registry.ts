/**
 * Long jobs the renderer can watch and stop: an export or import of a large
 * collection. Each job gets an id; its progress goes out as `progress`
 * events (at most one every 100 ms, plus the first and the last), and
 * `cancel` asks it to stop at its next checkpoint.
 */
import { fail, ok, type Result } from '../../../annotations/result';
import type { ParleyEvent } from '../../../shared/api';

/** One running job, as its worker sees it. */
export interface TaskHandle {
  readonly id: string;
  /** True once the user has asked to stop. */
  isCancelled(): boolean;
  /** Runs `listener` when the user asks to stop (at once if they already have). */
  onCancel(listener: () => void): void;
  /** Reports that `done` of `total` units are finished. */
  progress(done: number, total: number): void;
  /** Ends the job; the renderer stops showing it. */
  end(): void;
}

const MIN_INTERVAL_MS = 100;

/** The jobs now running, by id. */
export class TaskRegistry {
  private readonly running = new Map<string, { cancel: () => void }>();
  private next = 1;

  constructor(
    private readonly notify: (event: ParleyEvent) => void,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** Starts a job called `title` (for example "Exporting 1,200 documents as CSV"). */
  begin(title: string): TaskHandle {
    const id = `task-${this.next++}`;
    let cancelled = false;
    let ended = false;
    let lastSent = -Infinity;
    let last = { done: 0, total: 0 };
    const listeners: Array<() => void> = [];
    const send = (finished: boolean) => this.notify({ type: 'progress', taskId: id, task: title, done: last.done, total: last.total, finished });
    this.running.set(id, {
      cancel: () => {
        if (cancelled) return;
        cancelled = true;
        for (const listener of listeners.splice(0)) listener();
      },
    });
    send(false);
    lastSent = this.clock();
    return {
      id,
      isCancelled: () => cancelled,
      onCancel: (listener) => {
        if (cancelled) listener();
        else listeners.push(listener);
      },
      progress: (done, total) => {
        if (ended) return;
        last = { done, total };
        const at = this.clock();
        if (at - lastSent < MIN_INTERVAL_MS && done < total) return;
        lastSent = at;
        send(false);
      },
      end: () => {
        if (ended) return;
        ended = true;
        this.running.delete(id);
        send(true);
      },
    };
  }

  /** Asks the job `taskId` to stop. A job that has already ended is not an error: it simply finished first. */
  cancel(taskId: string): Result<{ cancelled: boolean }> {
    const task = this.running.get(taskId);
    if (!task) return taskId.startsWith('task-') ? ok({ cancelled: false }) : fail('not-found', `there is no task ${taskId}`);
    task.cancel();
    return ok({ cancelled: true });
  }
}

/** Runs `work` as a task the renderer can watch and cancel; the task ends however the work ends. */
export async function withTask<T>(tasks: TaskRegistry, title: string, work: (task: TaskHandle) => Promise<T>): Promise<T> {
  const task = tasks.begin(title);
  try {
    return await work(task);
  } finally {
    task.end();
  }
}
