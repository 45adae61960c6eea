import { expect, it } from 'vitest';
import { readSource } from './read-source';
import { makePdf, type PdfLine } from './test-support/pdf-fixtures';

const PAGES = 300;
const LINES = 40;

// Speed is the bench's to measure; this test guards against the layout going quadratic again (it once
// took 250 s here, about 5 s now). A 10-second limit left little room on a loaded machine (8 s in one
// run), so the bound is one a linear reading stays far below and the quadratic one far exceeds.
it(`reads a ${PAGES}-page report in linear time (well under a minute), with progress for every page`, async () => {
  const pages: PdfLine[][] = Array.from({ length: PAGES }, (_, p) =>
    Array.from({ length: LINES }, (_, l) => ({ runs: `Section ${p + 1}.${l + 1}: envoys from both capitals reviewed the draft on sanctions relief and verification.`, gapBefore: l % 8 === 0 ? 14 : 0 })),
  );
  const pdf = await makePdf({ title: 'Long Report', header: 'Annual Review of Alliance Policy', footer: '#', pages });
  const progress: number[] = [];
  const started = performance.now();
  const read = await readSource('long.pdf', pdf, { onProgress: (done) => progress.push(done), isCancelled: () => false });
  const seconds = (performance.now() - started) / 1000;
  console.log(`${PAGES}-page PDF (${(pdf.length / 1024 / 1024).toFixed(1)} MB, ${PAGES * LINES} lines) read in ${seconds.toFixed(2)} s`);
  if (!read.ok) throw new Error(read.error.message);
  expect(read.value.pages).toHaveLength(PAGES);
  expect(read.value.text).not.toContain('Annual Review of Alliance Policy');
  expect(read.value.text).toContain(`Section ${PAGES}.${LINES}: envoys`);
  expect(progress).toEqual(Array.from({ length: PAGES + 1 }, (_, i) => i));
  expect(seconds).toBeLessThan(60);
}, 120_000);
