/**
 * Working with annotations in the reader: nested spans drawn apart, the
 * chooser for overlapping marks, keyboard navigation and editing, notes on
 * hover, the side list and the shortcut sheet.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closeBrowser, type ParleyHarness } from './support/harness';
import { clickText, dragSelect, markTexts, openDocument, SAMPLE, selectedTexts, startReader, storedAnnotations, textPoints } from './reader-helpers';

let app: ParleyHarness | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});
afterAll(closeBrowser);

const POSITION = 'Noh suggested terminating the working group';

async function begin(): Promise<{ page: Page; documentId: string; storeDir: string }> {
  const started = await startReader();
  app = started.app;
  const documentId = await openDocument(started.page, SAMPLE.workingGroup);
  return { page: started.page, documentId, storeDir: app.storeDir };
}

/** Tags each [text, key, occurrence] in turn and waits until the store has it. */
async function tagAll(page: Page, storeDir: string, documentId: string, spans: Array<[string, string, number?]>): Promise<void> {
  const before = (await storedAnnotations(storeDir, documentId)).length;
  for (const [i, [needle, key, occurrence]] of spans.entries()) {
    await dragSelect(page, needle, occurrence ?? 0);
    await page.keyboard.press(key);
    await expect.poll(async () => (await storedAnnotations(storeDir, documentId)).length).toBe(before + i + 1);
    // Each tag is confirmed before the next, so the order of the steps below is the store's order.
    // (A store answer arriving during a drag no longer moves the selection: see reader-session.test.ts.)
    await expect.poll(() => page.locator('.parley-reader-status').textContent()).toContain(`Tagged “${needle.slice(0, 20)}`);
  }
}


