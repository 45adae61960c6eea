import { describe, expect, it } from 'vitest';
import type { Annotation, Relation } from '../../../annotations/model';
import { statementRows } from './statement-rows';

function spans(text: string, list: Array<[id: string, quote: string, labelId: string]>): Annotation[] {
  return list
    .map(([id, quote, labelId]) => {
      const start = text.indexOf(quote);
      if (start < 0) throw new Error(quote);
      return { id, documentId: 'd', start, end: start + quote.length, quote: { exact: quote, prefix: '', suffix: '' }, labelId, author: 'ana', createdAt: '', updatedAt: '' };
    })
    .sort((a, b) => a.start - b.start);
}

let n = 0;
const rel = (typeId: string, sourceId: string, targetId: string): Relation => ({ id: `r${++n}`, documentId: 'd', typeId, sourceId, targetId, author: 'ana', createdAt: '', updatedAt: '' });

const show = (rows: ReturnType<typeof statementRows>) => rows.map((r) => [r.actor?.quote.exact ?? '', r.position.quote.exact, r.target?.quote.exact ?? '', r.date?.quote.exact ?? '']);

describe('statementRows', () => {
  const text = 'On 22 June 2021 Noh Kyu-duk proposed ending the working group.\r\n정동영 장관은 6월 21일 한미 워킹그룹 재검토를 요구했다 🤝.';
  const annotations = spans(text, [
    ['date', '22 June 2021', 'date'],
    ['noh', 'Noh Kyu-duk', 'actor'],
    ['pos', 'proposed ending', 'position'],
    ['wg', 'the working group', 'policy-body'],
    ['chung', '정동영', 'actor'],
    ['date2', '6월 21일', 'date'],
    ['wg2', '한미 워킹그룹', 'policy-body'],
    ['pos2', '재검토를 요구했다', 'position'],
  ]);

  it('builds actor — position — target — date from holds, toward and when', () => {
    const relations = [rel('holds', 'noh', 'pos'), rel('toward', 'pos', 'wg'), rel('when', 'pos', 'date'), rel('holds', 'chung', 'pos2'), rel('toward', 'pos2', 'wg2'), rel('when', 'pos2', 'date2')];
    const rows = statementRows(annotations, relations);
    expect(show(rows)).toEqual([
      ['Noh Kyu-duk', 'proposed ending', 'the working group', '22 June 2021'],
      ['정동영', '재검토를 요구했다', '한미 워킹그룹', '6월 21일'],
    ]);
    expect(rows[0]!.relations.map((r) => r.typeId)).toEqual(['holds', 'toward', 'when']);
  });

  it('keeps a position with missing ends, and gives one row per actor and target pair', () => {
    const relations = [rel('holds', 'noh', 'pos'), rel('holds', 'chung', 'pos'), rel('toward', 'pos', 'wg'), rel('toward', 'pos', 'wg2'), rel('member-of', 'noh', 'wg')];
    expect(show(statementRows(annotations, relations))).toEqual([
      ['Noh Kyu-duk', 'proposed ending', 'the working group', ''],
      ['Noh Kyu-duk', 'proposed ending', '한미 워킹그룹', ''],
      ['정동영', 'proposed ending', 'the working group', ''],
      ['정동영', 'proposed ending', '한미 워킹그룹', ''],
      ['', '재검토를 요구했다', '', ''],
    ]);
    expect(show(statementRows(annotations, []))).toEqual([
      ['', 'proposed ending', '', ''],
      ['', '재검토를 요구했다', '', ''],
    ]);
  });

  it('gives no rows without positions, and ignores relations whose ends are gone', () => {
    expect(statementRows(annotations.filter((a) => a.labelId !== 'position'), [rel('holds', 'noh', 'pos')])).toEqual([]);
    const rows = statementRows(annotations, [rel('holds', 'ghost', 'pos'), rel('toward', 'pos', 'ghost')]);
    expect(show(rows)[0]).toEqual(['', 'proposed ending', '', '']);
  });
});
