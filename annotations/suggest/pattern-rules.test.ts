import { describe, expect, it } from 'vitest';
import { defaultLabelSchema } from '../labels';
import type { PatternRule } from './pattern-rules';
import { compilePatternRules, parsePatternRules, schemaPatternRules, tokenize } from './pattern-rules';
import { suggestFromPatterns } from './pattern-suggestions';

const schema = defaultLabelSchema();

function run(text: string, rules: PatternRule[]): string[] {
  const compiled = compilePatternRules(rules);
  if (!compiled.ok) throw new Error(compiled.error.message);
  return suggestFromPatterns({ documentId: 'd', text }, compiled.value).map((s) => `${s.labelId}:${s.start}-${s.end}:${text.slice(s.start, s.end)}`);
}

describe('pattern rules', () => {
  it('proposes each match of a regular expression with its flags', () => {
    const rules: PatternRule[] = [{ labelId: 'policy-body', regex: '\\bministry of [a-z]+', flags: 'i' }];
    expect(run('The Ministry of Unification and the ministry of defence.', rules)).toEqual([
      'policy-body:4-27:Ministry of Unification',
      'policy-body:36-55:ministry of defence',
    ]);
  });

  it('keeps UTF-16 offsets after emoji and Hangul, over CRLF, and never splits a surrogate pair', () => {
    const text = '😀 통일부\r\n장관 😀';
    expect(run(text, [{ labelId: 'policy-body', regex: '통일부\\r\\n장관' }])).toEqual(['policy-body:3-10:통일부\r\n장관']);
    // Without the u flag "." matches half an emoji; such a match is dropped.
    expect(run(text, [{ labelId: 'actor', regex: '관 .' }])).toEqual([]);
    expect(run(text, [{ labelId: 'actor', regex: '관 .', flags: 'u' }])).toEqual(['actor:9-13:관 😀']);
  });

  it('skips empty matches instead of looping', () => {
    expect(run('abc', [{ labelId: 'actor', regex: 'x*' }])).toEqual([]);
  });

  it('matches token patterns with lower, text, is_title and regex, overlapping runs included', () => {
    const rules: PatternRule[] = [
      { labelId: 'policy-body', tokens: [{ lower: 'ministry' }, { lower: 'of' }, { is_title: true }] },
      { labelId: 'actor', tokens: [{ is_title: true }, { is_title: true }] },
      { labelId: 'date', tokens: [{ regex: '\\d{4}' }, { text: '년' }] },
    ];
    const text = 'MINISTRY of Unification met Chung Dong Young in 2021 년.';
    expect(run(text, rules)).toEqual([
      'policy-body:0-23:MINISTRY of Unification',
      'actor:28-38:Chung Dong',
      'actor:34-44:Dong Young',
      'date:48-54:2021 년',
    ]);
  });

  it('tokenizes words, single punctuation and whole emoji', () => {
    expect(tokenize('Kim’s 😀 U.S.').map((t) => t.text)).toEqual(['Kim', '’', 's', '😀', 'U', '.', 'S', '.']);
  });

  it('refuses invalid rules, naming each by number, label and text', () => {
    const read = compilePatternRules([
      { labelId: 'actor', regex: '([a-z]' },
      { labelId: 'date', regex: '\\d+', flags: 'y' },
      { labelId: 'position', tokens: [{ lower: 'calls' }, { op: '+' } as never] },
      { labelId: 'actor', tokens: [] },
      { labelId: 'actor', regex: 'fine' },
    ]);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    const messages = read.error.problems!.map((p) => p.message);
    expect(messages).toHaveLength(4);
    expect(messages[0]).toMatch(/^rule 1 \(actor, \/\(\[a-z\]\/\): Invalid regular expression/);
    expect(messages[1]).toMatch(/^rule 2 \(date, \/\\d\+\/y\): flags “y” are not allowed/);
    expect(messages[2]).toMatch(/^rule 3 \(position, .*\): token 2: “op” is not supported/);
    expect(messages[3]).toMatch(/^rule 4 .*the token pattern is empty/);
  });

  it('reads a JSON array or Prodigy-style JSON Lines with labels by name, phrases as exact tokens', () => {
    const jsonl = '{"label": "Policy body", "pattern": [{"LOWER": "security"}, {"LOWER": "council"}]}\r\n\r\n{"label": "actor", "pattern": "Blue House"}\n{"label":"date","regex":"Q[1-4] \\\\d{4}"}\n';
    const read = parsePatternRules(jsonl, schema);
    expect(read).toEqual({
      ok: true,
      value: [
        { labelId: 'policy-body', tokens: [{ LOWER: 'security' }, { LOWER: 'council' }] },
        { labelId: 'actor', tokens: [{ text: 'Blue' }, { text: 'House' }] },
        { labelId: 'date', regex: 'Q[1-4] \\d{4}' },
      ],
    });
    if (!read.ok) return;
    expect(run('The Security Council and the Blue House, Q3 2021.', read.value)).toEqual([
      'policy-body:4-20:Security Council',
      'actor:29-39:Blue House',
      'date:41-48:Q3 2021',
    ]);
    expect(parsePatternRules(JSON.stringify([{ label: 'actor', regex: 'x' }]), schema)).toEqual({ ok: true, value: [{ labelId: 'actor', regex: 'x' }] });
  });

  it('refuses a patterns file with an unknown label, a bad line or a bad rule, naming where', () => {
    expect(parsePatternRules('{"label":"city","regex":"x"}', schema)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/line 1: unknown label “city”/) } });
    expect(parsePatternRules('{"label":"actor","regex":"x"}\n{oops}', schema)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Line 2 is not valid JSON/) } });
    expect(parsePatternRules('[{"label":"actor","regex":"(("}]', schema)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/rule 1 \(actor, \/\(\(\/\)/) } });
    expect(parsePatternRules('', schema)).toMatchObject({ ok: false });
  });

  it('collects the rules labels carry in the schema', () => {
    const labels = [{ id: 'actor', patterns: [{ regex: 'x' }] }, { id: 'date' }];
    expect(schemaPatternRules({ labels })).toEqual([{ regex: 'x', labelId: 'actor' }]);
  });
});
