/**
 * REFI-QDA projects shaped like each producer's own output, written for
 * Parley's tests: the same two texts (CRLF line ends, Hangul, an emoji, a
 * flag) coded the way NVivo for Windows, ATLAS.ti, MAXQDA and QualCoder
 * write them. Positions are computed here, independently of Parley's
 * reader, from each producer's way of counting: NVivo UTF-16 code units,
 * ATLAS.ti code points with CRLF as one, MAXQDA and QualCoder code points.
 * Sentences are Parley's own.
 */
import { zipFiles } from '../../zip';

/** The first text: CRLF line ends, Hangul, an emoji outside the BMP and a flag. */
export const MEETING_TEXT = 'Chung Dong-young met the envoy 🕊️ in Seoul on Tuesday.\r\n정동영 proposed ending the working group 🇰🇷 by 22 June 2021.\r\nThe ministry declined to comment.\r\n';

/** The second text: LF line ends, Hangul and an emoji. */
export const BRIEF_TEXT = 'Noh Kyu-duk 🎤 said the 통일부 would review the plan.\nNo date was set.';

/** How a producer counts positions. */
export type Counting = 'utf16' | 'code-points' | 'crlf-as-one';

/** Position of a UTF-16 offset in a text under a counting. */
export function countAt(text: string, utf16: number, counting: Counting): number {
  const before = text.slice(0, utf16);
  if (counting === 'utf16') return utf16;
  const points = [...before].length;
  return counting === 'code-points' ? points : points - before.split('\r\n').length + 1;
}

/** One coded passage: the quote (its first occurrence), the code's name, and optionally a note and a link name to the next passage. */
interface Passage {
  quote: string;
  code: string;
  note?: string;
}

const GUIDS = new Map<string, string>();
/** A fixed GUID per name, in the upper-case braces style some producers use when `braces` is set. */
function guid(name: string, braces = false): string {
  if (!GUIDS.has(name)) {
    const n = (GUIDS.size + 1).toString(16).padStart(12, '0');
    GUIDS.set(name, `6f1c2a3b-4d5e-4f60-8a71-${n}`);
  }
  const g = GUIDS.get(name)!;
  return braces ? `{${g.toUpperCase()}}` : g;
}

const PASSAGES: Record<'meeting' | 'brief', Passage[]> = {
  meeting: [
    { quote: 'Chung Dong-young', code: 'Actor' },
    { quote: '🕊️', code: 'Actor', note: 'A dove stands for the envoy here.' },
    { quote: '정동영', code: 'Actor' },
    { quote: 'proposed ending', code: 'Position' },
    { quote: 'the working group 🇰🇷', code: 'Policy body' },
    { quote: '22 June 2021', code: 'Date' },
    { quote: 'The ministry declined', code: 'Position' },
  ],
  brief: [
    { quote: 'Noh Kyu-duk', code: 'Actor' },
    { quote: '통일부', code: 'Policy body' },
    { quote: 'review the plan', code: 'Position' },
  ],
};

const TEXTS = { meeting: MEETING_TEXT, brief: BRIEF_TEXT };

/** Options for `producerProject`. */
export interface ProducerShape {
  origin: string;
  counting: Counting;
  /** Whether selections carry their quote in `name` (most producers do; some write a label instead). */
  quoteNames: boolean;
  /** Whether GUIDs are written in braces and upper case. */
  braces?: boolean;
  /** Whether the texts are inline (`PlainTextContent`) rather than files under `sources/`. */
  inline?: boolean;
  /** The coder's name, as its one user. */
  user: string;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;');
}

