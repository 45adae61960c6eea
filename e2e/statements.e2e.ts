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
import { call, markTexts, openDocument } from './reader-helpers';
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

/** Finds `text` with search (Ctrl+F, type, Enter), which selects it in the text, then presses `key`. */
async function findAndPress(page: Page, text: string, key: string): Promise<void> {
  await page.keyboard.press('Control+f');
  const box = page.getByRole('searchbox', { name: 'Search the document' });
  await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text);
  await expect.poll(() => page.locator('.parley-search-count').textContent()).toMatch(/^1 of /);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).toBe(true);
  await page.keyboard.press(key);
}

async function stored(storeDir: string, documentId: string): Promise<{ annotations: Annotation[]; relations: Relation[] }> {
  const view = await readStore(storeDir, documentId);
  const own = view.layers.find((l) => l.id === 'own');
  return { annotations: own?.annotations ?? [], relations: own?.relations ?? [] };
}

async function readStore(storeDir: string, documentId: string): Promise<{ layers: Array<{ id: string; annotations: Annotation[]; relations?: Relation[] }> }> {
  const { readdir } = await import('node:fs/promises');
  const dir = path.join(storeDir, 'documents');
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.json')) continue;
    const file = JSON.parse(await readFile(path.join(dir, name), 'utf8')) as { document: { id: string }; layers: Array<{ id: string; annotations: Annotation[]; relations?: Relation[] }> };
    if (file.document.id === documentId) return file;
  }
  throw new Error(`document ${documentId} is not in ${dir}`);
}

/** The relations in the store as "source typeId target" by quote. */
async function storedLinks(storeDir: string, documentId: string): Promise<string[]> {
  const { annotations, relations } = await stored(storeDir, documentId);
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
    await expect.poll(async () => (await stored(app!.storeDir, documentId)).annotations.map((a) => `${a.labelId}:${a.quote.exact}`)).toEqual([
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
    await page.keyboard.press('3');
    await stance.waitFor({ state: 'detached' });
    await expect.poll(async () => (await stored(app!.storeDir, documentId)).annotations.find((a) => a.labelId === 'position')?.attributes).toEqual({ stance: 'proposes' });

    // Link from the position: holds (from the actor), toward the body, when the date.
    await link(page, 'Kyu', 'h');
    await expect.poll(() => storedLinks(app!.storeDir, documentId)).toEqual(['Noh Kyu-duk holds proposed ending']);
    await selectByKeys(page, 'proposed ending');
    await link(page, 'Work', 't');
    await selectByKeys(page, 'proposed ending');
    await link(page, '22', 'w');
    await expect.poll(() => storedLinks(app!.storeDir, documentId)).toEqual(['Noh Kyu-duk holds proposed ending', 'proposed ending toward the working group', 'proposed ending when 22 June 2021']);

    // The date: v accepts the value read from its text.
    await selectByKeys(page, '22 June 2021');
    await page.keyboard.press('v');
    await expect.poll(async () => (await stored(app!.storeDir, documentId)).annotations.find((a) => a.labelId === 'date')?.attributes).toEqual({ value: '2021-06-22' });

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
    await expect.poll(async () => (await stored(app!.storeDir, documentId)).annotations.find((a) => a.labelId === 'date')?.attributes).toBeUndefined();
    await page.keyboard.press('Control+z');
    await expect.poll(() => storedLinks(app!.storeDir, documentId)).toEqual(['Noh Kyu-duk holds proposed ending', 'proposed ending toward the working group']);
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
});
