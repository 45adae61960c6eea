/**
 * The core loop of the walking skeleton, in one go as an analyst does it:
 * import an article file, select a span with the mouse, tag it by its
 * shortcut, see the mark, reload the window and see it again, export the
 * document as Parley JSON and read the file that was written.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closeBrowser, launchParley, type ParleyHarness } from './support/harness';
import { call, dragSelect, markTexts, openDocument, storedAnnotations } from './reader-helpers';

let app: ParleyHarness | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});
afterAll(closeBrowser);

// A .txt file is titled by its name; the headline is the text's first line.
const TITLE = 'sanctions dialogue';
const HEADLINE = 'Seoul and Washington tune the sanctions dialogue';
// CRLF line ends and an emoji before the span, so UTF-16 and code-point offsets differ.
const ARTICLE = `${HEADLINE}\r\n\r\nOn a rainy Thursday 🌧 the Ministry of Unification said the two allies would meet again.\r\n`;

interface ExportedAnnotation {
  start: number;
  end: number;
  startCodePoint: number;
  endCodePoint: number;
  labelId: string;
  quote: { exact: string };
}
interface ExportedFile {
  format: string;
  documents: Array<{ title: string; text: string; sha256: string; layers: Array<{ id: string; annotations: ExportedAnnotation[] }> }>;
}

describe('core loop', () => {
  it('imports a file, tags a mouse selection by shortcut, keeps it over a reload, and exports it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-core-loop-'));
    const articleFile = path.join(dir, 'sanctions-dialogue.txt');
    await writeFile(articleFile, ARTICLE);

    app = await launchParley({ seedSamples: false });
    const { page } = app;
    await page.getByText('No documents yet.').waitFor();

    // Import through the file dialog.
    app.dialogs.nextOpen([articleFile]);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('dialog', { name: 'Import articles' }).getByRole('button', { name: 'Choose files…' }).click();
    await page.getByText('Import: 1 document added').waitFor();
    const documentId = await openDocument(page, TITLE);

    // Select with the mouse, tag with the policy body key (2), see the mark.
    await dragSelect(page, 'Ministry of Unification');
    await page.keyboard.press('2');
    await expect.poll(() => markTexts(page, 'policy-body')).toEqual(['Ministry of Unification']);
    await expect.poll(async () => (await storedAnnotations(app!.storeDir, documentId)).map((a) => a.quote.exact)).toEqual(['Ministry of Unification']);

    // Reload the window: the mark comes back from the store.
    await app.reload();
    await page.locator('.parley-reader .cm-content').waitFor();
    await openDocument(page, TITLE);
    await expect.poll(() => markTexts(page, 'policy-body')).toEqual(['Ministry of Unification']);

    // Export the open document through the save dialog and read the file.
    const exportFile = path.join(dir, 'export.json');
    app.dialogs.nextSave(exportFile);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('dialog', { name: 'Export annotations' }).getByRole('button', { name: 'Export…' }).click();
    await page.getByText(`Written to ${exportFile}`).waitFor();

    const exported = JSON.parse(await readFile(exportFile, 'utf8')) as ExportedFile;
    expect(exported.format).toBe('parley');
    expect(exported.documents).toHaveLength(1);
    const entry = exported.documents[0]!;
    expect(entry.title).toBe(TITLE);
    // The text travels byte for byte, CRLF and emoji included, with its checksum.
    expect(entry.text).toBe(ARTICLE);
    expect(entry.sha256).toBe(createHash('sha256').update(ARTICLE, 'utf8').digest('hex'));
    const annotations = entry.layers.find((l) => l.id === 'own')?.annotations ?? [];
    expect(annotations).toHaveLength(1);
    const tagged = annotations[0]!;
    const utf16 = ARTICLE.indexOf('Ministry of Unification');
    const codePoints = [...ARTICLE.slice(0, utf16)].length;
    expect(tagged).toMatchObject({
      labelId: 'policy-body',
      start: utf16,
      end: utf16 + 'Ministry of Unification'.length,
      startCodePoint: codePoints,
      endCodePoint: codePoints + 'Ministry of Unification'.length,
      quote: { exact: 'Ministry of Unification' },
    });
    expect(utf16 - codePoints).toBe(1);

    // And the store agrees with what the window showed.
    const view = await call(page, 'getDocument', { documentId });
    expect(view.document.text).toBe(ARTICLE);
  });
});
