/**
 * The corpus view on a library of seed-style articles with statements: find
 * an entity across documents and open a mention with Enter; search two
 * documents, tag the chosen hits in one step and undo it with one Ctrl+Z;
 * filter the statement table and export the rows shown.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { call } from './reader-helpers';
import { closeBrowser, launchParley, type ParleyHarness } from './support/harness';

const SEOUL = [
  '# Seoul rejects the drills plan',
  '',
  'Seoul, 3 March 2025.\r\nKim Jong Un opposed the joint drills on 3 March 2025. 서울은 합동훈련 재개를 지지했다 🇰🇷.',
].join('\n');
const TOKYO = ['# Tokyo talks end early', '', 'Tokyo, 9 May 2025. Kim Jong Un demanded an end to joint drills in May 2025.'].join('\n');

let app: ParleyHarness | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});
afterAll(closeBrowser);

/** Tags `quote` in a document through the API and returns the span's id. */
async function tag(page: Page, documentId: string, text: string, quote: string, labelId: string): Promise<string> {
  const start = text.indexOf(quote);
  const change = await call(page, 'addAnnotations', { documentId, spans: [{ start, end: start + quote.length, labelId }] });
  return change.added[0]!.id;
}

/** One statement: actor holds position (with a stance) when date. */
async function statement(page: Page, documentId: string, text: string, actor: string, position: string, stance: string, date: string, value: string): Promise<void> {
  const a = await tag(page, documentId, text, actor, 'actor');
  const p = await tag(page, documentId, text, position, 'position');
  const d = await tag(page, documentId, text, date, 'date');
  await call(page, 'updateAnnotation', { documentId, annotationId: p, attributes: { stance } });
  await call(page, 'updateAnnotation', { documentId, annotationId: d, attributes: { value } });
  await call(page, 'addRelation', { documentId, typeId: 'holds', sourceId: a, targetId: p });
  await call(page, 'addRelation', { documentId, typeId: 'when', sourceId: p, targetId: d });
}

/** A library of two articles, Kim Jong Un an entity linked in both, one statement in each. */
async function library(page: Page): Promise<{ seoul: string; tokyo: string }> {
  const imported = await call(page, 'importTexts', { files: [{ name: 'seoul.md', content: SEOUL }, { name: 'tokyo.md', content: TOKYO }] });
  const [seoul, tokyo] = imported.added.map((d) => d.id) as [string, string];
  await call(page, 'createEntity', { name: 'Kim Jong Un', kind: 'actor', aliases: ['김정은'] });
  await statement(page, seoul, SEOUL, 'Kim Jong Un', 'opposed the joint drills', 'opposes', '3 March 2025', '2025-03-03');
  await statement(page, tokyo, TOKYO, 'Kim Jong Un', 'demanded an end', 'demands', 'May 2025', '2025-05');
  return { seoul, tokyo };
}

async function corpusMode(page: Page): Promise<void> {
  await page.getByRole('group', { name: 'Mode' }).getByRole('button', { name: 'Corpus', exact: true }).click();
  await page.getByRole('tablist', { name: 'Corpus views' }).waitFor();
}

async function chooseTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  await tab.click();
  await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
}

/** The quotes of a document's own layer, as the store answers. */
async function ownQuotes(page: Page, documentId: string): Promise<string[]> {
  const view = await call(page, 'getDocument', { documentId });
  return (view.layers.find((l) => l.id === 'own')?.annotations ?? []).map((a) => a.quote.exact).sort();
}

