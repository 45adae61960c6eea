import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { defaultLabelSchema } from '../labels';
import type { Corpus } from '../model';
import { detectFormat } from './detect-format';
import type { FormatFile } from './format';
import { codecs } from './index';
import { exportRefiQda } from './refi-qda-export';
import { importRefiQda } from './refi-qda-import';
import { BRIEF_TEXT, CODED_PASSAGES, countAt, MEETING_TEXT, producerProject, type ProducerShape } from './test-fixtures/refi-qda/producers';
import { BRIEFING_TEXT, sampleCorpus, TALKS_TEXT } from './test-fixtures/sample-corpus';
import { unzipFiles, zipFiles } from './zip';

const NOW = '2025-04-01T00:00:00.000Z';
const XSD = readFileSync(path.join(__dirname, 'test-fixtures/refi-qda/parley-subset.xsd'), 'utf8');
const options = { labels: defaultLabelSchema(), now: NOW, author: 'importer' };

function exported(corpus: Corpus): { files: FormatFile[]; qde: string; warnings: string[] } {
  const out = exportRefiQda(corpus, { now: NOW });
  if (!out.ok) throw new Error(out.error.message);
  expect(out.value.files.map((f) => f.path)).toEqual(['parley.qdpx']);
  const entries = unzipFiles({ path: 'parley.qdpx', data: out.value.files[0]!.data as Uint8Array });
  if (!entries.ok) throw new Error(entries.error.message);
  const qde = strFromU8(entries.value.find((e) => e.path === 'project.qde')!.data as Uint8Array);
  return { files: entries.value, qde, warnings: out.value.warnings.map((w) => w.message) };
}

async function schemaErrors(qde: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'project.qde', contents: qde }], schema: [XSD] });
  return result.errors.map((e) => e.message);
}

/** The sample corpus with v2 data: a stance on a position, a date value, relations with a note, metadata. */
function richCorpus(): Corpus {
  const corpus = sampleCorpus();
  const briefing = corpus.documents[0]!;
  const own = briefing.layers[0]!;
  const find = (exact: string) => own.annotations.find((a) => a.quote.exact === exact)!;
  const seoul = find('Seoul');
  const agreed = own.annotations.find((a) => a.labelId === 'position' && a.quote.exact.startsWith('agreed'))!;
  const tuesday = find('Tuesday');
  const ncg = find('Nuclear Consultative Group');
  agreed.attributes = { stance: 'proposes' };
  tuesday.attributes = { value: '2025-03-04' };
  find('통일부').note = 'Ministry of Unification, 통일부.\r\nSecond line & <b>.';
  const rel = (id: string, typeId: string, sourceId: string, targetId: string, note?: string) => ({ id, documentId: briefing.document.id, typeId, sourceId, targetId, author: 'minji', createdAt: NOW, updatedAt: NOW, ...(note ? { note } : {}) });
  own.relations = [rel('rel_1', 'holds', seoul.id, agreed.id, 'Seoul speaks for both.'), rel('rel_2', 'when', agreed.id, tuesday.id), rel('rel_3', 'toward', agreed.id, ncg.id)];
  briefing.document.metadata = { publishedAt: '2025-03-04', outlet: '연합뉴스 Wire', url: 'https://example.org/a?b=1&c=2' };
  const talks = corpus.documents[1]!;
  talks.layers[0]!.annotations[0]!.author = 'jisoo';
  return corpus;
}

