import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnnotation } from '../../annotations/annotation';
import { createDocument } from '../../annotations/document';
import { parseCsv } from '../../annotations/formats/csv-text';
import type { Annotation, CorpusDocument, Relation } from '../../annotations/model';
import { STATEMENT_COLUMNS } from '../../annotations/statements/statement-table';
import { ParleyStore } from '../node/store/parley-store';
import { makeTempDir, removeTempDir } from '../node/store/test-support/store-fixtures';
import { main } from './parley';
import { capture } from './test-support/capture-io';

const NOW = '2026-12-01T00:00:00.000Z';
const TEXT = '🕊️ Noh Kyu-duk proposed ending the working group on 22 June 2021.\r\n정동영 opposed it.';

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir('parley-statements-');
});
afterEach(async () => {
  await removeTempDir(dir);
});

/** A store with one linked article and one untagged one, and an entity in the library. */
async function seed(store: string): Promise<void> {
  const doc: CorpusDocument = { document: createDocument({ id: 'doc_1', title: 'Working group', source: 'a.txt', text: TEXT, now: NOW }), layers: [], decisions: [] };
  const span = (exact: string, labelId: string, extra: Partial<Annotation> = {}): Annotation => {
    const start = TEXT.indexOf(exact);
    const made = createAnnotation(TEXT, { documentId: 'doc_1', start, end: start + exact.length, labelId, author: 'ana', now: NOW });
    if (!made.ok) throw new Error(made.error.message);
    return { ...made.value, ...extra };
  };
  const noh = span('Noh Kyu-duk', 'actor', { entityId: 'ent_noh' });
  const ending = span('proposed ending', 'position', { attributes: { stance: 'proposes' } });
  const group = span('the working group', 'policy-body');
  const date = span('22 June 2021', 'date', { attributes: { value: '2021-06-22' } });
  const chung = span('정동영', 'actor');
  const opposed = span('opposed it', 'position', { attributes: { stance: 'opposes' } });
  const rel = (typeId: string, source: Annotation, target: Annotation, n: number): Relation => ({ id: `rel_${n}`, documentId: 'doc_1', typeId, sourceId: source.id, targetId: target.id, author: 'ana', createdAt: NOW, updatedAt: NOW });
  doc.layers.push({ id: 'own', kind: 'own', author: 'ana', annotations: [noh, ending, group, date, chung, opposed], relations: [rel('holds', noh, ending, 1), rel('toward', ending, group, 2), rel('when', ending, date, 3), rel('holds', chung, opposed, 4)] });
  const other: CorpusDocument = { document: createDocument({ id: 'doc_2', title: 'Untagged', source: 'b.txt', text: 'Nothing linked here.', now: NOW }), layers: [], decisions: [] };
  const opened = await ParleyStore.open(store, { now: () => NOW, onWarning: () => undefined });
  if (!opened.ok) throw new Error(opened.error.message);
  const added = await opened.value.store.addDocuments([doc, other]);
  if (!added.ok) throw new Error(added.error.message);
  await opened.value.store.close();
  // The library's entities, as the app keeps them.
  const libraryFile = path.join(store, 'library.json');
  const library = JSON.parse(await readFile(libraryFile, 'utf8'));
  library.entities = [{ id: 'ent_noh', name: 'Noh Kyu-duk', aliases: ['노규덕'], kind: 'actor' }];
  await writeFile(libraryFile, JSON.stringify(library));
}

describe('parley statements', () => {
  it('writes the CSV statement table of the store: one row per statement, entity names, both kinds of offsets', async () => {
    await seed(dir);
    const out = path.join(dir, 'statements.csv');
    const run = capture();
    expect(await main(['statements', '--store', dir, '--out', out], run.io)).toBe(0);
    expect(run.out.join('\n')).toContain('2 statements from 1 of 2 documents written to');
    const parsed = parseCsv(await readFile(out, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    const [header, ...rows] = parsed.rows.map((r) => r.cells);
    expect(header).toEqual(STATEMENT_COLUMNS);
    const get = (row: string[], column: string) => row[STATEMENT_COLUMNS.indexOf(column)];
    expect(rows.map((r) => [get(r, 'actor_text'), get(r, 'actor_entity'), get(r, 'stance'), get(r, 'position_text'), get(r, 'target_text'), get(r, 'date_value'), get(r, 'date_precision')])).toEqual([
      ['Noh Kyu-duk', 'Noh Kyu-duk', 'proposes', 'proposed ending', 'the working group', '2021-06-22', 'day'],
      ['정동영', '', 'opposes', 'opposed it', '', '', ''],
    ]);
    // The dove emoji is two code points and three UTF-16 units, so the offsets differ by one.
    expect([get(rows[0]!, 'actor_start'), get(rows[0]!, 'actor_start_cp')]).toEqual([String(TEXT.indexOf('Noh')), String(TEXT.indexOf('Noh') - 1)]);
  });

  it('writes JSON, refuses to overwrite without --force, and reads another layer on request', async () => {
    await seed(dir);
    const out = path.join(dir, 'statements.json');
    expect(await main(['statements', '--store', dir, '--out', out], capture().io)).toBe(0);
    const json = JSON.parse(await readFile(out, 'utf8'));
    expect(json.statements).toHaveLength(2);
    expect(json.statements[0]).toMatchObject({ documentId: 'doc_1', actor: { entityId: 'ent_noh', entityName: 'Noh Kyu-duk' } });
    const again = capture();
    expect(await main(['statements', '--store', dir, '--out', out], again.io)).toBe(1);
    expect(again.err.join('\n')).toContain('already exists');
    expect(await main(['statements', '--store', dir, '--out', out, '--force', '--layer', 'reconciled'], capture().io)).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8')).statements).toEqual([]);
  });

  it('refuses an output that is neither .csv nor .json, or none, with exit status 2', async () => {
    const none = capture();
    expect(await main(['statements', '--store', dir], none.io)).toBe(2);
    expect(none.err.join('\n')).toContain('--out');
    const wrong = capture();
    expect(await main(['statements', '--store', dir, '--out', path.join(dir, 'x.xlsx')], wrong.io)).toBe(2);
    expect(wrong.err.join('\n')).toContain('must end in .csv or .json');
  });
});
