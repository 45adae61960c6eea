import { useEffect, useState } from 'react';
import type { TaskProgressEvent } from '../../../shared/api';

/** How long a task must run before it is worth showing: quick ones finish before a dialog could be read. */
const SHOW_AFTER_MS = 300;

/** Long tasks in the main process that have run for a moment and not yet finished, newest last. */
export function useRunningTasks(): TaskProgressEvent[] {
  const [running, setRunning] = useState<Map<string, TaskProgressEvent>>(new Map());
  const [visible, setVisible] = useState<Set<string>>(new Set());

  useEffect(() => {
    const timers = new Map<string, number>();
    const unsubscribe = window.parley.onEvent((event) => {
      if (event.type !== 'progress') return;
      const { taskId } = event;
      if (event.finished) {
        window.clearTimeout(timers.get(taskId));
        timers.delete(taskId);
        setRunning((all) => without(all, taskId));
        setVisible((shown) => {
          const next = new Set(shown);
          next.delete(taskId);
          return next;
        });
        return;
      }
      setRunning((all) => new Map(all).set(taskId, event));
      if (!timers.has(taskId)) timers.set(taskId, window.setTimeout(() => setVisible((shown) => new Set(shown).add(taskId)), SHOW_AFTER_MS));
    });
    return () => {
      unsubscribe();
      for (const timer of timers.values()) window.clearTimeout(timer);
    };
  }, []);

  return [...running.values()].filter((task) => visible.has(task.taskId));
}

function without<K, V>(map: Map<K, V>, key: K): Map<K, V> {
  const next = new Map(map);
  next.delete(key);
  return next;
}