describe('REFI-QDA export', () => {
  it('writes a project.qde that the XML Schema accepts, and the schema refuses a damaged one', async () => {
    const { qde } = exported(richCorpus());
    expect(await schemaErrors(qde)).toEqual([]);
    // The check can fail: a selection without its end position, a link with an unknown direction.
    expect((await schemaErrors(qde.replace(/ endPosition="\d+"/, ''))).join('\n')).toMatch(/endPosition/);
    expect((await schemaErrors(qde.replace('direction="OneWay"', 'direction="Forward"'))).join('\n')).toMatch(/direction/);
    expect((await schemaErrors(qde.replace(/<Users>.*?<\/Users>/, '').replace('<CodeBook>', '<Users><User guid="x"/></Users><CodeBook>'))).join('\n')).toMatch(/guid/);
  });

  it('writes every text as sources/<guid>.txt with its line ends as they are (CRLF stays CRLF, LF stays LF)', () => {
    const { files, qde } = exported(sampleCorpus());
    const texts = files.filter((f) => f.path.startsWith('sources/')).map((f) => strFromU8(f.data as Uint8Array));
    expect(texts).toContain(BRIEFING_TEXT);
    expect(texts).toContain(TALKS_TEXT);
    expect(BRIEFING_TEXT).toContain('\r\n');
    expect(TALKS_TEXT).not.toContain('\r');
    for (const f of files.filter((x) => x.path.startsWith('sources/'))) expect(qde).toContain(`plainTextPath="internal://${f.path.slice('sources/'.length)}"`);
  });

  it('counts positions in code points, each selection named by its quote', () => {
    const { qde } = exported(sampleCorpus());
    const text = TALKS_TEXT;
    for (const quote of ['판문점', '🕊️', '12 May', '𝑥-axis']) {
      const start = text.indexOf(quote);
      const m = new RegExp(`<PlainTextSelection guid="[^"]+" name="${quote}" startPosition="(\\d+)" endPosition="(\\d+)"`).exec(qde);
      expect(m, quote).not.toBeNull();
      expect([Number(m![1]), Number(m![2])]).toEqual([[...text.slice(0, start)].length, [...text.slice(0, start + quote.length)].length]);
    }
  });

  it('writes labels as codes, a choice attribute as a group of sub-codes, authors as users, relations as links', () => {
    const { qde } = exported(richCorpus());
    expect(qde).toMatch(/<Code guid="[^"]+" name="Position" isCodable="true" color="#d97706"><Description>[^<]+<\/Description><Code guid="[^"]+" name="Stance" isCodable="false"><Code guid="[^"]+" name="Supports" isCodable="true" color="#059669"\/>/);
    expect(qde).toMatch(/<Users><User guid="[^"]+" name="minji"\/><User guid="[^"]+" name="jisoo"\/><\/Users>/);
    expect(qde.match(/<Link /g)).toHaveLength(3);
    expect(qde).toMatch(/<Link guid="[^"]+" name="holds" direction="OneWay" color="#2563eb" originGUID="[^"]+" targetGUID="[^"]+"><NoteRef/);
    expect(qde).toContain('<Description>Value: 2025-03-04</Description>');
    expect(qde).toContain('Ministry of Unification, 통일부.&#13;\nSecond line &amp; &lt;b&gt;.');
  });

  it('writes the same project twice for the same corpus', () => {
    const corpus = richCorpus();
    expect(exported(corpus).qde).toBe(exported(corpus).qde);
  });
});

describe('REFI-QDA round trip', () => {
  it('keeps texts, spans, labels, notes, authors, attributes, relations and metadata across CRLF, Hangul and emoji', () => {
    const corpus = richCorpus();
    const out = codecs['refi-qda'].export(corpus, { now: NOW });
    if (!out.ok) throw new Error(out.error.message);
    const back = importRefiQda(out.value.files, options);
    if (!back.ok) throw new Error(JSON.stringify(back.error, null, 1));
    expect(back.value.warnings).toEqual([]);
    for (const before of corpus.documents) {
      const after = back.value.corpus.documents.find((d) => d.document.text === before.document.text)!;
      expect(after, before.document.title).toBeDefined();
      expect(after.document.title).toBe(before.document.title);
      expect(after.document.metadata).toEqual(before.document.metadata);
      const view = (c: Corpus, d: typeof before) => {
        const anns = d.layers.flatMap((l) => l.annotations);
        const name = (id: string) => c.labels.labels.find((l) => l.id === id)!.name;
        const byId = new Map(anns.map((a) => [a.id, a]));
        const end = (id: string) => `${byId.get(id)!.start}-${byId.get(id)!.end}`;
        return {
          spans: anns.map((a) => [a.start, a.end, name(a.labelId), a.note ?? '', a.author, a.createdAt, JSON.stringify(a.attributes ?? {})].join('|')).sort(),
          relations: d.layers.flatMap((l) => l.relations ?? []).map((r) => [end(r.sourceId), end(r.targetId), r.typeId, r.note ?? '', r.author].join('|')).sort(),
        };
      };
      expect(view(back.value.corpus, after)).toEqual(view(corpus, before));
    }
    expect(back.value.corpus.labels.labels.find((l) => l.id === 'position')!.attributes).toEqual(defaultLabelSchema().labels.find((l) => l.id === 'position')!.attributes);
  });

  it('reads a selection coded with an option sub-code alone as its label with that value, as QDA tools code a child code', () => {
    const { files, qde } = exported(richCorpus());
    const positionCode = /<Code guid="([^"]+)" name="Position"/.exec(qde)![1]!;
    // Drop the Position coding of the stance-bearing selection, keeping only its "Proposes" sub-code.
    const withoutLabel = qde.replace(new RegExp(`(<PlainTextSelection[^>]*name="agreed on Tuesday to expand"[^>]*>)<Coding[^>]*><CodeRef targetGUID="${positionCode}"/></Coding>`), '$1');
    expect(withoutLabel).not.toBe(qde);
    const result = importRefiQda([{ path: 'project.qde', data: withoutLabel }, ...files.filter((f) => f.path.startsWith('sources/'))], options);
    if (!result.ok) throw new Error(result.error.message);
    const agreed = result.value.corpus.documents.flatMap((d) => d.layers[0]!.annotations).find((a) => a.quote.exact === 'agreed on Tuesday to expand')!;
    expect([agreed.labelId, agreed.attributes]).toEqual(['position', { stance: 'proposes' }]);
  });

  it('reports a relation whose author differs from its source span, since links carry no author', () => {
    const corpus = richCorpus();
    corpus.documents[0]!.layers[0]!.relations![1]!.author = 'jisoo';
    expect(exported(corpus).warnings).toEqual([expect.stringMatching(/relation when by jisoo: its author is not written/)]);
  });
});

