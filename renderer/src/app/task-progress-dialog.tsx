import { useState } from 'react';
import type { TaskProgressEvent } from '../../../shared/api';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { useRunningTasks } from './use-running-tasks';

/**
 * Shows a long import or export while it runs — what it is doing, how far it
 * has got — with a Cancel button. It opens over any other dialog and closes
 * by itself when the task ends; Escape cancels too.
 */
export function TaskProgressDialog() {
  const tasks = useRunningTasks();
  const task = tasks.at(-1);
  if (!task) return null;
  return <TaskProgress key={task.taskId} task={task} />;
}

function TaskProgress({ task }: { task: TaskProgressEvent }) {
  const [cancelling, setCancelling] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const cancel = async () => {
    setCancelling(true);
    const result = await window.parley.api.cancelTask({ taskId: task.taskId });
    if (!result.ok) {
      setCancelling(false);
      setFailure(result.error.message);
    }
  };
  const known = task.total > 0;
  return (
    <Dialog
      open
      title={task.task}
      size="small"
      onClose={() => void cancel()}
      footer={
        <Button onClick={() => void cancel()} disabled={cancelling} data-autofocus>
          {cancelling ? 'Cancelling…' : 'Cancel'}
        </Button>
      }
    >
      <div className="task-progress" data-testid="task-progress">
        <progress max={known ? task.total : undefined} value={known ? task.done : undefined} aria-label="Progress" />
        <p className="muted" aria-live="polite">
          {cancelling ? 'Stopping; nothing will be changed.' : known ? `${task.done.toLocaleString()} of ${task.total.toLocaleString()}` : 'Starting…'}
        </p>
        {failure && <p role="alert">{failure}</p>}
      </div>
    </Dialog>
  );
}
