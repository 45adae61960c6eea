/**
 * The four defects of issue 10, each driven as the analyst met it, by
 * keyboard, with the store's files read back to prove the fix:
 * - Ctrl+Z in Review undoes the last decision, never the analyst's own tag;
 * - a decision on a group keeps the nested span that was in no conflict;
 * - word snapping stores the bare name, not its possessive;
 * - agreement leaves out a document the analyst has not started, says so,
 *   and includes it on request.
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
import { call, clickText, dragSelect, openDocument } from './reader-helpers';
import { closeBrowser, launchParley, type ParleyHarness } from './support/harness';

let app: ParleyHarness | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});
afterAll(closeBrowser);

/** The articles, imported from files named after their titles; the title is also the first line, which the reader shows first. */
const MINISTRY = {
  title: 'Ministry answers on the working group',
  text: 'Ministry answers on the working group\nThe South Korea Foreign Ministry said on Tuesday that Sung Kim’s visit would go ahead.\nIt added that the ministers’ talks in Seoul had been “useful”.',
};
const SUMMIT = {
  title: 'Envoys meet again',
  text: "Envoys meet again\r\nEnvoy Sung Kim's team met Noh Kyu-duk in Seoul.\r\n통일부 welcomed the meeting 🤝 on Friday.",
};

interface StoredDocument {
  document: { id: string; status: string };
  layers: Array<{ id: string; annotations: Annotation[] }>;
  decisions: ReviewDecision[];
  history: { undo: Array<{ label: string; layerId: string }>; redo: Array<{ label: string; layerId: string }> };
}

async function storedDocument(storeDir: string, documentId: string): Promise<StoredDocument> {
  // The store's own reading of its files: the document file with its journal applied.
  return findStoredDocument(storeDir, documentId);
}

const layerSpans = (doc: StoredDocument, layerId: string) =>
  (doc.layers.find((l) => l.id === layerId)?.annotations ?? []).map((a) => `${a.quote.exact}=${a.labelId}`).sort();

/** Starts Parley on an empty store and imports the two articles; returns their ids. */
async function start(): Promise<{ page: Page; ids: { ministry: string; summit: string } }> {
  app = await launchParley({ seedSamples: false });
  const page = app.page;
  const { added } = await call(page, 'importTexts', {
    files: [
      { name: `${MINISTRY.title}.txt`, content: MINISTRY.text },
      { name: `${SUMMIT.title}.txt`, content: SUMMIT.text },
    ],
  });
  const id = (text: string) => added.find((d) => d.length === text.length)!.id;
  return { page, ids: { ministry: id(MINISTRY.text), summit: id(SUMMIT.text) } };
}

/** Ben's own export of the articles: his copy of each text (other ids) with his layer, as Parley JSON. */
async function writeBensExport(spans: Array<{ article: { title: string; text: string }; quotes: Array<[string, string]> }>, author = 'Ben'): Promise<string> {
  const now = '2026-11-20T10:00:00.000Z';
  const documents: CorpusDocument[] = spans.map(({ article, quotes }) => {
    const document = createDocument({ title: article.title, source: 'Ben’s library', text: article.text, now });
    const annotations = quotes.map(([quote, labelId]) => {
      const start = article.text.indexOf(quote);
      const created = createAnnotation(article.text, { documentId: document.id, start, end: start + quote.length, labelId, author, now });
      if (!created.ok) throw new Error(created.error.message);
      return created.value;
    });
    return { document, layers: [{ id: 'own', kind: 'own', author, annotations }], decisions: [] };
  });
  const exported = codecs.parley.export({ labels: defaultLabelSchema(), documents }, { layerIds: ['own'] });
  if (!exported.ok) throw new Error(exported.error.message);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-e2e-ben-'));
  const file = path.join(dir, `${author.toLowerCase()}.json`);
  await writeFile(file, exported.value.files[0]!.data);
  return file;
}

