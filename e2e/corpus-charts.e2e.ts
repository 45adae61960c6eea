/**
 * The corpus charts on a library of seed-style articles with statements:
 * open a statement from the timeline, zoom it from the keyboard, step through
 * the matrix's cells, switch the network to congruence and conflict, and
 * export the timeline (SVG, PNG), the matrix (CSV, SVG) and the network
 * (GraphML), checking each written file. Screenshots of each tab in both
 * themes go to test-results/.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../annotations/formats/csv-text';
import { call } from './reader-helpers';
import { closeBrowser, launchParley, type ParleyHarness } from './support/harness';
import { screenshotPath } from './support/screenshot-path';

const SEOUL = ['# Seoul backs the drills', '', 'Seoul, 3 March 2025.\r\nThe ministry backed joint drills on 3 March 2025 at the working group. 서울은 합동훈련 재개를 지지했다 🇰🇷.'].join('\n');
const TOKYO = [
  '# Tokyo talks end early',
  '',
  'Tokyo, 9 May 2025. Tokyo backed joint drills in 2025 at the working group. Pyongyang condemned joint drills in April 2025, and warned Tokyo. Tokyo raised concerns.',
].join('\n');

let app: ParleyHarness | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});
afterAll(closeBrowser);

/** Tags the `nth` (0-based) occurrence of `quote` and returns the span's id. */
async function tag(page: Page, documentId: string, text: string, quote: string, labelId: string, nth = 0): Promise<string> {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(quote, start + 1);
  const change = await call(page, 'addAnnotations', { documentId, spans: [{ start, end: start + quote.length, labelId }] });
  return change.added[0]!.id;
}

interface Spec {
  actor: [string, number];
  position: [string, number];
  stance: string;
  target?: [string, number, string];
  date?: [string, string];
}

async function statement(page: Page, documentId: string, text: string, s: Spec): Promise<void> {
  const a = await tag(page, documentId, text, s.actor[0], 'actor', s.actor[1]);
  const p = await tag(page, documentId, text, s.position[0], 'position', s.position[1]);
  await call(page, 'updateAnnotation', { documentId, annotationId: p, attributes: { stance: s.stance } });
  await call(page, 'addRelation', { documentId, typeId: 'holds', sourceId: a, targetId: p });
  if (s.target) {
    const t = await tag(page, documentId, text, s.target[0], s.target[2], s.target[1]);
    await call(page, 'addRelation', { documentId, typeId: 'toward', sourceId: p, targetId: t });
  }
  if (s.date) {
    const d = await tag(page, documentId, text, s.date[0], 'date');
    await call(page, 'updateAnnotation', { documentId, annotationId: d, attributes: { value: s.date[1] } });
    await call(page, 'addRelation', { documentId, typeId: 'when', sourceId: p, targetId: d });
  }
}

/**
 * Two articles, four statements: the ministry and Tokyo back joint drills
 * toward the working group (a day, a year), Pyongyang condemns them toward
 * Tokyo (a month), and Tokyo raises concerns with no date.
 */
async function library(page: Page): Promise<void> {
  const imported = await call(page, 'importTexts', { files: [{ name: 'seoul.md', content: SEOUL }, { name: 'tokyo.md', content: TOKYO }] });
  const [seoul, tokyo] = imported.added.map((d) => d.id) as [string, string];
  await statement(page, seoul, SEOUL, { actor: ['The ministry', 0], position: ['joint drills', 0], stance: 'supports', target: ['the working group', 0, 'policy-body'], date: ['3 March 2025', '2025-03-03'] });
  await statement(page, tokyo, TOKYO, { actor: ['Tokyo', 1], position: ['joint drills', 0], stance: 'supports', target: ['the working group', 0, 'policy-body'], date: ['in 2025', '2025'] });
  await statement(page, tokyo, TOKYO, { actor: ['Pyongyang', 0], position: ['joint drills', 1], stance: 'opposes', target: ['Tokyo', 2, 'actor'], date: ['April 2025', '2025-04'] });
  await statement(page, tokyo, TOKYO, { actor: ['Tokyo', 3], position: ['raised concerns', 0], stance: 'neutral' });
}

