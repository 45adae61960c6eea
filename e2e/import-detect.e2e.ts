/**
 * The Import dialog proposes the format of an annotated file: left on "Detect
 * from the file", it reads a Label Studio export, says what it found, and
 * imports only when the analyst confirms; cancelling leaves the library empty.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closeBrowser, launchParley, type ParleyHarness } from './support/harness';
import { call, markTexts } from './reader-helpers';

let app: ParleyHarness | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});
afterAll(closeBrowser);

const TEXT = 'Sung Kim met 통일부 officials in Seoul 🇰🇷.\nThe talks resume on 4 May.';

async function labelStudioFile(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-e2e-detect-'));
  const file = path.join(dir, 'project-3.json');
  const region = (id: string, quote: string, label: string) => {
    const start = TEXT.indexOf(quote);
    return { id, from_name: 'label', to_name: 'text', type: 'labels', value: { start, end: start + quote.length, text: quote, labels: [label] } };
  };
  await writeFile(file, JSON.stringify([{ id: 3, data: { text: TEXT }, annotations: [{ id: 9, result: [region('a', 'Sung Kim', 'Actor'), region('b', '4 May', 'Date')] }] }]));
  return file;
}

async function chooseWithDetection(harness: ParleyHarness, file: string) {
  const { page } = harness;
  await page.getByText('No documents yet.').waitFor();
  harness.dialogs.nextOpen([file]);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import articles' });
  expect(await dialog.getByLabel('Format').inputValue()).toBe('detect');
  await dialog.getByRole('button', { name: 'Choose annotated files…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Import annotated documents?' });
  await confirm.waitFor();
  expect(await confirm.getByTestId('detected-format').textContent()).toMatch(/^Read as Label Studio JSON \(/);
  return confirm;
}

describe('the Import dialog detects the format', () => {
  it('names the detected format and imports on confirmation', async () => {
    app = await launchParley({ seedSamples: false });
    const confirm = await chooseWithDetection(app, await labelStudioFile());
    await confirm.getByRole('button', { name: 'Import', exact: true }).click();
    await app.page.getByText('Import: 1 document added').waitFor();
    await expect.poll(() => markTexts(app!.page, 'actor')).toEqual(['Sung Kim']);
    expect(await markTexts(app.page, 'date')).toEqual(['4 May']);
  });

  it('imports nothing when the analyst cancels', async () => {
    app = await launchParley({ seedSamples: false });
    const confirm = await chooseWithDetection(app, await labelStudioFile());
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(await call(app.page, 'listDocuments', {})).toEqual([]);
  });
});
