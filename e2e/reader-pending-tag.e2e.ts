/**
 * A tag on its way to the store is drawn at once in a layer behind the text
 * (renderer/src/reader/pending-tags.ts) and becomes a mark when the store
 * answers: drawn where the mark will be, looking as the mark will, and gone
 * once the mark is there — nested in another span and in Hangul.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closeBrowser, type ParleyHarness } from './support/harness';
import { dragSelect, markTexts, openDocument, SAMPLE, startReader } from './reader-helpers';

let app: ParleyHarness | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});
afterAll(closeBrowser);

type Holding = { __parleyInvoke(channel: string, input: unknown): Promise<unknown>; __parleyHeld: Array<() => void>; __parleyHolding: boolean };

/** Holds the window's answers to `addAnnotations` until `releaseAnswers`. */
async function holdTagAnswers(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as Holding;
    const invoke = w.__parleyInvoke;
    w.__parleyHeld = [];
    w.__parleyHolding = true;
    w.__parleyInvoke = async (channel, input) => {
      const answer = await invoke(channel, input);
      if (!channel.endsWith('addAnnotations') || !w.__parleyHolding) return answer;
      return new Promise((resolve) => w.__parleyHeld.push(() => resolve(answer)));
    };
  });
}

/** Lets the held answers go, and the later ones through (the reader sends a tag once the one before is answered). */
async function releaseAnswers(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as Holding;
    w.__parleyHolding = false;
    w.__parleyHeld.splice(0).forEach((release) => release());
  });
}

interface Drawn {
  /** The union of the elements' client rects, rounded to a pixel. */
  box: { left: number; top: number; right: number; bottom: number } | null;
  background: string;
  underline: string;
  offset: string;
  thickness: string;
  colour: string;
}

/** Where and how the elements matching `selector` are drawn (for a mark, its nested fragments together). */
function drawnAs(page: Page, selector: string): Promise<Drawn> {
  return page.evaluate((sel) => {
    const elements = [...document.querySelectorAll<HTMLElement>(sel)];
    const rects = elements.flatMap((el) => [...el.getClientRects()]);
    const box = rects.length === 0 ? null : { left: Math.round(Math.min(...rects.map((r) => r.left))), top: Math.round(Math.min(...rects.map((r) => r.top))), right: Math.round(Math.max(...rects.map((r) => r.right))), bottom: Math.round(Math.max(...rects.map((r) => r.bottom))) };
    const style = elements[0] ? getComputedStyle(elements[0]) : null;
    return { box, background: style?.backgroundColor ?? '', underline: style?.textDecorationStyle ?? '', offset: style?.textUnderlineOffset ?? '', thickness: style?.textDecorationThickness ?? '', colour: style?.textDecorationColor ?? '' };
  }, selector);
}

const pending = (label: string) => `.cm-parley-pending-mark[data-label="${label}"]`;
const mark = (label: string) => `.parley-reader .cm-content .cm-parley-mark[data-label="${label}"]`;