/** The project.qde and the files of a project as `shape` would write it, zipped as a .qdpx. */
export function producerProject(shape: ProducerShape): { qde: string; qdpx: Uint8Array } {
  const g = (name: string) => guid(`${shape.origin}:${name}`, shape.braces);
  const codes = ['Actor', 'Policy body', 'Position', 'Date'];
  const colours: Record<string, string> = { Actor: '#2563EB', 'Policy body': '#059669', Position: '#D97706', Date: '#DB2777' };
  const sources: string[] = [];
  const notes: string[] = [];
  const links: string[] = [];
  const files: Array<{ path: string; data: string }> = [];
  for (const key of ['meeting', 'brief'] as const) {
    const text = TEXTS[key];
    const selections = PASSAGES[key].map((p, i) => {
      const start = text.indexOf(p.quote);
      if (start < 0) throw new Error(`fixture quote ${p.quote} not in text`);
      const s = countAt(text, start, shape.counting);
      const e = countAt(text, start + p.quote.length, shape.counting);
      const noteRef = p.note ? `<NoteRef targetGUID="${g(`note:${key}:${i}`)}"/>` : '';
      if (p.note) notes.push(`<Note guid="${g(`note:${key}:${i}`)}" name="Memo ${i}" creatingUser="${g('user')}" creationDateTime="2024-05-02T10:00:00Z"><PlainTextContent>${esc(p.note)}</PlainTextContent></Note>`);
      const name = shape.quoteNames ? p.quote : `Segment ${i + 1}`;
      return `\n      <PlainTextSelection guid="${g(`sel:${key}:${i}`)}" name="${esc(name)}" startPosition="${s}" endPosition="${e}" creatingUser="${g('user')}" creationDateTime="2024-05-02T09:0${i}:00Z">\n        <Coding guid="${g(`coding:${key}:${i}`)}" creatingUser="${g('user')}" creationDateTime="2024-05-02T09:0${i}:00Z"><CodeRef targetGUID="${g(`code:${p.code}`)}"/></Coding>${noteRef}\n      </PlainTextSelection>`;
    });
    const content = shape.inline ? `<PlainTextContent>${esc(text)}</PlainTextContent>` : '';
    const path = shape.inline ? '' : ` plainTextPath="internal://${g(`src:${key}`)}.txt"`;
    if (!shape.inline) files.push({ path: `sources/${g(`src:${key}`)}.txt`, data: text });
    sources.push(`\n    <TextSource guid="${g(`src:${key}`)}" name="${key === 'meeting' ? 'Meeting in Seoul' : 'Ministry brief'}"${path} creatingUser="${g('user')}" creationDateTime="2024-05-01T08:00:00Z">${content}${selections.join('')}\n    </TextSource>`);
  }
  // The meeting's actor holds the position; the position is toward the working group.
  links.push(`<Link guid="${g('link:1')}" name="holds" direction="OneWay" originGUID="${g('sel:meeting:2')}" targetGUID="${g('sel:meeting:3')}"/>`);
  links.push(`<Link guid="${g('link:2')}" name="toward" direction="OneWay" originGUID="${g('sel:meeting:3')}" targetGUID="${g('sel:meeting:4')}"/>`);
  // A link between two codes, which Parley sets aside.
  links.push(`<Link guid="${g('link:3')}" name="related" direction="Associative" originGUID="${g('code:Actor')}" targetGUID="${g('code:Position')}"/>`);
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="Alliance coding" origin="${esc(shape.origin)}" creatingUserGUID="${g('user')}" creationDateTime="2024-05-01T08:00:00Z">
  <Users><User guid="${g('user')}" name="${esc(shape.user)}"/></Users>
  <CodeBook>
    <Codes>${codes.map((c) => `\n      <Code guid="${g(`code:${c}`)}" name="${c}" isCodable="true" color="${colours[c]}"/>`).join('')}
    </Codes>
  </CodeBook>
  <Sources>${sources.join('')}
  </Sources>
  <Notes>${notes.join('')}</Notes>
  <Links>${links.join('')}</Links>
</Project>
`;
  return { qde, qdpx: zipFiles([{ path: 'project.qde', data: qde }, ...files]) };
}

/** Every quote the producer projects code, by text, for checking imports. */
export const CODED_PASSAGES: Readonly<Record<string, ReadonlyArray<{ quote: string; code: string }>>> = { [MEETING_TEXT]: PASSAGES.meeting, [BRIEF_TEXT]: PASSAGES.brief };
