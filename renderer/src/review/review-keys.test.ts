import { describe, expect, it } from 'vitest';
import { REVIEW_KEYS } from './review-keys';

// How the keys behave on real events is checked in Chromium: e2e/review-keys.e2e.ts.
describe('REVIEW_KEYS', () => {
  it('binds no key twice', () => {
    const keys = REVIEW_KEYS.flatMap((k) => k.keys);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('has a key for every decision and both directions', () => {
    const decisions = REVIEW_KEYS.flatMap((k) => (k.command.type === 'decide' ? [k.command.action] : []));
    expect(decisions.sort()).toEqual(['accept-theirs', 'keep-both', 'keep-mine', 'reject-both']);
    const steps = REVIEW_KEYS.flatMap((k) => (k.command.type === 'step' ? [k.command.direction] : []));
    expect(steps.sort()).toEqual([-1, 1]);
  });

  it('uses single keys, described for the shortcut sheet', () => {
    for (const { keys, does } of REVIEW_KEYS) {
      for (const key of keys) expect([...key]).toHaveLength(1);
      expect(does.trim()).not.toBe('');
    }
  });
});
