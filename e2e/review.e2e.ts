/**
 * Reviewing a colleague's annotations, as an analyst does it: load their
 * export through the open dialog (a Parley JSON file that names its author,
 * and doccano and W3C files that do not, so the app asks for a name), show,
 * hide and remove layers, place an edited copy by its quotes, review one
 * document with both layers in the reader, settle every difference by
 * keyboard, stop and resume after a reload, export the reconciled layer, and
 * measure agreement and export the report as Markdown, CSV and JSON. Every
 * file the app writes is read back.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createAnnotation } from '../annotations/annotation';
import { createDocument } from '../annotations/document';
import { codecs } from '../annotations/formats/index';
import { defaultLabelSchema } from '../annotations/labels';
import type { Annotation, AnnotationLayer, DecisionAction, DifferenceKind, ReviewDecision } from '../annotations/model';
import { findStoredDocument } from '../electron/node/store/replay-journal';
import { call, clickText, dragSelect, openDocument, SAMPLE } from './reader-helpers';
import { closeBrowser, launchParley, type ParleyHarness } from './support/harness';
import { screenshotPath } from './support/screenshot-path';

let app: ParleyHarness | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});
afterAll(closeBrowser);

type Span = [quote: string, labelId: string];

/**
 * The analyst's and Ben's annotations on the working-group article (each
 * quote at its first occurrence), one difference of each kind apart from the
 * two they agree on. In reading order:
 * - label conflict: "working group" (in the headline) policy body (mine) vs position (Ben);
 * - agreed: "22 June 2021" date, "Noh Kyu-duk" actor;
 * - boundary conflict: "Sung Kim" vs "counterpart Sung Kim", both actor;
 * - only mine: "November 2018" date; only Ben's: "Ministry of Unification".
 */
const MINE: Span[] = [
  ['22 June 2021', 'date'],
  ['Noh Kyu-duk', 'actor'],
  ['Sung Kim', 'actor'],
  ['working group', 'policy-body'],
  ['November 2018', 'date'],
];
const BENS: Span[] = [
  ['22 June 2021', 'date'],
  ['Noh Kyu-duk', 'actor'],
  ['counterpart Sung Kim', 'actor'],
  ['working group', 'position'],
  ['Ministry of Unification', 'policy-body'],
];
const CLEOS: Span[] = [
  ['Noh Kyu-duk', 'actor'],
  ['Sung Kim', 'actor'],
];

/** The key the analyst presses for each kind, so that all four decisions are used. */
const DECISION_FOR: Record<Exclude<DifferenceKind, 'agreed'>, { key: string; action: DecisionAction }> = {
  'label-conflict': { key: 't', action: 'accept-theirs' },
  'boundary-conflict': { key: 'm', action: 'keep-mine' },
  'only-theirs': { key: 'b', action: 'keep-both' },
  'only-mine': { key: 'x', action: 'reject-both' },
};

/** The kinds of the differences in reading order. */
const KINDS_IN_ORDER: DifferenceKind[] = ['label-conflict', 'agreed', 'agreed', 'boundary-conflict', 'only-mine', 'only-theirs'];

/** What the reconciled layer must hold once every difference is decided as above, in reading order. */
const RECONCILED: Span[] = [
  ['working group', 'position'], // label conflict: accepted Ben's
  ['22 June 2021', 'date'], // agreed: my copy
  ['Noh Kyu-duk', 'actor'], // agreed: my copy
  ['Sung Kim', 'actor'], // boundary conflict: kept mine
  ['Ministry of Unification', 'policy-body'], // only Ben's: kept both, so his
  // "November 2018" (only mine) was rejected
];

function locate(text: string, [quote, labelId]: Span): { start: number; end: number; labelId: string } {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`“${quote}” is not in the article`);
  return { start, end: start + quote.length, labelId };
}

/** A colleague's own export of the article: their own copy of the document (another id, the same text) with their layer. */
function colleagueCorpus(text: string, title: string, author: string, spans: Span[]) {
  const now = '2026-11-20T10:00:00.000Z';
  const document = createDocument({ title, source: 'their library', text, now });
  const annotations = spans.map((span) => {
    const created = createAnnotation(text, { documentId: document.id, ...locate(text, span), author, now });
    if (!created.ok) throw new Error(created.error.message);
    return created.value;
  });
  const layer: AnnotationLayer = { id: 'own', kind: 'own', author, annotations };
  return { labels: defaultLabelSchema(), documents: [{ document, layers: [layer], decisions: [] }] };
}

