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
