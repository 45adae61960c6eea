import { describe, expect, it } from 'vitest';
import type { Annotation, RelationType } from '../../../annotations/model';
import {
  currentCandidate,
  cycleLink,
  describeLink,
  eraseInLink,
  isRelationKey,
  linkCandidates,
  linkEnds,
  linkExists,
  resolveLinkKey,
  shownCandidates,
  startLink,
  typeInLink,
  type LinkSession,
} from './link-session';

const TYPES: RelationType[] = [
  { id: 'holds', name: 'holds', color: '#7c3aed', shortcut: 'h', directed: true, from: ['actor'], to: ['position'] },
  { id: 'toward', name: 'toward', color: '#0891b2', shortcut: 't', directed: true, from: ['position'], to: ['policy-body', 'actor'] },
  { id: 'when', name: 'when', color: '#db2777', shortcut: 'w', directed: true, from: ['position'], to: ['date'] },
  { id: 'member-of', name: 'member of', color: '#65a30d', shortcut: 'm', directed: true, from: ['actor'], to: ['policy-body'] },
];

/** Tags every listed quote (first occurrence) of `text`, in document order. */
function tagged(text: string, spans: Array<[quote: string, labelId: string]>): Annotation[] {
  return spans
    .map(([quote, labelId], i) => {
      const start = text.indexOf(quote);
      if (start < 0) throw new Error(`no ${quote}`);
      return { id: `a${i}`, documentId: 'd', start, end: start + quote.length, quote: { exact: quote, prefix: '', suffix: '' }, labelId, author: 'ana', createdAt: '', updatedAt: '' };
    })
    .sort((a, b) => a.start - b.start);
}

const name = (id: string) => id;
const clip = (s: string) => s;

function session(text: string, spans: Array<[string, string]>, source: string): LinkSession {
  const annotations = tagged(text, spans);
  const started = startLink(annotations.find((a) => a.quote.exact === source)!, annotations, TYPES, name);
  if ('error' in started) throw new Error(started.error);
  return started;
}

const SENTENCE = 'On 22 June 2021 Noh Kyu-duk proposed ending the working group.';
const SPANS: Array<[string, string]> = [
  ['22 June 2021', 'date'],
  ['Noh Kyu-duk', 'actor'],
  ['proposed ending', 'position'],
  ['the working group', 'policy-body'],
];

