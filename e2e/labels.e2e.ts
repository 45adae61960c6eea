/**
 * The label schema editor: adding, renaming, recolouring and reordering
 * labels, refusing shortcut clashes, and deleting a label that annotations
 * use — moving them or deleting them, never silently.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { call } from './support/call-api';
import { closeBrowser, launchParley, type ParleyHarness } from './support/harness';

let app: ParleyHarness | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});
afterAll(closeBrowser);


async function start(): Promise<Page> {
  app = await launchParley();
  await app.page.getByRole('list', { name: 'Documents' }).waitFor();
  return app.page;
}

async function openEditor(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Labels', exact: true }).click();
  const editor = page.getByRole('dialog', { name: 'Labels' });
  await editor.getByRole('group').first().waitFor();
  return editor;
}

/** The editor row of the label at 1-based position `n`. */
function row(editor: Locator, n: number): Locator {
  return editor.getByRole('group', { name: new RegExp(`^Label ${n}: `) });
}

async function names(editor: Locator): Promise<string[]> {
  return editor.getByRole('textbox', { name: 'Name' }).evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
}

async function save(page: Page, editor: Locator): Promise<void> {
  await editor.getByRole('button', { name: 'Save labels' }).click();
  await expect.poll(() => editor.count()).toBe(0);
  await page.getByText('Labels saved').waitFor();
}

/** Tags the first occurrences of `quotes` in the first document with `labelId`; returns the document id. */
async function tag(page: Page, labelId: string, quotes: string[]): Promise<string> {
  const [first] = await call(page, 'listDocuments', {});
  const view = await call(page, 'getDocument', { documentId: first!.id });
  const spans = quotes.map((q) => {
    const start = view.document.text.indexOf(q);
    if (start < 0) throw new Error(`“${q}” is not in the first sample`);
    return { start, end: start + q.length, labelId };
  });
  await call(page, 'addAnnotations', { documentId: first!.id, spans });
  return first!.id;
}

