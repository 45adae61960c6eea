/**
 * Suggestions in the window (issue 15): the analyst's own tag, a gazetteer
 * and a pattern rule imported from the panel (the rule lands in the label
 * schema) and the date recogniser each propose spans, drawn as ghost marks and listed by source.
 * One of each source is accepted (by y, by button, by Shift+Y) and one
 * rejected (by n, by button); the store records which source proposed each
 * accepted span, and after a reload the rejected ones do not come back.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../annotations/model';
import { call, markTexts, openDocument } from './reader-helpers';
import { closeBrowser, launchParley, type ParleyHarness } from './support/harness';

const TITLE = 'Envoys meet again';
const ARTICLE = [
  `# ${TITLE}`,
  '',
  'Seoul and Washington met on 22 June 2021.\r\nSeoul proposed monthly talks; the Ministry of Unification proposed a liaison office. 😀 Seoul agreed on Tuesday.',
].join('\n');

let app: ParleyHarness | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});
afterAll(closeBrowser);

const panel = (page: Page) => page.getByRole('region', { name: 'Suggestions' });
const row = (page: Page, source: string, quote: string) => panel(page).locator(`.parley-suggestion-group[data-source="${source}"] .parley-suggestion-row`).filter({ hasText: quote });
const rowsOf = (page: Page, source: string) => panel(page).locator(`.parley-suggestion-group[data-source="${source}"] .parley-suggestion-quote`).allTextContents();

/** The analyst's layer as the store answers for it (asked afresh, not the window's copy). */
async function ownInStore(page: Page, documentId: string): Promise<Annotation[]> {
  return (await call(page, 'getDocument', { documentId })).layers.find((l) => l.id === 'own')?.annotations ?? [];
}

