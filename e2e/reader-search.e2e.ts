/**
 * Searching the open document (plain, case-sensitive, whole word, regular
 * expression) with a count of matches, and tagging every match at once after
 * confirming how many annotations that adds; one undo removes them all.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closeBrowser, type ParleyHarness } from './support/harness';
import { call, clickText, dragSelect, markTexts, openDocument, SAMPLE, startReader, storedAnnotations } from './reader-helpers';

let app: ParleyHarness | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});
afterAll(closeBrowser);

function count(text: string, pattern: RegExp): number {
  return [...text.matchAll(pattern)].length;
}

async function begin(): Promise<{ page: Page; documentId: string; text: string }> {
  const started = await startReader();
  app = started.app;
  const documentId = await openDocument(started.page, SAMPLE.workingGroup);
  const { document } = await call(started.page, 'getDocument', { documentId });
  return { page: started.page, documentId, text: document.text };
}

describe('reader search', () => {
  it('finds plain text, case-sensitive, whole words and regular expressions, with a count and highlights', async () => {
    const { page, text } = await begin();
    await clickText(page, 'Seoul');
    await page.keyboard.press('Control+f');
    const box = page.getByRole('searchbox', { name: 'Search the document' });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    const status = page.locator('.parley-search-count');

    await box.fill('the');
    const plain = count(text, /the/gi);
    await expect.poll(() => status.textContent()).toBe(`1 of ${plain}`);
    await expect.poll(() => page.locator('.cm-parley-match').count()).toBeGreaterThanOrEqual(plain);
    await box.press('ArrowDown');
    await expect.poll(() => status.textContent()).toBe(`2 of ${plain}`);
    await box.press('ArrowUp');
    await expect.poll(() => status.textContent()).toBe(`1 of ${plain}`);

    await page.getByLabel('Match case').check();
    await expect.poll(() => status.textContent()).toBe(`1 of ${count(text, /the/g)}`);
    await page.getByLabel('Whole word').check();
    await expect.poll(() => status.textContent()).toBe(`1 of ${count(text, /\bthe\b/g)}`);
    expect(count(text, /\bthe\b/g)).toBeLessThan(plain);

    await page.getByLabel('Match case').uncheck();
    await page.getByLabel('Whole word').uncheck();
    await page.getByLabel('Regular expression').check();
    await box.fill('(Seoul|Washington)\\b');
    const regex = count(text, /(Seoul|Washington)\b/gi);
    await expect.poll(() => status.textContent()).toBe(`1 of ${regex}`);
    await expect.poll(async () => new Set(await page.locator('.cm-parley-match').allTextContents())).toEqual(new Set(['Seoul', 'Washington']));

    await box.fill('(unclosed');
    await expect.poll(() => status.textContent()).toMatch(/invalid regular expression/);
    await expect.poll(() => page.locator('.cm-parley-match').count()).toBe(0);

    await box.fill('zzzz');
    await expect.poll(() => status.textContent()).toBe('No matches');
    await box.press('Escape');
    await expect.poll(() => box.count()).toBe(0);
  });

  it('selects the current match with Enter, so a label key tags it', async () => {
    const { page, documentId, text } = await begin();
    await clickText(page, 'Allies');
    await page.keyboard.press('Control+f');
    const box = page.getByRole('searchbox', { name: 'Search the document' });
    await box.fill('working group');
    await expect.poll(() => page.locator('.parley-search-count').textContent()).toBe('1 of 3');
    await box.press('ArrowDown');
    await expect.poll(() => page.locator('.parley-search-count').textContent()).toBe('2 of 3');
    await box.press('Enter');
    await expect.poll(() => page.evaluate(() => String(document.getSelection()))).toBe('working group');
    await page.keyboard.press('2');
    const second = [...text.matchAll(/working group/gi)][1]!.index;
    await expect.poll(async () => (await storedAnnotations(app!.storeDir, documentId)).map((a) => [a.start, a.labelId])).toEqual([[second, 'policy-body']]);
  });

  it('tags all matches not yet tagged after confirming the count, and one undo removes them all', async () => {
    const { page, documentId, text } = await begin();
    const stored = async () => (await storedAnnotations(app!.storeDir, documentId)).filter((a) => a.labelId === 'policy-body').map((a) => a.start);
    // One match is tagged by hand first: it is skipped.
    await dragSelect(page, 'working group', 1);
    await page.keyboard.press('2');
    await expect.poll(stored).toHaveLength(1);
    // Tag all counts what is already tagged from the window's annotations, which follow the store's answer
    // (the store writes first): wait for the side list to show the hand-made tag.
    await expect.poll(() => page.locator('.parley-list-group[data-label="policy-body"] .parley-list-item').allTextContents()).toEqual(['working group']);

    await page.keyboard.press('Control+f');
    await page.getByRole('searchbox', { name: 'Search the document' }).fill('working group');
    const total = count(text, /working group/gi);
    expect(total).toBe(3);
    await expect.poll(() => page.locator('.parley-search-count').textContent()).toBe(`1 of ${total}`);
    await page.getByLabel('Label for all matches').selectOption('policy-body');
    await page.getByRole('button', { name: 'Tag all matches' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tag all matches' });
    await dialog.waitFor();
    await expect.poll(() => dialog.locator('.parley-confirm-count').textContent()).toMatch(/adds 2 annotations labelled Policy body\. 1 match is already tagged/);
    // Each match is listed in its context with a box; unticking one leaves it out, ticking it again puts it back.
    const rows = dialog.getByRole('list', { name: 'Matches to tag' }).getByRole('checkbox');
    await expect.poll(() => rows.count()).toBe(2);
    await expect.poll(() => dialog.locator('.parley-match-context mark').allTextContents()).toEqual(['working group', 'working group']);
    await rows.first().uncheck();
    await expect.poll(() => dialog.locator('.parley-confirm-count').textContent()).toMatch(/adds 1 annotation labelled/);
    await rows.first().check();
    await dialog.getByRole('button', { name: 'Add 2' }).click();

    const all = [...text.matchAll(/working group/gi)].map((m) => m.index);
    await expect.poll(stored).toEqual(all);
    await expect.poll(() => markTexts(page, 'policy-body')).toEqual(['working group', 'working group', 'working group']);
    // Nothing left to add with the same label.
    await page.getByRole('button', { name: 'Tag all matches' }).click();
    await expect.poll(() => page.locator('.parley-search').textContent()).toMatch(/Every match is already tagged as Policy body/);

    // One undo takes back the whole batch, leaving the one tagged by hand.
    await page.getByRole('searchbox', { name: 'Search the document' }).press('Escape');
    await page.keyboard.press('Control+z');
    await expect.poll(stored).toHaveLength(1);
    await expect.poll(() => markTexts(page, 'policy-body')).toEqual(['working group']);
  });
});
