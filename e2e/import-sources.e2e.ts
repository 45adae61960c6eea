/**
 * A PDF report brought in through the Import dialog: its own headline as the
 * title, its text read in the worker, and a span tagged on its second page
 * showing that page beside the text and in the annotation list.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { makePdf } from '../electron/node/sources/test-support/pdf-fixtures';
import { dragSelect, openDocument } from './reader-helpers';
import { call } from './support/call-api';
import { closeBrowser, launchParley, type ParleyHarness } from './support/harness';

let app: ParleyHarness | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});
afterAll(closeBrowser);

describe('importing a PDF', () => {
  it('imports a PDF through the dialog and tags a span that shows its page', async () => {
    const pdf = await makePdf({
      title: 'Seoul Envoy Report',
      author: 'Policy Desk',
      footer: 'Page #',
      pages: [
        [{ runs: 'Seoul Envoy Report', size: 18 }, { runs: 'The envoy met allies in Washington on Monday and reviewed the joint text.', gapBefore: 14 }],
        [{ runs: [{ text: 'Later the ' }, { text: '통일부', font: 'hangul' }, { text: ' welcomed the resumed negotiations.' }] }],
      ],
    });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-e2e-pdf-'));
    const file = path.join(dir, 'envoy_report_final.pdf');
    await writeFile(file, pdf);
    app = await launchParley({ seedSamples: false });
    const { page } = app;
    app.dialogs.nextOpen([file]);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('dialog', { name: 'Import articles' }).getByRole('button', { name: 'Choose files…' }).click();
    await page.getByTestId('import-report').waitFor();

    const documentId = await openDocument(page, 'Seoul Envoy Report');
    const stored = (await call(page, 'getDocument', { documentId })).document;
    expect(stored.text).toBe('Seoul Envoy Report\n\nThe envoy met allies in Washington on Monday and reviewed the joint text.\n\nLater the 통일부 welcomed the resumed negotiations.');
    expect(stored.pages).toHaveLength(2);
    expect(stored.metadata?.author).toBe('Policy Desk');
    await page.getByRole('button', { name: 'Open original' }).waitFor();

    await dragSelect(page, '통일부');
    await page.keyboard.press('2');
    await expect.poll(async () => (await call(page, 'getDocument', { documentId })).layers.find((l) => l.id === 'own')?.annotations.map((a) => [a.quote.exact, a.labelId])).toEqual([['통일부', 'policy-body']]);
    const selected = page.getByRole('region', { name: 'Selected annotation' });
    await expect.poll(() => selected.locator('.parley-page').textContent()).toContain('p. 2');
    await expect.poll(() => page.getByRole('navigation', { name: 'Annotations' }).locator('.parley-page').first().textContent()).toContain('p. 2');
  }, 120_000);

  it('imports a PDF dropped on the window with its pages and original, and removes the original after a confirmation', async () => {
    const pdf = await makePdf({
      title: 'Harbour Talks Brief',
      pages: [
        [{ runs: 'Harbour Talks Brief', size: 18 }, { runs: 'Negotiators met at the harbour on Friday. 🚢', gapBefore: 14 }],
        [{ runs: [{ text: 'The ' }, { text: '외교부', font: 'hangul' }, { text: ' issued a statement.' }] }],
        [{ runs: 'Talks continue next week.' }],
      ],
    });
    app = await launchParley({ seedSamples: false });
    const { page } = app;
    const dataTransfer = await page.evaluateHandle((bytes) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], 'harbour brief.pdf', { type: 'application/pdf' }));
      return transfer;
    }, [...pdf]);
    await page.dispatchEvent('body', 'dragenter', { dataTransfer });
    await page.getByText('Drop to import').waitFor();
    await page.dispatchEvent('body', 'drop', { dataTransfer });

    await page.getByText('Import: 1 document added').waitFor();
    await expect.poll(async () => (await call(page, 'listDocuments', {})).map((d) => d.title)).toEqual(['Harbour Talks Brief']);
    const documentId = await openDocument(page, 'Harbour Talks Brief');
    const stored = (await call(page, 'getDocument', { documentId })).document;
    expect(stored.pages).toHaveLength(3);
    expect(stored.text).toContain('The 외교부 issued a statement.');
    expect(stored.originalName).toBe('harbour brief.pdf');
    await page.getByRole('button', { name: 'Open original' }).waitFor();

    await dragSelect(page, '외교부');
    await page.keyboard.press('2');
    const selected = page.getByRole('region', { name: 'Selected annotation' });
    await expect.poll(() => selected.locator('.parley-page').textContent()).toContain('p. 2');

    // The store's size counts the original; removing it (after a confirmation) frees that room and keeps the text and the tag.
    const size = page.getByTestId('store-size');
    await expect.poll(() => size.textContent()).toMatch(/1 document .*, 1 original /);
    await page.getByRole('button', { name: 'Remove original…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove the original?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => confirm.count()).toBe(0);
    expect((await call(page, 'storeSize', {})).originals.count).toBe(1);
    await page.getByRole('button', { name: 'Remove original…' }).click();
    await confirm.getByRole('button', { name: 'Remove original' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Open original' }).count()).toBe(0);
    await expect.poll(() => size.textContent()).toMatch(/0 originals 0 KB/);
    expect((await call(page, 'getDocument', { documentId })).layers.find((l) => l.id === 'own')?.annotations.map((a) => a.quote.exact)).toEqual(['외교부']);
    expect((await call(page, 'getDocument', { documentId })).originalKept).toBe(false);
  }, 120_000);
});
