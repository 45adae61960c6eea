/**
 * The library as an analyst uses it: the sample corpus, importing by dialog,
 * paste and drop, duplicates, deleting, status and progress, export,
 * backups, the author name, the theme and damaged-file notices.
 */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { call } from './support/call-api';
import { closeBrowser, launchParley, type ParleyHarness } from './support/harness';
import { screenshotPath } from './support/screenshot-path';

let app: ParleyHarness | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});
afterAll(closeBrowser);


function sidebar(page: Page) {
  return page.getByRole('navigation', { name: 'Library' });
}

function documentItem(page: Page, title: string) {
  return sidebar(page).getByRole('listitem').filter({ has: page.getByRole('button', { name: title, exact: true }) });
}

async function start(options: Parameters<typeof launchParley>[0] = {}): Promise<Page> {
  app = await launchParley(options);
  await sidebar(app.page).getByRole('list', { name: 'Documents' }).or(sidebar(app.page).getByText('No documents yet.')).waitFor();
  return app.page;
}

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'parley-e2e-files-'));
}

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

describe('library', () => {
  it('shows the sample corpus on first run, opens the first article, and looks calm (screenshot)', async () => {
    const page = await start();
    const docs = await call(page, 'listDocuments', {});
    expect(docs.length).toBeGreaterThanOrEqual(3);
    for (const doc of docs) await expect.poll(() => documentItem(page, doc.title).count()).toBe(1);
    await expect.poll(() => page.getByTestId('progress-summary').textContent()).toBe(`0 of ${docs.length} done`);
    // The first article is open: its title is in the top bar and its text in the document pane.
    const first = docs[0]!;
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(first.title);
    const view = await call(page, 'getDocument', { documentId: first.id });
    const sentence = view.document.text.split('\n').find((line) => line.length > 60)!.slice(0, 40);
    await page.getByRole('main').getByText(sentence, { exact: false }).first().waitFor();

    // Give the screenshot something to show: annotations, one nested in another, and a document in progress.
    const text = view.document.text;
    const at = (quote: string, labelId: string, after = 0) => {
      const start = text.indexOf(quote, after);
      return { start, end: start + quote.length, labelId };
    };
    const nested = text.indexOf('Noh suggested terminating the working group');
    const spans = [
      at('Noh Kyu-duk', 'actor'),
      at('Sung Kim', 'actor'),
      at('22 June 2021', 'date'),
      at('proposed ending the working group', 'position'),
      at('Ministry of Unification', 'policy-body'),
      at('통일부', 'policy-body'),
      at('Noh suggested terminating the working group', 'position'),
      at('the working group', 'policy-body', nested),
      at('Noh', 'actor', nested),
    ].filter((s) => s.start >= 0);
    expect(spans.length).toBeGreaterThanOrEqual(7);
    if (spans.length > 0) await call(page, 'addAnnotations', { documentId: first.id, spans });
    await call(page, 'setStatus', { documentId: first.id, status: 'in-progress' });
    await call(page, 'setStatus', { documentId: docs[1]!.id, status: 'done' });
    await app!.reload();
    await expect.poll(() => page.getByTestId('progress-summary').textContent()).toBe(`1 of ${docs.length} done`);
    await page.setViewportSize({ width: 1280, height: 800 });
    // The picture should show the marks in the app's fonts: wait for both before taking it.
    await expect.poll(() => page.locator('.parley-reader .cm-parley-mark').count()).toBeGreaterThan(0);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.screenshot({ path: screenshotPath('screenshot.png') });
  });

  it('imports .txt, .md and .html files through the file dialog and names the file it refused', async () => {
    const page = await start({ seedSamples: false });
    const dir = await tempDir();
    const files = {
      'budget-talks.txt': 'Budget talks resume\n\nThe finance ministers met on Monday.',
      'envoy.md': '# Envoy visits Tokyo\n\nThe special envoy arrived on Tuesday.',
      'summit.html': '<html><head><title>Summit ends in Lima</title></head><body><p>Leaders signed a declaration.</p></body></html>',
      'empty.txt': '   \n',
    };
    for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
    app!.dialogs.nextOpen(Object.keys(files).map((name) => path.join(dir, name)));

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('dialog', { name: 'Import articles' }).getByRole('button', { name: 'Choose files…' }).click();

    const report = page.getByTestId('import-report');
    await report.waitFor();
    await expect.poll(() => page.getByText('Import: 3 documents added, 1 problem').count()).toBe(1);
    await expect.poll(() => report.textContent()).toContain('empty.txt');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    for (const title of ['budget talks', 'Envoy visits Tokyo', 'Summit ends in Lima']) await expect.poll(() => documentItem(page, title).count()).toBe(1);

    const stored = await call(page, 'listDocuments', {});
    expect(stored.map((d) => d.title).sort()).toEqual(['Envoy visits Tokyo', 'Summit ends in Lima', 'budget talks']);
  });

  it('reports a file that is already in the library as a duplicate and does not add it twice', async () => {
    const page = await start({ seedSamples: false });
    const dir = await tempDir();
    const file = path.join(dir, 'ceasefire.txt');
    await writeFile(file, 'Ceasefire holds\n\nBoth sides reported a quiet night.');
    app!.dialogs.nextOpen([file]);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('button', { name: 'Choose files…' }).click();
    await page.getByText('Import: 1 document added').waitFor();
    await page.getByRole('button', { name: 'Dismiss import report' }).click();

    await writeFile(path.join(dir, 'ceasefire-copy.txt'), 'Ceasefire holds\n\nBoth sides reported a quiet night.');
    app!.dialogs.nextOpen([path.join(dir, 'ceasefire-copy.txt')]);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('button', { name: 'Choose files…' }).click();
    await page.getByText('Import: 0 documents added, 1 already in the library').waitFor();
    await expect.poll(() => page.getByTestId('import-report').textContent()).toContain('ceasefire-copy.txt');
    expect((await call(page, 'listDocuments', {})).length).toBe(1);
  });

  it('imports pasted text under the title given, keeping the text exactly', async () => {
    const page = await start({ seedSamples: false });
    // A textarea hands over line ends as \n, so that is what a paste keeps.
    const text = 'Ministers agree on aid\n\nThe ministers agreed\tto send aid — 20 tonnes — by sea: 통일부.  ';
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import articles' });
    const submit = dialog.getByRole('button', { name: 'Import pasted text' });
    expect(await submit.isDisabled()).toBe(true);
    await dialog.getByLabel('Title (optional; the first line is used otherwise)').fill('Aid agreement');
    await dialog.getByLabel('Text', { exact: true }).fill(text);
    await submit.click();

    await page.getByText('Import: 1 document added').waitFor();
    await expect.poll(() => documentItem(page, 'Aid agreement').count()).toBe(1);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Aid agreement');
    const [doc] = await call(page, 'listDocuments', {});
    const view = await call(page, 'getDocument', { documentId: doc!.id });
    expect(view.document.text).toBe(text);
  });

  it('imports files dropped on the window and names a dropped file it cannot import', async () => {
    const page = await start({ seedSamples: false });
    const dataTransfer = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['Harbour talks\n\nNegotiators met at the harbour.'], 'harbour-talks.txt', { type: 'text/plain' }));
      transfer.items.add(new File(['# Drop notes\n\nA Markdown note.'], 'drop-notes.md', { type: 'text/markdown' }));
      transfer.items.add(new File([new Uint8Array([137, 80, 78, 71])], 'photo.png', { type: 'image/png' }));
      return transfer;
    });
    await page.dispatchEvent('body', 'dragenter', { dataTransfer });
    await page.getByText('Drop to import').waitFor();
    await page.dispatchEvent('body', 'drop', { dataTransfer });

    await page.getByText('Import: 2 documents added, 1 problem').waitFor();
    await expect.poll(() => page.getByText('Drop to import').count()).toBe(0);
    await expect.poll(() => page.getByTestId('import-report').textContent()).toContain('photo.png');
    const titles = (await call(page, 'listDocuments', {})).map((d) => d.title).sort();
    expect(titles).toEqual(['Drop notes', 'harbour talks']);
    await expect.poll(() => documentItem(page, 'Drop notes').count()).toBe(1);
  });

  it('deletes a document only after the confirmation, and Cancel keeps it', async () => {
    const page = await start();
    const docs = await call(page, 'listDocuments', {});
    const victim = docs[1]!;

    await documentItem(page, victim.title).getByRole('button', { name: `Delete “${victim.title}”` }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete document?' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(victim.title);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => confirm.count()).toBe(0);
    expect(await documentItem(page, victim.title).count()).toBe(1);
    expect((await call(page, 'listDocuments', {})).some((d) => d.id === victim.id)).toBe(true);

    // Escape cancels too.
    await documentItem(page, victim.title).getByRole('button', { name: `Delete “${victim.title}”` }).click();
    await confirm.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => confirm.count()).toBe(0);
    expect((await call(page, 'listDocuments', {})).length).toBe(docs.length);

    await documentItem(page, victim.title).getByRole('button', { name: `Delete “${victim.title}”` }).click();
    await confirm.getByRole('button', { name: 'Delete document' }).click();
    await expect.poll(() => documentItem(page, victim.title).count()).toBe(0);
    const after = await call(page, 'listDocuments', {});
    expect(after.map((d) => d.id)).not.toContain(victim.id);
    expect(after.length).toBe(docs.length - 1);
  });

  it('sets a status from the top bar and shows it in the library with the progress', async () => {
    const page = await start();
    const docs = await call(page, 'listDocuments', {});
    const first = docs[0]!;
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(first.title);
    const status = page.getByRole('banner').getByLabel('Status');

    await status.selectOption({ label: 'Done' });
    await expect.poll(() => page.getByTestId('progress-summary').textContent()).toBe(`1 of ${docs.length} done`);
    await expect.poll(() => documentItem(page, first.title).getByText('Done', { exact: true }).count()).toBe(1);
    await expect.poll(() => page.getByRole('progressbar', { name: 'Documents done' }).getAttribute('aria-valuenow')).toBe('1');

    // A second document, opened from the list by keyboard, marked in progress.
    const second = docs[1]!;
    await documentItem(page, second.title).getByRole('button', { name: second.title, exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(second.title);
    await status.selectOption({ label: 'In progress' });
    await expect.poll(() => documentItem(page, second.title).getByText('In progress', { exact: true }).count()).toBe(1);
    await expect.poll(() => page.getByText(`1 in progress · ${docs.length - 2} to do`).count()).toBe(1);

    const stored = await call(page, 'listDocuments', {});
    expect(stored.find((d) => d.id === first.id)!.status).toBe('done');
    expect(stored.find((d) => d.id === second.id)!.status).toBe('in-progress');
    await app!.reload();
    await expect.poll(() => page.getByTestId('progress-summary').textContent()).toBe(`1 of ${docs.length} done`);
  });

  it('exports the open document and the whole library through the save dialog, in the format picked', async () => {
    const page = await start();
    const docs = await call(page, 'listDocuments', {});
    const first = docs[0]!;
    const view = await call(page, 'getDocument', { documentId: first.id });
    const quote = view.document.text.split(/\s+/).find((w) => w.length > 6)!;
    const at = view.document.text.indexOf(quote);
    await call(page, 'addAnnotations', { documentId: first.id, spans: [{ start: at, end: at + quote.length, labelId: 'actor', note: 'check the spelling' }] });
    const dir = await tempDir();

    // The open document, in Parley's own format (the default).
    const parleyFile = path.join(dir, 'one.json');
    app!.dialogs.nextSave(parleyFile);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export annotations' });
    expect(await dialog.getByLabel('Format').inputValue()).toBe('parley');
    expect(await dialog.getByRole('radio', { name: /This document/ }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await page.getByText(`Written to ${parleyFile}`).waitFor();
    const exported = await readFile(parleyFile, 'utf8');
    expect(exported).toContain(first.title);
    expect(exported).toContain(quote);
    expect(exported).not.toContain(docs[1]!.title);
    const layerIds = (json: string) => (JSON.parse(json) as { documents: Array<{ layers: Array<{ id: string }> }> }).documents.flatMap((d) => d.layers.map((l) => l.id));
    // Your own layer, unless every layer is asked for: here with a colleague's layer (the file just written, loaded back as one).
    expect(layerIds(exported)).toEqual(['own']);
    app!.dialogs.nextOpen([parleyFile]);
    await call(page, 'importLayerFromDialog', { format: 'parley', author: 'Jae-won' });
    const everyFile = path.join(dir, 'every.json');
    app!.dialogs.nextSave(everyFile);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    expect(await dialog.getByRole('radio', { name: 'Your own layer' }).isChecked()).toBe(true);
    await dialog.getByRole('radio', { name: /^Every layer/ }).check();
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await page.getByText(`Written to ${everyFile}`).waitFor();
    const everyLayer = layerIds(await readFile(everyFile, 'utf8'));
    expect(everyLayer).toHaveLength(2);
    expect(everyLayer[0]).toBe('own');
    expect(everyLayer[1]).toMatch(/^colleague:/);

    // The whole library as CSV.
    const csvFile = path.join(dir, 'all.csv');
    app!.dialogs.nextSave(csvFile);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await dialog.getByRole('radio', { name: /The whole library/ }).check();
    await dialog.getByLabel('Format').selectOption('csv');
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await page.getByText(`Written to ${csvFile}`).waitFor();
    expect(await readFile(csvFile, 'utf8')).toContain(quote);

    // CoNLL has no place for notes: the export says so instead of dropping the note quietly.
    const conllFile = path.join(dir, 'one.conll');
    app!.dialogs.nextSave(conllFile);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await dialog.getByLabel('Format').selectOption('conll');
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await page.getByText(`Written to ${conllFile}`).waitFor();
    await page.getByText('Exported with 1 warning').waitFor();
    await expect.poll(() => page.getByTestId('export-warnings').textContent()).toContain('1 note not written');
    expect(await readFile(conllFile, 'utf8')).toContain(quote.split(/\W/)[0]!);

    // The statement table: a position, even one nothing links yet, is a row with its text and offsets.
    const claim = view.document.text.split(/\s+/).find((w) => /^\p{L}{5,}$/u.test(w) && w !== quote)!;
    const claimAt = view.document.text.indexOf(claim);
    await call(page, 'addAnnotations', { documentId: first.id, spans: [{ start: claimAt, end: claimAt + claim.length, labelId: 'position' }] });
    const statementsFile = path.join(dir, 'statements.csv');
    app!.dialogs.nextSave(statementsFile);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await dialog.getByRole('radio', { name: 'Statement table (CSV)' }).check();
    await expect.poll(() => dialog.getByLabel('Format').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await page.getByText(`Written to ${statementsFile}`).waitFor();
    const table = await readFile(statementsFile, 'utf8');
    expect(table.split('\r\n')[0]!.startsWith('document_id,document_title,layer,date_value')).toBe(true);
    expect(table).toContain(`${claim},position,,,${claimAt},${claimAt + claim.length}`);

    // Cancelling the save dialog writes nothing and keeps the export dialog open.
    app!.dialogs.nextSave(null);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await readdir(dir)).sort()).toEqual(['all.csv', 'every.json', 'one.conll', 'one.json', 'statements.csv']);
  });

  it('brings a deleted document back, with its annotations, from Deleted documents', async () => {
    const page = await start();
    const docs = await call(page, 'listDocuments', {});
    const victim = docs[1]!;
    const view = await call(page, 'getDocument', { documentId: victim.id });
    const words = [...view.document.text.matchAll(/\p{Lu}\p{L}{4,}/gu)].slice(0, 2);
    await call(page, 'addAnnotations', { documentId: victim.id, spans: words.map((w) => ({ start: w.index, end: w.index + w[0].length, labelId: 'actor' })) });

    // Nothing deleted yet.
    await sidebar(page).getByRole('button', { name: 'Deleted documents…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Deleted documents' });
    await dialog.getByText('No deleted documents.').waitFor();
    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();

    await documentItem(page, victim.title).getByRole('button', { name: `Delete “${victim.title}”` }).click();
    await page.getByRole('dialog', { name: 'Delete document?' }).getByRole('button', { name: 'Delete document' }).click();
    await expect.poll(() => documentItem(page, victim.title).count()).toBe(0);

    await sidebar(page).getByRole('button', { name: 'Deleted documents…' }).click();
    const row = dialog.getByRole('list', { name: 'Deleted documents' }).getByRole('listitem');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('2 annotations');
    await row.getByRole('button', { name: `Restore “${victim.title}”` }).click();
    await page.getByText('Document restored').waitFor();
    await expect.poll(() => documentItem(page, victim.title).count()).toBe(1);
    const back = (await call(page, 'listDocuments', {})).find((d) => d.id === victim.id);
    expect(back?.annotationCount).toBe(2);
    expect((await call(page, 'getDocument', { documentId: victim.id })).document.text).toBe(view.document.text);
  });

  it('lists a document’s backups and restores one', async () => {
    await start();
    const [first] = await call(app!.page, 'listDocuments', {});
    const view = await call(app!.page, 'getDocument', { documentId: first!.id });
    const words = [...view.document.text.matchAll(/\p{Lu}\p{L}{4,}/gu)].slice(0, 3);
    for (const word of words) await call(app!.page, 'addAnnotations', { documentId: first!.id, spans: [{ start: word.index, end: word.index + word[0].length, labelId: 'actor' }] });
    // Tags go to the document's journal; closing the store writes them into its file and keeps the version before among the backups.
    await app!.restart();
    const page = app!.page;
    await sidebar(page).getByRole('list', { name: 'Documents' }).waitFor();
    const backups = await call(page, 'listBackups', { documentId: first!.id });
    expect(backups.map((b) => b.annotationCount)).toContain(0);

    await documentItem(page, first!.title).getByRole('button', { name: `Backups of “${first!.title}”` }).click();
    const dialog = page.getByRole('dialog', { name: `Backups of “${first!.title}”` });
    await expect.poll(() => dialog.getByRole('list', { name: 'Backups' }).getByRole('listitem').count()).toBe(backups.length);
    const oldest = [...backups].sort((a, b) => a.takenAt.localeCompare(b.takenAt))[0]!;
    const row = dialog.getByRole('listitem').filter({ hasText: `${oldest.annotationCount} annotation` }).last();
    await row.getByRole('button', { name: /Restore backup/ }).click();
    await row.getByRole('button', { name: 'Replace with backup' }).click();
    await page.getByText('Backup restored').waitFor();
    const restored = (await call(page, 'listDocuments', {})).find((d) => d.id === first!.id)!;
    expect(restored.annotationCount).toBe(oldest.annotationCount);
  });

  it('shows the author name and changes it', async () => {
    const page = await start();
    const footer = sidebar(page);
    await footer.getByText('Annotating as').waitFor();
    const before = await call(page, 'getAppInfo', {});
    await expect.poll(() => footer.locator('.author-name').textContent()).toBe(before.author);
    await footer.getByRole('button', { name: 'Change author name' }).click();
    const input = footer.getByLabel('Author name');
    await input.fill('Min-jung Park');
    await input.press('Enter');
    await expect.poll(() => footer.locator('.author-name').textContent()).toBe('Min-jung Park');
    expect((await call(page, 'getAppInfo', {})).author).toBe('Min-jung Park');
  });

  it('follows the system theme', async () => {
    const page = await start();
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const foreground = () => page.evaluate(() => getComputedStyle(document.body).color);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(background).toBe('rgb(251, 250, 247)');
    const lightText = await foreground();
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(background).toBe('rgb(22, 24, 27)');
    await expect.poll(foreground).not.toBe(lightText);
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim())).toBe('#8ab4e0');
  });

  it('collapses the library and opens it again from the keyboard', async () => {
    const page = await start();
    const toggle = page.getByRole('button', { name: 'Hide library' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => sidebar(page).isVisible()).toBe(false);
    const show = page.getByRole('button', { name: 'Show library' });
    await expect.poll(() => show.getAttribute('aria-expanded')).toBe('false');
    // Space acts on the focused element: wait until focus is on the button that now says Show.
    await expect.poll(() => show.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(() => sidebar(page).isVisible()).toBe(true);
  });

  it('tells the analyst about a damaged document file, where it went, and lets them dismiss the notice', async () => {
    const page = await start();
    const docs = await call(page, 'listDocuments', {});
    const victim = docs[0]!;
    let damaged: string | undefined;
    for await (const file of walk(app!.storeDir)) {
      if (!file.endsWith('.json') || file.includes(`${path.sep}backups${path.sep}`)) continue;
      const content = await readFile(file, 'utf8');
      if (content.includes(victim.sha256) && !content.includes(docs[1]!.sha256)) damaged = file;
    }
    expect(damaged).toBeDefined();
    await writeFile(damaged!, '{"this is": not json');
    await app!.restart();
    const restarted = app!.page;

    const banner = restarted.getByRole('alert').filter({ hasText: 'damaged' });
    await banner.waitFor();
    const info = await call(restarted, 'getAppInfo', {});
    expect(info.incidents.length).toBeGreaterThan(0);
    const incident = info.incidents[0]!;
    const shown = await banner.textContent();
    expect(shown).toContain(incident.movedTo);
    expect(shown).toContain(path.basename(damaged!));
    await banner.getByRole('button', { name: 'Dismiss damaged file notice' }).click();
    await expect.poll(() => restarted.getByRole('alert').filter({ hasText: 'damaged' }).count()).toBe(0);
  });
});
