/**
 * The reader by keyboard alone: search for a phrase, select a match with
 * Enter, tag it with a label key, grow a selection by a word, step between
 * annotations, leave the text with Tab, and go to the next document. The
 * status line says what the keys will do with what is selected.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closeBrowser, type ParleyHarness } from './support/harness';
import { call, clickText, currentDocumentId, openDocument, SAMPLE, selectedTexts, startReader, storedAnnotations } from './reader-helpers';

let app: ParleyHarness | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});
afterAll(closeBrowser);

describe('reader by keyboard', () => {
  it('searches, selects a match with Enter, tags it, grows a selection by a word, and opens the next document', async () => {
    const started = await startReader();
    app = started.app;
    const page = started.page;
    const documentId = await openDocument(page, SAMPLE.workingGroup);
    const { document: opened } = await call(page, 'getDocument', { documentId });
    const stored = async () => (await storedAnnotations(app!.storeDir, documentId)).map((a) => `${a.quote.exact}=${a.labelId}`);
    const status = page.locator('.parley-reader-status');
    // Ctrl+F moves the focus to the search box in a render after the key; typed before it arrives, the
    // letters would go to the reader as commands (r links, l relabels). Wait for the box to have it.
    const searchFocused = () => page.getByRole('searchbox', { name: 'Search the document' }).evaluate((el) => el === document.activeElement);

    // Search → Enter selects the match → the label key tags it.
    await clickText(page, 'Allies');
    await page.keyboard.press('Control+f');
    await expect.poll(searchFocused).toBe(true);
    await page.keyboard.type('Sung Kim');
    await expect.poll(() => page.locator('.cm-parley-match-current').allTextContents()).toEqual(['Sung Kim']);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => String(document.getSelection()))).toBe('Sung Kim');
    await expect.poll(() => status.textContent()).toMatch(/press a label key/);
    await page.keyboard.press('1');
    await expect.poll(stored).toEqual(['Sung Kim=actor']);

    // A word selected, grown by one word at its end: the status line says what the label keys will do.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+f');
    await expect.poll(searchFocused).toBe(true);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('working');
    // Enter waits for the matches of the whole query (the box searches as it is typed).
    await expect.poll(() => page.locator('.cm-parley-match-current').allTextContents()).toEqual(['working']);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => String(document.getSelection()))).toBe('working');
    await page.keyboard.press('Alt+Shift+ArrowRight');
    await expect.poll(() => page.evaluate(() => String(document.getSelection()))).toBe('working group');
    await expect.poll(() => status.textContent()).toMatch(/^1–4 tag the selection/);
    await page.keyboard.press('2');
    const first = opened.text.indexOf('working group');
    await expect.poll(async () => (await storedAnnotations(app!.storeDir, documentId)).find((a) => a.labelId === 'policy-body')?.start).toBe(first);
    // The store holds the tag before the window has its answer; until then the reader knows only the
    // first annotation, and Alt+Down would step to it (seen on a CI run). The answer selects the new mark.
    await expect.poll(() => selectedTexts(page)).toEqual(['working group']);

    // Alt+Up and Alt+Down step between the annotations; Tab leaves the text.
    await page.keyboard.press('Escape');
    // The caret must be at the start before stepping: pressed while the tag's answer or Escape was still
    // moving focus, Control+Home was once lost and the step began after the last tag (seen on a CI run).
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.cm-content') !== null)).toBe(true);
    await expect
      .poll(async () => {
        await page.keyboard.press('Control+Home');
        return page.evaluate(() => {
          const selection = document.getSelection();
          const content = document.querySelector('.cm-content');
          if (!selection || selection.rangeCount === 0 || !selection.anchorNode || !content) return false;
          const before = document.createRange();
          before.setStart(content, 0);
          before.setEnd(selection.anchorNode, selection.anchorOffset);
          return selection.isCollapsed && before.toString() === '';
        });
      })
      .toBe(true);
    await page.keyboard.press('Alt+ArrowDown');
    const inOrder = (await storedAnnotations(app!.storeDir, documentId)).sort((a, b) => a.start - b.start).map((a) => a.quote.exact);
    await expect.poll(() => selectedTexts(page)).toEqual([inOrder[0]]);
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => selectedTexts(page)).toEqual([inOrder[1]]);
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.cm-content') === null)).toBe(true);

    // Alt+PageDown opens the next document of the library, Alt+PageUp comes back.
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.cm-content') !== null)).toBe(true);
    const docs = await call(page, 'listDocuments', {});
    const at = docs.findIndex((d) => d.id === documentId);
    const next = docs[at + 1] ?? null;
    await page.keyboard.press('Alt+PageDown');
    if (next) {
      await expect.poll(() => currentDocumentId(page)).toBe(next.id);
      await page.locator('.parley-reader .cm-content').focus();
      await page.keyboard.press('Alt+PageUp');
      await expect.poll(() => currentDocumentId(page)).toBe(documentId);
    } else {
      await expect.poll(() => currentDocumentId(page)).toBe(documentId);
    }
  });
});
