import { describe, expect, it } from 'vitest';
import { defaultLabelSchema } from '../labels';
import { importDoccano } from './doccano';
import type { ImportOutcome } from './format';
import { describeImport, validationVerdict } from './report';

const options = { labels: defaultLabelSchema(), now: '2025-04-01T00:00:00.000Z' };

function outcomeOf(lines: unknown[]): ImportOutcome {
  const result = importDoccano([{ path: 'v.jsonl', data: lines.map((l) => JSON.stringify(l)).join('\n') }], options);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('import reports', () => {
  it('calls a file with annotations simply valid', () => {
    expect(validationVerdict(outcomeOf([{ text: 'Seoul 🇰🇷 agreed.', label: [[0, 5, 'Actor']] }]), 'v.jsonl', 'doccano')).toBe('v.jsonl is valid doccano.');
  });

  it('never calls a file valid without saying that no annotations were found in it', () => {
    const verdict = validationVerdict(outcomeOf([{ text: 'Seoul agreed.', annotations: [{ start_char: 0, end_char: 5, label_name: 'GPE' }] }, { text: '통일부 replied.' }]), 'v.jsonl', 'doccano');
    expect(verdict).toBe('v.jsonl is valid doccano, but no annotations were found in it (2 documents read, none annotated): check that it is really doccano.');
  });

  it('gives the reason beside each kind set aside', () => {
    const lines = describeImport(outcomeOf([{ text: 'Seoul agreed.', label: [[0, 5, 'Actor']], cats: [{ id: 1, label: 'diplomacy' }] }]), 'v.jsonl');
    expect(lines).toContain('Set aside (Parley does not hold them): 1 doccano document categories ("cats") (Parley labels spans, not whole documents).');
  });
});
