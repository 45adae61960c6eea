import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createScriptedDialogs } from './scripted-dialogs';

describe('scripted dialogs', () => {
  it('answers open and save dialogs from the queue file in order, and refuses unexpected ones', async () => {
    const queue = path.join(await mkdtemp(path.join(os.tmpdir(), 'parley-queue-')), 'queue.json');
    await writeFile(queue, JSON.stringify([{ kind: 'save', path: '/tmp/out.json' }, { kind: 'open', paths: ['/tmp/a.txt'] }, { kind: 'open', paths: null }]));
    const dialogs = createScriptedDialogs(queue);
    expect(await dialogs.openFiles({ title: 'x', filters: [] })).toEqual(['/tmp/a.txt']);
    expect(await dialogs.saveFile({ title: 'x', defaultPath: 'a', filters: [] })).toBe('/tmp/out.json');
    expect(await dialogs.openFiles({ title: 'x', filters: [] })).toBeNull();
    expect(JSON.parse(await readFile(queue, 'utf8'))).toEqual([]);
    await expect(dialogs.saveFile({ title: 'x', defaultPath: 'a', filters: [] })).rejects.toThrow(/did not expect/);
  });
});
