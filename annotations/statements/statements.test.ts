import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../annotation';
import { createDocument } from '../document';
import { parseCsv } from '../formats/csv-text';
import type { Annotation, CorpusDocument, Relation } from '../model';
import { buildStatements } from './build-statements';
import { STATEMENT_COLUMNS, statementsCsv, statementsJson } from './statement-table';

const NOW = '2026-12-01T00:00:00.000Z';
// An emoji and a flag before the spans, so code point offsets differ from UTF-16 ones; CRLF between sentences.
const TEXT =
  '🇰🇷 Seoul, 22 June 2021 — Noh Kyu-duk proposed ending the working group with Washington.\r\n' +
  '정동영 장관은 2021년 6월 22일 워킹그룹 종료를 지지했다. Critics opposed =SUM(the plan).';

function article(): CorpusDocument {
  return { document: createDocument({ id: 'doc_talks', title: 'Working group, ended', source: 'talks.txt', text: TEXT, now: NOW }), layers: [{ id: 'own', kind: 'own', author: 'ana', annotations: [], relations: [] }], decisions: [] };
}

function tag(doc: CorpusDocument, exact: string, labelId: string, extra: Partial<Annotation> = {}): Annotation {
  const start = TEXT.indexOf(exact);
  const made = createAnnotation(TEXT, { documentId: doc.document.id, start, end: start + exact.length, labelId, author: 'ana', now: NOW, id: `ann_${doc.layers[0]!.annotations.length}` });
  if (!made.ok) throw new Error(made.error.message);
  const a = { ...made.value, ...extra };
  doc.layers[0]!.annotations.push(a);
  return a;
}

function link(doc: CorpusDocument, typeId: string, source: Annotation, target: Annotation): void {
  const relations = doc.layers[0]!.relations!;
  const r: Relation = { id: `rel_${relations.length}`, documentId: doc.document.id, typeId, sourceId: source.id, targetId: target.id, author: 'ana', createdAt: NOW, updatedAt: NOW };
  relations.push(r);
}

/** The seed article tagged and linked: two statements, one with two actors, one with no target. */
function linked() {
  const doc = article();
  const noh = tag(doc, 'Noh Kyu-duk', 'actor', { entityId: 'ent_noh' });
  const ending = tag(doc, 'proposed ending', 'position', { attributes: { stance: 'proposes' } });
  const group = tag(doc, 'the working group', 'policy-body', { entityId: 'ent_wg' });
  const washington = tag(doc, 'Washington', 'actor');
  const date = tag(doc, '22 June 2021', 'date', { attributes: { value: '2021-06-22' } });
  const chung = tag(doc, '정동영', 'actor', { entityId: 'ent_chung' });
  const korean = tag(doc, '2021년 6월 22일', 'date', { attributes: { value: '2021-06' } });
  const support = tag(doc, '지지했다', 'position', { attributes: { stance: 'supports' } });
  const critics = tag(doc, 'Critics', 'actor');
  const opposed = tag(doc, 'opposed =SUM(the plan)', 'position');
  link(doc, 'holds', noh, ending);
  link(doc, 'toward', ending, group);
  link(doc, 'toward', ending, washington);
  link(doc, 'when', ending, date);
  link(doc, 'holds', chung, support);
  link(doc, 'holds', critics, support);
  link(doc, 'when', support, korean);
  link(doc, 'when', support, date);
  link(doc, 'member-of', noh, group);
  return { doc, opposed };
}

const ENTITIES = [
  { id: 'ent_noh', name: 'Noh Kyu-duk', aliases: ['노규덕'], kind: 'actor' },
  { id: 'ent_chung', name: 'Chung Dong-young', aliases: ['정동영'], kind: 'actor' },
];