async function loadBen(file: string): Promise<void> {
  const page = app!.page;
  await page.getByRole('region', { name: 'Layers' }).getByRole('button', { name: /Load colleague/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Load a colleague’s annotations' });
  await dialog.getByLabel('Format of the file').selectOption({ label: 'Parley JSON' });
  app!.dialogs.nextOpen([file]);
  await dialog.getByRole('button', { name: 'Choose file…' }).click();
  await dialog.waitFor({ state: 'detached' });
}

async function switchMode(page: Page, mode: 'Read' | 'Review' | 'Agreement'): Promise<void> {
  await page.getByRole('group', { name: 'Mode' }).getByRole('button', { name: mode, exact: true }).click();
}

/** Tags `quote` by dragging over it and pressing the label's key; waits until the store has it. */
async function tag(page: Page, documentId: string, quote: string, key: string, expected = quote): Promise<void> {
  const before = (await storedDocument(app!.storeDir, documentId)).layers.find((l) => l.id === 'own')!.annotations.length;
  await dragSelect(page, quote);
  await page.keyboard.press(key);
  await expect.poll(async () => (await storedDocument(app!.storeDir, documentId)).layers.find((l) => l.id === 'own')!.annotations.length).toBe(before + 1);
  await expect.poll(async () => layerSpans(await storedDocument(app!.storeDir, documentId), 'own').some((s) => s.startsWith(`${expected}=`))).toBe(true);
  // The window selects the new mark when the store's answer arrives; the next drag waits for it.
  await expect.poll(() => page.locator('.parley-reader-status').textContent()).toContain(`Tagged “${expected.slice(0, 20)}`);
}

const undoButton = (page: Page) => page.getByRole('group', { name: 'History' }).locator('.parley-undo');
const redoButton = (page: Page) => page.getByRole('group', { name: 'History' }).locator('.parley-redo');

describe('review and agreement an analyst can trust', () => {
  it('Ctrl+Z in Review undoes the decision, not the tag made in Read; Ctrl+Shift+Z brings the decision back', async () => {
    const { page, ids } = await start();
    await openDocument(page, MINISTRY.title);
    await tag(page, ids.ministry, 'Sung Kim', '1');
    await tag(page, ids.ministry, 'Seoul', '1');
    await loadBen(await writeBensExport([{ article: MINISTRY, quotes: [['Sung Kim', 'actor']] }]));
    const ownBefore = layerSpans(await storedDocument(app!.storeDir, ids.ministry), 'own');
    expect(ownBefore).toEqual(['Seoul=actor', 'Sung Kim=actor']);

    await switchMode(page, 'Review');
    // Before any decision, Review has nothing to undo and says why; the tag is Read mode's.
    await expect.poll(() => undoButton(page).isDisabled()).toBe(true);
    await expect.poll(() => undoButton(page).getAttribute('title')).toContain('undone in Read mode');
    await clickText(page, 'Tuesday');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.parley-reader-status').textContent()).toContain('No decision to undo');
    expect(layerSpans(await storedDocument(app!.storeDir, ids.ministry), 'own')).toEqual(ownBefore);

    // The focus is on the first undecided difference: "Seoul", only mine. Drop it.
    await expect.poll(() => page.getByTestId('difference-detail').getAttribute('data-kind')).toBe('agreed');
    await page.keyboard.press('j');
    await expect.poll(() => page.getByTestId('difference-detail').getAttribute('data-kind')).toBe('only-mine');
    // Only mine: keep or drop. The layers go by their authors' names.
    await expect.poll(() => page.getByTestId('difference-detail').getByRole('group', { name: 'Decide' }).getByRole('button').allTextContents()).toEqual(['Keep m', 'Drop x']);
    await expect.poll(() => page.getByRole('region', { name: 'Review' }).locator('.review-legend').textContent()).toMatch(/analyst \(you\).*Ben/s);
    await page.keyboard.press('x');
    await expect.poll(async () => (await storedDocument(app!.storeDir, ids.ministry)).decisions.map((d) => d.action)).toEqual(['reject-both']);
    await expect.poll(() => undoButton(page).textContent()).toBe('↶ Undo: Reject both on “Seoul”');

    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await storedDocument(app!.storeDir, ids.ministry)).decisions).toEqual([]);
    const afterUndo = await storedDocument(app!.storeDir, ids.ministry);
    expect(layerSpans(afterUndo, 'own')).toEqual(ownBefore);
    expect(layerSpans(afterUndo, 'reconciled')).toEqual([]);
    await expect.poll(() => page.locator('.parley-reader-status').textContent()).toBe('Undid: Reject both on “Seoul”');
    await expect.poll(() => page.getByTestId('difference-decision').getAttribute('data-action')).toBe('none');
    await expect.poll(() => redoButton(page).textContent()).toBe('↷ Redo: Reject both on “Seoul”');

    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await storedDocument(app!.storeDir, ids.ministry)).decisions.map((d) => d.action)).toEqual(['reject-both']);
    expect(layerSpans(await storedDocument(app!.storeDir, ids.ministry), 'own')).toEqual(ownBefore);

    // Back in Read, Ctrl+Z takes the last tag and leaves the decision alone.
    await switchMode(page, 'Read');
    await expect.poll(() => undoButton(page).textContent()).toBe('↶ Undo: Tag “Seoul”');
    await clickText(page, 'Tuesday');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => layerSpans(await storedDocument(app!.storeDir, ids.ministry), 'own')).toEqual(['Sung Kim=actor']);
    expect((await storedDocument(app!.storeDir, ids.ministry)).decisions.map((d) => d.action)).toEqual(['reject-both']);
  });

  it('accepting theirs on a group keeps my nested span, which is in no conflict; spans can be ticked one by one', async () => {
    const { page, ids } = await start();
    await openDocument(page, MINISTRY.title);
    await tag(page, ids.ministry, 'South Korea Foreign Ministry', '2');
    await tag(page, ids.ministry, 'South Korea', '1');
    await tag(page, ids.ministry, 'Sung Kim', '1');
    await loadBen(await writeBensExport([{ article: MINISTRY, quotes: [['South Korea Foreign Ministry', 'actor'], ['Sung Kim’s visit', 'actor']] }]));

    await switchMode(page, 'Review');
    const detail = page.getByTestId('difference-detail');
    await expect.poll(() => detail.getAttribute('data-kind')).toBe('label-conflict');
    // Each span of each side is listed with its own choice; the nested actor is in no conflict.
    const spans = detail.locator('.difference-span');
    await expect.poll(() => spans.count()).toBe(3);
    await expect.poll(() => detail.locator('.difference-side-own').textContent()).toContain('in no conflict');
    // A conflict offers mine, theirs, both, neither.
    await expect.poll(() => detail.getByRole('group', { name: 'Decide' }).getByRole('button').allTextContents()).toEqual(['Mine m', 'Theirs t', 'Both b', 'Neither x']);
    await clickText(page, 'Tuesday');
    await page.keyboard.press('t');
    await expect.poll(async () => layerSpans(await storedDocument(app!.storeDir, ids.ministry), 'reconciled')).toEqual(['South Korea Foreign Ministry=actor', 'South Korea=actor']);
    const stored = await storedDocument(app!.storeDir, ids.ministry);
    expect(stored.decisions).toHaveLength(1);
    expect(stored.decisions[0]!.sourceIds).toHaveLength(2);
    // The panel shows what was kept: Ben's whole phrase and my nested actor, not my policy body.
    await page.keyboard.press('k');
    await expect.poll(() => spans.evaluateAll((els) => els.map((el) => el.getAttribute('data-kept')))).toEqual(['no', 'yes', 'yes']);

    // Untick my nested actor: only Ben's span stays, recorded as a choice of spans.
    await detail.getByRole('checkbox', { name: /Keep “South Korea” \(Actor\)/ }).uncheck();
    await expect.poll(async () => layerSpans(await storedDocument(app!.storeDir, ids.ministry), 'reconciled')).toEqual(['South Korea Foreign Ministry=actor']);
    expect((await storedDocument(app!.storeDir, ids.ministry)).decisions.map((d) => d.action)).toEqual(['choose-spans']);
    // And Ctrl+Z takes the choice back to the accepted decision.
    await page.keyboard.press('Control+z');
    await expect.poll(async () => layerSpans(await storedDocument(app!.storeDir, ids.ministry), 'reconciled')).toEqual(['South Korea Foreign Ministry=actor', 'South Korea=actor']);
    expect(layerSpans(await storedDocument(app!.storeDir, ids.ministry), 'own')).toEqual(['South Korea Foreign Ministry=policy-body', 'South Korea=actor', 'Sung Kim=actor']);

    // Undoing brings the undone difference up; then the boundary conflict next to it, where the characters only Ben's span covers are marked.
    await expect.poll(() => page.locator('.parley-reader-status').textContent()).toBe('Undid: Choose spans on “South Korea Foreign Ministry”');
    await expect.poll(() => detail.getAttribute('data-kind')).toBe('label-conflict');
    await page.keyboard.press('j');
    await expect.poll(() => detail.getAttribute('data-kind')).toBe('boundary-conflict');
    await expect.poll(() => detail.locator('.difference-side-colleague mark.difference-extra').allTextContents()).toEqual(['’s visit']);
    await expect.poll(() => detail.locator('.difference-side-own mark.difference-extra').count()).toBe(0);
  });

  it('word snapping stores the bare name without its possessive; exact characters keep it', async () => {
    const { page, ids } = await start();
    await openDocument(page, SUMMIT.title);
    // Dragging over the name alone, then over the name with its possessive: both store the bare name.
    await tag(page, ids.summit, 'Sung Kim', '1');
    await page.keyboard.press('Escape');
    await openDocument(page, MINISTRY.title);
    await tag(page, ids.ministry, 'Sung Kim’s', '1', 'Sung Kim');
    await tag(page, ids.ministry, 'ministers’', '1', 'ministers');
    await tag(page, ids.ministry, '“useful”.', '3', 'useful');
    expect(layerSpans(await storedDocument(app!.storeDir, ids.ministry), 'own')).toEqual(['Sung Kim=actor', 'ministers=actor', 'useful=position'].sort());
    await openDocument(page, SUMMIT.title);
    await tag(page, ids.summit, '통일부', '2');
    expect(layerSpans(await storedDocument(app!.storeDir, ids.summit), 'own')).toEqual(['Sung Kim=actor', '통일부=policy-body']);

    // Exact characters: the possessive is taken on purpose.
    await page.getByRole('checkbox', { name: 'Exact characters' }).check();
    await tag(page, ids.summit, "Kim's", '4');
    expect(layerSpans(await storedDocument(app!.storeDir, ids.summit), 'own')).toContain("Kim's=date");
  });

  it('agreement leaves out a document I have not started, says which and why, and includes it on request', async () => {
    const { page, ids } = await start();
    await openDocument(page, MINISTRY.title);
    await tag(page, ids.ministry, 'Sung Kim', '1');
    await tag(page, ids.ministry, 'Seoul', '1');
    await loadBen(
      await writeBensExport([
        { article: MINISTRY, quotes: [['Sung Kim', 'actor'], ['Seoul', 'actor']] },
        { article: SUMMIT, quotes: [['Noh Kyu-duk', 'actor'], ['통일부', 'policy-body']] },
      ]),
    );
    // I have not started the summit article: my layer there is empty and it is not marked done.
    const summit = await storedDocument(app!.storeDir, ids.summit);
    expect(layerSpans(summit, 'own')).toEqual([]);
    expect(summit.document.status).not.toBe('done');

    await switchMode(page, 'Agreement');
    await expect.poll(() => page.getByTestId('overall-instance').textContent()).toBe('1.000');
    // The figure in plain words, naming the layers as the layer list does.
    await expect.poll(() => page.getByTestId('measure-reading').textContent()).toBe('2 of 2 spans by analyst and 2 of 2 by Ben match one of the other’s exactly (same start, end and label).');
    await expect.poll(() => page.getByRole('group', { name: 'Layers' }).textContent()).toContain('analyst');
    await expect.poll(() => page.getByTestId('agreement-unstarted').textContent()).toContain(`Left out 1 document not started (no annotations, not marked done), which would count as total disagreement: “${SUMMIT.title}” (not started by analyst).`);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-e2e-agreement-'));
    const saveJson = async (file: string) => {
      app!.dialogs.nextSave(file);
      await page.getByRole('group', { name: 'Export the report' }).getByRole('button', { name: 'JSON' }).click();
      await expect.poll(() => page.getByTestId('agreement-export-message').textContent()).toBe(`Report saved to ${file}`);
      return JSON.parse(await readFile(file, 'utf8')) as { instance: { total: { mean: number } }; unstarted: { included: boolean; documents: Array<{ title: string }> } };
    };
    const leftOut = await saveJson(path.join(dir, 'left-out.json'));
    expect(leftOut.instance.total.mean).toBe(1);
    expect(leftOut.unstarted).toEqual({ included: false, documents: [{ id: expect.any(String), title: SUMMIT.title, notStartedBy: ['analyst'] }] });

    await page.getByRole('checkbox', { name: 'Include documents not started' }).check();
    // 2 matches of 2 + 4 spans.
    await expect.poll(() => page.getByTestId('overall-instance').textContent()).toBe((4 / 6).toFixed(3));
    await expect.poll(() => page.getByTestId('agreement-unstarted').textContent()).toContain('Included 1 document not started');
    const included = await saveJson(path.join(dir, 'included.json'));
    expect(included.instance.total.mean).toBeCloseTo(4 / 6, 12);
    expect(included.unstarted.included).toBe(true);

    // Marked done, an empty layer is an answer, and the document counts without the switch.
    await page.getByRole('checkbox', { name: 'Include documents not started' }).uncheck();
    await call(page, 'setStatus', { documentId: ids.summit, status: 'done' });
    await switchMode(page, 'Read');
    await switchMode(page, 'Agreement');
    await expect.poll(() => page.getByTestId('overall-instance').textContent()).toBe((4 / 6).toFixed(3));
    await expect.poll(() => page.getByTestId('agreement-unstarted').count()).toBe(0);

    // A document row opens the review of that document against the colleague compared.
    await page.getByTestId('document-agreement').getByRole('button', { name: MINISTRY.title }).click();
    await page.locator('.parley-reader .cm-line').first().filter({ hasText: MINISTRY.title }).waitFor();
    await expect.poll(() => page.getByRole('region', { name: 'Review' }).getByLabel('with').inputValue()).toBe('colleague:Ben');
    await expect.poll(() => page.getByTestId('review-progress').textContent()).toBe('0 of 2 decided');
  });

  it('shows a failed export in its dialog, not behind it; notices float over the text without pushing it down, and a success notice fades by itself', async () => {
    const { page } = await start();
    await openDocument(page, MINISTRY.title);
    const textTop = async () => (await page.locator('.parley-reader-text').boundingBox())!.y;
    const before = await textTop();
    await loadBen(await writeBensExport([{ article: MINISTRY, quotes: [['Sung Kim', 'actor']] }]));
    await page.getByTestId('layer-import-report').first().waitFor();
    expect(await textTop()).toBe(before);
    const layers = page.getByRole('region', { name: 'Layers' });
    await layers.getByRole('button', { name: 'Export Ben’s layer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export Ben’s layer' });
    app!.dialogs.nextSave(path.join(os.tmpdir(), 'parley-no-such-folder', 'deeper', 'ben.json'));
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('Not exported:');
    expect(await dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    await layers.getByRole('button', { name: 'Remove Ben’s layer' }).click();
    await page.getByRole('dialog', { name: 'Remove Ben’s layer?' }).getByRole('button', { name: 'Remove layer' }).click();
    const removed = page.getByText('The layer was removed from 1 document.');
    await removed.waitFor();
    await page.mouse.move(0, 0);
    await expect.poll(() => removed.count(), { timeout: 15_000 }).toBe(0);
  });

  it('reviews the corpus document by document against one colleague, then another, and exports the reconciled layer with each decision’s provenance', async () => {
    const { page, ids } = await start();
    await openDocument(page, SUMMIT.title);
    await tag(page, ids.summit, 'Noh Kyu-duk', '1');
    await openDocument(page, MINISTRY.title);
    await tag(page, ids.ministry, 'Sung Kim', '1');
    await loadBen(
      await writeBensExport([
        { article: MINISTRY, quotes: [['Sung Kim', 'actor'], ['Seoul', 'actor']] },
        { article: SUMMIT, quotes: [['Noh Kyu-duk', 'actor'], ['통일부', 'policy-body']] },
      ]),
    );
    await loadBen(await writeBensExport([{ article: MINISTRY, quotes: [['Sung Kim', 'policy-body']] }], 'Cleo'));

    // In Read, the two colleagues are told apart by outline style, with a legend naming each layer's author.
    const legend = page.getByTestId('layer-legend');
    await expect.poll(() => legend.locator('.parley-legend-entry').allTextContents()).toEqual(['Ab analyst', 'Ab Ben', 'Ab Cleo']);
    const outlineOf = (layer: string) =>
      page.evaluate((id) => {
        const mark = [...document.querySelectorAll<HTMLElement>('.parley-reader .cm-parley-outline')].find((el) => el.dataset['layer'] === id);
        return mark ? getComputedStyle(mark).outlineStyle : null;
      }, layer);
    await expect.poll(() => outlineOf('colleague:Ben')).toBe('dashed');
    await expect.poll(() => outlineOf('colleague:Cleo')).toBe('dotted');

    await switchMode(page, 'Review');
    const panel = page.getByRole('region', { name: 'Review' });
    await panel.getByLabel('with').selectOption({ label: 'Ben (2 annotations)' });
    const queue = page.getByTestId('review-queue');
    await expect.poll(() => queue.locator('.review-queue-overall').textContent()).toBe('Library: 0 of 4 differences decided in 2 documents; 2 documents have undecided differences.');
    await clickText(page, 'Tuesday');
    await page.keyboard.press('a');
    // t decides the focused difference: wait until the window has moved on from the agreed one it just accepted.
    await expect.poll(() => page.getByTestId('difference-detail').getAttribute('data-kind')).toBe('only-theirs');
    await page.keyboard.press('t');
    await expect.poll(() => queue.locator('.review-queue-overall').textContent()).toContain('2 of 4 differences decided');
    // Shift+N: the next document with undecided differences.
    await page.keyboard.press('Shift+N');
    await page.locator('.parley-reader .cm-line').first().filter({ hasText: SUMMIT.title }).waitFor();
    await expect.poll(() => page.getByTestId('review-progress').textContent()).toBe('0 of 2 decided');
    await clickText(page, 'Friday');
    await page.keyboard.press('a');
    await expect.poll(() => page.getByTestId('difference-detail').getAttribute('data-kind')).toBe('only-theirs');
    await page.keyboard.press('t');
    await expect.poll(() => queue.locator('.review-queue-overall').textContent()).toBe('Library: 4 of 4 differences decided in 2 documents; all done.');
    await expect.poll(() => queue.getByRole('button').first().isDisabled()).toBe(true);

    // Cleo next, on the one article she tagged; Ben's decisions stay.
    await openDocument(page, MINISTRY.title);
    await panel.getByLabel('with').selectOption({ label: 'Cleo (1 annotation)' });
    await expect.poll(() => page.getByTestId('difference-detail').getAttribute('data-kind')).toBe('label-conflict');
    await clickText(page, 'Tuesday');
    await page.keyboard.press('m');
    await expect.poll(() => queue.locator('.review-queue-overall').textContent()).toBe('Library: 1 of 1 difference decided in 1 document; all done.');
    await panel.getByLabel('with').selectOption({ label: 'Ben (2 annotations)' });
    await expect.poll(() => page.getByTestId('review-progress').textContent()).toBe('2 of 2 decided');

    // The reconciled layer of every document, as Parley JSON, with who decided what, when, on which layers, from which annotation.
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
    const ministry = byTitle.get(MINISTRY.title)!;
    expect(ministry.layers.map((l) => l.id)).toEqual(['reconciled']);
    expect(ministry.decisions.map((d) => [d.layers[1], d.kind, d.action, d.decidedBy]).sort()).toEqual(
      [
        ['colleague:Ben', 'agreed', 'keep-mine', 'analyst'],
        ['colleague:Ben', 'only-theirs', 'accept-theirs', 'analyst'],
        ['colleague:Cleo', 'label-conflict', 'keep-mine', 'analyst'],
      ].sort(),
    );
    const copies = new Map(ministry.layers[0]!.annotations.map((a) => [a.id, a]));
    const seoul = ministry.decisions.find((d) => d.action === 'accept-theirs')!;
    expect(seoul.resultIds.map((id) => [copies.get(id)!.quote.exact, copies.get(id)!.author])).toEqual([['Seoul', 'Ben']]);
    expect(seoul.sourceIds).toHaveLength(1);
    for (const d of ministry.decisions) expect(Date.parse(d.decidedAt)).not.toBeNaN();
    const summit = byTitle.get(SUMMIT.title)!;
    expect(summit.layers[0]!.annotations.map((a) => `${a.quote.exact}=${a.labelId}:${a.author}`).sort()).toEqual(['Noh Kyu-duk=actor:analyst', '통일부=policy-body:Ben']);
    // The store holds the same.
    expect((await storedDocument(app!.storeDir, ids.summit)).decisions.map((d) => d.id).sort()).toEqual(summit.decisions.map((d) => d.id).sort());
  });
});