describe('link session', () => {
  it('offers the spans a relation type allows, nearest first, in either direction', () => {
    const s = session(SENTENCE, SPANS, 'proposed ending');
    expect(s.candidates.map((c) => [c.annotation.quote.exact, c.options.map((o) => `${o.type.id}${o.reversed ? '<' : '>'}`)])).toEqual([
      ['Noh Kyu-duk', ['holds<', 'toward>']],
      ['the working group', ['toward>']],
      ['22 June 2021', ['when>']],
    ]);
    // From the actor: the position (holds) and the body (member of); never the date.
    const fromActor = session(SENTENCE, SPANS, 'Noh Kyu-duk');
    expect(fromActor.candidates.map((c) => c.annotation.quote.exact)).toEqual(['proposed ending', 'the working group']);
  });

  it('leaves out spans no relation type joins, the span itself, and spans beyond the window', () => {
    const far = `${SENTENCE}${' filler'.repeat(600)} Chung Dong-young objected.`;
    const annotations = tagged(far, [...SPANS, ['Chung Dong-young', 'actor']]);
    const position = annotations.find((a) => a.labelId === 'position')!;
    const near = linkCandidates(position, annotations, TYPES);
    expect(near.map((c) => c.annotation.quote.exact)).not.toContain('Chung Dong-young');
    expect(near.map((c) => c.annotation.id)).not.toContain(position.id);
    expect(linkCandidates(position, annotations, TYPES, far.length).map((c) => c.annotation.quote.exact)).toContain('Chung Dong-young');
    // Types with no end labels listed allow any label.
    const any: RelationType = { id: 'see-also', name: 'see also', color: '#000000', shortcut: 's', directed: false, from: [], to: [] };
    const date = annotations.find((a) => a.labelId === 'date')!;
    expect(linkCandidates(date, annotations, [any]).map((c) => c.annotation.quote.exact)).toEqual(['Noh Kyu-duk', 'proposed ending', 'the working group']);
  });

  it('says why a link cannot start', () => {
    const annotations = tagged(SENTENCE, [['22 June 2021', 'date']]);
    expect(startLink(annotations[0]!, annotations, TYPES, name)).toEqual({ error: 'No span near this date can be linked to it: tag the other end first.' });
    expect(startLink(annotations[0]!, annotations, [], name)).toEqual({ error: 'There are no relation types. Add one in the label editor first.' });
  });

  it('cycles through the candidates both ways and wraps around', () => {
    let s = session(SENTENCE, SPANS, 'proposed ending');
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      seen.push(currentCandidate(s)!.annotation.quote.exact);
      s = cycleLink(s, 1);
    }
    expect(seen).toEqual(['Noh Kyu-duk', 'the working group', '22 June 2021', 'Noh Kyu-duk']);
    s = cycleLink(cycleLink(s, -1), -1);
    expect(currentCandidate(s)!.annotation.quote.exact).toBe('22 June 2021');
  });

  it('narrows by typed text across scripts, case and width, and widens again on Backspace', () => {
    const text = '정동영 장관은 2021년 6월 22일 실무그룹 종료를 제안했다. Ｎｏｈ Kyu-duk agreed.';
    const spans: Array<[string, string]> = [
      ['정동영', 'actor'],
      ['2021년 6월 22일', 'date'],
      ['실무그룹', 'policy-body'],
      ['종료를 제안했다', 'position'],
      ['Ｎｏｈ Kyu-duk', 'actor'],
    ];
    let s = session(text, spans, '종료를 제안했다');
    expect(shownCandidates(s)).toHaveLength(4);
    s = typeInLink(s, '정동');
    expect(shownCandidates(s).map((c) => c.annotation.quote.exact)).toEqual(['정동영']);
    s = eraseInLink(eraseInLink(s));
    s = typeInLink(s, 'NOH');
    expect(currentCandidate(s)!.annotation.quote.exact).toBe('Ｎｏｈ Kyu-duk');
    s = typeInLink(s, '😀');
    expect(currentCandidate(s)).toBeNull();
    expect(resolveLinkKey(s, 'Enter')).toEqual({ kind: 'refused', message: 'No span near it holds “NOH😀”. Backspace to type less, Escape to stop.' });
    // Backspace takes back a whole emoji, not half of its surrogate pair.
    s = eraseInLink(s);
    expect(s.typed).toBe('NOH');
  });

  it('completes with a fitting relation key, or Enter when only one fits, and refuses the rest', () => {
    let s = session(SENTENCE, SPANS, 'proposed ending');
    // The actor: holds (from it) and toward fit, so Enter is ambiguous.
    expect(resolveLinkKey(s, 'Enter')).toEqual({ kind: 'refused', message: 'More than one relation fits: press h holds, t toward.' });
    expect(resolveLinkKey(s, 'w')).toEqual({ kind: 'refused', message: 'That relation cannot join these two spans: press h holds, t toward.' });
    const holds = resolveLinkKey(s, 'h');
    if (holds.kind !== 'complete') throw new Error('expected a link');
    expect(linkEnds(s.source, holds.candidate, holds.option)).toEqual({ sourceId: holds.candidate.annotation.id, targetId: s.source.id });
    s = cycleLink(cycleLink(s, 1), 1);
    const when = resolveLinkKey(s, 'Enter');
    if (when.kind !== 'complete') throw new Error('expected a link');
    expect([when.option.type.id, linkEnds(s.source, when.candidate, when.option)]).toEqual(['when', { sourceId: s.source.id, targetId: when.candidate.annotation.id }]);
  });

  it('tells relation keys from typing, spots an existing link, and describes the session', () => {
    expect(['h', 't', 'w', 'm', 'H', 'x', ''].map((k) => isRelationKey(k, TYPES))).toEqual([true, true, true, true, false, false, false]);
    const relation = { id: 'r1', documentId: 'd', typeId: 'holds', sourceId: 'a1', targetId: 'a2', author: 'ana', createdAt: '', updatedAt: '' };
    expect(linkExists([relation], 'holds', 'a1', 'a2')).toBe(true);
    expect(linkExists([relation], 'holds', 'a2', 'a1')).toBe(false);
    expect(linkExists([relation], 'when', 'a1', 'a2')).toBe(false);
    const s = session(SENTENCE, SPANS, 'proposed ending');
    expect(describeLink(s, name, clip)).toBe('Link position “proposed ending” to actor “Noh Kyu-duk” (1 of 3): h holds (from it), t toward. Tab for the next, type to narrow (a capital for a relation’s letter), Escape to stop.');
    expect(describeLink(cycleLink(cycleLink(s, 1), 1), name, clip)).toBe('Link position “proposed ending” to date “22 June 2021” (3 of 3): w when or Enter. Tab for the next, type to narrow (a capital for a relation’s letter), Escape to stop.');
  });
});
