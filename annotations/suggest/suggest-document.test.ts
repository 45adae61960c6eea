import { describe, expect, it } from 'vitest';
import { defaultLabelSchema } from '../labels';
import { suggestFromOwnTags } from './own-tag-suggestions';
import type { TaggedText } from './own-tag-suggestions';
import { compilePatternRules } from './pattern-rules';
import { addRejections, rejectionsOf } from './rejected-suggestion';
import { suggestForDocument } from './suggest-document';
import { parseSuggestionId, suggestionId } from './suggestion';

const first: TaggedText = {
  documentId: 'd1',
  title: 'Talks resume',
  text: 'Seoul and Washington met. Seoul said 정동영은 would attend.',
  tags: [
    { documentId: 'd1', start: 0, end: 5, labelId: 'actor' },
    { documentId: 'd1', start: 37, end: 40, labelId: 'actor', entityId: 'ent-chung' },
  ],
};
const second = { documentId: 'd2', text: 'In Seoul, Chung Dong-young (정동영) met the SEOUL mayor. Seoulites cheered.\r\n😀 Seoul 정동영의 visit.' };
const entities = [{ id: 'ent-chung', name: 'Chung Dong-young', aliases: ['정동영', 'Chung'], kind: 'actor' }];
const quoted = (text: string, list: Array<{ start: number; end: number; labelId: string }>): string[] => list.map((s) => `${text.slice(s.start, s.end)}@${s.start}:${s.labelId}`);

describe('suggestFromOwnTags', () => {
  it('proposes tagged texts and their entity’s names across the library, whole words and exact case', () => {
    const found = suggestFromOwnTags(second, [first], entities);
    expect(quoted(second.text, found).sort()).toEqual(['Chung Dong-young@10:actor', 'Chung@10:actor', 'Seoul@3:actor', 'Seoul@77:actor', '정동영@28:actor', '정동영@83:actor'].sort());
    const alias = found.find((s) => s.start === 10 && s.end === 26)!;
    expect(alias).toMatchObject({ entityId: 'ent-chung', source: 'own-tags', reason: '“Chung Dong-young” names Chung Dong-young, tagged actor as “정동영”' });
    expect(found.find((s) => s.start === 3)!.reason).toBe('“Seoul” is tagged actor in “Talks resume”');
  });

  it('proposes other occurrences in the same document, leaving the tagged ones to the coverage filter', () => {
    const found = suggestForDocument(first, first.tags, { sources: ['own-tags'], library: [first] });
    expect(quoted(first.text, found)).toEqual(['Seoul@26:actor']);
  });

  it('never proposes one-character tags', () => {
    const doc: TaggedText = { documentId: 'x', title: 'x', text: 'A met A.', tags: [{ documentId: 'x', start: 0, end: 1, labelId: 'actor' }] };
    expect(suggestFromOwnTags(doc, [doc])).toEqual([]);
  });
});

