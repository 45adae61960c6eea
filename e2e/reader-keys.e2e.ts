/**
 * Keyboard-first tagging (issue 15) end to end: search → select → tag → next
 * untagged mention → tag → next document by keys alone; suggestions accepted
 * and rejected from the text (keys on a dashed mark, and the menu a click on
 * one opens) with their source stored; and a reader key rebound in the
 * settings, used, and still bound after the app restarts. Every step waits
 * for the window's answer before the next key.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../annotations/model';
import { call, clickText, markTexts, openDocument, selectedTexts } from './reader-helpers';
import { closeBrowser, launchParley, type ParleyHarness } from './support/harness';

let app: ParleyHarness | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});
afterAll(closeBrowser);

/** Starts Parley on a fresh store holding `articles` (markdown, title first) and opens the first. */
async function startWith(articles: Array<{ name: string; content: string }>): Promise<{ page: Page; ids: string[] }> {
  app = await launchParley({ seedSamples: false, viewport: { width: 1400, height: 900 } });
  const { page } = app;
  await page.getByText('No documents yet.').waitFor();
  const imported = await call(page, 'importTexts', { files: articles });
  await app.reload();
  return { page, ids: imported.added.map((d) => d.id) };
}

/** The analyst's layer as the store answers for it. */
async function ownInStore(page: Page, documentId: string): Promise<Annotation[]> {
  return (await call(page, 'getDocument', { documentId })).layers.find((l) => l.id === 'own')?.annotations ?? [];
}

const selection = (page: Page) => page.evaluate(() => String(document.getSelection()));
const status = (page: Page) => page.locator('.parley-reader-status').textContent();
const focusText = async (page: Page) => {
  await page.locator('.parley-reader .cm-content').focus();
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.cm-content') !== null)).toBe(true);
};

