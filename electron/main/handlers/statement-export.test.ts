/** The app's statement table export, through the handlers on a real store: the save dialog's file gets the same table as `parley statements`. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../annotations/formats/csv-text';
import { STATEMENT_COLUMNS } from '../../../annotations/statements/statement-table';
import { createHandlers } from './create-handlers';
import { closeTestStores, openTestStore, QueuedDialogs, value } from './handler-test-kit';

afterEach(closeTestStores);

const TEXT = '🇰🇷 On 22 June 2021 Noh Kyu-duk proposed ending the working group.\r\n정동영 opposed it.';

async function setup() {
  const { dir, opened } = await openTestStore('Min-ji');
  const dialogs = new QueuedDialogs();
  const api = createHandlers({ ...opened, dialogs, version: 'test', notify: () => undefined });
  const ids = value(await api.importTexts({ files: [{ name: 'a.txt', content: TEXT }, { name: 'b.txt', content: 'Nothing is linked in this one.' }] })).added.map((d) => d.id);
  const documentId = ids[0]!;
  const tag = async (quote: string, labelId: string) => value(await api.addAnnotations({ documentId, spans: [{ start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length, labelId }] })).added[0]!.id;
  const noh = await tag('Noh Kyu-duk', 'actor');
  const ending = await tag('proposed ending', 'position');
  const group = await tag('the working group', 'policy-body');
  const date = await tag('22 June 2021', 'date');
  value(await api.updateAnnotation({ documentId, annotationId: ending, attributes: { stance: 'proposes' } }));
  value(await api.updateAnnotation({ documentId, annotationId: date, attributes: { value: '2021-06-22' } }));
  for (const [typeId, sourceId, targetId] of [['holds', noh, ending], ['toward', ending, group], ['when', ending, date]] as const) value(await api.addRelation({ documentId, typeId, sourceId, targetId }));
  await tag('opposed it', 'position');
  return { api, dialogs, dir, ids };
}

describe('exportStatementsToDialog', () => {
  it('writes the CSV statement table of the library to the file chosen', async () => {
    const { api, dialogs, dir } = await setup();
    const target = path.join(dir, 'statements.csv');
    dialogs.saves.push(target);
    expect(value(await api.exportStatementsToDialog({ format: 'csv' }))).toEqual({ path: target, statements: 2 });
    const parsed = parseCsv(await readFile(target, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    const [header, ...rows] = parsed.rows.map((r) => r.cells);
    expect(header).toEqual(STATEMENT_COLUMNS);
    const cell = (row: string[], column: string) => row[STATEMENT_COLUMNS.indexOf(column)];
    expect(rows.map((r) => [cell(r, 'actor_text'), cell(r, 'stance'), cell(r, 'position_text'), cell(r, 'target_text'), cell(r, 'date_value')])).toEqual([
      ['Noh Kyu-duk', 'proposes', 'proposed ending', 'the working group', '2021-06-22'],
      ['', '', 'opposed it', '', ''],
    ]);
    // The flag is two code points and four UTF-16 units.
    expect(Number(cell(rows[0]!, 'actor_start')) - Number(cell(rows[0]!, 'actor_start_cp'))).toBe(2);
  });

  it('writes JSON for the documents asked, writes nothing when the save dialog is cancelled, and says when there is nothing', async () => {
    const { api, dialogs, dir, ids } = await setup();
    const target = path.join(dir, 'one.json');
    dialogs.saves.push(target);
    expect(value(await api.exportStatementsToDialog({ format: 'json', documentIds: [ids[1]!] }))).toEqual({ path: target, statements: 0 });
    expect(JSON.parse(await readFile(target, 'utf8'))).toMatchObject({ format: 'parley-statements', statements: [] });
    expect(value(await api.exportStatementsToDialog({ format: 'csv' }))).toBeNull();
    expect(await api.exportStatementsToDialog({ format: 'csv', documentIds: ['doc_missing'] })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