describe('a tag on its way to the store', () => {
  it('is drawn at once where its mark will be and as it will look, and gives way to the mark when the store answers', async () => {
    const started = await startReader();
    app = started.app;
    const page = started.page;
    await openDocument(page, SAMPLE.workingGroup);

    // An outer span first, saved, so the next tag nests inside it (its underline in the second lane).
    await dragSelect(page, 'the working group');
    await page.keyboard.press('2');
    await expect.poll(() => markTexts(page, 'policy-body')).toEqual(['the working group']);
    await expect.poll(() => page.locator('.parley-reader-status').textContent()).toContain('Tagged “the working group”');

    await holdTagAnswers(page);
    // The title holds the first "working group"; the second is inside the span just tagged.
    await dragSelect(page, 'working group', 1);
    await page.keyboard.press('4');
    await dragSelect(page, '통일부');
    await page.keyboard.press('1');

    await expect.poll(() => page.locator(pending('date')).allTextContents()).toEqual(['working group']);
    await expect.poll(() => page.locator(pending('actor')).allTextContents()).toEqual(['통일부']);
    // Nothing is in the text's marks yet: the store has not answered.
    expect(await page.locator(mark('date')).count()).toBe(0);
    expect(await page.locator(mark('actor')).count()).toBe(0);
    const early = { date: await drawnAs(page, pending('date')), actor: await drawnAs(page, pending('actor')) };

    await releaseAnswers(page);
    await expect.poll(() => markTexts(page, 'date')).toEqual(['working group']);
    await expect.poll(() => markTexts(page, 'actor')).toEqual(['통일부']);
    await expect.poll(() => page.locator('.cm-parley-pending').count()).toBe(0);
    const settled = { date: await drawnAs(page, mark('date')), actor: await drawnAs(page, mark('actor')) };

    for (const label of ['date', 'actor'] as const) {
      const [a, b] = [early[label], settled[label]];
      expect(a.box, label).not.toBeNull();
      for (const side of ['left', 'top', 'right', 'bottom'] as const) expect(Math.abs(a.box![side] - b.box![side]), `${label} ${side}`).toBeLessThanOrEqual(1);
      expect({ ...a, box: null }, label).toEqual({ ...b, box: null });
    }
    // The nested tag is underlined further below the text than the span around it.
    expect(parseFloat(early.date.offset)).toBeGreaterThan(parseFloat((await drawnAs(page, mark('policy-body'))).offset));
  });

  it('follows the text when the reader scrolls, over the text\'s visible area only', async () => {
    const started = await startReader();
    app = started.app;
    const page = started.page;
    await openDocument(page, SAMPLE.workingGroup);
    await holdTagAnswers(page);
    await dragSelect(page, 'working group', 1);
    await page.keyboard.press('4');
    await expect.poll(() => page.locator(pending('date')).allTextContents()).toEqual(['working group']);
    const before = await drawnAs(page, pending('date'));

    // The layer lies over the scroller's visible area, outside the scroller, so a scroll moves the
    // text under it: the pending tag is drawn again where its words now are.
    const scroller = '.parley-reader .cm-scroller';
    const moved = await page.evaluate((sel) => {
      const el = document.querySelector<HTMLElement>(sel)!;
      const from = el.scrollTop;
      el.scrollTop = from + 30;
      return el.scrollTop - from;
    }, scroller);
    expect(moved).toBeGreaterThan(10);
    await expect.poll(async () => (await drawnAs(page, pending('date'))).box?.top).toBe(before.box!.top - moved);
    const after = await drawnAs(page, pending('date'));
    expect([after.box!.left, after.box!.right, after.box!.bottom]).toEqual([before.box!.left, before.box!.right, before.box!.bottom - moved]);

    const frames = await page.evaluate((sel) => {
      const round = (r: DOMRect) => [r.left, r.top, r.width, r.height].map(Math.round);
      const el = document.querySelector<HTMLElement>(sel)!;
      const box = el.getBoundingClientRect();
      return { layer: round(document.querySelector('.cm-parley-pending-layer')!.getBoundingClientRect()), visible: [box.left + el.clientLeft, box.top + el.clientTop, el.clientWidth, el.clientHeight].map(Math.round) };
    }, scroller);
    expect(frames.layer).toEqual(frames.visible);

    await releaseAnswers(page);
    await expect.poll(() => markTexts(page, 'date')).toEqual(['working group']);
    await expect.poll(() => page.locator('.cm-parley-pending').count()).toBe(0);
  });

  it('is taken back when the store refuses it, leaving the selection to try again', async () => {
    const started = await startReader();
    app = started.app;
    const page = started.page;
    await openDocument(page, SAMPLE.workingGroup);
    await page.evaluate(() => {
      const w = window as unknown as { __parleyInvoke(channel: string, input: unknown): Promise<unknown> };
      const invoke = w.__parleyInvoke;
      w.__parleyInvoke = async (channel, input) => (channel.endsWith('addAnnotations') ? { ok: false, error: { code: 'internal', message: 'Disk full.' } } : invoke(channel, input));
    });
    await dragSelect(page, 'Sung Kim');
    await page.keyboard.press('1');
    await expect.poll(() => page.getByText('Not saved, so it was taken back: Disk full.').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.cm-parley-pending').count()).toBe(0);
    expect(await page.locator(mark('actor')).count()).toBe(0);
    expect(await page.evaluate(() => String(document.getSelection()))).toBe('Sung Kim');
  });
});
