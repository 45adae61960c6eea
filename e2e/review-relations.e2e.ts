/**
 * Reviewing a colleague's links, as an analyst does it: their export (Parley
 * JSON with relations) loaded as a layer, Review lists the link differences,
 * a link is refused while its spans are not reconciled (with the span to
 * accept first), `a` accepts the agreed spans and the agreed link, one link
 * is accepted by key and one rejected by click, the progress counts them,
 * the reconciled layer holds exactly the kept links (read back after a
 * restart), and Ctrl+Z in Review undoes the link decisions and never the
 * links drawn in Read.
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
import type { AnnotationLayer, Relation } from '../annotations/model';
import { call, openDocument } from './reader-helpers';
import { expectAccessible } from './support/axe-check';
import { closeBrowser, launchParley, type ParleyHarness } from './support/harness';

let app: ParleyHarness | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});
afterAll(closeBrowser);

const ARTICLE = '# Working group to end\n\nOn 22 June 2021 Noh Kyu-duk 🇰🇷 proposed ending\r\nthe working group, and 정동영 agreed.';
const SPANS: Array<[string, string]> = [
  ['22 June 2021', 'date'],
  ['Noh Kyu-duk', 'actor'],
  ['proposed ending', 'position'],
  ['the working group', 'policy-body'],
  ['정동영', 'actor'],
];
const at = (quote: string) => ({ start: ARTICLE.indexOf(quote), end: ARTICLE.indexOf(quote) + quote.length });

/** Ben's export: the same spans, the agreed "holds" link and a "toward" link the analyst did not draw. */
async function bensExport(dir: string): Promise<string> {
  const now = '2026-11-20T10:00:00.000Z';
  const document = createDocument({ title: 'Working group to end', source: 'his library', text: ARTICLE, now });
  const annotations = SPANS.map(([quote, labelId]) => {
    const made = createAnnotation(ARTICLE, { documentId: document.id, ...at(quote), labelId, author: 'Ben', now });
    if (!made.ok) throw new Error(made.error.message);
    return made.value;
  });
  const id = (quote: string) => annotations.find((a) => a.quote.exact === quote)!.id;
  const link = (typeId: string, from: string, to: string, n: number): Relation => ({ id: `rel_ben_${n}`, documentId: document.id, typeId, sourceId: id(from), targetId: id(to), author: 'Ben', createdAt: now, updatedAt: now });
  const layer: AnnotationLayer = { id: 'own', kind: 'own', author: 'Ben', annotations, relations: [link('holds', 'Noh Kyu-duk', 'proposed ending', 1), link('toward', 'proposed ending', 'the working group', 2)] };
  const exported = codecs.parley.export({ labels: defaultLabelSchema(), documents: [{ document, layers: [layer], decisions: [] }] }, { layerIds: ['own'] });
  if (!exported.ok) throw new Error(exported.error.message);
  const file = path.join(dir, 'ben.json');
  await writeFile(file, exported.value.files[0]!.data);
  return file;
}

/** A layer's links as "source type target" by quote, as the store answers. */
async function linksOf(page: Page, documentId: string, layerId: string): Promise<string[]> {
  const view = await call(page, 'getDocument', { documentId });
  const layer = view.layers.find((l) => l.id === layerId);
  const quote = (id: string) => layer?.annotations.find((a) => a.id === id)?.quote.exact ?? `(no span ${id})`;
  return (layer?.relations ?? []).map((r) => `${quote(r.sourceId)} ${r.typeId} ${quote(r.targetId)}`).sort();
}

async function linkDecisions(page: Page, documentId: string): Promise<string[]> {
  const view = await call(page, 'getDocument', { documentId });
  return view.decisions.filter((d) => d.differenceKey.startsWith('relation:')).map((d) => `${d.kind}:${d.action}`).sort();
}

