/**
 * `reviewCommandFor` in a real Chromium: real key events dispatched at real
 * text fields, dialogs, checkboxes and a CodeMirror-like read-only article.
 * The module is bundled on its own, so this spec needs no app build.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from './support/chromium-path';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  const bundle = await build({
    stdin: { contents: `import { reviewCommandFor } from './review-keys'; window.reviewCommandFor = reviewCommandFor;`, resolveDir: path.resolve('renderer/src/review'), loader: 'ts' },
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'silent',
  });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  page = await browser.newPage();
  await page.setContent(`<!doctype html><body>
    <div class="cm-editor"><div class="cm-content" id="article" contenteditable="true" tabindex="0">Seoul and Washington met.</div></div>
    <div id="editable" contenteditable="true">a note</div>
    <input id="text" type="text"><input id="search" type="search"><input id="box" type="checkbox"><input id="radio" type="radio">
    <button id="button">Go</button><textarea id="area"></textarea><select id="select"><option>a</option></select>
    <div role="dialog"><button id="in-dialog">OK</button></div>
    <div role="menu"><button id="in-menu">Item</button></div>
    <dialog id="modal"><button id="in-modal">Close</button></dialog>
  </body>`);
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
});

afterAll(async () => {
  await browser?.close();
});

interface KeyInit {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
  repeat?: boolean;
  isComposing?: boolean;
  /** A listener on the target calls preventDefault before the review sees the event. */
  preventFirst?: boolean;
}

/** The command a keydown at the element gets, as the page sees it. */
function commandAt(selector: string, init: KeyInit): Promise<unknown> {
  return page.evaluate(
    ({ selector, init }: { selector: string; init: KeyInit }) => {
      const target = selector === 'body' ? document.body : document.querySelector(selector)!;
      let command: unknown = 'not seen';
      const listen = (event: Event) => {
        command = (window as unknown as { reviewCommandFor: (e: KeyboardEvent) => unknown }).reviewCommandFor(event as KeyboardEvent);
      };
      const prevent = (event: Event) => event.preventDefault();
      if (init.preventFirst) target.addEventListener('keydown', prevent);
      window.addEventListener('keydown', listen);
      target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
      window.removeEventListener('keydown', listen);
      target.removeEventListener('keydown', prevent);
      return command;
    },
    { selector, init },
  );
}

describe('reviewCommandFor in Chromium', () => {
  it('maps each review key to its command on the page and in the read-only article', async () => {
    for (const at of ['body', '#article', '#button', '#box', '#radio']) {
      expect(await commandAt(at, { key: 'j' }), at).toEqual({ type: 'step', direction: 1 });
      expect(await commandAt(at, { key: '[' }), at).toEqual({ type: 'step', direction: -1 });
      expect(await commandAt(at, { key: 't' }), at).toEqual({ type: 'decide', action: 'accept-theirs' });
    }
    expect(await commandAt('body', { key: 'N', shiftKey: true })).toEqual({ type: 'next-document' });
    expect(await commandAt('body', { key: 'u' })).toEqual({ type: 'next-undecided' });
    expect(await commandAt('body', { key: 'a' })).toEqual({ type: 'accept-all-agreed' });
  });

  it('leaves alone keys it does not use, and keys with Ctrl, Cmd or Alt', async () => {
    expect(await commandAt('body', { key: 'q' })).toBeNull();
    expect(await commandAt('body', { key: '1' })).toBeNull();
    expect(await commandAt('body', { key: 'j', ctrlKey: true })).toBeNull();
    expect(await commandAt('body', { key: 'j', metaKey: true })).toBeNull();
    expect(await commandAt('body', { key: 't', altKey: true })).toBeNull();
  });

  it('leaves alone a key already handled, or pressed while composing (Korean input)', async () => {
    expect(await commandAt('#article', { key: 'j', preventFirst: true })).toBeNull();
    expect(await commandAt('#article', { key: 'j', isComposing: true })).toBeNull();
  });

  it('repeats moves while a key is held, but never a decision', async () => {
    expect(await commandAt('body', { key: 'j', repeat: true })).toEqual({ type: 'step', direction: 1 });
    for (const key of ['t', 'm', 'b', 'x', 'a', 'u', 'N']) expect(await commandAt('body', { key, repeat: true }), key).toBeNull();
  });

  it('leaves letters to text fields, other editable text, dialogs and menus', async () => {
    for (const at of ['#text', '#search', '#area', '#select', '#editable', '#in-dialog', '#in-menu']) expect(await commandAt(at, { key: 'j' }), at).toBeNull();
  });

  it('does nothing anywhere while a modal dialog is open', async () => {
    await page.evaluate(() => (document.querySelector('#modal') as HTMLDialogElement).showModal());
    try {
      expect(await commandAt('body', { key: 'j' })).toBeNull();
      expect(await commandAt('#article', { key: 't' })).toBeNull();
    } finally {
      await page.evaluate(() => (document.querySelector('#modal') as HTMLDialogElement).close());
    }
    expect(await commandAt('#article', { key: 't' })).toEqual({ type: 'decide', action: 'accept-theirs' });
  });
});
