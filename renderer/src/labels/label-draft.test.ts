import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '../../../annotations/labels';
import { buildSaveInput, draftProblems, draftsFromSchema, newDraftKey, pendingUsage, type LabelDraft, type LabelRemoval } from './label-draft';

function draft(name: string, savedId: string | null = null, patch: Partial<LabelDraft> = {}): LabelDraft {
  return { key: newDraftKey(), savedId, name, color: '#2563EB', shortcut: '', description: '', ...patch };
}

function removal(of: LabelDraft, moveTo: LabelDraft | LabelRemoval | null): LabelRemoval {
  return { key: of.key, savedId: of.savedId!, name: of.name, moveTo: moveTo?.key ?? null };
}

describe('draftsFromSchema', () => {
  it('gives every label its own key and keeps its id, in order', () => {
    const drafts = draftsFromSchema({ labels: [...DEFAULT_LABELS] });
    expect(drafts.map((d) => d.savedId)).toEqual(DEFAULT_LABELS.map((l) => l.id));
    expect(drafts.map((d) => d.shortcut)).toEqual(['1', '2', '3', '4']);
    expect(new Set(drafts.map((d) => d.key)).size).toBe(drafts.length);
    // A second editor gets fresh keys.
    const again = draftsFromSchema({ labels: [...DEFAULT_LABELS] });
    expect(again.some((d) => drafts.some((e) => e.key === d.key))).toBe(false);
  });
});

describe('draftProblems', () => {
  it('accepts distinct names in any script', () => {
    expect(draftProblems([draft('Actor'), draft('정책 기구'), draft('Position 📌')])).toEqual([]);
  });

  it('refuses no labels at all', () => {
    expect(draftProblems([])).toEqual(['Keep at least one label.']);
  });

  it('names the row of a label with a blank name', () => {
    expect(draftProblems([draft('Actor'), draft('  \t')])).toEqual(['Label 2 has no name.']);
  });

  it('refuses names that differ only in case, spaces, hyphens or underscores, naming both', () => {
    const problems = draftProblems([draft('Policy body'), draft('Date'), draft(' policy_BODY ')]);
    expect(problems).toEqual(['“policy_BODY” and “Policy body” are the same name; give each label its own.']);
    expect(draftProblems([draft('Policy-body'), draft('policybody')])).toHaveLength(1);
  });
});

describe('buildSaveInput', () => {
  it('keeps saved ids, trims names and descriptions, lower-cases colours', () => {
    const actor = draft(' Actor ', 'actor', { color: '#2563EB', shortcut: '1', description: ' Who acts. ' });
    expect(buildSaveInput([actor], []).labels).toEqual([{ id: 'actor', name: 'Actor', color: '#2563eb', shortcut: '1', description: 'Who acts.' }]);
  });

  it('gives a new label an id from its name that no saved or removed label has', () => {
    const saved = draft('Actor', 'actor');
    const gone = draft('Place', 'place');
    const input = buildSaveInput([saved, draft('Actor!'), draft('Place'), draft('Place')], [removal(gone, null)]);
    expect(input.labels.map((l) => l.id)).toEqual(['actor', 'actor-2', 'place-2', 'place-3']);
  });

  it('keeps a new label id within the store’s length, without a trailing hyphen, and never empty', () => {
    const long = draft(`${'Negotiation '.repeat(10)}track`);
    const [id] = buildSaveInput([long], []).labels.map((l) => l.id);
    expect(id!.length).toBeLessThanOrEqual(56);
    expect(id).toMatch(/^[a-z][a-z-]*[a-z]$/);
    const ids = buildSaveInput([draft('???'), draft('!!!')], []).labels.map((l) => l.id);
    expect(new Set(ids).size).toBe(2);
    for (const i of ids) expect(i).not.toBe('');
  });

  it('moves a removed label’s annotations to the label it names, a new label included', () => {
    const actor = draft('Actor', 'actor');
    const person = draft('Person');
    const date = draft('Date', 'date');
    const input = buildSaveInput([actor, person], [removal(date, person)]);
    expect(input.migrate).toEqual([{ from: 'date', to: 'person' }]);
  });

  it('follows a removal whose target was removed too, to the final target, and deletes when the chain ends in none', () => {
    const actor = draft('Actor', 'actor');
    const body = draft('Policy body', 'policy-body');
    const position = draft('Position', 'position');
    const date = draft('Date', 'date');
    const toBody = removal(position, body);
    const bodyToActor = removal(body, actor);
    const dateToPosition = removal(date, position);
    expect(buildSaveInput([actor], [dateToPosition, toBody, bodyToActor]).migrate).toEqual([
      { from: 'date', to: 'actor' },
      { from: 'position', to: 'actor' },
      { from: 'policy-body', to: 'actor' },
    ]);
    expect(buildSaveInput([actor], [removal(date, position), removal(position, null)]).migrate).toEqual([
      { from: 'date', to: null },
      { from: 'position', to: null },
    ]);
  });

  it('ends a circle of removals (each moved into the other) by deleting, rather than looping', () => {
    const a = draft('Actor', 'actor');
    const b = draft('Date', 'date');
    const keep = draft('Position', 'position');
    const input = buildSaveInput([keep], [removal(a, b), removal(b, a)]);
    expect(input.migrate).toEqual([
      { from: 'actor', to: null },
      { from: 'date', to: null },
    ]);
  });
});

describe('pendingUsage', () => {
  it('counts a label’s own annotations and those moved into it, through removals of removals', () => {
    const actor = draft('Actor', 'actor');
    const body = draft('Policy body', 'policy-body');
    const date = draft('Date', 'date');
    const person = draft('Person');
    const usage = new Map([['actor', 5], ['policy-body', 3], ['date', 2]]);
    const drafts = [actor, person];
    const removals = [removal(date, body), removal(body, actor)];
    expect(pendingUsage(actor.key, drafts, removals, usage)).toBe(10);
    expect(pendingUsage(person.key, drafts, removals, usage)).toBe(0);
    // A removed label's count is what it carries on into its target.
    expect(pendingUsage(body.key, drafts, removals, usage)).toBe(5);
    expect(pendingUsage(actor.key, drafts, [], usage)).toBe(5);
  });
});

describe('suggestion patterns', () => {
  it('survive editing and saving the labels, renamed or not, and are not invented for labels without them', () => {
    const patterns = [{ regex: 'Ministry of [A-Z]\\w+', flags: 'u' }, { tokens: [{ lower: 'working' }, { lower: 'group' }] }];
    const drafts = draftsFromSchema({ labels: DEFAULT_LABELS.map((l) => (l.id === 'policy-body' ? { ...l, patterns } : { ...l })) });
    const body = drafts.find((d) => d.savedId === 'policy-body')!;
    body.name = 'Forum';
    const saved = buildSaveInput(drafts, []);
    expect(saved.labels.find((l) => l.id === 'policy-body')).toMatchObject({ name: 'Forum', patterns });
    expect(saved.labels.filter((l) => 'patterns' in l).map((l) => l.id)).toEqual(['policy-body']);
  });
});