describe('reviewing a colleague’s links', () => {
  it('accepts one link by key, rejects one by click, writes the reconciled layer, and undoes in Review only', async () => {
    app = await launchParley({ seedSamples: false, viewport: { width: 1280, height: 900 } });
    const { page } = app;
    await page.getByText('No documents yet.').waitFor();
    const imported = await call(page, 'importTexts', { files: [{ name: 'working-group.md', content: ARTICLE }] });
    const documentId = imported.added[0]!.id;
    // My layer, drawn in Read: the five spans, "holds" and a "when" Ben did not draw.
    await call(page, 'addAnnotations', { documentId, spans: SPANS.map(([quote, labelId]) => ({ ...at(quote), labelId })) });
    const mine = (await call(page, 'getDocument', { documentId })).layers.find((l) => l.id === 'own')!.annotations;
    const mineId = (quote: string) => mine.find((a) => a.quote.exact === quote)!.id;
    await call(page, 'addRelation', { documentId, typeId: 'holds', sourceId: mineId('Noh Kyu-duk'), targetId: mineId('proposed ending') });
    await call(page, 'addRelation', { documentId, typeId: 'when', sourceId: mineId('proposed ending'), targetId: mineId('22 June 2021') });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-review-links-'));
    app.dialogs.nextOpen([await bensExport(dir)]);
    await call(page, 'importLayerFromDialog', { format: 'parley', author: 'Ben' });
    await app.reload();
    await openDocument(page, imported.added[0]!.title);
    await page.getByRole('group', { name: 'Mode' }).getByRole('button', { name: 'Review', exact: true }).click();

    const links = page.getByRole('region', { name: 'Relation differences' });
    const row = (kind: string) => links.locator(`.review-relation[data-kind="${kind}"]`);
    const rows = () => links.locator('.review-relation').evaluateAll((els) => els.map((r) => `${r.getAttribute('data-decision')} ${r.querySelector('.review-relation-kind')?.textContent} ${r.querySelector('.review-relation-text')?.textContent}`));
    await expect.poll(rows).toEqual(['none Only mine “proposed ending” when “22 June 2021”', 'none Only theirs “proposed ending” toward “the working group”', 'none Agreed “Noh Kyu-duk” holds “proposed ending”']);
    // Five agreed spans and three links to decide.
    await expect.poll(() => page.getByTestId('review-progress').textContent()).toBe('0 of 8 decided');
    await expectAccessible(page, 'review with link differences');

    // Ben's link cannot come in before its spans: the refusal names the span, and nothing is written.
    await row('only-theirs').focus();
    await page.keyboard.press('t');
    await page.getByText('“proposed ending” (Position) is not in the reconciled layer: accept that span first, then the link', { exact: false }).waitFor();
    await expect.poll(() => row('only-theirs').getAttribute('data-decision')).toBe('none');
    expect(await linkDecisions(page, documentId)).toEqual([]);

    // a: the agreed spans, and the agreed link between two of them.
    await page.keyboard.press('a');
    await expect.poll(() => linksOf(page, documentId, 'reconciled')).toEqual(['Noh Kyu-duk holds proposed ending']);
    await expect.poll(() => page.getByTestId('review-progress').textContent()).toBe('6 of 8 decided');

    // Accept Ben's link by key, on the row that has the focus; reject mine by click.
    await row('only-theirs').focus();
    await page.keyboard.press('t');
    await expect.poll(() => row('only-theirs').getAttribute('data-decision')).toBe('accept-theirs');
    await row('only-mine').getByRole('button', { name: /^Drop/ }).click();
    await expect.poll(() => row('only-mine').getAttribute('data-decision')).toBe('reject-both');
    await expect.poll(() => page.getByTestId('review-progress').textContent()).toBe('8 of 8 decided');
    await expect.poll(() => linksOf(page, documentId, 'reconciled')).toEqual(['Noh Kyu-duk holds proposed ending', 'proposed ending toward the working group']);
    expect(await linkDecisions(page, documentId)).toEqual(['agreed:keep-mine', 'only-mine:reject-both', 'only-theirs:accept-theirs']);
    await expectAccessible(page, 'review with every link decided');

    // The reconciled layer is in the store: read back after a restart.
    await app.restart();
    const again = app.page;
    await expect.poll(() => linksOf(again, documentId, 'reconciled')).toEqual(['Noh Kyu-duk holds proposed ending', 'proposed ending toward the working group']);
    await openDocument(again, imported.added[0]!.title);
    await again.getByRole('group', { name: 'Mode' }).getByRole('button', { name: 'Review', exact: true }).click();
    const linksAgain = again.getByRole('region', { name: 'Relation differences' });
    const rowAgain = (kind: string) => linksAgain.locator(`.review-relation[data-kind="${kind}"]`);
    await expect.poll(() => again.getByTestId('review-progress').textContent()).toBe('8 of 8 decided');

    // Ctrl+Z in Review: the rejection, then the acceptance; my own links drawn in Read stay.
    await rowAgain('only-mine').focus();
    await again.keyboard.press('Control+z');
    await expect.poll(() => rowAgain('only-mine').getAttribute('data-decision')).toBe('none');
    await again.keyboard.press('Control+z');
    await expect.poll(() => rowAgain('only-theirs').getAttribute('data-decision')).toBe('none');
    await expect.poll(() => linksOf(again, documentId, 'reconciled')).toEqual(['Noh Kyu-duk holds proposed ending']);
    await expect.poll(() => again.getByTestId('review-progress').textContent()).toBe('6 of 8 decided');
    expect(await linksOf(again, documentId, 'own')).toEqual(['Noh Kyu-duk holds proposed ending', 'proposed ending when 22 June 2021']);
  });
});
