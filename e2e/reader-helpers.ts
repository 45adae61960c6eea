/**
 * Helpers shared by the reader's end-to-end specs: start Parley on the sample
 * corpus, select text as a user would (mouse drag, double-click), read what
 * the reader shows and what the store wrote.
 */
import type { Page } from 'playwright-core';
import type { Annotation } from '../annotations/model';
import { findStoredDocument } from '../electron/node/store/replay-journal';
import { call } from './support/call-api';
import { launchParley, type ParleyHarness } from './support/harness';

/** Titles of the sample articles the specs use. */
export const SAMPLE = {
  workingGroup: 'Allies wind down the US–ROK working group',
  campDavid: 'Camp David summit sets a trilateral pledge to consult',
} as const;

export { call };

/** Starts Parley on a fresh store with the samples and waits for the reader. */
export async function startReader(): Promise<{ app: ParleyHarness; page: Page }> {
  const app = await launchParley({ seedSamples: true });
  await app.page.locator('.parley-reader .cm-content').waitFor();
  return { app, page: app.page };
}

/** Opens a document from the library and waits until the reader shows its title line. */
export async function openDocument(page: Page, title: string): Promise<string> {
  const docs = await call(page, 'listDocuments', {});
  const doc = docs.find((d) => d.title === title);
  if (!doc) throw new Error(`no document titled ${title}`);
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: title }).first().click();
  await page.locator('.parley-reader .cm-line').first().filter({ hasText: title }).waitFor();
  return doc.id;
}

/** The id of the document whose title line the reader shows. */
export async function currentDocumentId(page: Page): Promise<string> {
  const first = (await page.locator('.parley-reader .cm-line').first().textContent()) ?? '';
  const docs = await call(page, 'listDocuments', {});
  const doc = docs.find((d) => first.startsWith(d.title));
  if (!doc) throw new Error(`no document starts with ${first}`);
  return doc.id;
}

/** The own-layer annotations of a document as the store holds it on disk (its file with its journal applied). */
export async function storedAnnotations(storeDir: string, documentId: string): Promise<Annotation[]> {
  const file = await findStoredDocument(storeDir, documentId);
  return file.layers.find((l) => l.id === 'own')?.annotations ?? [];
}

/** Screen points at the left edge of the first and the right edge of the last character of `needle`. */
export async function textPoints(page: Page, needle: string, occurrence = 0): Promise<{ start: { x: number; y: number }; end: { x: number; y: number } }> {
  const points = await page.evaluate(
    ([needle, occurrence]) => {
      const content = document.querySelector('.parley-reader .cm-content');
      if (!content) return null;
      for (const line of content.querySelectorAll<HTMLElement>('.cm-line')) {
        const nodes: Text[] = [];
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
        const text = nodes.map((n) => n.data).join('');
        let at = -1;
        for (let i = 0; i <= occurrence; i++) {
          at = text.indexOf(needle, at + 1);
          if (at < 0) break;
        }
        if (at < 0) {
          occurrence -= text.split(needle).length - 1;
          continue;
        }
        const locate = (offset: number): [Text, number] => {
          for (const node of nodes) {
            if (offset < node.data.length) return [node, offset];
            offset -= node.data.length;
          }
          const last = nodes[nodes.length - 1]!;
          return [last, last.data.length];
        };
        const range = document.createRange();
        const [startNode, startOffset] = locate(at);
        range.setStart(startNode, startOffset);
        range.setEnd(startNode, startOffset + 1);
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const first = range.getClientRects()[0]!;
        // The last character may be two code units (an emoji).
        const lastLength = [...needle].pop()!.length;
        const [endNode, endOffset] = locate(at + needle.length - lastLength);
        range.setStart(endNode, endOffset);
        range.setEnd(endNode, endOffset + lastLength);
        const rects = range.getClientRects();
        const last = rects[rects.length - 1]!;
        return { start: { x: first.left + 1, y: first.top + first.height / 2 }, end: { x: last.right - 1, y: last.top + last.height / 2 } };
      }
      return null;
    },
    [needle, occurrence] as const,
  );
  if (!points) throw new Error(`“${needle}” is not shown in the reader`);
  return points;
}

/** Selects `needle` by dragging the mouse across it. */
export async function dragSelect(page: Page, needle: string, occurrence = 0): Promise<void> {
  const { start, end } = await textPoints(page, needle, occurrence);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 3 });
  await page.mouse.move(end.x, end.y, { steps: 3 });
  await page.mouse.up();
}

/** Clicks just inside the first character of `needle`. */
export async function clickText(page: Page, needle: string, occurrence = 0): Promise<void> {
  const { start } = await textPoints(page, needle, occurrence);
  await page.mouse.click(start.x + 2, start.y);
}

/**
 * Runs in the page: the text of each element matching `selector` inside the
 * reader, in document order. CodeMirror may split one mark into several
 * elements where another decoration starts or ends; touching fragments with
 * the same lane class are joined again (so two touching annotations with the
 * same label and lane would read as one).
 */
function collectTexts(selector: string): string[] {
  const content = document.querySelector('.parley-reader .cm-content');
  if (!content) return [];
  const starts = new Map<Node, number>();
  let offset = 0;
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    starts.set(n, offset);
    offset += (n as Text).data.length;
  }
  const pieces: Array<{ lane: string; end: number; text: string }> = [];
  for (const el of content.querySelectorAll<HTMLElement>(selector)) {
    const first = document.createTreeWalker(el, NodeFilter.SHOW_TEXT).nextNode();
    if (!first) continue;
    const start = starts.get(first)!;
    const text = el.textContent ?? '';
    const lane = [...el.classList].find((c) => c.startsWith('cm-parley-lane-')) ?? '';
    const last = pieces.find((p) => p.lane === lane && p.end === start);
    if (last) {
      last.end += text.length;
      last.text += text;
    } else {
      pieces.push({ lane, end: start + text.length, text });
    }
  }
  return pieces.map((p) => p.text);
}

/** The text of each drawn mark of a label, in document order (see `collectTexts`). */
export async function markTexts(page: Page, labelId: string): Promise<string[]> {
  return page.evaluate(collectTexts, `.cm-parley-mark[data-label="${labelId}"]`);
}

/** The text of the selected annotation's outline, joined across fragments. */
export async function selectedTexts(page: Page): Promise<string[]> {
  return page.evaluate(collectTexts, '.cm-parley-selected');
}
