/**
 * Statements by keyboard only, on a seed-style article: tag an actor, a
 * position, a policy body and a date (found with search), set the position's
 * stance, accept the date's normalised value, link holds, toward and when,
 * see the statement row and the arcs, reload and see them again, undo a
 * relation, and find relations and attributes in the exported Parley JSON.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Annotation, Relation } from '../annotations/model';
import { call, markTexts, openDocument, textPoints } from './reader-helpers';
import { closeBrowser, launchParley, type ParleyHarness } from './support/harness';
import { screenshotPath } from './support/screenshot-path';

const TITLE = 'Working group to end, envoy says';
const ARTICLE = [
  `# ${TITLE}`,
  '',
  'Seoul, 23 June 2021.\r\nOn 22 June 2021 Noh Kyu-duk proposed ending the working group. The envoy 🇰🇷 spoke for an hour, and 정동영 was not there.',
  '',
  'Officials said the talks would go on in other forms.',
].join('\n');

let app: ParleyHarness | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});
afterAll(closeBrowser);

const status = (page: Page) => page.locator('#parley-reader-status').textContent();

/** Resolves once the focus is inside `selector` (a dialog or menu that takes it in an effect, or the text back after one closes). */
async function focusIn(page: Page, selector: string): Promise<void> {
  await expect.poll(() => page.evaluate((s) => document.activeElement?.closest(s) !== null, selector)).toBe(true);
}

/** Finds `text` with search (Ctrl+F, type, Enter), which selects it in the text, then presses `key`. */
async function findAndPress(page: Page, text: string, key: string): Promise<void> {
  // Ctrl+F is the reader's key: pressed while focus is still on its way back from a dialog, it would be lost.
  await focusIn(page, '.cm-content');
  await page.keyboard.press('Control+f');
  const box = page.getByRole('searchbox', { name: 'Search the document' });
  await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text);
  await expect.poll(() => page.locator('.parley-search-count').textContent()).toMatch(/^1 of /);
  await expect.poll(() => page.locator('.cm-parley-match-current').allTextContents().then((parts) => parts.join(''))).toBe(text);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).toBe(true);
  await page.keyboard.press(key);
}

/** The own layer as the store holds it (asked through the API, so however the store keeps its files). */
async function stored(page: Page, documentId: string): Promise<{ annotations: Annotation[]; relations: Relation[] }> {
  const view = await call(page, 'getDocument', { documentId });
  const own = view.layers.find((l) => l.id === 'own');
  return { annotations: own?.annotations ?? [], relations: own?.relations ?? [] };
}

/** The relations in the store as "source typeId target" by quote. */
async function storedLinks(page: Page, documentId: string): Promise<string[]> {
  const { annotations, relations } = await stored(page, documentId);
  const quote = (id: string) => annotations.find((a) => a.id === id)?.quote.exact ?? id;
  return relations.map((r) => `${quote(r.sourceId)} ${r.typeId} ${quote(r.targetId)}`).sort();
}

/** Links the selected span: r, type to narrow (no lower-case relation letters: those choose the relation), then the relation's key. */
async function link(page: Page, narrow: string, key: string): Promise<void> {
  await page.keyboard.press('r');
  await expect.poll(() => status(page)).toMatch(/^Link /);
  await page.keyboard.type(narrow);
  await expect.poll(() => status(page)).toContain(`Typed “${narrow}”`);
  await page.keyboard.press(key);
  await expect.poll(() => status(page)).toMatch(/^Linked /);
}

/** Selects the own annotation whose text is `quote` by stepping with Alt+↓. */
async function selectByKeys(page: Page, quote: string): Promise<void> {
  for (let i = 0; i < 8; i++) {
    const before = await status(page);
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => status(page)).not.toBe(before);
    const now = (await status(page)) ?? '';
    if (now.startsWith('Selected ') && now.includes(`“${quote}”`)) return;
  }
  throw new Error(`could not step to ${quote}`);
}

