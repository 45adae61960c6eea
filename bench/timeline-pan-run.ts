/**
 * `npm run bench` (corpus charts, issue 14): the timeline of 10,000 dated
 * statements in the real renderer (Chromium, the e2e harness): how long the
 * tab takes to draw, and the frame intervals while it is dragged and panned
 * by keys, which must stay within a frame (the items' group is transformed,
 * never laid out again). `--only=` without `charts` skips it; `--quick` uses
 * 2,000 statements.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createAnnotation } from '../annotations/annotation';
import { createDocument } from '../annotations/document';
import type { Annotation, CorpusDocument, Relation } from '../annotations/model';
import { openAppStore } from '../electron/node/open-app-store';
import { closeBrowser, launchParley } from '../e2e/support/harness';

const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const STATEMENTS = quick ? 2_000 : 10_000;
const EACH = 10;
const NOW = '2026-12-01T00:00:00.000Z';
const STANCES = ['supports', 'opposes', 'proposes', 'demands', 'neutral'];
/** A frame at 60 Hz. */
const FRAME_MS = 1000 / 60;

/** One article of `EACH` sentences, each a statement: an actor (of 300) holds a position toward a body (of 40) on a day, month or year of 2023–2025. */
function article(i: number): CorpusDocument {
  const sentences: Array<{ actor: string; position: string; body: string; date: string; value: string }> = [];
  for (let n = 0; n < EACH; n++) {
    const k = i * EACH + n;
    const year = 2023 + (k % 3);
    const month = 1 + ((k * 7) % 12);
    const day = 1 + ((k * 13) % 28);
    const value = k % 5 === 0 ? String(year) : k % 3 === 0 ? `${year}-${String(month).padStart(2, '0')}` : `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    sentences.push({ actor: `Minister ${(k * 31) % 300}`, position: `backed plan ${(k * 17) % 200}`, body: `Council ${k % 40}`, date: `on ${value}`, value });
  }
  const text = sentences.map((s) => `${s.actor} ${s.position} at ${s.body} ${s.date}.`).join(' ');
  const document = createDocument({ id: `doc_pan_${i}`, title: `Article ${i + 1}`, source: `article-${i + 1}.md`, text, now: NOW });
  const annotations: Annotation[] = [];
  const relations: Relation[] = [];
  let from = 0;
  const span = (quote: string, labelId: string, extra: Partial<Annotation> = {}) => {
    const start = text.indexOf(quote, from);
    from = start + quote.length;
    const made = createAnnotation(text, { documentId: document.id, start, end: start + quote.length, labelId, author: 'bench', now: NOW, id: `ann_${i}_${annotations.length}` });
    if (!made.ok) throw new Error(made.error.message);
    const a = { ...made.value, ...extra };
    annotations.push(a);
    return a;
  };
  sentences.forEach((s, n) => {
    const actor = span(s.actor, 'actor');
    const position = span(s.position, 'position', { attributes: { stance: STANCES[(i + n) % STANCES.length]! } });
    const body = span(s.body, 'policy-body');
    const date = span(s.date, 'date', { attributes: { value: s.value } });
    for (const [typeId, source, target] of [['holds', actor, position], ['toward', position, body], ['when', position, date]] as const) {
      relations.push({ id: `rel_${i}_${relations.length}`, documentId: document.id, typeId, sourceId: source.id, targetId: target.id, author: 'bench', createdAt: NOW, updatedAt: NOW });
    }
  });
  return { document, layers: [{ id: 'own', kind: 'own', author: 'bench', annotations, relations }], decisions: [] };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main(): Promise<void> {
  if (only && !only.split(',').includes('charts')) return;
  const storeDir = await mkdtemp(path.join(os.tmpdir(), 'parley-bench-pan-'));
  try {
    const opened = await openAppStore(storeDir, 'bench', { seedSamples: false });
    if (!opened.ok) throw new Error(opened.error.message);
    const docs = Array.from({ length: STATEMENTS / EACH }, (_, i) => article(i));
    for (let i = 0; i < docs.length; i += 100) {
      const added = await opened.value.store.addDocuments(docs.slice(i, i + 100));
      if (!added.ok) throw new Error(added.error.message);
    }
    await opened.value.store.close();

    const app = await launchParley({ storeDir, seedSamples: false, viewport: { width: 1400, height: 900 } });
    const { page } = app;
    page.setDefaultTimeout(120_000);
    await page.getByRole('group', { name: 'Mode' }).getByRole('button', { name: 'Corpus', exact: true }).click();
    await page.getByRole('tablist', { name: 'Corpus views' }).waitFor();
    // The view has loaded the library when its panel is no longer busy.
    await page.locator('.corpus-panel[aria-busy="false"]').waitFor({ timeout: 120_000 });
    const started = Date.now();
    await page.getByRole('tab', { name: 'Timeline', exact: true }).click();
    await page.getByTestId('timeline-summary').filter({ hasText: `${STATEMENTS.toLocaleString('en-US')} dated statements` }).waitFor();
    await page.locator('.timeline-item').first().waitFor();
    const drawMs = Date.now() - started;
    const drawnItems = await page.locator('.timeline-item').count();

    // Frame intervals while the pointer drags the plot and while ← → pan it.
    const record = () =>
      page.evaluate(() => {
        const w = window as unknown as { __frames: number[]; __recording: boolean };
        w.__frames = [];
        w.__recording = true;
        const tick = (t: number) => {
          w.__frames.push(t);
          if (w.__recording) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    const intervals = () =>
      page.evaluate(() => {
        const w = window as unknown as { __frames: number[]; __recording: boolean };
        w.__recording = false;
        return w.__frames.slice(1).map((t, i) => t - w.__frames[i]!);
      });
    await page.locator('.timeline-plot').hover();
    await page.mouse.wheel(0, -600);
    const box = (await page.locator('.timeline-plot').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 60);
    await record();
    await page.mouse.down();
    for (let i = 0; i < 60; i++) await page.mouse.move(box.x + box.width / 2 - i * 6, box.y + 60);
    await page.mouse.up();
    const drag = await intervals();
    await page.getByRole('group', { name: /^Timeline:/ }).focus();
    await record();
    for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
    const keys = await intervals();
    await app.close();

    const line = (name: string, values: number[]) =>
      `  ${name.padEnd(34)} p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms, over a frame ${values.filter((v) => v > FRAME_MS * 1.5).length} of ${values.length} ${percentile(values, 95) <= FRAME_MS * 1.5 ? '✓' : '✗'}`;
    console.log(`\nTimeline of ${STATEMENTS.toLocaleString('en-US')} statements in the renderer (frame intervals; target: within a frame at 60 Hz):`);
    console.log(`  draw the tab                        ${drawMs} ms (${drawnItems.toLocaleString('en-US')} items in the lanes in view and around them)`);
    console.log(line('drag to pan (zoomed in)', drag));
    console.log(line('pan with ← →', keys));
  } finally {
    await closeBrowser();
    await rm(storeDir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
