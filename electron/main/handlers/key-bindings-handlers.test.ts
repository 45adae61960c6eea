/**
 * The analyst's reader keys through the handlers: saved in the settings,
 * refused (and nothing saved) when a key is taken, kept across a restart,
 * and reset to the defaults.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { apiInputSchemas } from '../../../shared/api';
import { openAppStore } from '../../node/open-app-store';
import { createHandlers } from './create-handlers';
import { closeTestStores, openTestStore, QueuedDialogs, trackTestStore, value } from './handler-test-kit';

afterEach(closeTestStores);

async function handlersOn(opened: Awaited<ReturnType<typeof openTestStore>>['opened']) {
  return createHandlers({ ...opened, dialogs: new QueuedDialogs(), version: 'test', notify: () => undefined });
}

describe('setKeyBindings', () => {
  it('saves the keys, keeps them across a restart, and resets them', async () => {
    const { opened } = await openTestStore('Min-ji');
    const api = await handlersOn(opened);
    expect(value(await api.getAppInfo({})).keyBindings).toEqual({});
    expect(value(await api.setKeyBindings({ bindings: { 'next-mention': 'Alt-j', 'next-annotation': 'Alt-ArrowRight' } }))).toEqual({ keyBindings: { 'next-mention': 'Alt-j', 'next-annotation': 'Alt-ArrowRight' } });
    const file = JSON.parse(await readFile(path.join(opened.store.dir, 'settings.json'), 'utf8')) as { keyBindings: unknown; author: string };
    expect(file).toMatchObject({ author: 'Min-ji', keyBindings: { 'next-mention': 'Alt-j', 'next-annotation': 'Alt-ArrowRight' } });

    await closeTestStores();
    const again = trackTestStore(value(await openAppStore(opened.store.dir, 'Min-ji')));
    const reopened = await handlersOn(again);
    expect(value(await reopened.getAppInfo({})).keyBindings).toEqual({ 'next-mention': 'Alt-j', 'next-annotation': 'Alt-ArrowRight' });
    expect(value(await reopened.setKeyBindings({ bindings: {} }))).toEqual({ keyBindings: {} });
    expect(value(await reopened.getAppInfo({})).keyBindings).toEqual({});
  });

  it('refuses a key bound elsewhere or held by a label, naming it, and leaves the saved keys as they were', async () => {
    const { opened } = await openTestStore('Min-ji');
    const api = await handlersOn(opened);
    value(await api.setKeyBindings({ bindings: { 'next-mention': 'Alt-j' } }));
    const before = await readFile(path.join(opened.store.dir, 'settings.json'), 'utf8');

    const taken = await api.setKeyBindings({ bindings: { 'next-mention': 'Alt-j', 'previous-mention': 'Alt-ArrowDown' } });
    expect(taken.ok).toBe(false);
    if (!taken.ok) {
      expect(taken.error.code).toBe('conflict');
      expect(taken.error.message).toBe('Select the previous untagged mention of a known name: Alt+↓ is already bound to “Select the next annotation”. Give that command another key first.');
    }
    const label = await api.setKeyBindings({ bindings: { relabel: '2' } });
    expect(label.ok ? '' : label.error.message).toBe("Change the label of the selected annotation (then a label key): 2 is already the label Policy body's key.");
    const reserved = await api.setKeyBindings({ bindings: { delete: 'Tab' } });
    expect(reserved.ok ? '' : reserved.error.message).toMatch(/Tab is kept for moving between parts of the window/);

    expect(await readFile(path.join(opened.store.dir, 'settings.json'), 'utf8')).toBe(before);
    expect(value(await api.getAppInfo({})).keyBindings).toEqual({ 'next-mention': 'Alt-j' });
  });

  it("refuses a label key the analyst gave a reader command, and leaves the labels as they were; a default key yields to the label", async () => {
    const { opened } = await openTestStore('Min-ji');
    const api = await handlersOn(opened);
    value(await api.setKeyBindings({ bindings: { 'next-mention': 'j' } }));
    const schema = value(await api.getLabels({}));
    const withJ = schema.labels.map((l, i) => (i === 0 ? { ...l, shortcut: 'j' } : l));
    const refused = await api.saveLabels({ labels: withJ, migrate: [] });
    expect(refused.ok ? '' : refused.error.message).toBe("j, the label Actor's key, is bound to “Select the next untagged mention of a known name (a label key then tags it)” in the reader keys: choose another key, or reset that command's key first.");
    expect(value(await api.getLabels({})).labels[0]!.shortcut).toBe('1');
    const withY = schema.labels.map((l, i) => (i === 0 ? { ...l, shortcut: 'y' } : l));
    expect(value(await api.saveLabels({ labels: withY, migrate: [] })).labels[0]!.shortcut).toBe('y');
  });

  it('takes only known commands over IPC, one key each', () => {
    expect(apiInputSchemas.setKeyBindings.safeParse({ bindings: { 'next-mention': 'Alt-j' } }).success).toBe(true);
    expect(apiInputSchemas.setKeyBindings.safeParse({ bindings: { 'run-shell': 'Alt-j' } }).success).toBe(false);
    expect(apiInputSchemas.setKeyBindings.safeParse({ bindings: { 'next-mention': 42 } }).success).toBe(false);
    expect(apiInputSchemas.setKeyBindings.safeParse({ bindings: {}, extra: true }).success).toBe(false);
  });
});
