/**
 * Dialogs answered from a queue file instead of a person: used only when the
 * end-to-end specs drive the real, unpackaged app (PARLEY_E2E_DIALOG_QUEUE),
 * so the same specs can pick files in Electron as in the Chromium bridge.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Dialogs } from './dialogs';

/** One queued answer: paths for an open dialog, a path for a save dialog, null for cancel. */
export type ScriptedAnswer = { kind: 'open'; paths: string[] | null } | { kind: 'save'; path: string | null };

async function next(queueFile: string, kind: ScriptedAnswer['kind']): Promise<ScriptedAnswer> {
  const queue = JSON.parse(await readFile(queueFile, 'utf8')) as ScriptedAnswer[];
  const index = queue.findIndex((a) => a.kind === kind);
  if (index === -1) throw new Error(`the app opened a ${kind} dialog the test did not expect`);
  const [answer] = queue.splice(index, 1);
  await writeFile(queueFile, JSON.stringify(queue));
  return answer!;
}

/** Dialogs that take their answers from `queueFile` (a JSON array of `ScriptedAnswer`). */
export function createScriptedDialogs(queueFile: string): Dialogs {
  return {
    async openFiles() {
      const answer = await next(queueFile, 'open');
      return answer.kind === 'open' ? answer.paths : null;
    },
    async saveFile() {
      const answer = await next(queueFile, 'save');
      return answer.kind === 'save' ? answer.path : null;
    },
  };
}
