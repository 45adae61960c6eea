import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../annotations/model';
import { entityNamed, foldName, matchEntities } from './entity-matches';

const ENTITIES: Entity[] = [
  { id: 'e1', name: 'Chung Dong-young', aliases: ['정동영', 'Chung Dong Young'], kind: 'actor' },
  { id: 'e2', name: 'Noh Kyu-duk', aliases: ['노규덕'], kind: 'actor' },
  { id: 'e3', name: 'Working group', aliases: ['한미 워킹그룹', 'US-ROK working group'], kind: 'policy-body' },
  { id: 'e4', name: 'Chungcheong Province', aliases: [], kind: 'policy-body' },
  { id: 'e5', name: 'Sung Kim', aliases: ['성 김'], kind: 'actor' },
];

const names = (typed: string, kind = 'actor') => matchEntities(ENTITIES, typed, kind).map((m) => `${m.entity.name}${m.byAlias ? ` (${m.matched})` : ''}`);

describe('matchEntities', () => {
  it('finds entities by name or alias, in Latin or Hangul', () => {
    expect(names('chung')).toEqual(['Chung Dong-young', 'Chungcheong Province']);
    expect(names('정동')).toEqual(['Chung Dong-young (정동영)']);
    expect(names('규덕')).toEqual(['Noh Kyu-duk (노규덕)']);
    expect(names('김')).toEqual(['Sung Kim (성 김)']);
  });

  it('ranks a whole name, then a start, then a word start, then anywhere; the span’s kind first', () => {
    expect(names('working group', 'policy-body')).toEqual(['Working group']);
    expect(names('group', 'policy-body')).toEqual(['Working group']);
    expect(names('dong')).toEqual(['Chung Dong-young']);
    // "ung" is only inside words in all three: actors first, then by name.
    expect(names('ung')).toEqual(['Chung Dong-young', 'Sung Kim', 'Chungcheong Province']);
    expect(names('chung', 'policy-body')).toEqual(['Chungcheong Province', 'Chung Dong-young']);
    // A word start (after a hyphen or space) beats a match inside a word.
    expect(names('young')).toEqual(['Chung Dong-young']);
    expect(names('k')).toEqual(['Noh Kyu-duk', 'Sung Kim', 'Working group']);
  });

  it('ignores case, width and accents', () => {
    expect(foldName('ＣＨÚＮＧ')).toBe('chung');
    expect(names('CHÚNG DONG')).toEqual(['Chung Dong-young']);
    expect(names('ｎｏｈ')).toEqual(['Noh Kyu-duk']);
  });

  it('lists the span’s kind by name when nothing is typed, and nothing for text no entity holds', () => {
    expect(names('')).toEqual(['Chung Dong-young', 'Noh Kyu-duk', 'Sung Kim']);
    expect(names('😀')).toEqual([]);
    expect(matchEntities(ENTITIES, '', 'actor', 2)).toHaveLength(2);
  });
});

describe('entityNamed', () => {
  it('finds the entity a span’s text names exactly, by name or alias, of the span’s kind only', () => {
    expect(entityNamed(ENTITIES, '정동영', 'actor')?.id).toBe('e1');
    expect(entityNamed(ENTITIES, ' chung dong-young ', 'actor')?.id).toBe('e1');
    expect(entityNamed(ENTITIES, '정동영', 'policy-body')).toBeUndefined();
    expect(entityNamed(ENTITIES, '정동', 'actor')).toBeUndefined();
  });
});
