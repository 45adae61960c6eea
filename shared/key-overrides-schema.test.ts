import { describe, expect, it } from 'vitest';
import { keyOverridesSchema } from './key-overrides-schema';

describe('keyOverridesSchema', () => {
  it('takes known commands with one key each and refuses unknown commands', () => {
    expect(keyOverridesSchema.safeParse({ 'next-mention': 'Alt-j' }).success).toBe(true);
    expect(keyOverridesSchema.safeParse({}).success).toBe(true);
    expect(keyOverridesSchema.safeParse({ 'format-disk': 'Alt-j' }).success).toBe(false);
    expect(keyOverridesSchema.safeParse({ 'next-mention': ['Alt-j'] }).success).toBe(false);
    expect(keyOverridesSchema.safeParse({ 'next-mention': 'x'.repeat(41) }).success).toBe(false);
  });
});
