/**
 * The library's entities from the reader, by keyboard: select a span, `e`
 * opens the entity picker, Alt+M the entities dialog with the span's entity
 * shown; merge "정동영" into "Chung Dong-young" (the spans follow, in the
 * store), then Ctrl+Z in the dialog undoes the merge: both entities and
 * every span's link are back. Deleting an entity asks once more, leaves its
 * spans tagged but unlinked, and is undone the same way.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { call, openDocument } from './reader-helpers';
import { expectAccessible } from './support/axe-check';
import { closeBrowser, launchParley, type ParleyHarness } from './support/harness';

const ARTICLE = '# Envoys\n\n정동영 장관은 말했다 🇰🇷.\r\nLater Chung Dong-young met the working group.';

let app: ParleyHarness | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});
afterAll(closeBrowser);

const status = (page: Page) => page.locator('#parley-reader-status').textContent();

async function links(page: Page, documentId: string): Promise<string[]> {
  const view = await call(page, 'getDocument', { documentId });
  const entities = await call(page, 'listEntities', {});
  const name = (id: string | undefined) => entities.find((e) => e.id === id)?.name ?? '-';
  return (view.layers.find((l) => l.id === 'own')?.annotations ?? []).map((a) => `${a.quote.exact} → ${name(a.entityId)}`);
}

/**
 * A fresh app with the article, these entities, and its two names tagged as actors (a known name is linked as
 * it is tagged), open in the reader after a reload.
 */
async function envoysWith(entities: Array<{ name: string; aliases: string[] }>): Promise<{ page: Page; documentId: string }> {
  app = await launchParley({ seedSamples: false, viewport: { width: 1280, height: 900 } });
  const { page } = app;
  await page.getByText('No documents yet.').waitFor();
  const imported = await call(page, 'importTexts', { files: [{ name: 'envoys.md', content: ARTICLE }] });
  const documentId = imported.added[0]!.id;
  for (const entity of entities) await call(page, 'createEntity', { ...entity, kind: 'actor' });
  const at = (quote: string) => ({ start: ARTICLE.indexOf(quote), end: ARTICLE.indexOf(quote) + quote.length, labelId: 'actor' });
  await call(page, 'addAnnotations', { documentId, spans: [at('정동영'), at('Chung Dong-young')] });
  await app.reload();
  await openDocument(page, imported.added[0]!.title);
  return { page, documentId };
}

describe('entities dialog', () => {
  it('merges two entities from the reader by keyboard and undoes the merge', async () => {
    const { page, documentId } = await envoysWith([
      { name: 'Chung Dong-young', aliases: [] },
      { name: '정동영', aliases: ['정 장관'] },
    ]);
    expect(await links(page, documentId)).toEqual(['정동영 → 정동영', 'Chung Dong-young → Chung Dong-young']);

    // Select the first annotation (정동영) by keyboard, open the picker, then the entities.
    await page.locator('.parley-reader .cm-content').focus();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => status(page)).toMatch(/^Selected .*“정동영”/);
    await page.keyboard.press('e');
    const picker = page.getByRole('dialog', { name: 'Entity' });
    await picker.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Find an entity by name or alias');
    await expectAccessible(page, 'entity picker');
    await page.keyboard.press('Alt+m');
    const dialog = page.getByRole('dialog', { name: 'Entities' });
    await dialog.waitFor();
    await dialog.getByRole('group', { name: 'Edit 정동영' }).waitFor();
    await expectAccessible(page, 'entities dialog');

    // Merge it into Chung Dong-young: the Korean name becomes an alias and the span follows.
    await dialog.getByLabel('Merge into').selectOption({ label: 'Chung Dong-young' });
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect.poll(() => dialog.getByTestId('entities-said').textContent()).toBe('Merged “정동영” into “Chung Dong-young”; 1 spans follow.');
    await expect.poll(() => call(page, 'listEntities', {}).then((list) => list.map((e) => `${e.name}: ${e.aliases.join(', ')}`))).toEqual(['Chung Dong-young: 정동영, 정 장관']);
    await expect.poll(() => links(page, documentId)).toEqual(['정동영 → Chung Dong-young', 'Chung Dong-young → Chung Dong-young']);

    // Ctrl+Z in the dialog (outside its text fields) undoes the merge, spans included.
    const undo = dialog.getByRole('button', { name: 'Undo: Merge “정동영” into “Chung Dong-young”' });
    await undo.focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => dialog.getByTestId('entities-said').textContent()).toBe('Undid: Merge “정동영” into “Chung Dong-young”');
    await expect.poll(() => call(page, 'listEntities', {}).then((list) => list.map((e) => `${e.name}: ${e.aliases.join(', ')}`).sort())).toEqual(['Chung Dong-young: ', '정동영: 정 장관']);
    await expect.poll(() => links(page, documentId)).toEqual(['정동영 → 정동영', 'Chung Dong-young → Chung Dong-young']);
    await expect.poll(() => dialog.getByRole('button', { name: /^Redo: Merge/ }).isEnabled()).toBe(true);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('deletes an entity after asking once more: its spans stay tagged, unlinked, and Undo brings both back', async () => {
    const { page, documentId } = await envoysWith([{ name: '정동영', aliases: ['Chung Dong-young'] }]);
    await page.locator('.parley-reader .cm-content').focus();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Alt+ArrowDown');
    await page.keyboard.press('e');
    await page.getByRole('dialog', { name: 'Entity' }).waitFor();
    await page.keyboard.press('Alt+m');
    const dialog = page.getByRole('dialog', { name: 'Entities' });
    await dialog.getByRole('group', { name: 'Edit 정동영' }).waitFor();

    // The first click only asks; "Keep it" leaves everything as it was.
    await dialog.getByRole('button', { name: 'Delete…' }).click();
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    expect(await call(page, 'listEntities', {})).toHaveLength(1);
    await dialog.getByRole('button', { name: 'Delete…' }).click();
    await expectAccessible(page, 'entities dialog, asking before a delete');
    await dialog.getByRole('button', { name: 'Delete “정동영”' }).click();
    await expect.poll(() => dialog.getByTestId('entities-said').textContent()).toBe('Deleted “정동영”; 2 spans stay tagged, unlinked.');
    expect(await call(page, 'listEntities', {})).toEqual([]);
    await expect.poll(() => links(page, documentId)).toEqual(['정동영 → -', 'Chung Dong-young → -']);

    await dialog.getByRole('button', { name: 'Undo: Delete “정동영”' }).click();
    await expect.poll(() => dialog.getByTestId('entities-said').textContent()).toBe('Undid: Delete “정동영”');
    await expect.poll(() => links(page, documentId)).toEqual(['정동영 → 정동영', 'Chung Dong-young → 정동영']);
  });
});
