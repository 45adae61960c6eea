/**
 * PDFs written for the tests with pdf-lib: real text layers in embedded fonts
 * (DejaVu Sans for Latin text and 😀, Noto Sans CJK KR for Hangul), laid out
 * line by line as a report would be, with running headers, footers and page
 * numbers when asked.
 */
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, StandardFonts } from 'pdf-lib';

const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const NOTO_CJK = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

let cjkFont: Uint8Array | undefined;

/**
 * One font out of a TrueType/OpenType collection (.ttc) as a standalone font
 * file: its table directory rewritten with the tables copied after it.
 */
export function fontFromCollection(ttc: Uint8Array, postscriptName: string): Uint8Array {
  const view = new DataView(ttc.buffer, ttc.byteOffset, ttc.byteLength);
  if (view.getUint32(0) !== 0x74746366) throw new Error('not a font collection');
  const count = view.getUint32(8);
  for (let f = 0; f < count; f++) {
    const at = view.getUint32(12 + 4 * f);
    const numTables = view.getUint16(at + 4);
    const tables: Array<{ tag: number; checksum: number; offset: number; length: number }> = [];
    for (let t = 0; t < numTables; t++) {
      const rec = at + 12 + 16 * t;
      tables.push({ tag: view.getUint32(rec), checksum: view.getUint32(rec + 4), offset: view.getUint32(rec + 8), length: view.getUint32(rec + 12) });
    }
    const headerSize = 12 + 16 * numTables;
    const size = headerSize + tables.reduce((sum, t) => sum + ((t.length + 3) & ~3), 0);
    const out = new Uint8Array(size);
    const outView = new DataView(out.buffer);
    out.set(ttc.subarray(at, at + 12), 0);
    let offset = headerSize;
    for (const [i, t] of tables.entries()) {
      outView.setUint32(12 + 16 * i, t.tag);
      outView.setUint32(12 + 16 * i + 4, t.checksum);
      outView.setUint32(12 + 16 * i + 8, offset);
      outView.setUint32(12 + 16 * i + 12, t.length);
      out.set(ttc.subarray(t.offset, t.offset + t.length), offset);
      offset += (t.length + 3) & ~3;
    }
    const font = fontkit.create(out as unknown as Buffer) as { postscriptName?: string };
    if (font.postscriptName === postscriptName) return out;
  }
  throw new Error(`no font ${postscriptName} in the collection`);
}

/** A run of text in one font on a line. */
export interface PdfRun {
  text: string;
  font?: 'latin' | 'hangul';
}

/** A line of a fixture page: text (or runs in different fonts), its size, and the space before it. */
export interface PdfLine {
  runs: PdfRun[] | string;
  size?: number;
  /** Extra space above the line, in points (a paragraph break). */
  gapBefore?: number;
}

/** A fixture PDF's description. */
export interface PdfFixture {
  pages: PdfLine[][];
  title?: string;
  author?: string;
  creationDate?: Date;
  /** A header line drawn at the top of every page; `#` becomes the page number. */
  header?: string;
  /** A footer line drawn at the bottom of every page; `#` becomes the page number. */
  footer?: string;
}

/** Writes the PDF a fixture describes. */
export async function makePdf(fixture: PdfFixture): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const latin = await doc.embedFont(readFileSync(DEJAVU), { subset: true });
  cjkFont ??= fontFromCollection(readFileSync(NOTO_CJK), 'NotoSansCJKkr-Regular');
  let hangul: PDFFont | undefined;
  const fontOf = async (run: PdfRun): Promise<PDFFont> => {
    if (run.font !== 'hangul') return latin;
    hangul ??= await doc.embedFont(cjkFont!, { subset: true });
    return hangul;
  };
  if (fixture.title !== undefined) doc.setTitle(fixture.title);
  if (fixture.author !== undefined) doc.setAuthor(fixture.author);
  if (fixture.creationDate) doc.setCreationDate(fixture.creationDate);
  for (const [n, lines] of fixture.pages.entries()) {
    const page = doc.addPage([595, 842]);
    if (fixture.header) page.drawText(fixture.header.replace('#', String(n + 1)), { x: 72, y: 800, size: 9, font: latin });
    if (fixture.footer) page.drawText(fixture.footer.replace('#', String(n + 1)), { x: 280, y: 40, size: 9, font: latin });
    let y = 760;
    for (const line of lines) {
      const size = line.size ?? 11;
      y -= (line.gapBefore ?? 0) + size * 1.3;
      let x = 72;
      const runs = typeof line.runs === 'string' ? [{ text: line.runs }] : line.runs;
      for (const run of runs) {
        const font = await fontOf(run);
        page.drawText(run.text, { x, y, size, font });
        x += font.widthOfTextAtSize(run.text, size);
      }
    }
  }
  return doc.save({ useObjectStreams: false });
}

/** A PDF whose one page holds a drawing and no text: what a scanner makes. */
export async function makeImageOnlyPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawRectangle({ x: 72, y: 600, width: 300, height: 120 });
  page.drawCircle({ x: 300, y: 400, size: 50 });
  void StandardFonts;
  return doc.save();
}

/**
 * `pdf` with a standard security handler (RC4, revision 2) whose user
 * password is not empty, added by hand: readers ask for a password. The
 * owner and user keys are random, so no password opens it.
 */
export async function lockedPdf(pdf: Uint8Array): Promise<Uint8Array> {
  const { PDFHexString, PDFName, PDFNumber } = await import('pdf-lib');
  const doc = await PDFDocument.load(pdf);
  const hex = (n: number) => PDFHexString.of(Array.from({ length: n }, (_, i) => ((i * 37 + 11) % 256).toString(16).padStart(2, '0')).join(''));
  const encrypt = doc.context.obj({ Filter: PDFName.of('Standard'), V: PDFNumber.of(1), R: PDFNumber.of(2), O: hex(32), U: hex(32), P: PDFNumber.of(-44) });
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  doc.context.trailerInfo.ID = doc.context.obj([hex(16), hex(16)]);
  return doc.save({ useObjectStreams: false });
}