describe('suggestForDocument', () => {
  const schema = defaultLabelSchema();
  const gazetteers = [{ id: 'g', name: 'places.csv', entries: [{ name: 'Seoul', labelId: 'actor', aliases: [] }] }];
  const compiled = compilePatternRules([{ labelId: 'actor', regex: 'Seoul|Washington' }]);
  if (!compiled.ok) throw new Error('rules');
  const context = { library: [first], entities, gazetteers, patterns: compiled.value, dateLabelId: 'date', referenceDate: '2021-06-17' };
  const target = { documentId: 'd3', text: 'Seoul and Washington agreed on 22 June 2021.' };

  it('merges one suggestion per span and label, listing every source in order, id from the first', () => {
    const found = suggestForDocument(target, [], context);
    expect(found.map((s) => [target.text.slice(s.start, s.end), s.id, s.sources])).toEqual([
      ['Seoul', 'own-tags:0-5:actor', ['own-tags', 'gazetteer', 'pattern']],
      ['Washington', 'pattern:10-20:actor', ['pattern']],
      ['22 June 2021', 'dates:31-43:date', ['dates']],
    ]);
    expect(found[0]!.reason).toBe('“Seoul” is tagged actor in “Talks resume”; “Seoul” is in the gazetteer places.csv; matches the actor pattern /Seoul|Washington/');
    expect(found[2]!.attributes).toEqual({ value: '2021-06-22' });
  });

  it('runs only the sources asked for', () => {
    expect(suggestForDocument(target, [], { ...context, sources: ['dates'] }).map((s) => s.source)).toEqual(['dates']);
    expect(suggestForDocument(target, [], { ...context, dateLabelId: undefined, sources: ['dates'] })).toEqual([]);
  });

  it('does not propose a span the own layer already covers with the same label, but does with another label', () => {
    const own = [{ documentId: 'd3', start: 0, end: 20, labelId: 'actor' }, { documentId: 'd3', start: 31, end: 43, labelId: 'position' }];
    expect(suggestForDocument(target, own, context).map((s) => s.id)).toEqual(['dates:31-43:date']);
  });

  it('does not propose again what was rejected, per source: another source still may', () => {
    const all = suggestForDocument(target, [], context);
    const seoul = all[0]!;
    const rejected = rejectionsOf(seoul, target.text, '2026-12-01T00:00:00Z');
    expect(rejected.map((r) => r.source)).toEqual(['own-tags', 'gazetteer', 'pattern']);
    expect(rejected[0]!.quote).toBe('Seoul');
    const after = suggestForDocument(target, [], { ...context, rejected });
    expect(after.map((s) => s.id)).toEqual(['pattern:10-20:actor', 'dates:31-43:date']);
    const onlyGazetteer = rejected.filter((r) => r.source === 'gazetteer');
    expect(suggestForDocument(target, [], { ...context, rejected: onlyGazetteer })[0]!.sources).toEqual(['own-tags', 'pattern']);
    expect(schema.labels.some((l) => l.id === 'actor')).toBe(true);
  });

  it('records a rejection once however often it is repeated', () => {
    const r = { source: 'pattern' as const, start: 1, end: 2, labelId: 'actor', quote: 'x', rejectedAt: 'a' };
    expect(addRejections([r], [{ ...r, rejectedAt: 'b' }, { ...r, start: 3 }])).toEqual([r, { ...r, start: 3 }]);
  });
});

describe('suggestion ids', () => {
  it('round-trip and refuse what is not one', () => {
    const id = suggestionId('gazetteer', 3, 9, 'policy-body');
    expect(parseSuggestionId(id)).toEqual({ source: 'gazetteer', start: 3, end: 9, labelId: 'policy-body' });
    expect(parseSuggestionId('magic:1-2:actor')).toBeUndefined();
    expect(parseSuggestionId('dates:5-5:date')).toBeUndefined();
    expect(parseSuggestionId('nonsense')).toBeUndefined();
  });
});

describe('suggestForDocument on a long article', () => {
  it('leaves out a suggestion any same-label tag covers, however the tags nest or overlap', () => {
    const text = 'Seoul and Seoul and Seoul and Seoul.';
    const library: TaggedText[] = [{ documentId: 'd', title: 'd', text, tags: [{ documentId: 'd', start: 0, end: 5, labelId: 'actor' }] }];
    // A long tag starting first covers the third Seoul (20–25) though a shorter tag starts between them.
    const own = [
      { documentId: 'd', start: 0, end: 5, labelId: 'actor' },
      { documentId: 'd', start: 8, end: 26, labelId: 'actor' },
      { documentId: 'd', start: 9, end: 12, labelId: 'actor' },
      { documentId: 'd', start: 30, end: 35, labelId: 'policy-body' },
    ];
    const found = suggestForDocument({ documentId: 'd', text }, own, { sources: ['own-tags'], library });
    expect(quoted(text, found)).toEqual(['Seoul@30:actor']);
  });

  it('suggests every mention of a million-character article with 20,000 tags', () => {
    const sentence = 'Seoul 😀 서울. ';
    const text = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
    const tags = Array.from({ length: 20_000 }, (_, i) => ({ documentId: 'big', start: i * sentence.length, end: i * sentence.length + 5, labelId: 'actor' }));
    const found = suggestForDocument({ documentId: 'big', text }, tags, { sources: ['own-tags'], library: [{ documentId: 'big', title: 'Big', text, tags }] });
    const mentions = Math.ceil(1_000_000 / sentence.length);
    // Every Seoul is suggested except the 20,000 tagged ones (a spread of the suggestions overflowed the stack here).
    expect(found).toHaveLength(mentions - 20_000);
    expect(found.every((s) => text.slice(s.start, s.end) === 'Seoul' && (s.start / sentence.length) >= 20_000)).toBe(true);
  });
});
