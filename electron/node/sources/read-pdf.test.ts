import { beforeAll, describe, expect, it } from 'vitest';
import { readSource } from './read-source';
import { lockedPdf, makeImageOnlyPdf, makePdf, type PdfLine } from './test-support/pdf-fixtures';

const filler = (n: number) => `The delegations met again on day ${['one', 'two', 'three', 'four'][n]} and compared their drafts of the joint text line by line.`;

let made: Uint8Array;
beforeAll(async () => {
  made = await makeReport();
});
/** The three-page report, written once (embedding the Hangul font takes seconds). */
const report = async () => made;

async function makeReport(): Promise<Uint8Array> {
  const page1: PdfLine[] = [
    { runs: 'Allies Weigh the Next Round of Talks', size: 18 },
    { runs: 'Officials in Washington and Seoul resumed negoti-', gapBefore: 14 },
    { runs: 'ations on Monday, a North-' },
    { runs: 'Korean observer said. 😀 marked the mood.' },
    { runs: [{ text: 'In Seoul, ' }, { text: '정동영 장관은 대화를 강조했다.', font: 'hangul' }], gapBefore: 14 },
  ];
  const page2: PdfLine[] = [{ runs: filler(1) }, { runs: 'The envoy left for Tokyo.', gapBefore: 14 }];
  const page3: PdfLine[] = [{ runs: filler(2) }, { runs: [{ text: '한미 양국은 ', font: 'hangul' }, { text: 'agreed to meet in June.' }], gapBefore: 14 }];
  return makePdf({ title: 'Alliance Talks Briefing', author: 'Policy Desk', creationDate: new Date('2024-03-05T10:00:00Z'), header: 'Seoul Policy Review', footer: 'Page # of 3', pages: [page1, page2, page3] });
}

describe('PDF text', () => {
  it('reads a report in order, rejoins broken words, drops running lines and keeps Hangul and emoji', async () => {
    const read = await readSource('briefing.pdf', await report());
    if (!read.ok) throw new Error(read.error.message);
    const { text } = read.value;
    expect(text.startsWith('Allies Weigh the Next Round of Talks\n\nOfficials in Washington and Seoul resumed negotiations on Monday, a North-Korean observer said. 😀 marked the mood.')).toBe(true);
    expect(text).toContain('In Seoul, 정동영 장관은 대화를 강조했다.');
    expect(text).toContain('한미 양국은 agreed to meet in June.');
    expect(text).not.toContain('Seoul Policy Review');
    expect(text).not.toMatch(/Page \d of 3/u);
  });

  it('keeps each page range over the extracted text', async () => {
    const read = await readSource('briefing.pdf', await report());
    if (!read.ok) throw new Error(read.error.message);
    const { text, pages } = read.value;
    expect(pages).toHaveLength(3);
    const pageText = pages!.map((p) => text.slice(p.start, p.end));
    expect(pageText[0]!.startsWith('Allies Weigh')).toBe(true);
    expect(pageText[0]!.endsWith('대화를 강조했다.')).toBe(true);
    expect(pageText[1]).toBe(`${filler(1)}\n\nThe envoy left for Tokyo.`);
    expect(pageText[2]).toBe(`${filler(2)}\n\n한미 양국은 agreed to meet in June.`);
    expect(pages![2]!.end).toBe(text.length);
  });

  it('takes the title, author and date from the PDF, and the largest first-page line when it has no title', async () => {
    const read = await readSource('briefing.pdf', await report());
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.title).toBe('Alliance Talks Briefing');
    expect(read.value.metadata).toEqual({ author: 'Policy Desk', publishedAt: '2024-03-05' });
    const untitled = await makePdf({ pages: [[{ runs: 'Small print above' }, { runs: 'The Real Headline', size: 20 }, { runs: filler(0) }]] });
    const noTitle = await readSource('scan_0042.pdf', untitled);
    expect(noTitle.ok && noTitle.value.title).toBe('The Real Headline');
    const placeholder = await makePdf({ title: 'Microsoft Word - draft7.docx', pages: [[{ runs: 'Headline Here', size: 20 }, { runs: filler(0) }]] });
    const fromPlaceholder = await readSource('draft7.pdf', placeholder);
    expect(fromPlaceholder.ok && fromPlaceholder.value.title).toBe('Headline Here');
  });

  it('reports progress page by page and stops when cancelled', async () => {
    const pdf = await makePdf({ pages: [0, 1, 2, 3].map((n) => [{ runs: filler(n) }]) });
    const seen: Array<[number, number]> = [];
    const read = await readSource('four.pdf', pdf, { onProgress: (d, t) => seen.push([d, t]), isCancelled: () => false });
    expect(read.ok).toBe(true);
    expect(seen).toEqual([[0, 4], [1, 4], [2, 4], [3, 4], [4, 4]]);
    let calls = 0;
    const cancelled = await readSource('four.pdf', pdf, { onProgress: () => undefined, isCancelled: () => ++calls > 2 });
    expect(cancelled.ok ? 'ok' : cancelled.error.code).toBe('cancelled');
  });
});

describe('PDFs that cannot be read', () => {
  it('refuses a PDF with no text layer, saying it may be a scan', async () => {
    const read = await readSource('scan.pdf', await makeImageOnlyPdf());
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error.message).toMatch(/scan\.pdf has no text layer \(a scan\?\)/u);
  });

  it('refuses a PDF locked with a password', async () => {
    const read = await readSource('locked.pdf', await lockedPdf(await report()));
    expect(read.ok ? 'ok' : read.error.code).toBe('forbidden');
    if (!read.ok) expect(read.error.message).toMatch(/locked\.pdf is protected by a password/u);
  });

  it('refuses garbage, a file cut short and another kind of file, naming it', async () => {
    const whole = await report();
    const cases: Array<[string, Uint8Array]> = [
      ['garbage.pdf', Uint8Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)],
      ['cut.pdf', whole.slice(0, 600)],
      ['header-only.pdf', new TextEncoder().encode('%PDF-1.7\n%%EOF\n')],
      ['notes.pdf', new TextEncoder().encode('These are plain notes saved with the wrong name.')],
    ];
    for (const [name, bytes] of cases) {
      const read = await readSource(name, bytes);
      expect(read.ok, name).toBe(false);
      if (!read.ok) {
        expect(read.error.code, name).toBe('invalid-format');
        expect(read.error.message.startsWith(name), read.error.message).toBe(true);
      }
    }
  });
});