describe('reader annotations', () => {
  it('draws a span nested in another so both are visible, and lets a click choose between them', async () => {
    const { page, documentId, storeDir } = await begin();
    await tagAll(page, storeDir, documentId, [
      [POSITION, '3'],
      ['the working group', '2', 1],
      ['Noh', '1', 1],
    ]);
    await expect.poll(() => markTexts(page, 'position')).toEqual([POSITION]);
    await expect.poll(() => markTexts(page, 'policy-body')).toEqual(['the working group']);
    await expect.poll(() => markTexts(page, 'actor')).toEqual(['Noh']);

    // Each is drawn with its own underline: its label's style, and the inner ones further below the text.
    const looks = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.cm-parley-mark')].map((el) => {
        const style = getComputedStyle(el);
        return { label: el.dataset.label, style: style.textDecorationStyle, offset: style.textUnderlineOffset, background: style.backgroundColor };
      }),
    );
    const outer = looks.find((l) => l.label === 'position')!;
    const inner = looks.find((l) => l.label === 'policy-body')!;
    expect(outer.style).not.toBe(inner.style);
    expect(parseFloat(inner.offset)).toBeGreaterThan(parseFloat(outer.offset));
    expect(outer.background).not.toBe('rgba(0, 0, 0, 0)');

    // A click on "working" (inside both) offers both, innermost first.
    await page.mouse.move(0, 0);
    await clickText(page, 'working group', 2);
    const chooser = page.getByRole('menu', { name: 'Choose an annotation' });
    await chooser.waitFor();
    expect(await chooser.getByRole('menuitem').allTextContents()).toEqual([expect.stringContaining('Policy body'), expect.stringContaining('Position')]);
    await chooser.getByRole('menuitem').filter({ hasText: 'Position' }).click();
    await expect.poll(() => selectedTexts(page)).toEqual([POSITION]);
    await expect.poll(() => chooser.count()).toBe(0);

    // A click on text covered by one annotation selects it at once.
    await clickText(page, 'suggested');
    await expect.poll(() => selectedTexts(page)).toEqual([POSITION]);
    await clickText(page, 'Noh', 1);
    await page.getByRole('menu', { name: 'Choose an annotation' }).getByRole('menuitem').filter({ hasText: 'Actor' }).click();
    await expect.poll(() => selectedTexts(page)).toEqual(['Noh']);
  });

  it('moves between annotations with Alt+Down and Alt+Up, leaves Tab to move focus, relabels with l, deletes, and clears with Escape', async () => {
    const { page, documentId, storeDir } = await begin();
    await tagAll(page, storeDir, documentId, [
      ['Noh Kyu-duk', '1'],
      ['Sung Kim', '1'],
      ['November 2018', '4'],
    ]);
    // The last tag is selected once the store confirms it; Escape clears that.
    await expect.poll(() => selectedTexts(page)).toEqual(['November 2018']);
    await page.keyboard.press('Escape');
    await expect.poll(() => selectedTexts(page)).toEqual([]);

    // Tab leaves the text for the next part of the window, even with annotations in it, and Shift+Tab comes back.
    await clickText(page, 'Allies');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.cm-content') === null)).toBe(true);
    expect(await selectedTexts(page)).toEqual([]);
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.cm-content') !== null)).toBe(true);

    // Cursor at the start of the text, then Alt+Down through the annotations in reading order.
    await clickText(page, 'Allies');
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => selectedTexts(page)).toEqual(['Noh Kyu-duk']);
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => selectedTexts(page)).toEqual(['Sung Kim']);
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => selectedTexts(page)).toEqual(['November 2018']);
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => selectedTexts(page)).toEqual(['Sung Kim']);
    // The side list marks the same annotation.
    await expect.poll(() => page.locator('.parley-list-item[aria-current="true"]').allTextContents()).toEqual(['Sung Kim']);

    // l then 2: Sung Kim becomes a policy body.
    await page.keyboard.press('l');
    await expect.poll(() => page.locator('.parley-reader-status').textContent()).toMatch(/label key/);
    await page.keyboard.press('2');
    await expect.poll(async () => (await storedAnnotations(storeDir, documentId)).find((a) => a.quote.exact === 'Sung Kim')?.labelId).toBe('policy-body');
    await expect.poll(() => markTexts(page, 'policy-body')).toEqual(['Sung Kim']);

    // l then a key that is no label cancels.
    await page.keyboard.press('l');
    await page.keyboard.press('x');
    await expect.poll(() => page.locator('.parley-reader-status').textContent()).toMatch(/cancelled/);

    // Delete removes the selected annotation.
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await storedAnnotations(storeDir, documentId)).map((a) => a.quote.exact)).toEqual(['Noh Kyu-duk', 'November 2018']);
    await expect.poll(() => markTexts(page, 'policy-body')).toEqual([]);
    await expect.poll(() => selectedTexts(page)).toEqual([]);

    // Escape clears a selected annotation and a text selection. Alt+Down waits for the reader to have the
    // store's answer to the delete, so a busy machine cannot press it while the mark is still settling.
    await expect.poll(() => page.locator('.parley-reader-status').textContent()).toMatch(/Annotation deleted/);
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => selectedTexts(page)).not.toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => selectedTexts(page)).toEqual([]);
    await dragSelect(page, 'Pyongyang');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => String(document.getSelection()))).toBe('');
  });

  it('edits a note with Enter and shows it on hover with the label, author and time, as plain text', async () => {
    const { page, documentId, storeDir } = await begin();
    await tagAll(page, storeDir, documentId, [['Sung Kim', '1']]);
    // Once the store confirms it, the new annotation is selected: Enter opens its note.
    await expect.poll(() => selectedTexts(page)).toEqual(['Sung Kim']);
    await page.keyboard.press('Enter');
    const note = page.getByRole('textbox', { name: 'Note' });
    await note.waitFor();
    await note.fill('US envoy <b>not bold</b>');
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await storedAnnotations(storeDir, documentId))[0]?.note).toBe('US envoy <b>not bold</b>');
    // The store writes before the window has its answer; the card shows what the window knows, so wait for the answer.
    await expect.poll(() => page.locator('.parley-reader-status').textContent()).toContain('Note saved.');

    const { start } = await textPoints(page, 'Sung Kim');
    await page.mouse.move(0, 0);
    await page.mouse.move(start.x + 10, start.y);
    const card = page.locator('.parley-note-tooltip');
    await card.waitFor();
    await expect.poll(() => card.textContent()).toContain('US envoy <b>not bold</b>');
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Actor');
    expect(text).toContain('analyst');
    expect(text).toContain('US envoy <b>not bold</b>');
    expect(text).toMatch(/\d{4}/);
    expect(await card.locator('b').count()).toBe(0);

    // The side list flags the note; Enter again shows the saved text, and an empty note removes it.
    await expect.poll(() => page.locator('.parley-list-item .parley-list-note').count()).toBe(1);
    await clickText(page, 'Sung Kim');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('textbox', { name: 'Note' }).inputValue()).toBe('US envoy <b>not bold</b>');
    await page.getByRole('textbox', { name: 'Note' }).fill('');
    await page.getByRole('button', { name: 'Save note' }).click();
    await expect.poll(async () => (await storedAnnotations(storeDir, documentId))[0]?.note).toBeUndefined();
  });

  it('lists annotations by label in the side list; a click there selects and scrolls to one', async () => {
    const { page, documentId, storeDir } = await begin();
    await tagAll(page, storeDir, documentId, [
      ['Noh Kyu-duk', '1'],
      ['Sung Kim', '1'],
      ['Ministry of Unification', '2'],
      ['channels', '2'],
    ]);
    const list = page.getByRole('navigation', { name: 'Annotations' });
    // The list is drawn by React after the reader's status line says “Tagged”: poll it.
    await expect.poll(() => list.locator('.parley-list-group h3').allTextContents()).toEqual(['AbActor 2', 'AbPolicy body 2']);
    // Scroll the text away, then pick the last annotation in the list.
    await page.locator('.parley-reader .cm-scroller').evaluate((el) => el.scrollTo(0, 0));
    await list.getByRole('button', { name: 'channels' }).click();
    await expect.poll(() => selectedTexts(page)).toEqual(['channels']);
    // CodeMirror scrolls in its next measure (an animation frame) after the selection: poll.
    const visible = () =>
      page.locator('.cm-parley-selected').first().evaluate((el) => {
        const box = el.getBoundingClientRect();
        const scroller = document.querySelector('.parley-reader .cm-scroller')!.getBoundingClientRect();
        return box.top >= scroller.top && box.bottom <= scroller.bottom;
      });
    await expect.poll(visible).toBe(true);
  });

  it('shows the text with its marks in the first frame of an open, and draws the lists beside it in a later one', async () => {
    const { page, documentId, storeDir } = await begin();
    await tagAll(page, storeDir, documentId, [['Sung Kim', '1']]);
    await openDocument(page, SAMPLE.campDavid);
    // Counts animation frames, and notes the frame in which the mark and the side list first appear in the page.
    await page.evaluate(() => {
      const seen: { frame: number; mark?: number; list?: number } = { frame: 0 };
      (window as unknown as { __openFrames: typeof seen }).__openFrames = seen;
      const tick = () => {
        seen.frame += 1;
        if (seen.list === undefined) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      new MutationObserver(() => {
        seen.mark ??= document.querySelector('.parley-reader .cm-content .cm-parley-mark') ? seen.frame : undefined;
        seen.list ??= document.querySelector('.parley-reader-side .parley-list-item') ? seen.frame : undefined;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await openDocument(page, SAMPLE.workingGroup);
    await page.locator('.parley-reader-side .parley-list-item').first().waitFor();
    const { mark, list } = await page.evaluate(() => (window as unknown as { __openFrames: { mark?: number; list?: number } }).__openFrames);
    expect(mark).toBeDefined();
    expect(list).toBeGreaterThan(mark!);
  });

  it('opens the shortcut sheet with ? and lists every key', async () => {
    const { page } = await begin();
    await clickText(page, 'Seoul');
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();
    const text = (await sheet.textContent()) ?? '';
    for (const expected of ['Tag the selection as Actor', 'Tag the selection as Date', 'Alt+↓Select the next annotation', 'Alt+↑Select the previous annotation', 'Tab / Shift+Tab', 'Delete', 'lChange the label', 'Enter', 'Escape', 'Undo', 'Redo', 'Search', 'Alt+MSelect the next untagged mention']) {
      expect(text).toContain(expected);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.count()).toBe(0);
  });
});