/** Focuses a suggestion's row (the text shows it as the focused ghost mark) and presses `key`. */
async function pressOn(page: Page, source: string, quote: string, nth: number, key: string): Promise<void> {
  const target = row(page, source, quote).nth(nth);
  await target.focus();
  await expect.poll(() => target.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press(key);
}

describe('suggestions', () => {
  it('accepts and rejects suggestions of each source, records the source, and does not bring a rejected one back', async () => {
    app = await launchParley({ seedSamples: false, viewport: { width: 1400, height: 900 } });
    const { page } = app;
    await page.getByText('No documents yet.').waitFor();
    const imported = await call(page, 'importTexts', { files: [{ name: 'envoys.md', content: ARTICLE }] });
    const documentId = imported.added[0]!.id;
    const text = (await call(page, 'getDocument', { documentId })).document.text;
    // The analyst tagged the first "Seoul".
    const first = text.indexOf('Seoul');
    await call(page, 'addAnnotations', { documentId, spans: [{ start: first, end: first + 5, labelId: 'actor' }] });
    await app.reload();
    await openDocument(page, TITLE);

    // A pattern rule for positions and a gazetteer, both imported from the panel.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-gazetteer-'));
    const rules = path.join(dir, 'rules.jsonl');
    await writeFile(rules, '{"label": "Position", "regex": "proposed [a-z ]+"}\n');
    app.dialogs.nextOpen([rules]);
    await panel(page).getByRole('button', { name: 'Import gazetteer or patterns…' }).click();
    await expect.poll(() => panel(page).getByRole('status').textContent()).toBe('Imported rules.jsonl: 1 pattern rule.');
    expect((await call(page, 'getLabels', {})).labels.find((l) => l.id === 'position')!.patterns).toEqual([{ regex: 'proposed [a-z ]+' }]);
    const csv = path.join(dir, 'bodies.csv');
    await writeFile(csv, 'name,label,aliases\r\nMinistry of Unification,Policy body,통일부\r\nWashington,actor,\r\n');
    app.dialogs.nextOpen([csv]);
    await panel(page).getByRole('button', { name: 'Import gazetteer or patterns…' }).click();
    await expect.poll(() => panel(page).getByRole('status').textContent()).toBe('Imported bodies.csv: 2 names.');

    // Every source proposes; nothing is in a layer yet; each is a ghost mark.
    await expect.poll(() => rowsOf(page, 'own-tags')).toEqual(['Seoul', 'Seoul']);
    // Each source answers on its own: poll every group, not only the first.
    await expect.poll(() => rowsOf(page, 'gazetteer')).toEqual(['Washington', 'Ministry of Unification']);
    await expect.poll(() => rowsOf(page, 'pattern')).toEqual(['proposed monthly talks', 'proposed a liaison office']);
    await expect.poll(() => rowsOf(page, 'dates')).toEqual(['22 June 2021', 'Tuesday']);
    await expect.poll(() => page.locator('.parley-reader .cm-suggestion').count()).toBe(8);
    await expect.poll(() => markTexts(page, 'actor')).toEqual(['Seoul']);
    expect(await ownInStore(page, documentId)).toHaveLength(1);

    // Own tags: y accepts the first, n rejects the second.
    await pressOn(page, 'own-tags', 'Seoul', 0, 'y');
    await expect.poll(() => rowsOf(page, 'own-tags')).toEqual(['Seoul']);
    await pressOn(page, 'own-tags', 'Seoul', 0, 'n');
    await expect.poll(() => rowsOf(page, 'own-tags')).toEqual([]);
    // Gazetteer: the buttons.
    await panel(page).getByRole('button', { name: 'Accept “Ministry of Unification” as Policy body' }).click();
    await expect.poll(() => rowsOf(page, 'gazetteer')).toEqual(['Washington']);
    await panel(page).getByRole('button', { name: 'Reject “Washington” as Actor' }).click();
    await expect.poll(() => rowsOf(page, 'gazetteer')).toEqual([]);
    // Patterns: n on one, y on the other.
    await pressOn(page, 'pattern', 'proposed a liaison office', 0, 'n');
    await expect.poll(() => rowsOf(page, 'pattern')).toEqual(['proposed monthly talks']);
    await pressOn(page, 'pattern', 'proposed monthly talks', 0, 'y');
    await expect.poll(() => rowsOf(page, 'pattern')).toEqual([]);
    // Dates: n on Tuesday, then Shift+Y accepts all that is left of the source.
    await pressOn(page, 'dates', 'Tuesday', 0, 'n');
    await expect.poll(() => rowsOf(page, 'dates')).toEqual(['22 June 2021']);
    await pressOn(page, 'dates', '22 June 2021', 0, 'Shift+Y');
    await expect.poll(() => rowsOf(page, 'dates')).toEqual([]);

    // The store has each accepted span with the source that proposed it (and the date's value).
    const provenance = async () =>
      (await ownInStore(page, documentId))
        .map((a) => `${a.quote.exact}|${a.labelId}|${a.suggestedBy ?? 'hand'}|${a.attributes?.value ?? ''}`)
        .sort();
    await expect.poll(provenance).toEqual(['22 June 2021|date|dates|2021-06-22', 'Ministry of Unification|policy-body|gazetteer|', 'Seoul|actor|hand|', 'Seoul|actor|own-tags|', 'proposed monthly talks|position|pattern|'].sort());
    await expect.poll(() => page.locator('.parley-reader .cm-suggestion').count()).toBe(0);

    // After a reload the rejected suggestions stay away.
    await app.reload();
    await openDocument(page, TITLE);
    await expect.poll(() => panel(page).locator('.parley-count').first().textContent()).toBe('0');
    expect((await call(page, 'getSuggestions', { documentId })).suggestions).toEqual([]);
    expect(await page.locator('.parley-reader .cm-suggestion').count()).toBe(0);

    // The shortcut sheet lists the panel's keys.
    await page.locator('.parley-reader .cm-content').focus();
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();
    await expect.poll(() => sheet.textContent()).toContain('accept it into your layer, or reject it for good');
    await page.keyboard.press('Escape');
  });
});
