/**
 * An accessibility check of the main states with axe-core: the reader with
 * annotations, the empty library, a dialog, review against a colleague,
 * agreement, and the reader in the dark theme. A serious or critical
 * violation fails the spec, named with the elements it was found on.
 * axe runs as `support/axe-check.ts` runs it.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createAnnotation } from '../annotations/annotation';
import { createDocument } from '../annotations/document';
import { codecs } from '../annotations/formats/index';
import { defaultLabelSchema } from '../annotations/labels';
import { call, dragSelect, openDocument, SAMPLE } from './reader-helpers';
import { expectAccessible } from './support/axe-check';
import { closeBrowser, launchParley, type ParleyHarness } from './support/harness';

let app: ParleyHarness | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});
afterAll(closeBrowser);

async function tagSome(page: Page): Promise<void> {
  for (const [needle, key] of [
    ['Noh Kyu-duk', '1'],
    ['November 2018', '4'],
  ] as const) {
    await dragSelect(page, needle);
    await page.keyboard.press(key);
    await expect.poll(() => page.locator('.parley-reader-status').textContent()).toContain(`Tagged “${needle}`);
  }
}

/** A colleague's Parley JSON export of one document's text, with two spans of their own. */
async function colleagueFile(title: string, text: string): Promise<string> {
  const now = '2026-11-25T10:00:00.000Z';
  const document = createDocument({ title, source: 'Ben’s library', text, now });
  const annotations = [
    ['Noh Kyu-duk', 'actor'],
    ['working group', 'policy-body'],
  ].map(([quote, labelId]) => {
    const start = text.indexOf(quote!);
    const made = createAnnotation(text, { documentId: document.id, start, end: start + quote!.length, labelId: labelId!, author: 'Ben', now });
    if (!made.ok) throw new Error(made.error.message);
    return made.value;
  });
  const exported = codecs.parley.export({ labels: defaultLabelSchema(), documents: [{ document, layers: [{ id: 'own', kind: 'own', author: 'Ben', annotations }], decisions: [] }] }, { layerIds: ['own'] });
  if (!exported.ok) throw new Error(exported.error.message);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-e2e-a11y-'));
  const file = path.join(dir, 'ben.json');
  await writeFile(file, exported.value.files[0]!.data);
  return file;
}

async function switchMode(page: Page, mode: 'Read' | 'Review' | 'Agreement'): Promise<void> {
  await page.getByRole('group', { name: 'Mode' }).getByRole('button', { name: mode, exact: true }).click();
}

describe('accessibility', () => {
  it('has no serious or critical violations in the reader, a dialog, review and agreement', async () => {
    app = await launchParley({ seedSamples: true });
    const page = app.page;
    await page.locator('.parley-reader .cm-content').waitFor();
    const documentId = await openDocument(page, SAMPLE.workingGroup);
    await tagSome(page);
    await expectAccessible(page, 'reader');

    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await expectAccessible(page, 'shortcut sheet');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).getByRole('button', { name: 'Change keys…' }).click();
    const keys = page.getByRole('dialog', { name: 'Reader keys' });
    await keys.waitFor();
    await keys.locator('tr[data-command="next-annotation"] .parley-key-record').click();
    await expect.poll(() => keys.getByRole('status').textContent()).toMatch(/^Press the new key/);
    await expectAccessible(page, 'key settings, recording a key');
    await page.keyboard.press('Escape');
    await expect.poll(() => keys.getByRole('status').textContent()).toBe('Key unchanged.');
    await page.keyboard.press('Escape');
    await keys.waitFor({ state: 'detached' });

    const { document } = await call(page, 'getDocument', { documentId });
    app.dialogs.nextOpen([await colleagueFile(document.title, document.text)]);
    const loaded = await call(page, 'importLayerFromDialog', { format: 'parley', author: 'Ben' });
    expect(loaded).not.toBeNull();
    await app.reload();
    await openDocument(page, SAMPLE.workingGroup);
    await switchMode(page, 'Review');
    await page.getByRole('region', { name: 'Review' }).waitFor();
    await expectAccessible(page, 'review');

    await switchMode(page, 'Agreement');
    const agreement = page.getByRole('region', { name: 'Agreement' });
    await agreement.waitFor();
    await expect.poll(() => agreement.locator('table').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'agreement');
  });

  it('has no serious or critical violations in the corpus view, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      app = await launchParley({ seedSamples: true, colorScheme });
      const page = app.page;
      await page.locator('.parley-reader .cm-content').waitFor();
      const documentId = await openDocument(page, SAMPLE.workingGroup);
      const { document } = await call(page, 'getDocument', { documentId });
      const start = document.text.indexOf('Noh Kyu-duk');
      await call(page, 'addAnnotations', { documentId, spans: [{ start, end: start + 'Noh Kyu-duk'.length, labelId: 'actor' }] });
      await page.getByRole('group', { name: 'Mode' }).getByRole('button', { name: 'Corpus', exact: true }).click();
      const panel = page.getByRole('tabpanel');
      const entity = panel.locator('.corpus-entity').first();
      await entity.waitFor();
      await entity.click();
      await expectAccessible(page, `corpus entities (${colorScheme})`);
      await page.getByRole('tab', { name: 'Search', exact: true }).click();
      await panel.getByRole('searchbox', { name: 'Words' }).fill('working group');
      await panel.locator('.corpus-hit').first().waitFor();
      await expectAccessible(page, `corpus search (${colorScheme})`);
      await page.getByRole('tab', { name: 'Statements', exact: true }).click();
      await panel.getByTestId('statement-table').waitFor();
      await expectAccessible(page, `corpus statements (${colorScheme})`);
      await app.close();
      app = undefined;
    }
  });

  it('has no serious or critical violations in an empty library', async () => {
    app = await launchParley({ seedSamples: false });
    await app.page.getByText('Your library is empty.').waitFor();
    await expectAccessible(app.page, 'empty library');
  });

  it('has no serious or critical violations in the dark theme', async () => {
    app = await launchParley({ seedSamples: true, colorScheme: 'dark' });
    const page = app.page;
    await page.locator('.parley-reader .cm-content').waitFor();
    await openDocument(page, SAMPLE.workingGroup);
    await tagSome(page);
    await expectAccessible(page, 'reader, dark theme');
  });

  it('tells a screen reader the label and layer of the annotation the cursor enters', async () => {
    app = await launchParley({ seedSamples: true });
    const page = app.page;
    await page.locator('.parley-reader .cm-content').waitFor();
    await openDocument(page, SAMPLE.workingGroup);
    await tagSome(page);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => page.locator('.parley-reader .cm-announced').textContent()).toBe('Actor, your layer: “Noh Kyu-duk”');
    // The text shows a focus ring.
    const ring = await page.locator('.parley-reader .cm-editor').evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(ring).toBe('solid');
  });
});
