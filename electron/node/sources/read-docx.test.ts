import { Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readSource } from './read-source';

async function briefing(options: { heading?: boolean; title?: string } = {}): Promise<Uint8Array> {
  const doc = new Document({
    title: options.title ?? 'Properties Title',
    creator: 'Lee Min-ji',
    footnotes: {
      1: { children: [new Paragraph('Statement of the Unification Ministry, 4 March.')] },
      2: { children: [new Paragraph('회의록 참조 🙂')] },
    },
    sections: [
      {
        children: [
          ...(options.heading === false ? [] : [new Paragraph({ text: 'Seoul Proposes Family Reunions', heading: HeadingLevel.HEADING_1 })]),
          new Paragraph({ children: [new TextRun('The ministry proposed talks on family reunions'), new FootnoteReferenceRun(1), new TextRun(' before the holiday.')] }),
          new Paragraph({ text: 'Reactions', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ children: [new TextRun('정동영 장관은 "대화가 먼저"라고 말했다 🇰🇷.'), new FootnoteReferenceRun(2)] }),
          new Paragraph('Pyongyang has not answered.'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('Word documents', () => {
  it('reads headings and paragraphs as paragraphs, with the notes at the end', async () => {
    const read = await readSource('briefing.docx', await briefing());
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.text).toBe(
      [
        'Seoul Proposes Family Reunions',
        'The ministry proposed talks on family reunions[1] before the holiday.',
        'Reactions',
        '정동영 장관은 "대화가 먼저"라고 말했다 🇰🇷.[2]',
        'Pyongyang has not answered.',
        'Notes',
        '[1] Statement of the Unification Ministry, 4 March.\n[2] 회의록 참조 🙂',
      ].join('\n\n'),
    );
    expect(read.value.kind).toBe('docx');
    expect(read.value.pages).toBeUndefined();
  });

  it('takes the first heading as the title, else the title in its properties, else the file name', async () => {
    const withHeading = await readSource('x.docx', await briefing());
    expect(withHeading.ok && withHeading.value.title).toBe('Seoul Proposes Family Reunions');
    const noHeading = await readSource('x.docx', await briefing({ heading: false }));
    expect(noHeading.ok && noHeading.value.title).toBe('Properties Title');
    const nothing = await readSource('family_reunions-memo.docx', await briefing({ heading: false, title: '' }));
    expect(nothing.ok && nothing.value.title).toBe('family reunions memo');
  });

  it('takes the author and the creation date from its properties', async () => {
    const read = await readSource('x.docx', await briefing());
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.metadata.author).toBe('Lee Min-ji');
    expect(read.value.metadata.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
  });

  it('refuses a file that is not a Word document, naming it', async () => {
    const cases: Array<[string, Uint8Array, RegExp]> = [
      ['notes.docx', strToU8('plain text saved as docx'), /notes\.docx is not a Word document \(\.docx\): it is not a zip archive/u],
      ['old.docx', zipSync({ 'readme.txt': strToU8('hello') }), /old\.docx is not a Word document \(\.docx\): it has no word\/document\.xml/u],
      ['cut.docx', (await briefing()).slice(0, 900), /cut\.docx is not a Word document/u],
    ];
    for (const [name, bytes, message] of cases) {
      const read = await readSource(name, bytes);
      expect(read.ok, name).toBe(false);
      if (!read.ok) expect(read.error.message).toMatch(message);
    }
  });

  it('refuses a document that would unpack to more than the limit before unpacking it', async () => {
    // A small zip whose directory says its body unpacks to 401 MB, as a zip bomb's would.
    const huge = zipSync({ 'word/document.xml': strToU8('<w:document/>') }, { level: 0 });
    const view = new DataView(huge.buffer);
    for (let i = 0; i + 4 <= huge.length; i++) {
      if (view.getUint32(i, true) === 0x04034b50) view.setUint32(i + 22, 401 * 1024 * 1024, true);
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 401 * 1024 * 1024, true);
    }
    const read = await readSource('bomb.docx', huge);
    expect(read.ok ? 'ok' : read.error.code).toBe('too-large');
  });
});