describe('REFI-QDA import of each producer', () => {
  const producers: Array<{ tool: string; shape: ProducerShape }> = [
    { tool: 'NVivo for Windows', shape: { origin: 'NVivo 14.24.0 (Windows)', counting: 'utf16', quoteNames: true, braces: true, user: 'Ana Lee' } },
    { tool: 'ATLAS.ti', shape: { origin: 'ATLAS.ti 24.1.0 Windows', counting: 'crlf-as-one', quoteNames: true, user: '김민지' } },
    { tool: 'MAXQDA', shape: { origin: 'MAXQDA 2024 (Release 24.2.0)', counting: 'code-points', quoteNames: false, user: 'ben' } },
    { tool: 'QualCoder', shape: { origin: 'QualCoder 3.5', counting: 'code-points', quoteNames: true, inline: true, user: 'coder 😀' } },
  ];
  for (const { tool, shape } of producers) {
    it(`reads ${tool}'s positions (${shape.counting}) onto the right characters, with authors, notes and links`, () => {
      const { qdpx } = producerProject(shape);
      const result = importRefiQda([{ path: 'alliance.qdpx', data: qdpx }], options);
      if (!result.ok) throw new Error(JSON.stringify(result.error, null, 1));
      expect(result.value.warnings).toEqual([]);
      for (const [text, passages] of Object.entries(CODED_PASSAGES)) {
        const doc = result.value.corpus.documents.find((d) => d.document.text === text)!;
        expect(doc, 'text kept exactly').toBeDefined();
        const spans = doc.layers[0]!.annotations.map((a) => ({ quote: text.slice(a.start, a.end), code: result.value.corpus.labels.labels.find((l) => l.id === a.labelId)!.name })).sort((x, y) => x.quote.localeCompare(y.quote));
        expect(spans).toEqual([...passages].map(({ quote, code }) => ({ quote, code })).sort((x, y) => x.quote.localeCompare(y.quote)));
        expect(new Set(doc.layers[0]!.annotations.map((a) => a.author))).toEqual(new Set([shape.user]));
      }
      const meeting = result.value.corpus.documents.find((d) => d.document.text === MEETING_TEXT)!.layers[0]!;
      expect(meeting.annotations.find((a) => a.quote.exact === '🕊️')!.note).toBe('A dove stands for the envoy here.');
      const quote = (id: string) => meeting.annotations.find((a) => a.id === id)!.quote.exact;
      expect(meeting.relations!.map((r) => [quote(r.sourceId), r.typeId, quote(r.targetId)])).toEqual([
        ['정동영', 'holds', 'proposed ending'],
        ['proposed ending', 'toward', 'the working group 🇰🇷'],
      ]);
      expect(result.value.ignored).toContainEqual(expect.objectContaining({ kind: 'REFI-QDA links between codes, sources, notes or uncoded selections', count: 1 }));
    });
  }

  it('trusts the quotes over the origin when they disagree, and says so', () => {
    // Written in UTF-16 units, but naming no NVivo origin.
    const { qdpx } = producerProject({ origin: 'SomeTool 2.0', counting: 'utf16', quoteNames: true, user: 'ana' });
    const result = importRefiQda([{ path: 'p.qdpx', data: qdpx }], options);
    if (!result.ok) throw new Error(result.error.message);
    const meeting = result.value.corpus.documents.find((d) => d.document.text === MEETING_TEXT)!;
    expect(meeting.layers[0]!.annotations.map((a) => a.quote.exact)).toContain('the working group 🇰🇷');
    expect(result.value.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^positions read as UTF-16 code units .* rather than Unicode code points \(the standard\) \(origin "SomeTool 2\.0" counts code points.*\): 7 of 7 selection quotes fit UTF-16 code units .*, against 2 for Unicode code points/),
      expect.stringMatching(/^positions read as UTF-16 code units .*: 3 of 3 selection quotes fit/),
    ]);
  });

  it('reports selections whose quotes fit no counting', () => {
    const { qde } = producerProject({ origin: 'MAXQDA 2024', counting: 'code-points', quoteNames: true, user: 'ben' });
    const damaged = qde.replace('name="Chung Dong-young"', 'name="Chung Dong-young met"');
    const result = importRefiQda([{ path: 'project.qde', data: damaged }, ...sourcesOf(producerProject({ origin: 'MAXQDA 2024', counting: 'code-points', quoteNames: true, user: 'ben' }).qdpx)], options);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^1 selection names do not match the text at their positions/)]);
  });

  it('counts positions the same way however a producer counts when the text has no CRLF and nothing outside the BMP', () => {
    const text = 'Plain text, 한국어 only.';
    for (const c of ['utf16', 'code-points', 'crlf-as-one'] as const) expect(countAt(text, 12, c)).toBe(12);
  });
});

