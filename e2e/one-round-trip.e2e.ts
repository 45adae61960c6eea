/**
 * One round trip per tag: tagging, undo and redo each
 * make exactly one call over the bridge, and the library list still shows the
 * document's new count, from the row the change carried. (Redo by its
 * button: Ctrl+Shift+Z is also tested in reader-history.)
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closeBrowser, type ParleyHarness } from './support/harness';
import { dragSelect, markTexts, openDocument, SAMPLE, startReader, storedAnnotations } from './reader-helpers';

let app: ParleyHarness | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});
afterAll(closeBrowser);

/**
 * Records every bridge call from now on (the bridge looks `__parleyInvoke` up on every call), but the
 * workspace panel's status check: it runs every 15 s whatever the analyst does, so on a slow machine
 * one can fall inside the test's window.
 */
async function recordCalls(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __parleyInvoke(c: string, i: unknown): Promise<unknown>; __calls: string[] };
    const original = w.__parleyInvoke;
    w.__calls = [];
    w.__parleyInvoke = (channel, input) => {
      if (channel !== 'parley:workspaceStatus') w.__calls.push(channel);
      return original(channel, input);
    };
  });
}

/** The calls made since the last take, once none has been made for 400 ms. */
async function takeCalls(page: Page): Promise<string[]> {
  let seen = -1;
  for (;;) {
    const count = await page.evaluate(() => (window as unknown as { __calls: string[] }).__calls.length);
    if (count === seen) break;
    seen = count;
    await page.waitForTimeout(400);
  }
  return page.evaluate(() => (window as unknown as { __calls: string[] }).__calls.splice(0));
}

function listCount(page: Page, title: string): Promise<string | null> {
  return page.getByRole('navigation', { name: 'Library' }).locator('.document-item', { hasText: title }).locator('.document-count').textContent();
}

describe('one round trip per tag', () => {
  it('tags, undoes and redoes with one call each, and the list follows', async () => {
    const started = await startReader();
    app = started.app;
    const { page } = started;
    const documentId = await openDocument(page, SAMPLE.workingGroup);
    const stored = () => storedAnnotations(app!.storeDir, documentId).then((list) => list.map((a) => `${a.quote.exact}/${a.labelId}`));
    const before = (await storedAnnotations(app.storeDir, documentId)).length;
    await recordCalls(page);
    // Calls the opening of the document started late on a busy machine are not the tag's: let them end first.
    await takeCalls(page);

    await dragSelect(page, 'Noh Kyu-duk');
    await page.keyboard.press('1');
    await expect.poll(stored).toContain('Noh Kyu-duk/actor');
    expect(await takeCalls(page)).toEqual(['parley:addAnnotations']);
    await expect.poll(() => listCount(page, SAMPLE.workingGroup)).toBe(`${before + 1} ${before + 1 === 1 ? 'annotation' : 'annotations'}`);

    await page.keyboard.press('Control+z');
    await expect.poll(stored).not.toContain('Noh Kyu-duk/actor');
    expect(await takeCalls(page)).toEqual(['parley:undo']);
    await expect.poll(() => listCount(page, SAMPLE.workingGroup)).toBe(`${before} ${before === 1 ? 'annotation' : 'annotations'}`);
    const redo = page.getByRole('group', { name: 'History' }).locator('.parley-redo');
    await expect.poll(() => redo.textContent()).toContain('Tag “Noh Kyu-duk”');

    await redo.click();
    await expect.poll(stored).toContain('Noh Kyu-duk/actor');
    expect(await takeCalls(page)).toEqual(['parley:redo']);
    await expect.poll(() => markTexts(page, 'actor')).toContain('Noh Kyu-duk');
    await expect.poll(() => listCount(page, SAMPLE.workingGroup)).toBe(`${before + 1} ${before + 1 === 1 ? 'annotation' : 'annotations'}`);
  });
});