describe('corpus view', () => {
  it('finds an entity across documents and opens a mention with Enter', async () => {
    app = await launchParley({ seedSamples: false, viewport: { width: 1280, height: 820 } });
    const { page } = app;
    await page.getByText('Your library is empty.').waitFor();
    const { tokyo } = await library(page);
    await app.reload();
    await corpusMode(page);
    // The tabs are WAI-ARIA tabs: the arrow keys move between them, Home goes back to the first.
    await page.getByRole('tab', { name: 'Entities', exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('tab', { name: 'Search', exact: true }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Search');
    await page.keyboard.press('Home');
    await expect.poll(() => page.getByRole('tab', { name: 'Entities', exact: true }).getAttribute('aria-selected')).toBe('true');
    const panel = page.getByRole('tabpanel');
    await panel.getByRole('searchbox', { name: 'Name' }).fill('kim');
    const row = panel.getByRole('button', { name: /Kim Jong Un/ }).first();
    await expect.poll(() => row.textContent()).toContain('2 in 2 documents');
    await row.click();
    const mentions = page.getByRole('region', { name: 'Mentions of Kim Jong Un' }).getByRole('button');
    await expect.poll(() => mentions.count()).toBe(2);
    // The arrow keys move between tabs; Tab reaches the mention, Enter opens it.
    await mentions.nth(1).focus();
    await page.keyboard.press('Enter');
    await page.locator('.parley-reader .cm-line').first().filter({ hasText: 'Tokyo talks end early' }).waitFor();
    await expect.poll(() => page.locator('#parley-reader-status').textContent()).toContain('Selected Actor: “Kim Jong Un”');
    const view = await call(page, 'getDocument', { documentId: tokyo });
    expect(view.document.title).toBe('Tokyo talks end early');
  });

  it('tags the chosen hits of two documents and undoes them in one step', async () => {
    app = await launchParley({ seedSamples: false, viewport: { width: 1280, height: 820 } });
    const { page } = app;
    await page.getByText('Your library is empty.').waitFor();
    const { seoul, tokyo } = await library(page);
    const before = [await ownQuotes(page, seoul), await ownQuotes(page, tokyo)];
    await app.reload();
    await corpusMode(page);
    await chooseTab(page, 'Search');
    const panel = page.getByRole('tabpanel');
    await panel.getByRole('searchbox', { name: 'Words' }).fill('joint drills');
    await expect.poll(() => panel.getByRole('status').first().textContent()).toBe('2 hits in 2 documents');
    // Hangul is found too, at a word's beginning.
    await panel.getByRole('searchbox', { name: 'Words' }).fill('합동');
    await expect.poll(() => panel.locator('.corpus-kwic-hit').allTextContents()).toEqual(['합동']);
    await panel.getByRole('searchbox', { name: 'Words' }).fill('joint drills');
    await expect.poll(() => panel.getByRole('status').first().textContent()).toBe('2 hits in 2 documents');
    await panel.getByRole('checkbox', { name: 'Choose every hit' }).check();
    await panel.getByRole('combobox', { name: 'Tag as' }).selectOption('policy-body');
    await panel.getByRole('button', { name: 'Tag 2 chosen' }).click();
    await expect.poll(async () => [await ownQuotes(page, seoul), await ownQuotes(page, tokyo)]).toEqual([
      [...before[0]!, 'joint drills'].sort(),
      [...before[1]!, 'joint drills'].sort(),
    ]);
    // The hits now show their new tag.
    await expect.poll(() => panel.locator('.corpus-hit .corpus-chip').allTextContents()).toEqual(['Position', 'Policy body', 'Policy body']);
    const undo = page.getByRole('button', { name: 'Undo', exact: true });
    await expect.poll(() => undo.isEnabled()).toBe(true);
    await page.getByRole('tab', { name: 'Search' }).focus();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => [await ownQuotes(page, seoul), await ownQuotes(page, tokyo)]).toEqual(before);
    await expect.poll(() => page.getByRole('button', { name: 'Redo', exact: true }).isEnabled()).toBe(true);
  });

  it('filters the statement table and exports the rows shown', async () => {
    app = await launchParley({ seedSamples: false, viewport: { width: 1280, height: 820 } });
    const { page } = app;
    await page.getByText('Your library is empty.').waitFor();
    await library(page);
    await app.reload();
    await corpusMode(page);
    await chooseTab(page, 'Statements');
    const panel = page.getByRole('tabpanel');
    const table = panel.getByTestId('statement-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
    await panel.getByRole('combobox', { name: 'Stance' }).selectOption('demands');
    await expect.poll(() => panel.getByRole('status').first().textContent()).toBe('1 of 2 statements');
    // Sorting by a header says so to assistive technology.
    await table.getByRole('button', { name: 'Date' }).click();
    await expect.poll(() => table.locator('th').first().getAttribute('aria-sort')).toBe('ascending');
    const target = path.join(await mkdtemp(path.join(os.tmpdir(), 'parley-e2e-corpus-')), 'statements.csv');
    app.dialogs.nextSave(target);
    await panel.getByRole('button', { name: 'Export CSV' }).click();
    await expect.poll(() => panel.locator('.corpus-note').textContent()).toBe(`1 row written to ${target}`);
    const csv = await readFile(target, 'utf8');
    expect(csv).toContain('demanded an end');
    expect(csv).not.toContain('opposed the joint drills');
    // A row's position opens its span in the reader, selected.
    await table.getByRole('button', { name: 'demanded an end' }).click();
    await page.locator('.parley-reader .cm-line').first().filter({ hasText: 'Tokyo talks end early' }).waitFor();
    await expect.poll(() => page.locator('#parley-reader-status').textContent()).toContain('Selected Position: “demanded an end”');
  });
});
