/**
 * Reviewing three layers at once over a corpus, as issue 10's "done when"
 * asks: the analyst's own layer and two colleagues' loaded from files in
 * different formats (Ben's Parley JSON, Cleo's doccano JSONL) on two
 * articles; each layer drawn and named distinctly, lanes on request; "2 of 3
 * agree" turned on; the rest decided by keyboard from the first undecided
 * difference to the last, across documents; the reconciled layer exported
 * and read back for its spans, decisions and provenance. Then the Agreement
 * view's heatmap cell and label bar open the review of exactly those
 * differences.
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
import type { Annotation, CorpusDocument, ReviewDecision } from '../annotations/model';
import { findStoredDocument } from '../electron/node/store/replay-journal';
import { call, clickText, openDocument } from './reader-helpers';
import { closeBrowser, launchParley, type ParleyHarness } from './support/harness';

let app: ParleyHarness | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});
afterAll(closeBrowser);

type Span = [quote: string, labelId: string];
interface Article {
  title: string;
  text: string;
}

const ENVOYS: Article = {
  title: 'Envoys compare notes',
  text: 'Envoys compare notes\nThe Unification Ministry said on Monday that envoy Park Jin would travel to Geneva.\nOfficials in Seoul called the plan “premature”.',
};
const TALKS: Article = {
  title: 'Talks resume in Seoul',
  text: 'Talks resume in Seoul\r\nForeign Minister Cho Tae-yul met 통일부 staff on Thursday 🤝.\r\nNo date was set for the next round.',
};

/**
 * Who tagged what. With the three layers compared [analyst, Ben, Cleo]:
 * - Envoys: "Unification Ministry" agreed by all; "Park Jin" (analyst, Cleo) against Ben's "envoy Park Jin", a
 *   boundary conflict 2 of 3 settle; "Monday" the analyst's alone; "Seoul" actor (Ben) against policy body (Cleo).
 * - Talks: "Cho Tae-yul" actor (analyst), "Foreign Minister Cho Tae-yul" actor (Ben), "Cho Tae-yul" position (Cleo):
 *   no two agree; "통일부" analyst and Ben; "Thursday" Ben and Cleo.
 */
const MINE = new Map<Article, Span[]>([
  [ENVOYS, [['Unification Ministry', 'policy-body'], ['Park Jin', 'actor'], ['Monday', 'date']]],
  [TALKS, [['Cho Tae-yul', 'actor'], ['통일부', 'policy-body']]],
]);
const BENS = new Map<Article, Span[]>([
  [ENVOYS, [['Unification Ministry', 'policy-body'], ['envoy Park Jin', 'actor'], ['Seoul', 'actor']]],
  [TALKS, [['Foreign Minister Cho Tae-yul', 'actor'], ['통일부', 'policy-body'], ['Thursday', 'date']]],
]);
const CLEOS = new Map<Article, Span[]>([
  [ENVOYS, [['Unification Ministry', 'policy-body'], ['Park Jin', 'actor'], ['Seoul', 'policy-body']]],
  [TALKS, [['Cho Tae-yul', 'position'], ['Thursday', 'date']]],
]);
const LAYERS = ['own', 'colleague:Ben', 'colleague:Cleo'];

function locate(text: string, [quote, labelId]: Span) {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`“${quote}” is not in the article`);
  return { start, end: start + quote.length, labelId };
}

/** A colleague's own export of both articles (their own copies, other ids) in `format`; returns the files written. */
async function colleagueExport(author: string, spans: Map<Article, Span[]>, format: 'parley' | 'doccano'): Promise<string[]> {
  const now = '2026-11-25T10:00:00.000Z';
  const documents: CorpusDocument[] = [...spans].map(([article, quotes]) => {
    const document = createDocument({ title: article.title, source: `${author}’s library`, text: article.text, now });
    const annotations = quotes.map((span) => {
      const created = createAnnotation(article.text, { documentId: document.id, ...locate(article.text, span), author, now });
      if (!created.ok) throw new Error(created.error.message);
      return created.value;
    });
    return { document, layers: [{ id: 'own', kind: 'own', author, annotations }], decisions: [] };
  });
  const exported = codecs[format].export({ labels: defaultLabelSchema(), documents }, { layerIds: ['own'] });
  if (!exported.ok) throw new Error(exported.error.message);
  const dir = await mkdtemp(path.join(os.tmpdir(), `parley-e2e-${author.toLowerCase()}-`));
  const written: string[] = [];
  for (const file of exported.value.files) {
    const target = path.join(dir, path.basename(file.path));
    await writeFile(target, file.data);
    written.push(target);
  }
  return written;
}

