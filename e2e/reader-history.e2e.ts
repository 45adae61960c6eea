/**
 * Undo and redo in the reader: Ctrl+Z and Ctrl+Shift+Z for every change to
 * annotations, with the change named on the buttons, surviving a reload.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closeBrowser, type ParleyHarness } from './support/harness';
import { clickText, currentDocumentId, dragSelect, markTexts, openDocument, SAMPLE, startReader, storedAnnotations } from './reader-helpers';

let app: ParleyHarness | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});
afterAll(closeBrowser);

describe('reader history', () => {
  it('undoes and redoes tagging, relabelling and deleting, also after a reload', async () => {
    const started = await startReader();
    app = started.app;
    const page = started.page;
    const documentId = await openDocument(page, SAMPLE.workingGroup);
    const stored = async () => (await storedAnnotations(app!.storeDir, documentId)).map((a) => `${a.quote.exact}=${a.labelId}`);
    const undoButton = page.getByRole('group', { name: 'History' }).locator('.parley-undo');
    const redoButton = page.getByRole('group', { name: 'History' }).locator('.parley-redo');

    await dragSelect(page, 'Noh Kyu-duk');
    await page.keyboard.press('1');
    await expect.poll(stored).toEqual(['Noh Kyu-duk=actor']);
    // The store writes before the window has its answer; the next step waits for it, so it sees the tag in the reader.
    await expect.poll(() => page.locator('.parley-reader-status').textContent()).toContain('Tagged “Noh Kyu-duk”');
    await dragSelect(page, 'Sung Kim');
    await page.keyboard.press('1');
    await expect.poll(stored).toEqual(['Noh Kyu-duk=actor', 'Sung Kim=actor']);
    await expect.poll(() => undoButton.textContent()).toContain('Tag “Sung Kim”');

    await page.keyboard.press('Control+z');
    await expect.poll(stored).toEqual(['Noh Kyu-duk=actor']);
    await expect.poll(() => markTexts(page, 'actor')).toEqual(['Noh Kyu-duk']);
    await expect.poll(() => redoButton.textContent()).toContain('Tag “Sung Kim”');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => markTexts(page, 'actor')).toEqual(['Noh Kyu-duk', 'Sung Kim']);

    // Relabel, then undo it.
    await clickText(page, 'Sung Kim');
    await page.keyboard.press('l');
    await page.keyboard.press('4');
    await expect.poll(stored).toEqual(['Noh Kyu-duk=actor', 'Sung Kim=date']);
    await page.keyboard.press('Control+z');
    await expect.poll(stored).toEqual(['Noh Kyu-duk=actor', 'Sung Kim=actor']);

    // Delete, then undo it with the button.
    await clickText(page, 'Noh Kyu-duk');
    await page.keyboard.press('Delete');
    await expect.poll(stored).toEqual(['Sung Kim=actor']);
    await undoButton.click();
    await expect.poll(stored).toEqual(['Noh Kyu-duk=actor', 'Sung Kim=actor']);
    await expect.poll(() => markTexts(page, 'actor')).toEqual(['Noh Kyu-duk', 'Sung Kim']);

    // Undo the two tags, reload, and redo from the history the store kept.
    await clickText(page, 'Seoul');
    await page.keyboard.press('Control+z');
    await expect.poll(stored).toEqual(['Noh Kyu-duk=actor']);
    await page.keyboard.press('Control+z');
    await expect.poll(stored).toEqual([]);
    await expect.poll(() => markTexts(page, 'actor')).toEqual([]);
    await expect.poll(() => undoButton.isDisabled()).toBe(true);
    await app.reload();
    await page.locator('.parley-reader .cm-content').waitFor();
    if ((await currentDocumentId(page)) !== documentId) await openDocument(page, SAMPLE.workingGroup);
    await expect.poll(() => redoButton.isEnabled()).toBe(true);
    await expect.poll(() => redoButton.textContent()).toContain('Tag “Noh Kyu-duk”');
    await clickText(page, 'Seoul');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(stored).toEqual(['Noh Kyu-duk=actor']);
    await expect.poll(() => markTexts(page, 'actor')).toEqual(['Noh Kyu-duk']);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(stored).toEqual(['Noh Kyu-duk=actor', 'Sung Kim=actor']);
    // The last redo is the deletion.
    await expect.poll(() => redoButton.textContent()).toContain('Delete “Noh Kyu-duk”');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(stored).toEqual(['Sung Kim=actor']);
    await expect.poll(() => markTexts(page, 'actor')).toEqual(['Sung Kim']);
    await expect.poll(() => redoButton.isDisabled()).toBe(true);
  });
});
