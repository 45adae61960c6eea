import { describe, expect, it } from 'vitest';
import { plural } from './plural';

describe('plural', () => {
  it('uses the singular for exactly one and the plural otherwise, zero included', () => {
    expect(plural(1, 'document')).toBe('1 document');
    expect(plural(0, 'document')).toBe('0 documents');
    expect(plural(2, 'document')).toBe('2 documents');
    expect(plural(-1, 'change')).toBe('-1 changes');
  });

  it('takes an irregular plural', () => {
    expect(plural(1, 'entry', 'entries')).toBe('1 entry');
    expect(plural(5, 'entry', 'entries')).toBe('5 entries');
    expect(plural(3, 'document added', 'documents added')).toBe('3 documents added');
  });

  it('groups thousands the same way on every machine', () => {
    expect(plural(1234, 'annotation')).toBe('1,234 annotations');
    expect(plural(20_000, 'span')).toBe('20,000 spans');
    expect(plural(999, 'span')).toBe('999 spans');
  });
});