describe('keyboard-first tagging', () => {
  it('searches, selects, tags, goes to the next untagged mention, tags it, and opens the next document', async () => {
    const { page, ids } = await startWith([
      { name: 'talks.md', content: '# Envoys talk\n\nSung Kim met Noh in Geneva.\r\nLater 🇺🇸 Sung Kim left; 서울은 waited.' },
      { name: 'later.md', content: '# Envoys part\n\nNoh went home.' },
    ]);
    const documentId = await openDocument(page, 'Envoys talk');
    const stored = async () => (await ownInStore(page, documentId)).map((a) => `${a.quote.exact}=${a.labelId}@${a.start}`);
    const text = (await call(page, 'getDocument', { documentId })).document.text;
    await focusText(page);

    await page.keyboard.press('Control+f');
    // The box takes the focus in a render after the key; letters typed before it would go to the reader as commands.
    await expect.poll(() => page.getByRole('searchbox', { name: 'Search the document' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Sung Kim');
    await expect.poll(() => page.locator('.cm-parley-match-current').allTextContents()).toEqual(['Sung Kim']);
    await page.keyboard.press('Enter');
    await expect.poll(() => selection(page)).toBe('Sung Kim');
    await page.keyboard.press('1');
    await expect.poll(stored).toEqual([`Sung Kim=actor@${text.indexOf('Sung Kim')}`]);
    await expect.poll(() => selectedTexts(page)).toEqual(['Sung Kim']);

    // The next untagged mention of a known name: the other "Sung Kim", past the emoji and the CRLF.
    await page.keyboard.press('Alt+m');
    await expect.poll(() => status(page)).toBe('Untagged mention 1 of 1: “Sung Kim”, known as Actor. 1 tags it.');
    await expect.poll(() => selection(page)).toBe('Sung Kim');
    await page.keyboard.press('1');
    await expect.poll(stored).toEqual([`Sung Kim=actor@${text.indexOf('Sung Kim')}`, `Sung Kim=actor@${text.lastIndexOf('Sung Kim')}`]);
    await expect.poll(() => selectedTexts(page)).toEqual(['Sung Kim']);
    await page.keyboard.press('Alt+m');
    await expect.poll(() => status(page)).toMatch(/^No untagged mention of a known name in this document/);

    await page.keyboard.press('Alt+PageDown');
    const docs = await call(page, 'listDocuments', {});
    const next = docs[docs.findIndex((d) => d.id === documentId) + 1] ?? docs[0]!;
    expect(next.id).toBe(ids[1]);
    await expect.poll(() => page.locator('.parley-reader .cm-line').first().textContent()).toContain(next.title);
  });

  it('accepts and rejects suggestions from the text, by key and by the menu a click opens, storing their source', async () => {
    const { page, ids } = await startWith([{ name: 'seoul.md', content: '# Seoul talks\n\nSeoul sent an envoy.\r\nIn Seoul, 😀 officials waited; 서울 Seoul agreed.\r\nSeoul replied and Seoul left.' }]);
    const documentId = ids[0]!;
    const text = (await call(page, 'getDocument', { documentId })).document.text;
    await call(page, 'addAnnotations', { documentId, spans: [{ start: text.indexOf('Seoul'), end: text.indexOf('Seoul') + 5, labelId: 'actor' }] });
    await app!.reload();
    await openDocument(page, 'Seoul talks');
    const ghosts = page.locator('.parley-reader .cm-suggestion');
    await expect.poll(() => ghosts.count()).toBe(5);
    const provenance = async () => (await ownInStore(page, documentId)).map((a) => `${a.start}:${a.suggestedBy ?? 'hand'}`).sort();
    const at = (n: number) => {
      let i = -1;
      for (let k = 0; k <= n; k++) i = text.indexOf('Seoul', i + 1);
      return i;
    };
    await focusText(page);
    await page.keyboard.press('Control+Home');

    // y on the mention the key selected (it is a suggestion): accepted, with its source.
    await page.keyboard.press('Alt+m');
    await expect.poll(() => status(page)).toMatch(/^Untagged mention 1 of 5: “Seoul”/);
    await page.keyboard.press('y');
    await expect.poll(provenance).toEqual([`${at(0)}:hand`, `${at(1)}:own-tags`].sort());
    await expect.poll(() => ghosts.count()).toBe(4);
    // The window's answer: the accepted span is drawn as a tag, so the next key sees it tagged.
    await expect.poll(async () => (await markTexts(page, 'actor')).length).toBe(2);
    await expect.poll(() => status(page)).toBe('Accepted the suggestion “Seoul” as Actor (from own-tags).');

    // With the cursor in a suggestion, its label's key accepts it too (on a selection it tags by hand).
    await page.keyboard.press('Alt+m');
    await expect.poll(() => status(page)).toMatch(/^Untagged mention 1 of 4: “Seoul”/);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => selection(page)).toBe('');
    await expect.poll(() => status(page)).toBe('Suggested Actor: y accepts it, n rejects it.');
    await page.keyboard.press('1');
    await expect.poll(provenance).toEqual([`${at(0)}:hand`, `${at(1)}:own-tags`, `${at(2)}:own-tags`].sort());
    await expect.poll(() => ghosts.count()).toBe(3);
    await expect.poll(async () => (await markTexts(page, 'actor')).length).toBe(3);

    // n rejects: nothing enters the layer.
    await page.keyboard.press('Alt+m');
    await expect.poll(() => status(page)).toMatch(/^Untagged mention 1 of 3: “Seoul”/);
    await page.keyboard.press('n');
    await expect.poll(() => ghosts.count()).toBe(2);
    await expect.poll(() => status(page)).toBe('Rejected the suggestion “Seoul” as Actor; it will not be suggested again.');
    expect(await provenance()).toHaveLength(3);

    // A click on a dashed mark offers both.
    await clickText(page, 'Seoul', 4);
    const menu = page.getByRole('menu', { name: 'Suggestion' });
    await menu.getByRole('menuitem', { name: 'Accept as Actor' }).click();
    await expect.poll(provenance).toEqual([`${at(0)}:hand`, `${at(1)}:own-tags`, `${at(2)}:own-tags`, `${at(4)}:own-tags`].sort());
    await expect.poll(() => ghosts.count()).toBe(1);
    await clickText(page, 'Seoul', 5);
    await menu.getByRole('menuitem', { name: 'Reject' }).click();
    await expect.poll(() => ghosts.count()).toBe(0);
    expect(await provenance()).toHaveLength(4);

    // The rejected ones stay away after a reload.
    await app!.reload();
    await openDocument(page, 'Seoul talks');
    await expect.poll(async () => (await call(page, 'getSuggestions', { documentId })).suggestions).toEqual([]);
  });

  it('rebinds a key in the settings, refusing one that is taken, uses it, and keeps it after a restart', async () => {
    let { page } = await startWith([{ name: 'keys.md', content: '# Keys\n\nNoh met Sung Kim.\r\n통일부 agreed 👍.' }]);
    const documentId = (await call(page, 'listDocuments', {}))[0]!.id;
    const text = (await call(page, 'getDocument', { documentId })).document.text;
    await call(page, 'addAnnotations', { documentId, spans: [{ start: text.indexOf('Sung Kim'), end: text.indexOf('Sung Kim') + 8, labelId: 'actor' }, { start: text.indexOf('통일부'), end: text.indexOf('통일부') + 3, labelId: 'policy-body' }] });
    await app!.reload();
    await openDocument(page, 'Keys');
    await focusText(page);

    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();
    await sheet.getByRole('button', { name: 'Change keys…' }).click();
    const settings = page.getByRole('dialog', { name: 'Reader keys' });
    await settings.waitFor();
    const record = settings.locator('tr[data-command="next-annotation"] .parley-key-record');
    await record.click();
    await expect.poll(() => record.textContent()).toBe('Press a key…');
    // Taken by another command: refused, naming it; still waiting for a key.
    await page.keyboard.press('Alt+m');
    await expect.poll(() => settings.getByRole('alert').textContent()).toBe('Alt+M is already bound to “Select the next untagged mention of a known name (a label key then tags it)”. Give that command another key first.');
    await page.keyboard.press('Alt+j');
    await expect.poll(async () => (await call(page, 'getAppInfo', {})).keyBindings).toEqual({ 'next-annotation': 'Alt-j' });
    await expect.poll(() => settings.locator('tr[data-command="next-annotation"] kbd').textContent()).toBe('Alt+J');
    await settings.getByRole('button', { name: 'Done' }).click();
    await settings.waitFor({ state: 'detached' });

    await focusText(page);
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Alt+j');
    await expect.poll(() => selectedTexts(page)).toEqual(['Sung Kim']);
    await page.keyboard.press('Alt+j');
    await expect.poll(() => selectedTexts(page)).toEqual(['통일부']);

    // After a restart the sheet lists the key, and it is still bound. The window reads the analyst's keys
    // after it opens: the sheet showing Alt+J is the sign they have arrived, so it is checked before the key.
    await app!.restart();
    page = app!.page;
    await openDocument(page, 'Keys');
    await focusText(page);
    await page.keyboard.press('?');
    const sheetAgain = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheetAgain.waitFor();
    await expect.poll(() => sheetAgain.locator('tr', { hasText: 'Select the next annotation' }).locator('kbd').textContent()).toBe('Alt+J');
    await page.keyboard.press('Escape');
    await sheetAgain.waitFor({ state: 'detached' });
    await focusText(page);
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Alt+j');
    await expect.poll(() => selectedTexts(page)).toEqual(['Sung Kim']);
  });
});
