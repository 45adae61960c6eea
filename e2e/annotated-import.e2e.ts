/**
 * Importing annotated documents from another tool in the window: a doccano
 * file (code-point offsets, an emoji and Hangul, an overlap, an unknown label)
 * comes in through the Import dialog, the report says what happened, and the
 * reader shows the marks at the right characters.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closeBrowser, launchParley, type ParleyHarness } from './support/harness';
import { call, markTexts, storedAnnotations } from './reader-helpers';

let app: ParleyHarness | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});
afterAll(closeBrowser);

const TEXT = 'Talks in Seoul 🇰🇷 resumed.\n통일부 said Noh Kyu-duk would lead the working group from 22 June 2021.';

/** Code-point offsets of `quote` in TEXT, as doccano writes them. */
function codePoints(quote: string): [number, number] {
  const at = TEXT.indexOf(quote);
  const start = [...TEXT.slice(0, at)].length;
  return [start, start + [...quote].length];
}

describe('importing annotated documents', () => {
  it('imports a doccano file with overlapping spans and a new label, and shows each mark on its characters', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-e2e-doccano-'));
    const file = path.join(dir, 'colleague.jsonl');
    const spans: Array<[string, string]> = [
      ['통일부', 'policy body'],
      ['Noh Kyu-duk', 'ACTOR'],
      ['Noh Kyu-duk would lead the working group', 'position'],
      ['the working group', 'policy_body'],
      ['22 June 2021', 'date'],
      ['Seoul', 'Location'],
    ];
    await writeFile(file, `${JSON.stringify({ text: TEXT, label: spans.map(([q, l]) => [...codePoints(q), l]) })}\n`);

    app = await launchParley({ seedSamples: false });
    const { page } = app;
    await page.getByText('No documents yet.').waitFor();
    app.dialogs.nextOpen([file]);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import articles' });
    await dialog.getByLabel('Format').selectOption('doccano');
    await dialog.getByRole('button', { name: 'Choose annotated files…' }).click();

    const report = page.getByTestId('annotated-import-report');
    await report.waitFor();
    await page.getByText('Import: 1 document added, 0 annotations merged').waitFor();
    expect(await report.textContent()).toContain('New labels added to the schema: Location');

    // Label names were matched ignoring case, spaces and underscores; the overlap and the nesting are both drawn.
    await expect.poll(() => markTexts(page, 'policy-body')).toEqual(['통일부', 'the working group']);
    expect(await markTexts(page, 'actor')).toEqual(['Noh Kyu-duk']);
    expect(await markTexts(page, 'position')).toEqual(['Noh Kyu-duk would lead the working group']);
    expect(await markTexts(page, 'date')).toEqual(['22 June 2021']);
    expect(await markTexts(page, 'location')).toEqual(['Seoul']);

    // Stored in UTF-16 code units, each quote exactly the text at its offsets.
    const [doc] = await call(page, 'listDocuments', {});
    const stored = await storedAnnotations(app.storeDir, doc!.id);
    expect(stored).toHaveLength(spans.length);
    for (const a of stored) expect(TEXT.slice(a.start, a.end)).toBe(a.quote.exact);
  });
});

describe('an annotated file whose text is an edited version of a stored one', () => {
  const STORED = 'The envoy met officials in Seoul on 3 May.\nBoth sides agreed to resume the working group in June.\n통일부 welcomed the decision 🇰🇷.';
  const EDITED = `Seoul, Tuesday.\n${STORED.replace('in June', 'in early June')}`;

  /** Opens the app on a library holding STORED, and imports a doccano file with EDITED up to the preview. */
  async function preview() {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-e2e-pairing-'));
    const file = path.join(dir, 'edited.jsonl');
    const cp = (quote: string): [number, number] => {
      const start = [...EDITED.slice(0, EDITED.indexOf(quote))].length;
      return [start, start + [...quote].length];
    };
    await writeFile(file, `${JSON.stringify({ text: EDITED, label: [[...cp('envoy'), 'actor'], [...cp('통일부'), 'policy body']] })}\n`);
    app = await launchParley({ seedSamples: false });
    const { page } = app;
    await page.getByText('No documents yet.').waitFor();
    const [stored] = (await call(page, 'importTexts', { files: [{ name: 'envoy.txt', content: STORED }] })).added;
    app.dialogs.nextOpen([file]);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import articles' });
    await dialog.getByLabel('Format').selectOption('doccano');
    await dialog.getByRole('button', { name: 'Choose annotated files…' }).click();
    const pairings = page.getByRole('dialog', { name: 'Edited versions of documents in the library?' });
    await pairings.waitFor();
    return { page, pairings, storedId: stored!.id };
  }

  it('shows the pairing with its similarity and merges into the stored document when the analyst chooses merge', async () => {
    const { page, pairings, storedId } = await preview();
    const item = pairings.getByTestId('import-pairings').getByRole('listitem');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.textContent()).toMatch(/“[^”]+” looks like an edited version of “envoy” \((8\d|9\d)% alike\)/);
    expect(await pairings.getByRole('radio', { name: 'Import as a new document' }).isChecked()).toBe(true);
    // Nothing is written while the preview is open.
    expect(await call(page, 'listDocuments', {})).toHaveLength(1);

    await pairings.getByRole('radio', { name: 'Merge its annotations into “envoy”' }).check();
    await pairings.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Import: 0 documents added, 2 annotations merged').waitFor();

    const docs = await call(page, 'listDocuments', {});
    expect(docs.map((d) => d.id)).toEqual([storedId]);
    const stored = await storedAnnotations(app!.storeDir, storedId);
    expect(stored.map((a) => [a.quote.exact, a.labelId])).toEqual([
      ['envoy', 'actor'],
      ['통일부', 'policy-body'],
    ]);
    for (const a of stored) expect(STORED.slice(a.start, a.end)).toBe(a.quote.exact);
  });

  it('imports it as a new document when the analyst keeps the default, and keeps both texts', async () => {
    const { page, pairings, storedId } = await preview();
    await pairings.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Import: 1 document added, 0 annotations merged').waitFor();
    expect(await page.getByTestId('annotated-import-report').textContent()).toMatch(/looks like an edited version of envoy \((8\d|9\d)%\)/);

    const docs = await call(page, 'listDocuments', {});
    expect(docs).toHaveLength(2);
    const added = docs.find((d) => d.id !== storedId)!;
    expect(await storedAnnotations(app!.storeDir, storedId)).toEqual([]);
    const own = await storedAnnotations(app!.storeDir, added.id);
    expect(own.map((a) => EDITED.slice(a.start, a.end))).toEqual(['envoy', '통일부']);
  });
});