describe('statements', () => {
  it('builds a statement by keyboard, keeps it over a reload, undoes a relation, and exports relations and attributes', async () => {
    app = await launchParley({ seedSamples: false, viewport: { width: 1280, height: 820 } });
    const { page } = app;
    await page.getByText('No documents yet.').waitFor();
    const imported = await call(page, 'importTexts', { files: [{ name: 'working-group.md', content: ARTICLE }] });
    const documentId = imported.added[0]!.id;
    const title = imported.added[0]!.title;
    await app.reload();
    await openDocument(page, title);
    await page.locator('.parley-reader .cm-content').focus();

    // Tag by keyboard: actor (1), position (3), policy body (2), date (4).
    await findAndPress(page, 'Noh Kyu-duk', '1');
    await expect.poll(() => markTexts(page, 'actor')).toEqual(['Noh Kyu-duk']);
    await findAndPress(page, 'the working group', '2');
    await findAndPress(page, '22 June 2021', '4');
    await findAndPress(page, 'proposed ending', '3');
    await expect.poll(async () => (await stored(page, documentId)).annotations.map((a) => `${a.labelId}:${a.quote.exact}`)).toEqual([
      'date:22 June 2021',
      'actor:Noh Kyu-duk',
      'position:proposed ending',
      'policy-body:the working group',
    ]);

    // The new position is selected: s opens its stance, 3 chooses Proposes.
    await expect.poll(() => status(page)).toMatch(/Tagged “proposed ending”/);
    await page.keyboard.press('s');
    const stance = page.getByRole('dialog', { name: 'Stance' });
    await stance.waitFor();
    await focusIn(page, 'dialog');
    await page.keyboard.press('3');
    await stance.waitFor({ state: 'detached' });
    await expect.poll(async () => (await stored(page, documentId)).annotations.find((a) => a.labelId === 'position')?.attributes).toEqual({ stance: 'proposes' });
    // The store writes before the window has its answer, and the answer's status line would overwrite the
    // link prompt of an r pressed meanwhile (seen under load): wait for the window to say it.
    await expect.poll(() => status(page)).toBe('Stance set to Proposes.');

    // Link from the position: holds (from the actor), toward the body, when the date.
    await focusIn(page, '.cm-content');
    await link(page, 'Kyu', 'h');
    await expect.poll(() => storedLinks(page, documentId)).toEqual(['Noh Kyu-duk holds proposed ending']);
    await selectByKeys(page, 'proposed ending');
    await link(page, 'Work', 't');
    await selectByKeys(page, 'proposed ending');
    await link(page, '22', 'w');
    await expect.poll(() => storedLinks(page, documentId)).toEqual(['Noh Kyu-duk holds proposed ending', 'proposed ending toward the working group', 'proposed ending when 22 June 2021']);

    // The date: v accepts the value read from its text.
    await selectByKeys(page, '22 June 2021');
    await page.keyboard.press('v');
    await expect.poll(async () => (await stored(page, documentId)).annotations.find((a) => a.labelId === 'date')?.attributes).toEqual({ value: '2021-06-22' });

    // The statement row and the arcs.
    const row = page.locator('.statement-row');
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.first().textContent()).toMatch(/Noh Kyu-duk.*Proposes.*proposed ending.*the working group.*2021-06-22/);
    await expect.poll(() => page.locator('.cm-parley-arc').count()).toBe(3);
    await page.screenshot({ path: screenshotPath('statements.png') });

    // Reload: the row and the arcs come back from the store.
    await app.reload();
    await page.locator('.parley-reader .cm-content').waitFor();
    await openDocument(page, title);
    await expect.poll(() => page.locator('.statement-row').first().textContent()).toMatch(/Noh Kyu-duk.*Proposes.*proposed ending.*the working group.*2021-06-22/);
    await expect.poll(() => page.locator('.cm-parley-arc').count()).toBe(3);

    // Undo takes back the date's value, then the last link; the arcs follow.
    await page.locator('.parley-reader .cm-content').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await stored(page, documentId)).annotations.find((a) => a.labelId === 'date')?.attributes).toBeUndefined();
    await page.keyboard.press('Control+z');
    await expect.poll(() => storedLinks(page, documentId)).toEqual(['Noh Kyu-duk holds proposed ending', 'proposed ending toward the working group']);
    await expect.poll(() => page.locator('.cm-parley-arc').count()).toBe(2);
    // Arcs can be hidden.
    await page.getByRole('checkbox', { name: 'Arcs' }).uncheck();
    await expect.poll(() => page.locator('.cm-parley-arc').count()).toBe(0);

    // Export Parley JSON: relations and attributes are in the file.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-statements-'));
    const exportFile = path.join(dir, 'export.json');
    app.dialogs.nextSave(exportFile);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('dialog', { name: 'Export annotations' }).getByRole('button', { name: 'Export…' }).click();
    await page.getByText(`Written to ${exportFile}`).waitFor();
    const exported = JSON.parse(await readFile(exportFile, 'utf8')) as { documents: Array<{ layers: Array<{ id: string; annotations: Annotation[]; relations?: Relation[] }> }> };
    const own = exported.documents[0]!.layers.find((l) => l.id === 'own')!;
    const byId = new Map(own.annotations.map((a) => [a.id, a]));
    expect(own.relations!.map((r) => `${byId.get(r.sourceId)!.quote.exact} ${r.typeId} ${byId.get(r.targetId)!.quote.exact}`).sort()).toEqual(['Noh Kyu-duk holds proposed ending', 'proposed ending toward the working group']);
    expect(own.annotations.find((a) => a.labelId === 'position')!.attributes).toEqual({ stance: 'proposes' });
  });

  it('reads a relative date against the publication date, links spans to entities across scripts, links by Alt+drag, and reviews a colleague’s links', async () => {
    const text = '# Envoys meet\n\nOn Tuesday Noh Kyu-duk met 정동영 and proposed ending the working group.\r\nLater 정동영 agreed.';
    app = await launchParley({ seedSamples: false, viewport: { width: 1280, height: 820 } });
    const { page } = app;
    await page.getByText('No documents yet.').waitFor();
    const imported = await call(page, 'importTexts', { files: [{ name: 'envoys.md', content: text }] });
    const documentId = imported.added[0]!.id;
    await app.reload();
    await openDocument(page, imported.added[0]!.title);

    // Document details: published on Wednesday 23 June 2021.
    await page.getByRole('button', { name: 'Details' }).click();
    const details = page.getByRole('dialog', { name: 'Document details' });
    await details.getByLabel('Published').fill('Tuesday');
    await details.getByRole('button', { name: 'Save details' }).click();
    await expect.poll(() => details.getByRole('alert').textContent()).toMatch(/^Write the publication date as 2021-06-22/);
    await details.getByLabel('Published').fill('2021-06-23');
    await details.getByLabel('Outlet').fill('연합뉴스');
    await details.getByRole('button', { name: 'Save details' }).click();
    await details.waitFor({ state: 'detached' });
    await expect.poll(async () => (await call(page, 'getDocument', { documentId })).document.metadata).toEqual({ publishedAt: '2021-06-23', outlet: '연합뉴스' });

    // "Tuesday" is read against it: the day before.
    await page.locator('.parley-reader .cm-content').focus();
    await findAndPress(page, 'Tuesday', '4');
    await expect.poll(() => status(page)).toMatch(/Tagged “Tuesday”/);
    await page.keyboard.press('v');
    await expect.poll(async () => (await stored(page, documentId)).annotations.find((a) => a.labelId === 'date')?.attributes).toEqual({ value: '2021-06-22' });

    // An entity made from a span, then the Hangul name added as its alias from the other span.
    await findAndPress(page, 'Noh Kyu-duk', '1');
    await expect.poll(() => status(page)).toMatch(/Tagged “Noh Kyu-duk”/);
    await page.keyboard.press('e');
    const picker = page.getByRole('dialog', { name: 'Entity' });
    await picker.waitFor();
    await focusIn(page, 'dialog');
    await expect.poll(() => picker.locator('.entity-row-current').textContent()).toMatch(/^New entity “Noh Kyu-duk”/);
    await page.keyboard.press('Enter');
    await picker.waitFor({ state: 'detached' });
    await findAndPress(page, '정동영', '1');
    await expect.poll(() => status(page)).toMatch(/Tagged “정동영”/);
    await page.keyboard.press('e');
    await picker.waitFor();
    // Typed before the picker has the focus, the letters would go to the reader (h is a reader key).
    await focusIn(page, 'dialog');
    await page.keyboard.type('noh');
    await expect.poll(() => picker.locator('.entity-row-current').textContent()).toMatch(/^Noh Kyu-duk/);
    await page.keyboard.press('Alt+Enter');
    await picker.waitFor({ state: 'detached' });
    await expect.poll(async () => (await call(page, 'listEntities', {})).map((e) => [e.name, e.aliases])).toEqual([['Noh Kyu-duk', ['정동영']]]);
    await expect.poll(async () => {
      const { annotations } = await stored(page, documentId);
      return new Set(annotations.filter((a) => a.labelId === 'actor').map((a) => a.entityId)).size;
    }).toBe(1);
    // The hover card names the entity.
    const hangul = await textPoints(page, '정동영');
    await page.mouse.move(hangul.start.x + 4, hangul.start.y);
    await expect.poll(() => page.locator('.parley-note-detail').allTextContents()).toContain('Entity: Noh Kyu-duk');

    // Alt+drag from the actor to the position links them.
    await findAndPress(page, 'proposed ending', '3');
    await expect.poll(() => status(page)).toMatch(/Tagged “proposed ending”/);
    const from = await textPoints(page, 'Noh Kyu-duk');
    const to = await textPoints(page, 'proposed ending');
    await page.keyboard.down('Alt');
    await page.mouse.move(from.start.x + 6, from.start.y);
    await page.mouse.down();
    await page.mouse.move(to.start.x + 20, to.start.y, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.up('Alt');
    // Holds (actor to position) and toward (position to actor) both fit: the menu asks, h chooses.
    const menu = page.getByRole('menu', { name: 'Choose a relation' });
    await menu.waitFor();
    await expect.poll(() => menu.getByRole('menuitem').allTextContents()).toEqual(['hholds“Noh Kyu-duk” → “proposed ending”', 'ttoward“proposed ending” → “Noh Kyu-duk”']);
    // h chooses only once the menu has the focus (it takes it in an effect).
    await focusIn(page, '[role="menu"]');
    await page.keyboard.press('h');
    await menu.waitFor({ state: 'detached' });
    await expect.poll(() => storedLinks(page, documentId)).toEqual(['Noh Kyu-duk holds proposed ending']);

    // A colleague's copy (exported now) keeps the link; mine loses it; review lists it as only theirs.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-statements-'));
    const file = path.join(dir, 'sam.json');
    app.dialogs.nextSave(file);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('dialog', { name: 'Export annotations' }).getByRole('button', { name: 'Export…' }).click();
    await page.getByText(`Written to ${file}`).waitFor();
    await page.getByRole('button', { name: 'Delete the holds link' }).click();
    await expect.poll(() => storedLinks(page, documentId)).toEqual([]);
    app.dialogs.nextOpen([file]);
    await call(page, 'importLayerFromDialog', { format: 'parley', author: 'Sam' });
    await app.reload();
    await openDocument(page, imported.added[0]!.title);
    await page.getByRole('group', { name: 'Mode' }).getByRole('button', { name: 'Review', exact: true }).click();
    const links = page.getByRole('region', { name: 'Relation differences' });
    await expect.poll(() => links.locator('.review-relation').evaluateAll((rows) => rows.map((r) => `${r.querySelector('.review-relation-kind')?.textContent} ${r.querySelector('.review-relation-text')?.textContent}`))).toEqual(['Only theirs “Noh Kyu-duk” holds “proposed ending”']);
    await page.screenshot({ path: screenshotPath('statements-review.png') });
  });
});