async function openTab(page: Page, name: string): Promise<Locator> {
  const tab = page.getByRole('tab', { name, exact: true });
  await tab.click();
  await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
  return page.getByRole('tabpanel');
}

async function start(): Promise<Page> {
  app = await launchParley({ seedSamples: false, viewport: { width: 1280, height: 820 } });
  const { page } = app;
  await page.getByText('Your library is empty.').waitFor();
  await library(page);
  await app.reload();
  await page.getByRole('group', { name: 'Mode' }).getByRole('button', { name: 'Corpus', exact: true }).click();
  await page.getByRole('tablist', { name: 'Corpus views' }).waitFor();
  return page;
}

/** Saves the chart through its export button `format` to a new file and returns the file's path once the panel says it was written. */
async function exportAs(panel: Locator, chart: string, format: string, file: string): Promise<string> {
  const target = path.join(await mkdtemp(path.join(os.tmpdir(), 'parley-e2e-charts-')), file);
  app!.dialogs.nextSave(target);
  const group = panel.getByRole('group', { name: `Export the ${chart}` });
  await group.getByRole('button', { name: format, exact: true }).click();
  await expect.poll(() => group.getByRole('status').textContent()).toBe(`Exported the ${chart} as ${format} to ${target}`);
  return target;
}

/** How many elements matching `selector` an SVG or XML text has, parsed by the page's DOMParser; -1 when it does not parse. */
function countInXml(page: Page, text: string, type: 'image/svg+xml' | 'application/xml', selector: string): Promise<number> {
  return page.evaluate(
    ([t, mime, sel]) => {
      const doc = new DOMParser().parseFromString(t, mime as DOMParserSupportedType);
      return doc.querySelector('parsererror') ? -1 : doc.querySelectorAll(sel).length;
    },
    [text, type, selector] as const,
  );
}

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The serious and critical axe violations on the page as it is, as readable lines (axe goes in through the DevTools protocol: the CSP allows no script tag). */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await axeSource);
  return page.evaluate(async () => {
    type Axe = { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown[] }> }> }> };
    const result = await (window as unknown as { axe: Axe }).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id} on ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** Screenshots the tab in the light and the dark theme, and checks each with axe. */