/** Writes every file of an export into `dir` (a W3C export is a text and its annotations); returns their paths. */
async function writeExport(dir: string, format: 'parley' | 'doccano' | 'w3c', corpus: ReturnType<typeof colleagueCorpus>): Promise<string[]> {
  const exported = codecs[format].export(corpus, { layerIds: ['own'] });
  if (!exported.ok) throw new Error(exported.error.message);
  const written: string[] = [];
  for (const file of exported.value.files) {
    const target = path.join(dir, `${format}-${path.basename(file.path)}`);
    await writeFile(target, file.data);
    written.push(target);
  }
  return written;
}

interface StoredDocument {
  document: { id: string };
  layers: Array<{ id: string; kind: string; author: string; annotations: Annotation[] }>;
  decisions: ReviewDecision[];
}

/** The document's file in the store, as written on disk. */
async function storedDocument(storeDir: string, documentId: string): Promise<StoredDocument> {
  // The store's own reading of its files: the document file with its journal applied.
  return findStoredDocument(storeDir, documentId);
}

const spansOf = (annotations: readonly Annotation[]) => annotations.map((a) => [a.quote.exact, a.labelId]);

/** Cohen's kappa over whitespace tokens, each taking the label of the annotation covering it or none, written out here from the textbook formula. */
function kappaByHand(text: string, a: readonly Annotation[], b: readonly Annotation[]): number {
  const tokens = [...text.matchAll(/[^\p{White_Space}]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const labelAt = (xs: readonly Annotation[], t: { start: number; end: number }) => xs.find((x) => x.start < t.end && x.end > t.start)?.labelId ?? 'none';
  const pairs = tokens.map((t) => [labelAt(a, t), labelAt(b, t)] as const);
  const n = pairs.length;
  const observed = pairs.filter(([x, y]) => x === y).length / n;
  const categories = new Set(pairs.flat());
  let expected = 0;
  for (const c of categories) expected += (pairs.filter(([x]) => x === c).length / n) * (pairs.filter(([, y]) => y === c).length / n);
  return (observed - expected) / (1 - expected);
}

function layersPanel(page: Page) {
  return page.getByRole('region', { name: 'Layers' });
}

function reviewPanel(page: Page) {
  return page.getByRole('region', { name: 'Review' });
}

async function switchMode(page: Page, mode: 'Read' | 'Review' | 'Agreement'): Promise<void> {
  await page.getByRole('group', { name: 'Mode' }).getByRole('button', { name: mode, exact: true }).click();
}

async function loadColleague(app: ParleyHarness, files: string[], format: string, author?: string): Promise<void> {
  const page = app.page;
  await layersPanel(page).getByRole('button', { name: /Load colleague/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Load a colleague’s annotations' });
  await dialog.getByLabel('Format of the file').selectOption({ label: format });
  if (author !== undefined) await dialog.getByLabel(/Colleague’s name/).fill(author);
  app.dialogs.nextOpen(files);
  await dialog.getByRole('button', { name: 'Choose file…' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** The marks the reader draws for a layer: how many elements, and which style. */
async function drawnMarks(page: Page, layerId: string): Promise<{ count: number; fill: number; outline: number }> {
  return page.evaluate((layer) => {
    const marks = [...document.querySelectorAll<HTMLElement>(`.parley-reader .cm-content .cm-parley-mark[data-layer="${layer}"]`)];
    return { count: marks.length, fill: marks.filter((m) => m.classList.contains('cm-parley-fill')).length, outline: marks.filter((m) => m.classList.contains('cm-parley-outline')).length };
  }, layerId);
}

async function progress(page: Page): Promise<string> {
  return (await page.getByTestId('review-progress').textContent()) ?? '';
}

/** The focused difference's kind and position ("3 of 6"). */
async function focusedDifference(page: Page): Promise<{ kind: DifferenceKind; position: string }> {
  const detail = page.getByTestId('difference-detail');
  return { kind: (await detail.getAttribute('data-kind')) as DifferenceKind, position: (await detail.locator('.difference-position').textContent()) ?? '' };
}

/** Decides the focused difference by its key and waits until the store has the decision. */
async function decideFocused(app: ParleyHarness, documentId: string, decidedBefore: number): Promise<DifferenceKind> {
  const page = app.page;
  // The window moves the focus on after the previous decision: wait until it rests on an undecided one,
  // or the key would go to the difference just decided.
  await expect.poll(() => page.getByTestId('difference-decision').getAttribute('data-action')).toBe('none');
  const { kind } = await focusedDifference(page);
  if (kind === 'agreed') throw new Error('every agreed difference should have been accepted already');
  await page.keyboard.press(DECISION_FOR[kind].key);
  await expect.poll(() => progress(page)).toBe(`${decidedBefore + 1} of 6 decided`);
  await expect.poll(async () => (await storedDocument(app.storeDir, documentId)).decisions.length).toBe(decidedBefore + 1);
  return kind;
}

describe('review', () => {
  it('loads colleagues’ files, settles every difference by keyboard across a reload, and exports the reconciled layer and the agreement report', async () => {
    const started = new Date().toISOString();
    app = await launchParley({ seedSamples: true });
    const page = app.page;
    await page.locator('.parley-reader .cm-content').waitFor();
    const documentId = await openDocument(page, SAMPLE.workingGroup);
    const { document: article } = await call(page, 'getDocument', { documentId });
    const text = article.text;
    await call(page, 'addAnnotations', { documentId, spans: MINE.map((s) => locate(text, s)) });

    const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-e2e-colleagues-'));
    const benFiles = await writeExport(dir, 'parley', colleagueCorpus(text, article.title, 'Ben', BENS));
    const cleoFiles = await writeExport(dir, 'doccano', colleagueCorpus(text, article.title, 'Cleo', CLEOS));

    // Ben's Parley export names him: his layer arrives under his name, matched by the text's checksum.
    await loadColleague(app, benFiles, 'Parley JSON');
    const report = page.getByTestId('layer-import-report');
    await expect.poll(() => report.first().textContent()).toContain(`${article.title}: Ben, 5 annotations`);
    await expect.poll(() => report.first().textContent()).toContain('same text');

    // A doccano file says nothing of its author: the dialog asks for a name before it opens the file.
    await layersPanel(page).getByRole('button', { name: /Load colleague/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Load a colleague’s annotations' });
    await dialog.getByLabel('Format of the file').selectOption({ label: 'doccano' });
    await dialog.getByRole('button', { name: 'Choose file…' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('does not say who made its annotations');
    await expect.poll(() => dialog.getByLabel(/Colleague’s name/).evaluate((el) => el === document.activeElement)).toBe(true);
    await dialog.getByLabel(/Colleague’s name/).fill('Cleo');
    app.dialogs.nextOpen(cleoFiles);
    await dialog.getByRole('button', { name: 'Choose file…' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => report.first().textContent()).toContain(`${article.title}: Cleo, 2 annotations`);

    // Neither load touched the analyst's own layer; each colleague has a layer of their own.
    const loaded = await storedDocument(app.storeDir, documentId);
    const inReadingOrder = (spans: Span[]) => [...spans].sort((x, y) => locate(text, x).start - locate(text, y).start);
    expect(spansOf(loaded.layers.find((l) => l.id === 'own')!.annotations)).toEqual(inReadingOrder(MINE));
    expect(loaded.layers.find((l) => l.id === 'colleague:Ben')).toMatchObject({ kind: 'colleague', author: 'Ben' });
    expect(loaded.layers.find((l) => l.id === 'colleague:Cleo')!.annotations.map((a) => a.quote.exact)).toEqual(['Noh Kyu-duk', 'Sung Kim']);

    // Layers just loaded are shown in the reader as outlines beside the analyst's fills; hiding one takes its marks away.
    await expect.poll(() => drawnMarks(page, 'own')).toMatchObject({ fill: 5, outline: 0 });
    await expect.poll(() => drawnMarks(page, 'colleague:Cleo')).toMatchObject({ count: 2, fill: 0, outline: 2 });
    const showCleo = layersPanel(page).getByRole('checkbox', { name: 'Show Cleo’s layer' });
    await showCleo.uncheck();
    await expect.poll(() => drawnMarks(page, 'colleague:Cleo')).toMatchObject({ count: 0 });
    await layersPanel(page).getByRole('checkbox', { name: 'Show Ben’s layer' }).uncheck();
    await layersPanel(page).getByRole('checkbox', { name: 'Show your layer' }).uncheck();
    await expect.poll(() => page.locator('.parley-reader.parley-hide-own').count()).toBe(1);
    await layersPanel(page).getByRole('checkbox', { name: 'Show your layer' }).check();
    await showCleo.check();
    await expect.poll(() => drawnMarks(page, 'colleague:Cleo')).toMatchObject({ count: 2, outline: 2 });

    // Review against Ben: both layers in the reader, told apart by shape and a legend, and every kind of difference listed.
    await switchMode(page, 'Review');
    const panel = reviewPanel(page);
    await panel.getByLabel('with').selectOption({ label: 'Ben (5 annotations)' });
    await expect.poll(() => progress(page)).toBe('0 of 6 decided');
    await expect.poll(() => panel.locator('.review-legend').textContent()).toMatch(/analyst \(you\).*Ben/s);
    // Review decides what the reader draws, so the layer list's show/hide boxes rest until Read.
    await expect.poll(() => layersPanel(page).getByRole('checkbox', { name: 'Show Cleo’s layer' }).isDisabled()).toBe(true);
    await expect.poll(() => drawnMarks(page, 'own')).toMatchObject({ fill: 5, outline: 0 });
    await expect.poll(() => drawnMarks(page, 'colleague:Ben')).toMatchObject({ fill: 0, outline: 5 });
    await expect.poll(() => drawnMarks(page, 'colleague:Cleo')).toMatchObject({ count: 0 });
    const counts = panel.getByRole('list', { name: 'Differences by kind' });
    const countOf = async (kind: DifferenceKind) => Number(await counts.locator(`li[data-kind="${kind}"] .review-count-number`).textContent());
    await expect
      .poll(async () => ({
        agreed: await countOf('agreed'),
        'label-conflict': await countOf('label-conflict'),
        'boundary-conflict': await countOf('boundary-conflict'),
        'only-mine': await countOf('only-mine'),
        'only-theirs': await countOf('only-theirs'),
      }))
      .toEqual({ agreed: 2, 'label-conflict': 1, 'boundary-conflict': 1, 'only-mine': 1, 'only-theirs': 1 });
    const rows = panel.getByRole('list', { name: 'Differences' }).locator('.difference-row');
    await expect.poll(() => rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')))).toEqual(KINDS_IN_ORDER);

    // A click on a row of the list brings that difference up, and outlines it in the article.
    await rows.nth(3).click();
    await expect.poll(async () => (await focusedDifference(page)).position).toBe('4 of 6');
    expect((await focusedDifference(page)).kind).toBe('boundary-conflict');
    await expect.poll(() => page.locator('.parley-reader .cm-parley-region').evaluateAll((els) => els.map((el) => el.textContent).join(''))).toBe('counterpart Sung Kim');
    // So does a click on it in the article.
    await clickText(page, 'Ministry of Unification');
    await expect.poll(async () => (await focusedDifference(page)).position).toBe('6 of 6');
    expect((await focusedDifference(page)).kind).toBe('only-theirs');
    await clickText(page, 'November 2018');
    await expect.poll(async () => (await focusedDifference(page)).position).toBe('5 of 6');
    await rows.nth(0).click();
    await expect.poll(async () => (await focusedDifference(page)).position).toBe('1 of 6');

    // Keys from here on, with the focus in the article (a click where no difference is changes nothing).
    await clickText(page, 'Seoul, 22 June');
    const first = await focusedDifference(page);
    expect(first.position).toBe('1 of 6');
    await page.keyboard.press('j');
    await expect.poll(async () => (await focusedDifference(page)).position).toBe('2 of 6');
    await page.keyboard.press('k');
    await page.keyboard.press('k');
    await expect.poll(async () => (await focusedDifference(page)).position).toBe('6 of 6');
    await page.keyboard.press('j');
    await expect.poll(async () => (await focusedDifference(page)).position).toBe('1 of 6');

    // "Accept all agreed" does the obvious part in one step.
    await page.keyboard.press('a');
    await expect.poll(() => progress(page)).toBe('2 of 6 decided');
    await expect.poll(async () => (await storedDocument(app!.storeDir, documentId)).decisions.length).toBe(2);
    await expect.poll(async () => (await focusedDifference(page)).kind).not.toBe('agreed');

    // Two decisions, then stop: reload the window mid-review.
    const decided: DifferenceKind[] = [];
    decided.push(await decideFocused(app, documentId, 2));
    decided.push(await decideFocused(app, documentId, 3));
    await app.reload();
    await page.locator('.parley-reader .cm-content').waitFor();
    await openDocument(page, SAMPLE.workingGroup);
    // The layers shown before the reload are shown again.
    await expect.poll(() => showCleo.isChecked()).toBe(true);
    await expect.poll(() => layersPanel(page).getByRole('checkbox', { name: 'Show Ben’s layer' }).isChecked()).toBe(false);
    await expect.poll(() => drawnMarks(page, 'colleague:Cleo')).toMatchObject({ count: 2, outline: 2 });
    await switchMode(page, 'Review');
    await expect.poll(() => progress(page)).toBe('4 of 6 decided');
    // Resuming goes to the first undecided difference, not back to the start.
    await expect.poll(() => page.getByTestId('difference-decision').getAttribute('data-action')).toBe('none');
    const resumed = await focusedDifference(page);
    expect(resumed.kind).not.toBe('agreed');
    expect(decided).not.toContain(resumed.kind);
    const undecidedRows = await rows.evaluateAll((els) => els.map((el, i) => ({ i, decision: el.getAttribute('data-decision') })).filter((r) => r.decision === 'none'));
    expect(resumed.position).toBe(`${undecidedRows[0]!.i + 1} of 6`);
    await expect.poll(() => page.getByTestId('difference-decision').getAttribute('data-action')).toBe('none');

    // The screenshot of review mode, with some decisions made and some left, in the app's fonts.
    await page.keyboard.press('Escape');
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.screenshot({ path: screenshotPath('review.png') });

    decided.push(await decideFocused(app, documentId, 4));
    decided.push(await decideFocused(app, documentId, 5));
    expect([...decided].sort()).toEqual(['boundary-conflict', 'label-conflict', 'only-mine', 'only-theirs']);
    await expect.poll(() => progress(page)).toBe('6 of 6 decided');
    await expect.poll(() => page.getByTestId('review-status').textContent()).toContain('All 6 differences decided.');

    // A decision can be changed: back to the rejected "November 2018", keep it after all, then reject it again.
    const reconciledQuotes = async () => (await storedDocument(app!.storeDir, documentId)).layers.find((l) => l.id === 'reconciled')!.annotations.map((a) => a.quote.exact);
    await page.keyboard.press('k');
    await expect.poll(() => page.getByTestId('difference-detail').getAttribute('data-kind')).toBe('only-mine');
    await page.keyboard.press('m');
    await expect.poll(reconciledQuotes).toContain('November 2018');
    expect((await storedDocument(app.storeDir, documentId)).decisions).toHaveLength(6);
    expect(await progress(page)).toBe('6 of 6 decided');
    // Everything being decided, the focus stays where it was.
    await expect.poll(() => page.getByTestId('difference-detail').getAttribute('data-kind')).toBe('only-mine');
    await page.keyboard.press('x');
    await expect.poll(reconciledQuotes).not.toContain('November 2018');

    // The store holds the reconciled layer, apart from the analyst's, and one record per decision.
    const stored = await storedDocument(app.storeDir, documentId);
    const reconciled = stored.layers.find((l) => l.id === 'reconciled')!;
    expect(reconciled.kind).toBe('reconciled');
    expect(spansOf(reconciled.annotations)).toEqual(RECONCILED);
    expect(spansOf(stored.layers.find((l) => l.id === 'own')!.annotations)).toHaveLength(5);
    const finished = new Date().toISOString();
    expect(stored.decisions).toHaveLength(6);
    for (const d of stored.decisions) {
      expect(d.decidedBy).toBe('analyst');
      expect(d.layers).toEqual(['own', 'colleague:Ben']);
      expect(d.decidedAt >= started && d.decidedAt <= finished).toBe(true);
      expect(d.action).toBe(d.kind === 'agreed' ? 'keep-mine' : DECISION_FOR[d.kind].action);
    }
    expect(stored.decisions.map((d) => d.kind).sort()).toEqual([...KINDS_IN_ORDER].sort());
    // The label conflict's result is a copy of Ben's annotation: his author and label, a new id.
    const labelConflict = stored.decisions.find((d) => d.kind === 'label-conflict')!;
    const bensWorkingGroup = stored.layers.find((l) => l.id === 'colleague:Ben')!.annotations.find((a) => a.quote.exact === 'working group')!;
    expect(labelConflict.theirsIds).toEqual([bensWorkingGroup.id]);
    const copy = reconciled.annotations.find((a) => a.id === labelConflict.resultIds[0])!;
    expect(copy).toMatchObject({ author: 'Ben', labelId: 'position', start: bensWorkingGroup.start, end: bensWorkingGroup.end });
    expect(copy.id).not.toBe(bensWorkingGroup.id);

    // Export the reconciled layer through the save dialog, as Parley JSON with its decisions.
    const reconciledFile = path.join(dir, 'reconciled.json');
    await panel.getByRole('button', { name: 'Export reconciled…' }).click();
    const exportDialog = page.getByRole('dialog', { name: 'Export the reconciled layer' });
    await exportDialog.getByLabel('Format').selectOption({ label: 'Parley JSON' });
    app.dialogs.nextSave(reconciledFile);
    await exportDialog.getByRole('button', { name: 'Export…' }).click();
    await exportDialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByRole('main').getByText(reconciledFile).count()).toBe(1);
    const written = JSON.parse(await readFile(reconciledFile, 'utf8')) as { format: string; documents: Array<{ sha256: string; layers: Array<{ id: string; annotations: Annotation[] }>; decisions: ReviewDecision[] }> };
    expect(written.format).toBe('parley');
    expect(written.documents).toHaveLength(1);
    expect(written.documents[0]!.sha256).toBe(article.sha256);
    expect(written.documents[0]!.layers.map((l) => l.id)).toEqual(['reconciled']);
    expect(spansOf(written.documents[0]!.layers[0]!.annotations)).toEqual(RECONCILED);
    expect(written.documents[0]!.decisions.map((d) => [d.kind, d.action, d.decidedBy])).toEqual(stored.decisions.map((d) => [d.kind, d.action, d.decidedBy]));

    // Agreement: three layers make a three-by-three heatmap; then the analyst and Ben alone.
    await switchMode(page, 'Agreement');
    const heatmap = page.getByTestId('agreement-heatmap');
    await expect.poll(() => heatmap.locator('td.heatmap-cell').count()).toBe(6);
    // Over three pairs, the mean and population spread of 2·2/(5+2) (analyst, Cleo), 2·1/(5+2) (Ben, Cleo) and 0.4.
    const pairF1 = [4 / 7, 2 / 7, 0.4];
    const mean = pairF1.reduce((a, b) => a + b) / 3;
    const sd = Math.sqrt(pairF1.reduce((a, b) => a + (b - mean) ** 2, 0) / 3);
    await expect.poll(() => page.getByTestId('overall-instance').textContent()).toBe(`${mean.toFixed(3)} ± ${sd.toFixed(3)}`);
    await expect.poll(() => heatmap.locator('td[data-pair="analyst|Cleo"]').textContent()).toBe((4 / 7).toFixed(3));
    await page.getByRole('group', { name: 'Layers' }).getByRole('checkbox', { name: /Cleo/ }).uncheck();
    await expect.poll(() => heatmap.locator('td.heatmap-cell').count()).toBe(2);
    // Figures worked out by hand from the spans above: 2 exact matches of 5 + 5 spans; 7 matching tokens of 11 + 13; 3 overlapping same-label pairs.
    await expect.poll(() => page.getByTestId('overall-instance').textContent()).toBe('0.400');
    await expect.poll(() => page.getByTestId('overall-token').textContent()).toBe('0.583');
    await expect.poll(() => page.getByTestId('overall-lenient').textContent()).toBe('0.600');
    await expect.poll(() => heatmap.locator('td[data-pair="analyst|Ben"]').textContent()).toBe('0.400');
    const bens = stored.layers.find((l) => l.id === 'colleague:Ben')!.annotations;
    const mine = stored.layers.find((l) => l.id === 'own')!.annotations;
    const kappa = kappaByHand(text, mine, bens);
    await expect.poll(() => page.getByTestId('overall-kappa').textContent()).toBe(kappa.toFixed(3));
    await expect.poll(() => page.getByTestId('label-bars').locator('[data-label="actor"] .label-bar-value').textContent()).toBe('0.500');
    const documentRow = page.getByTestId('document-agreement').locator('tbody tr', { hasText: SAMPLE.workingGroup });
    await expect.poll(() => documentRow.locator('td[data-measure="instance"]').textContent()).toBe('0.400');

    // Overlapping spans by label: the "working group" conflict off the diagonal; Noh, Sung Kim (against "counterpart Sung Kim") and the date on it.
    const confusion = page.getByTestId('label-confusion');
    await expect.poll(() => confusion.locator('td[data-cell="policy-body|position"]').textContent()).toBe('1');
    await expect.poll(() => confusion.locator('td[data-cell="actor|actor"]').textContent()).toBe('2');
    await expect.poll(() => confusion.locator('td[data-cell="date|date"]').textContent()).toBe('1');
    await expect.poll(() => confusion.locator('td.confusion-conflict').count()).toBe(1);
    const saveReport = async (format: 'Markdown' | 'CSV' | 'JSON', file: string) => {
      app!.dialogs.nextSave(file);
      await page.getByRole('group', { name: 'Export the report' }).getByRole('button', { name: format }).click();
      await expect.poll(() => page.getByTestId('agreement-export-message').textContent()).toBe(`Report saved to ${file}`);
      return readFile(file, 'utf8');
    };
    const json = JSON.parse(await saveReport('JSON', path.join(dir, 'agreement.json'))) as Record<string, { total: { mean: number; sd: number | null }; perLabel: Record<string, unknown>; perDocument: Record<string, unknown>; pairs: unknown[] }> & { annotators: string[] };
    expect(json.annotators).toEqual(['analyst', 'Ben']);
    expect(json.instance!.total).toEqual({ mean: 0.4, sd: 0 });
    expect(json.token!.total.mean).toBeCloseTo(14 / 24, 12);
    expect(json.lenient!.total.mean).toBeCloseTo(0.6, 12);
    expect(json.kappa!.total.mean).toBeCloseTo(kappa, 12);
    expect(json.instance!.perDocument[article.sha256]).toEqual({ mean: 0.4, sd: 0 });
    expect(json.instance!.pairs).toHaveLength(1);

    const csv = await saveReport('CSV', path.join(dir, 'agreement.csv'));
    const csvRows = csv.trim().split('\r\n').map((line) => line.split(','));
    expect(csvRows[0]).toEqual(['measure', 'scope', 'key', 'title', 'annotator_a', 'annotator_b', 'statistic', 'value']);
    const csvValue = (measure: string, statistic: string) => Number(csvRows.find((r) => r[0] === measure && r[1] === 'total' && r[6] === statistic)![7]);
    expect(csvValue('instance', 'mean')).toBe(0.4);
    expect(csvValue('lenient', 'mean')).toBeCloseTo(0.6, 12);
    expect(csvValue('token', 'mean')).toBeCloseTo(14 / 24, 12);
    expect(csvValue('kappa', 'mean')).toBeCloseTo(kappa, 12);
    expect(csvValue('alpha', 'mean')).toBeCloseTo(json.alpha!.total.mean, 12);

    const markdown = await saveReport('Markdown', path.join(dir, 'agreement.md'));
    expect(markdown.startsWith('# Agreement report')).toBe(true);
    expect(markdown).toContain('0.400');
    expect(markdown).toContain('0.583');
    expect(markdown).toContain(kappa.toFixed(3));

    // A colleague's layer exports like any other, from the layer list.
    await switchMode(page, 'Read');
    await expect.poll(() => layersPanel(page).getByRole('checkbox', { name: 'Show Cleo’s layer' }).isDisabled()).toBe(false);
    await layersPanel(page).getByRole('button', { name: 'Export Ben’s layer' }).click();
    const layerDialog = page.getByRole('dialog', { name: 'Export Ben’s layer' });
    await layerDialog.getByLabel('Format').selectOption({ label: 'doccano' });
    const bensFile = path.join(dir, 'ben-again.jsonl');
    app.dialogs.nextSave(bensFile);
    await layerDialog.getByRole('button', { name: 'Export…' }).click();
    await layerDialog.waitFor({ state: 'detached' });
    const lines = (await readFile(bensFile, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { text: string; label: Array<[number, number, string]> });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.label.map(([start, end, label]) => [[...lines[0]!.text].slice(start, end).join(''), label])).toEqual(
      inReadingOrder(BENS).map(([quote, labelId]) => [quote, defaultLabelSchema().labels.find((l) => l.id === labelId)!.name]),
    );

    // Remove Cleo's layer: gone from the list, the reader and the store; Ben's and the reconciled layer stay.
    await layersPanel(page).getByRole('button', { name: 'Remove Cleo’s layer' }).click();
    const removeDialog = page.getByRole('dialog', { name: 'Remove Cleo’s layer?' });
    await removeDialog.getByRole('button', { name: 'Remove layer' }).click();
    await expect.poll(() => layersPanel(page).getByRole('checkbox', { name: 'Show Cleo’s layer' }).count()).toBe(0);
    await expect.poll(() => drawnMarks(page, 'colleague:Cleo')).toMatchObject({ count: 0 });
    const after = await storedDocument(app.storeDir, documentId);
    expect(after.layers.map((l) => l.id).sort()).toEqual(['colleague:Ben', 'own', 'reconciled']);
    expect(after.decisions).toHaveLength(6);
  });

  it('offers to load a colleague from review mode, and asks for their name when the file does not give one', async () => {
    app = await launchParley({ seedSamples: true });
    const page = app.page;
    await page.locator('.parley-reader .cm-content').waitFor();
    const documentId = await openDocument(page, SAMPLE.campDavid);
    const { document: article } = await call(page, 'getDocument', { documentId });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-e2e-colleagues-'));
    // A W3C file whose annotations name no creator.
    const quote = article.text.split('\n')[2]!.split(' ').slice(0, 2).join(' ');
    const files = await writeExport(dir, 'w3c', colleagueCorpus(article.text, article.title, '', [[quote, 'actor']]));
    expect(files.map((f) => path.extname(f)).sort()).toEqual(['.jsonld', '.txt']);

    await switchMode(page, 'Review');
    const panel = reviewPanel(page);
    await expect.poll(() => panel.textContent()).toContain('No colleague’s annotations are loaded on this document');
    await panel.getByRole('button', { name: 'Load a colleague’s annotations…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Load a colleague’s annotations' });
    await dialog.getByLabel('Format of the file').selectOption({ label: 'W3C Web Annotation' });
    app.dialogs.nextOpen(files);
    await dialog.getByRole('button', { name: 'Choose file…' }).click();
    // The main process read the file, found no author, and refused; the dialog asks for the name.
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('give the colleague’s name'.replace('’', "'"));
    await expect.poll(() => dialog.getByLabel(/Colleague’s name/).getAttribute('aria-invalid')).toBe('true');
    expect((await storedDocument(app.storeDir, documentId)).layers.map((l) => l.id)).toEqual(['own']);
    await dialog.getByLabel(/Colleague’s name/).fill('Dana');
    app.dialogs.nextOpen(files);
    await dialog.getByRole('button', { name: 'Choose file…' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Review now runs against Dana: one difference, only theirs, with her mark outlined in the reader.
    await expect.poll(() => progress(page)).toBe('0 of 1 decided');
    await expect.poll(() => panel.getByLabel('with').locator('option:checked').textContent()).toBe('Dana (1 annotation)');
    await expect.poll(async () => (await focusedDifference(page)).kind).toBe('only-theirs');
    await expect.poll(() => drawnMarks(page, 'colleague:Dana')).toMatchObject({ count: 1, outline: 1 });
    const stored = await storedDocument(app.storeDir, documentId);
    expect(stored.layers.find((l) => l.id === 'colleague:Dana')).toMatchObject({ kind: 'colleague', author: 'Dana' });
    expect(stored.layers.find((l) => l.id === 'own')!.annotations).toEqual([]);

    // A label whose shortcut is also a review key: with text selected the key tags, without it the key decides.
    const schema = await call(page, 'getLabels', {});
    await call(page, 'saveLabels', { labels: schema.labels.map((l) => (l.id === 'actor' ? { ...l, shortcut: 'm' } : l)), migrate: [] });
    await expect.poll(() => page.locator('.parley-palette-label[data-label="actor"] kbd').textContent()).toBe('m');
    await dragSelect(page, 'summit');
    await page.keyboard.press('m');
    await expect.poll(async () => spansOf((await storedDocument(app!.storeDir, documentId)).layers.find((l) => l.id === 'own')!.annotations)).toEqual([['summit', 'actor']]);
    await expect.poll(() => progress(page)).toBe('0 of 2 decided');
    await page.keyboard.press('m');
    await expect.poll(() => progress(page)).toBe('1 of 2 decided');
    await expect.poll(async () => (await storedDocument(app!.storeDir, documentId)).decisions.map((d) => [d.action, d.layers])).toEqual([['keep-mine', ['own', 'colleague:Dana']]]);

    // The shortcut sheet lists the review's keys after the reader's own.
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => sheet.textContent()).toContain('Review: Accept theirs');
    for (const row of ['j / n / ]Review: Next difference', 'uReview: Next undecided difference', 'xReview: Reject both', 'aReview: Accept all agreed']) expect(await sheet.textContent()).toContain(row);
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.count()).toBe(0);
  });

  it('places a colleague’s lightly edited copy of an article by whole-text similarity, and lists what it could not place', async () => {
    app = await launchParley({ seedSamples: true });
    const page = app.page;
    await page.locator('.parley-reader .cm-content').waitFor();
    const documentId = await openDocument(page, SAMPLE.workingGroup);
    const { document: article } = await call(page, 'getDocument', { documentId });
    // Their copy has a sentence ours lacks, so the checksums differ; one of their tags sits in that sentence.
    const added = ' Foreign Minister Chung Eui-yong welcomed the move.';
    const theirText = article.text.replace('November 2018.', `November 2018.${added}`);
    expect(theirText).not.toBe(article.text);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-e2e-colleagues-'));
    const files = await writeExport(dir, 'parley', colleagueCorpus(theirText, article.title, 'Eun', [['Noh Kyu-duk', 'actor'], ['Sung Kim', 'actor'], ['Chung Eui-yong', 'actor']]));

    await loadColleague(app, files, 'Parley JSON');
    const report = page.getByTestId('layer-import-report');
    await expect.poll(() => report.textContent()).toContain(`${article.title}: Eun, 2 annotations`);
    // Placed because the whole texts are nearly the same (one sentence added), not because quotes re-anchor.
    await expect.poll(() => report.textContent()).toMatch(/nearly the same text, 9\d% alike/);
    await expect.poll(() => report.getByRole('heading', { name: 'Annotations that could not be placed' }).count()).toBe(1);
    await expect.poll(() => report.textContent()).toContain('“Chung Eui-yong” (actor, Eun)');

    // The two that were placed sit at the right offsets in our text.
    const eun = (await storedDocument(app.storeDir, documentId)).layers.find((l) => l.id === 'colleague:Eun')!;
    expect(eun.annotations.map((a) => [article.text.slice(a.start, a.end), a.labelId])).toEqual([
      ['Noh Kyu-duk', 'actor'],
      ['Sung Kim', 'actor'],
    ]);
  });
});
