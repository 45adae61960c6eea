import { describe, expect, it } from 'vitest';
import type { EntityNames, OwnTag } from './own-tag-suggestions';
import { adjacentMention, untaggedMentions, type Mention } from './untagged-mentions';

function tagOf(text: string, word: string, labelId: string, occurrence = 0, entityId?: string): OwnTag {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(word, start + 1);
  if (start < 0) throw new Error(`no ${word}`);
  return { documentId: 'd', start, end: start + word.length, labelId, ...(entityId ? { entityId } : {}) };
}

const quotes = (text: string, found: readonly Mention[]) => found.map((m) => `${text.slice(m.start, m.end)}=${m.labelId}`);

describe('untaggedMentions', () => {
  it('finds the other occurrences of a tagged text, not the tagged one, across CRLF lines and after emoji', () => {
    const text = 'Seoul 🇰🇷 spoke.\r\nIn Seoul, 👥 officials met; Seoulites cheered.\r\nSeoul again.';
    const found = untaggedMentions({ documentId: 'd', title: 't', text, tags: [tagOf(text, 'Seoul', 'actor')] }, []);
    expect(quotes(text, found)).toEqual(['Seoul=actor', 'Seoul=actor']);
    expect(found.map((m) => m.start)).toEqual([text.indexOf('Seoul,'), text.lastIndexOf('Seoul')]);
  });

  it("finds an entity's names and aliases, linked or not, with a particle after a Hangul name", () => {
    const text = '서울은 오늘 발표했다. Chung Dong-young and 정동영의 aides met the Unification Ministry.';
    const entities: EntityNames[] = [
      { id: 'e-seoul', name: 'Seoul', aliases: ['서울'], kind: 'actor' },
      { id: 'e-chung', name: 'Chung Dong-young', aliases: ['정동영'], kind: 'actor' },
      { id: 'e-mou', name: 'Unification Ministry', aliases: [], kind: 'policy-body' },
    ];
    const found = untaggedMentions({ documentId: 'd', title: 't', text, tags: [] }, entities);
    expect(quotes(text, found)).toEqual(['서울=actor', 'Chung Dong-young=actor', '정동영=actor', 'Unification Ministry=policy-body']);
    expect(found[0]).toMatchObject({ start: 0, end: 2, entityId: 'e-seoul' });
  });

  it('leaves out occurrences that overlap any tag, and prefers the longer of two overlapping names', () => {
    const text = 'The working group met. The working group of Seoul and the group.';
    const tags = [tagOf(text, 'working group', 'policy-body'), tagOf(text, 'Seoul', 'actor')];
    const entities: EntityNames[] = [{ id: 'g', name: 'group', aliases: [], kind: 'policy-body' }];
    const found = untaggedMentions({ documentId: 'd', title: 't', text, tags }, entities);
    expect(found.map((m) => [m.start, text.slice(m.start, m.end)])).toEqual([
      [text.indexOf('working group', 5), 'working group'],
      [text.lastIndexOf('group'), 'group'],
    ]);
  });

  it('knows nothing in a document without tags or entities, and never proposes one-letter terms', () => {
    expect(untaggedMentions({ documentId: 'd', title: 't', text: 'A b c a.', tags: [] }, [])).toEqual([]);
    const text = 'I said I would.';
    expect(untaggedMentions({ documentId: 'd', title: 't', text, tags: [tagOf(text, 'I', 'actor')] }, [{ id: 'x', name: 'I', aliases: [' '], kind: 'actor' }])).toEqual([]);
  });
});

describe('adjacentMention', () => {
  const m = (start: number): Mention => ({ start, end: start + 2, labelId: 'actor' });
  const list = [m(10), m(20), m(30)];

  it('from a bare cursor, takes the mention starting at or after it, and before it going back', () => {
    expect(adjacentMention(list, 10, 10, 1)).toEqual({ mention: list[0], index: 0 });
    expect(adjacentMention(list, 15, 15, 1)).toEqual({ mention: list[1], index: 1 });
    expect(adjacentMention(list, 15, 15, -1)).toEqual({ mention: list[0], index: 0 });
  });

  it('from a selected mention, moves past it, and wraps at either end', () => {
    expect(adjacentMention(list, 20, 22, 1)?.index).toBe(2);
    expect(adjacentMention(list, 20, 22, -1)?.index).toBe(0);
    expect(adjacentMention(list, 30, 32, 1)?.index).toBe(0);
    expect(adjacentMention(list, 10, 12, -1)?.index).toBe(2);
  });

  it('finds nothing in an empty list', () => {
    expect(adjacentMention([], 0, 0, 1)).toBeUndefined();
  });
});
