import { describe, expect, it } from 'vitest';
import { defaultLabelSchema } from '../labels';
import { parseGazetteer, parseGazetteerCsv, parseGazetteerJson } from './gazetteer';
import { suggestFromGazetteers } from './gazetteer-suggestions';

const schema = defaultLabelSchema();

describe('parseGazetteerCsv', () => {
  it('reads names, labels by id or name, aliases split on | and entities, with CRLF and quotes', () => {
    const csv = 'Name,Label,Aliases,Entity\r\nMinistry of Unification,Policy body,MOU|통일부,ent-mou\r\n"Chung Dong-young",actor,"정동영|Chung, D.",ent-chung\r\n';
    const read = parseGazetteerCsv(csv, schema);
    expect(read).toEqual({
      ok: true,
      value: [
        { name: 'Ministry of Unification', labelId: 'policy-body', aliases: ['MOU', '통일부'], entity: 'ent-mou' },
        { name: 'Chung Dong-young', labelId: 'actor', aliases: ['정동영', 'Chung, D.'], entity: 'ent-chung' },
      ],
    });
  });

  it('needs only name and label, in any column order', () => {
    expect(parseGazetteerCsv('label,name\nactor,Seoul\n', schema)).toEqual({ ok: true, value: [{ name: 'Seoul', labelId: 'actor', aliases: [] }] });
  });

  it('refuses the whole file with one problem per bad row, located by line', () => {
    const read = parseGazetteerCsv('name,label\nSeoul,actor\n,actor\nNSC,\nTokyo,city\n', schema, 'places.csv');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.message).toMatch(/3 bad rows; nothing was imported/);
    expect(read.error.problems).toEqual([
      { file: 'places.csv', line: 3, message: 'the name is empty' },
      { file: 'places.csv', line: 4, message: '“NSC” has no label' },
      { file: 'places.csv', line: 5, message: expect.stringMatching(/unknown label “city” \(labels: actor, policy-body, position, date\)/) },
    ]);
  });

  it('refuses a file without the name and label columns, broken CSV, and an empty one', () => {
    expect(parseGazetteerCsv('term,kind\nSeoul,actor\n', schema)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/“name” and “label”/) } });
    expect(parseGazetteerCsv('name,label\n"Seoul,actor\n', schema)).toMatchObject({ ok: false, error: { code: 'invalid-format' } });
    expect(parseGazetteerCsv('name,label\n', schema)).toMatchObject({ ok: false, error: { message: 'The gazetteer has no rows.' } });
  });
});

describe('parseGazetteerJson', () => {
  it('reads an array or an object with entries, aliases as a list or |-text', () => {
    const rows = [{ name: 'Seoul', label: 'actor', aliases: ['서울'] }, { name: 'NSC', label: 'policy-body', aliases: 'National Security Council' }];
    const expected = [
      { name: 'Seoul', labelId: 'actor', aliases: ['서울'] },
      { name: 'NSC', labelId: 'policy-body', aliases: ['National Security Council'] },
    ];
    expect(parseGazetteerJson(JSON.stringify(rows), schema)).toEqual({ ok: true, value: expected });
    expect(parseGazetteer(JSON.stringify({ entries: rows }), 'g.JSON', schema)).toEqual({ ok: true, value: expected });
  });

  it('names each bad record by its index', () => {
    const read = parseGazetteerJson('[{"name":"Seoul","label":"actor"}, 7, {"name":"X","label":"actor","aliases":[1]}]', schema);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.problems?.map((p) => p.record)).toEqual(['[1]', '[2]']);
  });

  it('refuses text that is not JSON or not rows', () => {
    expect(parseGazetteerJson('{name: Seoul}', schema)).toMatchObject({ ok: false, error: { code: 'invalid-format' } });
    expect(parseGazetteerJson('{"rows": []}', schema)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

describe('suggestFromGazetteers', () => {
  const gazetteer = {
    id: 'gz1',
    name: 'bodies.csv',
    entries: [
      { name: 'Ministry of Unification', labelId: 'policy-body', aliases: ['통일부'], entity: 'ent-mou' },
      { name: 'US', labelId: 'actor', aliases: [] },
    ],
  };

  it('matches names ignoring case, acronyms by exact case, aliases in Hangul, with entity and reason', () => {
    const text = 'The ministry of unification and 통일부는 said the US would join us.';
    const found = suggestFromGazetteers({ documentId: 'd1', text }, [gazetteer]);
    expect(found.map((s) => [text.slice(s.start, s.end), s.labelId, s.entityId])).toEqual([
      ['ministry of unification', 'policy-body', 'ent-mou'],
      ['통일부', 'policy-body', 'ent-mou'],
      ['US', 'actor', undefined],
    ]);
    expect(found[1]!.reason).toBe('“통일부” is an alias of “Ministry of Unification” in the gazetteer bodies.csv');
    expect(found[0]!.id).toBe('gazetteer:4-27:policy-body');
  });
});
