import { describe, expect, it } from 'vitest';
import type { ParleyEvent, TaskProgressEvent } from '../../../shared/api';
import { TaskRegistry, withTask } from './task-registry';

function registry() {
  let clock = 0;
  const events: TaskProgressEvent[] = [];
  const tasks = new TaskRegistry(
    (e: ParleyEvent) => {
      if (e.type === 'progress') events.push(e);
    },
    () => clock,
  );
  return { tasks, events, advance: (ms: number) => (clock += ms) };
}

describe('TaskRegistry', () => {
  it('announces a task, sends progress at most every 100 ms and always its end', () => {
    const { tasks, events, advance } = registry();
    const task = tasks.begin('Exporting 3 documents as csv');
    task.progress(1, 3);
    advance(50);
    task.progress(2, 3);
    advance(60);
    task.progress(2, 3);
    task.progress(3, 3);
    task.end();
    expect(events.map((e) => [e.done, e.total, e.finished])).toEqual([
      [0, 0, false],
      [2, 3, false],
      [3, 3, false],
      [3, 3, true],
    ]);
    expect(new Set(events.map((e) => e.taskId))).toEqual(new Set([task.id]));
    expect(events[0]!.task).toBe('Exporting 3 documents as csv');
  });

  it('cancels a running task once, tells its listeners, and treats a finished one as nothing to cancel', () => {
    const { tasks } = registry();
    const task = tasks.begin('Importing');
    const heard: string[] = [];
    task.onCancel(() => heard.push('first'));
    expect(task.isCancelled()).toBe(false);
    expect(tasks.cancel(task.id)).toEqual({ ok: true, value: { cancelled: true } });
    expect(task.isCancelled()).toBe(true);
    task.onCancel(() => heard.push('late'));
    expect(heard).toEqual(['first', 'late']);
    task.end();
    expect(tasks.cancel(task.id)).toEqual({ ok: true, value: { cancelled: false } });
    const unknown = tasks.cancel('job-7');
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('not-found');
  });

  it('ends the task when the work throws', async () => {
    const { tasks, events } = registry();
    await expect(withTask(tasks, 'Failing', async () => Promise.reject(new Error('disk gone')))).rejects.toThrow('disk gone');
    expect(events.at(-1)?.finished).toBe(true);
  });
});