function sourcesOf(qdpx: Uint8Array): FormatFile[] {
  const entries = unzipFiles({ path: 'p.qdpx', data: qdpx });
  if (!entries.ok) throw new Error(entries.error.message);
  return entries.value.filter((e) => e.path.startsWith('sources/'));
}

describe('REFI-QDA bad input', () => {
  const shape: ProducerShape = { origin: 'MAXQDA 2024', counting: 'code-points', quoteNames: true, user: 'ben' };
  const problems = (files: FormatFile[]) => {
    const result = importRefiQda(files, options);
    return result.ok ? [] : [result.error.message, ...(result.error.problems ?? []).map((p) => p.message)];
  };

  it('names a text file the project refers to but does not hold', () => {
    const { qde } = producerProject(shape);
    expect(problems([{ path: 'project.qde', data: qde }]).join('\n')).toMatch(/its text internal:\/\/[0-9a-f-]+\.txt is not in the project/);
  });

  it('refuses positions past the end of the text, and codings of codes the code book lacks', () => {
    const { qde, qdpx } = producerProject(shape);
    const sources = sourcesOf(qdpx);
    expect(problems([{ path: 'project.qde', data: qde.replace(/endPosition="\d+"/, 'endPosition="9999"') }, ...sources]).join('\n')).toMatch(/endPosition 9999 is past the end of the text \(\d+ positions, counted as Unicode code points/);
    expect(problems([{ path: 'project.qde', data: qde.replace(/<CodeRef targetGUID="[^"]+"/, '<CodeRef targetGUID="00000000-0000-0000-0000-000000000000"') }, ...sources]).join('\n')).toMatch(/refers to code 00000000-0000-0000-0000-000000000000, which the code book does not hold/);
    expect(problems([{ path: 'project.qde', data: qde.replace(/startPosition="\d+"/, 'startPosition="-3"') }, ...sources]).join('\n')).toMatch(/startPosition "-3" is not a whole number/);
  });

  it('never expands entities a document type declaration makes (a "billion laughs" stays a few characters)', () => {
    const { qde, qdpx } = producerProject(shape);
    const laughs = '<!DOCTYPE Project [<!ENTITY a "hahahahaha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>';
    const bomb = qde.replace('<Project ', `${laughs}\n<Project `).replace('<PlainTextContent>A dove', '<PlainTextContent>&c; A dove');
    const result = importRefiQda([{ path: 'project.qde', data: bomb }, ...sourcesOf(qdpx)], options);
    if (!result.ok) throw new Error(result.error.message);
    const notes = result.value.corpus.documents.flatMap((d) => d.layers[0]!.annotations).map((a) => a.note).filter(Boolean);
    expect(notes).toEqual(['&c; A dove stands for the envoy here.']);
  });

  it('refuses XML that is not well-formed, a root that is not a Project, and an archive without project.qde', () => {
    expect(problems([{ path: 'project.qde', data: '<Project name="x"><Sources></Project>' }]).join('\n')).toMatch(/not well-formed XML/);
    expect(problems([{ path: 'project.qde', data: '<CodeBook/>' }]).join('\n')).toMatch(/root element is <CodeBook>/);
    expect(problems([{ path: 'x.qdpx', data: zipFiles([{ path: 'readme.txt', data: 'hello' }]) }]).join('\n')).toMatch(/no project\.qde was found/);
  });
});

describe('REFI-QDA detection', () => {
  it('knows a .qdpx by its name and a project.qde by its namespace', () => {
    const { qde, qdpx } = producerProject({ origin: 'QualCoder 3.5', counting: 'code-points', quoteNames: true, user: 'x' });
    expect(detectFormat([{ path: 'alliance.qdpx', data: qdpx }])?.format).toBe('refi-qda');
    expect(detectFormat([{ path: 'export.xml', data: qde }])?.format).toBe('refi-qda');
    expect(BRIEF_TEXT).toContain('통일부');
  });
});
