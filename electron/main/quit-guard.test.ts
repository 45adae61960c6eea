import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnnotation } from '../../annotations/annotation';
import { createDocument } from '../../annotations/document';
import { OWN_LAYER_ID } from '../../annotations/model';
import { createQuitGuard } from './quit-guard';
import { documentPath, LIBRARY_FILE } from '../node/store/load-store';
import { ParleyStore } from '../node/store/parley-store';
import { makeTempDir, removeTempDir } from '../node/store/test-support/store-fixtures';

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await removeTempDir(dir);
});

function quitEvent() {
  const event = { prevented: 0, preventDefault: () => void event.prevented++ };
  return event;
}

describe('quit guard', () => {
  it('holds quit until a tag in flight on a large document is on disk', async () => {
    const opened = await ParleyStore.open(dir, { onWarning: () => undefined });
    if (!opened.ok) throw new Error(opened.error.message);
    const { store } = opened.value;
    // About 6 MB of text, with Hangul and emoji, so the save takes a while.
    const text = 'Seoul and Washington met in 서울 on 26 April 2023 🤝.\r\n'.repeat(110_000);
    const document = createDocument({ id: 'big', title: 'Big', source: 'test', text, now: '2026-01-01T00:00:00.000Z' });
    const added = await store.addDocuments([{ document, layers: [{ id: OWN_LAYER_ID, kind: 'own', author: 'me', annotations: [] }], decisions: [] }]);
    expect(added.ok).toBe(true);
    const at = text.lastIndexOf('서울');
    const tag = createAnnotation(text, { documentId: 'big', start: at, end: at + 2, labelId: 'actor', author: 'me', now: '2026-01-01T00:00:01.000Z' });
    if (!tag.ok) throw new Error(tag.error.message);
    const library = JSON.parse(await readFile(path.join(dir, LIBRARY_FILE), 'utf8')) as { documents: Array<{ file: string }> };
    const file = documentPath(dir, library.documents[0]!.file);

    void store.changeAnnotations('big', OWN_LAYER_ID, { removed: [], added: [tag.value] }, 'Tag');
    const quits: number[] = [];
    const warnings: string[] = [];
    const guard = createQuitGuard({ close: () => store.close(), quit: () => quits.push(Date.now()), warn: (m) => void warnings.push(m), timeoutMs: 30_000 });
    const first = quitEvent();
    guard(first);
    expect(first.prevented).toBe(1);
    // The save is still in flight: quitting now would have lost it.
    expect(await readFile(file, 'utf8')).not.toContain(tag.value.id);
    const again = quitEvent();
    guard(again);
    expect(again.prevented).toBe(1);
    await expect.poll(() => quits.length, { timeout: 30_000 }).toBe(1);
    expect(warnings).toEqual([]);
    expect(await readFile(file, 'utf8')).toContain(tag.value.id);
    // The quit the guard asked for goes through, and the store is free again.
    const last = quitEvent();
    guard(last);
    expect(last.prevented).toBe(0);
    const reopened = await ParleyStore.open(dir);
    expect(reopened.ok && reopened.value.store.getDocument('big').ok && reopened.value.store.getDocument('big')).toMatchObject({ value: { layers: [{ annotations: [{ id: tag.value.id }] }] } });
    if (reopened.ok) await reopened.value.store.close();
  });

  it('quits with a message when the store does not close within the time limit', async () => {
    const warnings: string[] = [];
    let quit = 0;
    const guard = createQuitGuard({ close: () => new Promise(() => undefined), quit: () => void quit++, warn: (m) => void warnings.push(m), timeoutMs: 50 });
    guard(quitEvent());
    await expect.poll(() => quit).toBe(1);
    expect(warnings[0]).toMatch(/may not have been saved/);
  });

  it('says so when closing fails, then quits', async () => {
    const warnings: string[] = [];
    let quit = 0;
    const guard = createQuitGuard({ close: () => Promise.reject(new Error('disk full')), quit: () => void quit++, warn: (m) => void warnings.push(m), timeoutMs: 5_000 });
    guard(quitEvent());
    await expect.poll(() => quit).toBe(1);
    expect(warnings[0]).toContain('disk full');
  });
});