async function screenshots(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).colorScheme)).toBe(scheme);
    // Buttons ease into the theme's colours; the picture is taken once no transition runs (a fixed wait
    // can be too short on a busy machine) and the fonts are in.
    await expect.poll(() => page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length)).toBe(0);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.screenshot({ path: screenshotPath(`corpus-${name}-${scheme}.png`) });
    expect(await seriousViolations(page), `${name} in the ${scheme} theme`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('corpus charts', () => {
  it('draws the timeline, zooms it by keys, exports it as SVG and PNG, and opens a statement from it', async () => {
    const page = await start();
    const panel = await openTab(page, 'Timeline');
    await expect.poll(() => panel.getByTestId('timeline-summary').textContent()).toBe('3 dated statements in 3 lanes; 1 statement without a normalised date is not shown.');
    const item = panel.getByRole('button', { name: 'The ministry, supports: “joint drills”, 2025-03-03' });
    await item.hover();
    await expect.poll(() => panel.getByRole('tooltip').textContent()).toContain('joint drills');
    // + zooms: the items' group is transformed, not laid out again.
    const group = panel.locator('.timeline-plot > g');
    const before = await item.getAttribute('x');
    await panel.getByRole('group', { name: /^Timeline:/ }).focus();
    await page.keyboard.press('+');
    await expect.poll(() => group.getAttribute('transform')).toMatch(/scale\(1\.5,1\)/);
    const shift = async () => Number(/^translate\((-?[\d.]+)/.exec((await group.getAttribute('transform')) ?? '')?.[1]);
    const zoomed = await shift();
    await page.keyboard.press('ArrowRight');
    await expect.poll(shift).toBeLessThan(zoomed);
    expect(await item.getAttribute('x')).toBe(before);
    await page.keyboard.press('0');
    await expect.poll(() => group.getAttribute('transform')).toBe('translate(0,0) scale(1,1)');
    await screenshots(page, 'timeline');

    const svg = await readFile(await exportAs(panel, 'timeline', 'SVG', 'timeline.svg'), 'utf8');
    expect(await countInXml(page, svg, 'image/svg+xml', 'rect.timeline-item')).toBe(3);
    expect(svg).not.toContain('var(--');
    const png = await readFile(await exportAs(panel, 'timeline', 'PNG', 'timeline.png'));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBeGreaterThan(400);

    // Enter on an item (reached by Tab from the chart) opens it in Read mode, selected.
    await item.click();
    await page.locator('.parley-reader .cm-line').first().filter({ hasText: 'Seoul backs the drills' }).waitFor();
    await expect.poll(() => page.locator('#parley-reader-status').textContent()).toContain('Selected Position: “joint drills”');
  });

  it('draws only the lanes in view of a long timeline, exports them all, and steps by keys into a lane out of view', async () => {
    app = await launchParley({ seedSamples: false, viewport: { width: 1280, height: 700 } });
    const { page } = app;
    await page.getByText('Your library is empty.').waitFor();
    // Forty actors, each with one statement: forty lanes, more than a screen holds.
    const sentences = Array.from({ length: 40 }, (_, i) => `Envoy ${String(i).padStart(2, '0')} backed talks on day ${String(i + 1).padStart(2, '0')}.`);
    const text = `# Forty envoys\n\n${sentences.join(' ')}`;
    const [doc] = (await call(page, 'importTexts', { files: [{ name: 'envoys.md', content: text }] })).added.map((d) => d.id) as [string];
    const spans = sentences.flatMap((sentence) => {
      const at = text.indexOf(sentence);
      return [
        { start: at, end: at + 8, labelId: 'actor' },
        { start: at + 9, end: at + 21, labelId: 'position' },
        { start: at + 22, end: at + sentence.length - 1, labelId: 'date' },
      ];
    });
    const ids = (await call(page, 'addAnnotations', { documentId: doc, spans })).added.map((a) => a.id);
    for (let i = 0; i < sentences.length; i++) {
      const [actor, position, date] = [ids[3 * i]!, ids[3 * i + 1]!, ids[3 * i + 2]!];
      await call(page, 'updateAnnotation', { documentId: doc, annotationId: date, attributes: { value: `2025-03-${String(i % 28 + 1).padStart(2, '0')}` } });
      await call(page, 'addRelation', { documentId: doc, typeId: 'holds', sourceId: actor, targetId: position });
      await call(page, 'addRelation', { documentId: doc, typeId: 'when', sourceId: position, targetId: date });
    }
    await app.reload();
    await page.getByRole('group', { name: 'Mode' }).getByRole('button', { name: 'Corpus', exact: true }).click();
    const panel = await openTab(page, 'Timeline');
    await expect.poll(() => panel.getByTestId('timeline-summary').textContent()).toBe('40 dated statements in 40 lanes.');
    const drawn = () => panel.locator('.timeline-item').count();
    await expect.poll(drawn).toBeLessThan(40);
    const svg = await readFile(await exportAs(panel, 'timeline', 'SVG', 'long.svg'), 'utf8');
    expect(await countInXml(page, svg, 'image/svg+xml', 'rect.timeline-item')).toBe(40);
    await expect.poll(drawn).toBeLessThan(40);
    // ↓ from the first lane to the last: each step scrolls the next lane into view and focuses its item.
    await panel.locator('.timeline-item[tabindex="0"]').focus();
    for (let i = 1; i < 40; i++) {
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toMatch(new RegExp(`^Envoy ${String(i).padStart(2, '0')}, no stance: “backed talks”`));
    }
    await expect.poll(() => panel.locator('.chart-frame').evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  });

  it('steps through the matrix by keys, exports its counts as CSV and it as SVG', async () => {
    const page = await start();
    const panel = await openTab(page, 'Matrix');
    await expect.poll(() => panel.getByTestId('matrix-summary').textContent()).toBe('2 actors × 1 policy body; 2 statements without an actor or such a target are not counted.');
    const first = panel.getByRole('gridcell', { name: /^The ministry → the working group: 1 statement/ });
    await first.focus();
    await expect.poll(() => panel.getByRole('tooltip').textContent()).toBe('The ministry → the working group: 1 statementsupports: 1');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Tokyo → the working group: 1 statement, supports: 1');
    await screenshots(page, 'matrix');

    const csv = parseCsv(await readFile(await exportAs(panel, 'matrix', 'CSV', 'matrix.csv'), 'utf8'));
    expect(csv.ok && csv.rows.map((r) => r.cells)).toEqual([
      ['actor', 'the working group'],
      ['The ministry', '1'],
      ['Tokyo', '1'],
    ]);
    const svg = await readFile(await exportAs(panel, 'matrix', 'SVG', 'matrix.svg'), 'utf8');
    expect(await countInXml(page, svg, 'image/svg+xml', 'g.matrix-cell')).toBe(2);

    // Actors addressed: Pyongyang toward Tokyo.
    await panel.getByRole('combobox', { name: 'Columns' }).selectOption('actors');
    await expect.poll(() => panel.getByTestId('matrix-summary').textContent()).toMatch(/^1 actor × 1 actor addressed/);
    await page.getByRole('gridcell', { name: /^Pyongyang → Tokyo/ }).press('Enter');
    await page.locator('.parley-reader .cm-line').first().filter({ hasText: 'Tokyo talks end early' }).waitFor();
  });

  it('switches the network between two-mode, congruence and conflict, and exports its GraphML', async () => {
    const page = await start();
    const panel = await openTab(page, 'Network');
    await expect.poll(() => panel.getByTestId('network-summary').textContent()).toBe('5 nodes, 4 edges from 4 statements.');
    await expect.poll(() => panel.locator('.network-node').count()).toBe(5);
    await screenshots(page, 'network');
    const graphml = await readFile(await exportAs(panel, 'network', 'GraphML', 'two-mode.graphml'), 'utf8');
    expect([await countInXml(page, graphml, 'application/xml', 'node'), await countInXml(page, graphml, 'application/xml', 'edge')]).toEqual([5, 4]);
    expect(await countInXml(page, graphml, 'application/xml', 'key')).toBe(5);

    const kind = panel.getByRole('combobox', { name: 'Network' });
    await kind.selectOption('congruence');
    await expect.poll(() => panel.getByTestId('network-summary').textContent()).toBe('3 nodes, 1 edge from 3 statements; 1 statement left out (no actor or no side taken).');
    await kind.selectOption('conflict');
    await expect.poll(() => panel.getByTestId('network-summary').textContent()).toMatch(/^3 nodes, 2 edges/);
    const conflict = await readFile(await exportAs(panel, 'network', 'GraphML', 'conflict.graphml'), 'utf8');
    expect(await countInXml(page, conflict, 'application/xml', 'edge')).toBe(2);
    expect(conflict).toContain('<data key="stance">conflict</data>');

    // April 2025 only: the ministry's statement of March falls out; Tokyo's (the whole of 2025) and Pyongyang's stay.
    const from = panel.getByRole('textbox', { name: 'From', exact: true });
    const to = panel.getByRole('textbox', { name: 'To', exact: true });
    await from.fill('2025-04-01');
    await to.fill('2025-04-30');
    await expect.poll(() => panel.getByTestId('network-summary').textContent()).toBe('2 nodes, 1 edge from 2 statements; 2 statements left out (no actor or no side taken, or outside the dates).');

    // A node moves with the arrow keys.
    await kind.selectOption('two-mode');
    await from.fill('');
    await to.fill('');
    await expect.poll(() => panel.getByTestId('network-summary').textContent()).toBe('5 nodes, 4 edges from 4 statements.');
    const node = panel.getByRole('img', { name: /^Actor Tokyo/ });
    const at = await node.getAttribute('transform');
    await node.focus();
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => node.getAttribute('transform')).not.toBe(at);
  });
});