describe('buildStatements', () => {
  it('gives one row per actor and target of each position, in reading order, with stance, dates and entities', () => {
    const { doc } = linked();
    const rows = buildStatements(doc, { entities: ENTITIES });
    expect(rows.map((s) => [s.actor?.text ?? '', s.stance ?? '', s.position.text, s.target?.text ?? '', s.dates.map((d) => d.value ?? d.text).join('+')])).toEqual([
      ['Noh Kyu-duk', 'proposes', 'proposed ending', 'the working group', '2021-06-22'],
      ['Noh Kyu-duk', 'proposes', 'proposed ending', 'Washington', '2021-06-22'],
      ['정동영', 'supports', '지지했다', '', '2021-06-22+2021-06'],
      ['Critics', 'supports', '지지했다', '', '2021-06-22+2021-06'],
      ['', '', 'opposed =SUM(the plan)', '', ''],
    ]);
    expect(rows[0]!.actor).toMatchObject({ entityId: 'ent_noh', entityName: 'Noh Kyu-duk' });
    // An entity the library does not hold keeps its id, without a name.
    expect(rows[0]!.target).toMatchObject({ entityId: 'ent_wg' });
    expect(rows[0]!.target!.entityName).toBeUndefined();
    expect(rows[2]!.dates.map((d) => d.precision)).toEqual(['day', 'month']);
  });

  it('gives each end its UTF-16 and code point offsets, which differ after the flag emoji', () => {
    const { doc } = linked();
    for (const row of buildStatements(doc)) {
      for (const span of [row.actor, row.position, row.target, ...row.dates]) {
        if (!span) continue;
        expect(TEXT.slice(span.start, span.end)).toBe(span.text);
        expect([...TEXT].slice(span.startCodePoint, span.endCodePoint).join('')).toBe(span.text);
        expect(span.start - span.startCodePoint).toBe(2);
      }
    }
  });

  it('never drops a position: one linked only by a date, one linked by nothing, one with an actor only', () => {
    const doc = article();
    const date = tag(doc, '22 June 2021', 'date');
    const ending = tag(doc, 'proposed ending', 'position');
    const vague = tag(doc, 'ending the working', 'position');
    // A span of another label heads a statement when a relation puts it at the position end.
    const oddOne = tag(doc, 'Seoul', 'actor');
    link(doc, 'when', ending, date);
    link(doc, 'toward', oddOne, vague);
    expect(buildStatements(doc).map((s) => [s.position.text, s.target?.text ?? '', s.dates.length])).toEqual([
      ['Seoul', 'ending the working', 0],
      ['proposed ending', '', 1],
      ['ending the working', '', 0],
    ]);
  });

  it('leaves out a date value that is not a normalised date, keeps the span, and ignores relations to spans not in the layer', () => {
    const doc = article();
    const ending = tag(doc, 'proposed ending', 'position', { attributes: { stance: '' } });
    const date = tag(doc, '22 June 2021', 'date', { attributes: { value: 'June-ish' } });
    link(doc, 'when', ending, date);
    doc.layers[0]!.relations!.push({ id: 'rel_ghost', documentId: doc.document.id, typeId: 'holds', sourceId: 'ann_gone', targetId: ending.id, author: 'ana', createdAt: NOW, updatedAt: NOW });
    const [row, ...rest] = buildStatements(doc);
    expect(rest).toEqual([]);
    expect(row!.dates).toEqual([expect.objectContaining({ text: '22 June 2021' })]);
    expect(row!.dates[0]!.value).toBeUndefined();
    expect(row!.stance).toBeUndefined();
    expect(row!.actor).toBeUndefined();
  });

  it('reads another layer when asked, and a layer the document lacks gives no statements', () => {
    const { doc } = linked();
    doc.layers.push({ ...doc.layers[0]!, id: 'colleague:jun', kind: 'colleague', author: 'jun', relations: [] });
    expect(buildStatements(doc, { layerId: 'colleague:jun' }).map((s) => [s.layerId, s.position.text, s.actor])).toEqual([
      ['colleague:jun', 'proposed ending', undefined],
      ['colleague:jun', '지지했다', undefined],
      ['colleague:jun', 'opposed =SUM(the plan)', undefined],
    ]);
    expect(buildStatements(doc, { layerId: 'reconciled' })).toEqual([]);
  });
});

describe('the statement table', () => {
  it('writes CSV with a header, one row per statement, dates joined, formulas neutralised, and reads back cell for cell', () => {
    const { doc } = linked();
    const rows = buildStatements(doc, { entities: ENTITIES });
    const parsed = parseCsv(statementsCsv(rows));
    if (!parsed.ok) throw new Error(parsed.message);
    const [header, ...body] = parsed.rows.map((r) => r.cells);
    expect(header).toEqual(STATEMENT_COLUMNS);
    expect(body).toHaveLength(rows.length);
    const cell = (row: number, column: string) => body[row]![STATEMENT_COLUMNS.indexOf(column)];
    expect(cell(0, 'actor_text')).toBe('Noh Kyu-duk');
    expect(cell(0, 'actor_entity')).toBe('Noh Kyu-duk');
    expect(cell(0, 'position_start_cp')).toBe(String(rows[0]!.position.startCodePoint));
    expect(cell(0, 'position_start')).toBe(String(rows[0]!.position.start));
    expect(cell(0, 'date_value')).toBe('2021-06-22');
    expect(cell(2, 'date_value')).toBe('2021-06-22; 2021-06');
    expect(cell(2, 'date_precision')).toBe('day; month');
    expect(cell(2, 'date_text')).toBe('22 June 2021; 2021년 6월 22일');
    expect(cell(2, 'target_text')).toBe('');
    expect(cell(4, 'position_text')).toBe('opposed =SUM(the plan)');
    expect(cell(4, 'actor_text')).toBe('');
  });

  it('neutralises a cell a spreadsheet would run', () => {
    const doc = article();
    tag(doc, '=SUM(the plan)', 'position');
    const parsed = parseCsv(statementsCsv(buildStatements(doc)));
    expect(parsed.ok && parsed.rows[1]!.cells[STATEMENT_COLUMNS.indexOf('position_text')]).toBe("'=SUM(the plan)");
  });

  it('writes JSON with every end and its offsets', () => {
    const { doc } = linked();
    const json = JSON.parse(statementsJson(buildStatements(doc)));
    expect(json).toMatchObject({ format: 'parley-statements', version: 1 });
    expect(json.statements[0]).toMatchObject({ documentId: 'doc_talks', stance: 'proposes', actor: { text: 'Noh Kyu-duk', entityId: 'ent_noh' }, position: { text: 'proposed ending' }, dates: [{ value: '2021-06-22', precision: 'day' }] });
  });
});