describe('label schema editor', () => {
  it('adds a label with a colour, shortcut and description', async () => {
    const page = await start();
    const editor = await openEditor(page);
    const before = (await call(page, 'getLabels', {})).labels.length;
    await editor.getByRole('button', { name: 'Add label' }).click();
    const added = row(editor, before + 1);
    await added.getByLabel('Name').fill('Location');
    await added.getByLabel('Colour').fill('#0f766e');
    await added.getByLabel('Shortcut').fill('5');
    await added.getByLabel('Description').fill('A place where something happens.');
    await save(page, editor);

    const stored = (await call(page, 'getLabels', {})).labels;
    expect(stored.length).toBe(before + 1);
    expect(stored.at(-1)).toEqual({ id: 'location', name: 'Location', color: '#0f766e', shortcut: '5', description: 'A place where something happens.' });
    // The library's per-label counts list the new label.
    await page.getByRole('list', { name: 'Annotations per label in your own layers' }).getByText('Location').waitFor();
  });

  it('renames and recolours a label without changing its id', async () => {
    const page = await start();
    const editor = await openEditor(page);
    const actor = row(editor, 1);
    expect(await actor.getByLabel('Name').inputValue()).toBe('Actor');
    await actor.getByLabel('Name').fill('Speaker');
    await actor.getByLabel('Colour').fill('#7c3aed');
    await save(page, editor);

    const stored = (await call(page, 'getLabels', {})).labels[0]!;
    expect(stored).toMatchObject({ id: 'actor', name: 'Speaker', color: '#7c3aed', shortcut: '1' });
    await page.getByRole('list', { name: 'Annotations per label in your own layers' }).getByText('Speaker').waitFor();
  });

  it('reorders labels with the move buttons, by mouse and by keyboard', async () => {
    const page = await start();
    const editor = await openEditor(page);
    await expect.poll(() => names(editor)).toEqual(['Actor', 'Policy body', 'Position', 'Date']);
    await editor.getByRole('button', { name: 'Move “Date” up' }).click();
    await expect.poll(() => names(editor)).toEqual(['Actor', 'Policy body', 'Date', 'Position']);
    // Focus follows the moved label (an effect after the render), so Enter moves it again; wait for it to arrive.
    await expect.poll(() => editor.getByRole('button', { name: 'Move “Date” up' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => names(editor)).toEqual(['Actor', 'Date', 'Policy body', 'Position']);
    await expect.poll(() => editor.getByRole('button', { name: 'Move “Actor” up' }).isDisabled()).toBe(true);
    await editor.getByRole('button', { name: 'Move “Actor” down' }).click();
    await expect.poll(() => names(editor)).toEqual(['Date', 'Actor', 'Policy body', 'Position']);
    await save(page, editor);
    expect((await call(page, 'getLabels', {})).labels.map((l) => l.id)).toEqual(['date', 'actor', 'policy-body', 'position']);
  });

  it('refuses a shortcut another label or the reader already uses', async () => {
    const page = await start();
    const editor = await openEditor(page);
    const shortcut = row(editor, 1).getByLabel('Shortcut');

    await shortcut.click();
    await page.keyboard.press('2');
    await row(editor, 1).getByRole('alert').filter({ hasText: '“2” is already the shortcut of “Policy body”' }).waitFor();
    expect(await shortcut.inputValue()).toBe('1');
    expect(await shortcut.getAttribute('aria-invalid')).toBe('true');

    for (const [key, why] of [
      ['l', 'changes the label'],
      ['L', 'changes the label'],
      ['?', 'keyboard help'],
      ['/', 'searches'],
    ] as const) {
      await shortcut.fill(key);
      await row(editor, 1).getByRole('alert').filter({ hasText: why }).waitFor();
      expect(await shortcut.inputValue()).toBe('1');
    }

    // A free key is taken, and the error goes away.
    await shortcut.fill('a');
    await expect.poll(() => shortcut.inputValue()).toBe('a');
    await expect.poll(() => row(editor, 1).getByRole('alert').count()).toBe(0);
    // Policy body may not take it now.
    await row(editor, 2).getByLabel('Shortcut').fill('A');
    await row(editor, 2).getByRole('alert').filter({ hasText: 'already the shortcut of “Actor”' }).waitFor();
    await save(page, editor);
    expect((await call(page, 'getLabels', {})).labels.map((l) => l.shortcut)).toEqual(['a', '2', '3', '4']);
  });

  it('deletes a label in use after moving its annotations to another label', async () => {
    const page = await start();
    const documentId = await tag(page, 'date', ['22 June 2021', 'November 2018']);
    await app!.reload();
    const editor = await openEditor(page);
    await editor.getByRole('button', { name: 'Delete label “Date”' }).click();

    const ask = page.getByRole('dialog', { name: 'Delete the label “Date”?' });
    await ask.waitFor();
    // The usage counts are fetched by the window after the reload: poll until they arrive.
    await expect.poll(() => ask.getByTestId('label-usage').textContent()).toBe('2 annotations in your own layer use “Date”.');
    expect(await ask.textContent()).toContain('Colleagues’ and reconciled layers are not counted');
    await ask.getByRole('radio', { name: /Move them to/ }).check();
    await ask.getByLabel('Label to move them to').selectOption({ label: 'Position' });
    await ask.getByRole('button', { name: 'Delete label, move 2 annotations' }).click();
    await expect.poll(() => ask.count()).toBe(0);

    await expect.poll(() => names(editor)).toEqual(['Actor', 'Policy body', 'Position']);
    // The deleted row took the focused button with it; focus lands on Add label, not on the page.
    await expect.poll(() => editor.getByRole('button', { name: 'Add label' }).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await editor.getByRole('region', { name: 'Labels to delete on save' }).textContent()).toContain('its 2 annotations (own layer) move to “Position”');
    // Nothing is stored before Save.
    expect((await call(page, 'getLabels', {})).labels.map((l) => l.id)).toContain('date');
    await save(page, editor);

    expect((await call(page, 'getLabels', {})).labels.map((l) => l.id)).toEqual(['actor', 'policy-body', 'position']);
    const view = await call(page, 'getDocument', { documentId });
    const own = view.layers.find((l) => l.id === 'own')!.annotations;
    expect(own.map((a) => [a.quote.exact, a.labelId]).sort()).toEqual([
      ['22 June 2021', 'position'],
      ['November 2018', 'position'],
    ]);
  });

  it('deletes a label in use together with its annotations when asked to, and Keep leaves it', async () => {
    const page = await start();
    const documentId = await tag(page, 'actor', ['Noh Kyu-duk', 'Sung Kim', 'Washington']);
    await app!.reload();
    const editor = await openEditor(page);

    await editor.getByRole('button', { name: 'Delete label “Actor”' }).click();
    const ask = page.getByRole('dialog', { name: 'Delete the label “Actor”?' });
    await expect.poll(() => ask.getByTestId('label-usage').textContent()).toBe('3 annotations in your own layer use “Actor”.');
    await ask.getByRole('button', { name: 'Keep the label' }).click();
    await expect.poll(() => ask.count()).toBe(0);
    await expect.poll(() => names(editor)).toEqual(['Actor', 'Policy body', 'Position', 'Date']);

    await editor.getByRole('button', { name: 'Delete label “Actor”' }).click();
    await ask.getByRole('radio', { name: 'Delete them' }).check();
    await ask.getByRole('button', { name: 'Delete label and 3 annotations' }).click();
    expect(await editor.getByRole('region', { name: 'Labels to delete on save' }).textContent()).toContain('its 3 annotations (own layer) are deleted');
    await save(page, editor);

    expect((await call(page, 'getLabels', {})).labels.map((l) => l.id)).toEqual(['policy-body', 'position', 'date']);
    const view = await call(page, 'getDocument', { documentId });
    expect(view.layers.find((l) => l.id === 'own')!.annotations).toEqual([]);
    const [summary] = await call(page, 'listDocuments', {});
    expect(summary!.annotationCount).toBe(0);
  });

  it('cancelling the editor stores nothing', async () => {
    const page = await start();
    const before = await call(page, 'getLabels', {});
    const editor = await openEditor(page);
    await row(editor, 1).getByLabel('Name').fill('Changed');
    await editor.getByRole('button', { name: 'Add label' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => editor.count()).toBe(0);
    expect(await call(page, 'getLabels', {})).toEqual(before);
    // Opening again starts from the stored schema.
    const again = await openEditor(page);
    await expect.poll(() => names(again)).toEqual(before.labels.map((l) => l.name));
  });
});