async function loadColleague(page: Page, files: string[], format: string, author?: string): Promise<void> {
  await page.getByRole('region', { name: 'Layers' }).getByRole('button', { name: /Load colleague/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Load a colleague’s annotations' });
  await dialog.getByLabel('Format of the file').selectOption({ label: format });
  if (author !== undefined) await dialog.getByLabel(/Colleague’s name/).fill(author);
  app!.dialogs.nextOpen(files);
  await dialog.getByRole('button', { name: 'Choose file…' }).click();
  await dialog.waitFor({ state: 'detached' });
}

interface StoredDocument {
  document: { id: string };
  layers: Array<{ id: string; annotations: Annotation[] }>;
  decisions: ReviewDecision[];
}

async function storedDocument(documentId: string): Promise<StoredDocument> {
  // The store's own reading of its files: the document file with its journal applied.
  return findStoredDocument(app!.storeDir, documentId);
}

async function switchMode(page: Page, mode: 'Read' | 'Review' | 'Agreement'): Promise<void> {
  await page.getByRole('group', { name: 'Mode' }).getByRole('button', { name: mode, exact: true }).click();
}

const progress = (page: Page) => page.getByTestId('review-progress').textContent();
const overall = (page: Page) => page.getByTestId('review-queue').locator('.review-queue-overall').textContent();
const focusedKind = (page: Page) => page.getByTestId('difference-detail').getAttribute('data-kind');

/** Starts Parley on an empty store with both articles, the analyst's tags, and both colleagues loaded from their files. */
async function setUp(): Promise<{ page: Page; ids: Map<Article, string> }> {
  app = await launchParley({ seedSamples: false });
  const page = app.page;
  const { added } = await call(page, 'importTexts', { files: [ENVOYS, TALKS].map((a) => ({ name: `${a.title}.txt`, content: a.text })) });
  const ids = new Map([ENVOYS, TALKS].map((a) => [a, added.find((d) => d.length === a.text.length)!.id]));
  for (const [article, spans] of MINE) await call(page, 'addAnnotations', { documentId: ids.get(article)!, spans: spans.map((s) => locate(article.text, s)) });
  await openDocument(page, ENVOYS.title);
  await loadColleague(page, await colleagueExport('Ben', BENS, 'parley'), 'Parley JSON');
  await loadColleague(page, await colleagueExport('Cleo', CLEOS, 'doccano'), 'doccano', 'Cleo');
  for (const id of ids.values()) {
    const stored = await storedDocument(id);
    expect(stored.layers.map((l) => l.id).sort()).toEqual(['colleague:Ben', 'colleague:Cleo', 'own']);
  }
  return { page, ids };
}

describe('reviewing several layers at once', () => {
  it('reviews the analyst’s layer and two colleagues’ over the corpus by keyboard, with 2 of 3 pre-accepted, and exports the reconciled layer with its provenance', async () => {
    const { page, ids } = await setUp();
    const envoys = ids.get(ENVOYS)!;
    const talks = ids.get(TALKS)!;
    await switchMode(page, 'Review');
    const panel = page.getByRole('region', { name: 'Review' });

    // Tick Cleo beside Ben, by keyboard: the review now compares three layers.
    const cleo = panel.getByTestId('review-layers').getByRole('checkbox', { name: /Cleo/ });
    await cleo.focus();
    await page.keyboard.press('Space');
    const legend = panel.getByTestId('review-legend');
    await expect.poll(() => legend.locator('[data-layer]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-layer'), e.textContent?.replace(/\s+/g, ' ').trim()]))).toEqual([
      ['own', 'Ab analyst (you)'],
      ['colleague:Ben', 'Ab Ben'],
      ['colleague:Cleo', 'Ab Cleo'],
    ]);
    await expect.poll(() => progress(page)).toBe('0 of 4 decided');
    await expect.poll(() => overall(page)).toBe('Library: 0 of 7 differences decided in 2 documents; 2 documents have undecided differences.');

    // Each colleague is drawn in the reader with its own outline, as in Read mode, and sampled so in the legend.
    const outlineOf = (layer: string) =>
      page.evaluate((id) => {
        const mark = [...document.querySelectorAll<HTMLElement>('.parley-reader .cm-parley-outline')].find((el) => el.dataset['layer'] === id);
        return mark ? getComputedStyle(mark).outlineStyle : null;
      }, layer);
    await expect.poll(() => outlineOf('colleague:Ben')).toBe('dashed');
    await expect.poll(() => outlineOf('colleague:Cleo')).toBe('dotted');
    await expect.poll(() => legend.locator('[data-layer="colleague:Cleo"] .layer-sample').evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('dotted');

    // The focused difference shows one side per layer, and lanes on request.
    const detail = page.getByTestId('difference-detail');
    await expect.poll(() => detail.locator('.difference-side').evaluateAll((els) => els.map((e) => e.getAttribute('data-layer')))).toEqual(LAYERS);
    await panel.getByRole('checkbox', { name: 'Lanes per layer' }).check();
    await expect.poll(() => detail.getByTestId('layer-lanes').locator('.layer-lane').count()).toBe(3);

    // "2 of 3 agree", turned on: four differences settle on both documents, as marked decisions.
    await panel.getByRole('button', { name: 'Accept on all documents' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.getByTestId('review-said').textContent()).toBe('Accepted 4 differences on 2 documents where 2 of 3 agree. Ctrl+Z undoes them, document by document.');
    await expect.poll(() => overall(page)).toBe('Library: 4 of 7 differences decided in 2 documents; 2 documents have undecided differences.');
    await expect.poll(() => progress(page)).toBe('2 of 4 decided');
    // The window counts a decision before the store has written it: poll the store.
    await expect.poll(async () => (await storedDocument(envoys)).decisions.map((d) => [d.preAccepted, d.layers, d.sourceLayers])).toEqual([
      [{ k: 2, n: 3 }, LAYERS, ['own']],
      [{ k: 2, n: 3 }, LAYERS, ['own']],
    ]);

    // By keyboard from the first undecided difference: drop "Monday" (the analyst's alone).
    await clickText(page, 'Officials');
    await page.keyboard.press('u');
    await expect.poll(() => focusedKind(page)).toBe('only-mine');
    await page.keyboard.press('x');
    await expect.poll(() => progress(page)).toBe('3 of 4 decided');
    // "Seoul": keep Ben's span alone, ticked from the keyboard.
    await expect.poll(() => focusedKind(page)).toBe('label-conflict');
    await detail.getByRole('checkbox', { name: /Keep “Seoul” \(Actor\)/ }).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => progress(page)).toBe('4 of 4 decided');
    await expect.poll(async () => (await storedDocument(envoys)).decisions.length).toBe(4);
    // Ctrl+Z takes that choice back and Ctrl+Shift+Z restores it; the analyst's own layer never moves.
    const ownBefore = (await storedDocument(envoys)).layers.find((l) => l.id === 'own')!.annotations;
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await storedDocument(envoys)).decisions.length).toBe(3);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await storedDocument(envoys)).decisions.length).toBe(4);
    // Undo and redo pressed back to back: the redo waits for the undo instead of being refused
    // because the window has not yet heard that there is something to redo.
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.locator('.parley-reader-status').textContent()).toMatch(/^Redid/);
    await expect.poll(async () => (await storedDocument(envoys)).decisions.length).toBe(4);
    expect((await storedDocument(envoys)).layers.find((l) => l.id === 'own')!.annotations).toEqual(ownBefore);

    // Shift+N: the next document with undecided differences, where no two layers agree on "Cho Tae-yul": keep mine.
    await clickText(page, 'Officials');
    await page.keyboard.press('Shift+N');
    await page.locator('.parley-reader .cm-line').first().filter({ hasText: TALKS.title }).waitFor();
    await expect.poll(() => progress(page)).toBe('2 of 3 decided');
    await expect.poll(() => focusedKind(page)).toBe('label-conflict');
    await clickText(page, 'round');
    await page.keyboard.press('m');
    await expect.poll(() => overall(page)).toBe('Library: 7 of 7 differences decided in 2 documents; all done.');
    await expect.poll(async () => (await storedDocument(talks)).decisions.length).toBe(3);

    // The reconciled layer of every document, exported as Parley JSON and read back.
    await panel.getByRole('button', { name: 'Export reconciled…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the reconciled layer' });
    await dialog.getByRole('radio', { name: /Every document with this layer/ }).check();
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'parley-e2e-reconciled-')), 'reconciled.json');
    app!.dialogs.nextSave(file);
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await dialog.waitFor({ state: 'detached' });
    const written = JSON.parse(await readFile(file, 'utf8')) as {
      documents: Array<{ title: string; layers: Array<{ id: string; annotations: Array<{ id: string; author: string; quote: { exact: string }; labelId: string }> }>; decisions: ReviewDecision[] }>;
    };
    const byTitle = new Map(written.documents.map((d) => [d.title, d]));
    const spans = (title: string) => byTitle.get(title)!.layers[0]!.annotations.map((a) => `${a.quote.exact}=${a.labelId}:${a.author}`);
    expect(spans(ENVOYS.title)).toEqual(['Unification Ministry=policy-body:analyst', 'Park Jin=actor:analyst', 'Seoul=actor:Ben']);
    expect(spans(TALKS.title)).toEqual(['Cho Tae-yul=actor:analyst', '통일부=policy-body:analyst', 'Thursday=date:Ben']);
    for (const doc of written.documents) {
      const copies = new Map(doc.layers[0]!.annotations.map((a) => [a.id, a]));
      for (const d of doc.decisions) {
        expect(d.layers).toEqual(LAYERS);
        expect(d.decidedBy).toBe('analyst');
        expect(Date.parse(d.decidedAt)).not.toBeNaN();
        // Each copy names the layer it came from, and that layer's author made it.
        d.resultIds.forEach((id, i) => expect(copies.get(id)!.author).toBe(d.sourceLayers![i] === 'own' ? 'analyst' : d.sourceLayers![i]!.replace('colleague:', '')));
      }
    }
    const how = (title: string) => byTitle.get(title)!.decisions.map((d) => `${d.kind}:${d.action}:${d.preAccepted ? `${d.preAccepted.k}/${d.preAccepted.n}` : 'by hand'}`).sort();
    expect(how(ENVOYS.title)).toEqual(['agreed:choose-spans:2/3', 'boundary-conflict:choose-spans:2/3', 'label-conflict:choose-spans:by hand', 'only-mine:reject-both:by hand']);
    expect(how(TALKS.title)).toEqual(['label-conflict:keep-mine:by hand', 'only-mine:choose-spans:2/3', 'only-theirs:choose-spans:2/3']);
    // The store holds the same decisions.
    expect((await storedDocument(talks)).decisions.map((d) => d.id).sort()).toEqual(byTitle.get(TALKS.title)!.decisions.map((d) => d.id).sort());
  });

  it('opens from a heatmap cell the review of that pair of layers, and from a label’s bar the differences involving that label', async () => {
    const { page } = await setUp();
    await switchMode(page, 'Agreement');
    const heatmap = page.getByTestId('agreement-heatmap');
    await heatmap.locator('[data-pair="Ben|Cleo"] button').click();
    const panel = page.getByRole('region', { name: 'Review' });
    const legend = panel.getByTestId('review-legend');
    await expect.poll(() => legend.locator('[data-layer]').evaluateAll((els) => els.map((e) => e.getAttribute('data-layer')))).toEqual(['colleague:Ben', 'colleague:Cleo']);
    // Ben against Cleo on the open article: "Unification Ministry" agreed, "Park Jin" bounds, "Seoul" labels.
    await expect.poll(() => progress(page)).toBe('0 of 3 decided');
    await expect.poll(() => page.getByTestId('difference-detail').locator('.difference-side').evaluateAll((els) => els.map((e) => e.getAttribute('data-layer')))).toEqual(['colleague:Ben', 'colleague:Cleo']);
    // "Accept all agreed" across these layers keeps what both hold, as a decision on exactly these two layers.
    await clickText(page, 'Officials');
    await page.keyboard.press('a');
    await expect.poll(() => progress(page)).toBe('1 of 3 decided');
    const envoysId = (await call(page, 'listDocuments', {})).find((d) => d.title === ENVOYS.title)!.id;
    // The window shows a decision before the store has written it: poll the store.
    await expect.poll(async () => (await storedDocument(envoysId)).decisions.map((d) => [d.layers, d.preAccepted, d.sourceLayers])).toEqual([[['colleague:Ben', 'colleague:Cleo'], { k: 2, n: 2 }, ['colleague:Ben']]]);

    // The analyst's layer and a colleague's is the ordinary review against that colleague.
    await switchMode(page, 'Agreement');
    await heatmap.locator('[data-pair="Cleo|analyst"] button').click();
    await expect.poll(() => panel.getByLabel('with').inputValue()).toBe('colleague:Cleo');
    await expect.poll(() => legend.textContent()).toBe('Ab analyst (you)Ab Cleo');

    // The Actor bar: every compared layer, only the differences with an actor in them ("Park Jin", "Seoul").
    await switchMode(page, 'Agreement');
    await page.getByTestId('label-bars').getByRole('button', { name: 'Actor' }).click();
    await expect.poll(() => panel.getByTestId('review-only-label').textContent()).toBe('Only differences involving Actor. Show all');
    await expect.poll(() => legend.locator('[data-layer]').evaluateAll((els) => els.map((e) => e.getAttribute('data-layer')))).toEqual(LAYERS);
    await expect.poll(() => progress(page)).toBe('0 of 2 decided');
    await panel.getByTestId('review-only-label').getByRole('button', { name: 'Show all' }).click();
    await expect.poll(() => progress(page)).toBe('0 of 4 decided');
  });
});
