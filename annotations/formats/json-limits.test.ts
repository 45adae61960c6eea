import { describe, expect, it } from 'vitest';
import { parseJsonSafely, scanJsonDepth } from './json-limits';

describe('safe JSON reading', () => {
  it('measures nesting depth outside strings', () => {
    expect(scanJsonDepth('{"a": [1, {"b": "[[[{{{"}]}')).toBe(3);
    expect(scanJsonDepth('"\\"[[["')).toBe(0);
  });

  it('refuses 100,000 levels of nesting without reaching JSON.parse', () => {
    const hostile = '['.repeat(100_000) + ']'.repeat(100_000);
    const original = JSON.parse;
    let called = false;
    JSON.parse = ((text: string) => {
      called = true;
      return original(text);
    }) as typeof JSON.parse;
    try {
      const result = parseJsonSafely(hostile, { file: 'deep.json' });
      expect(result.ok ? '' : result.error.problems![0]).toEqual({ file: 'deep.json', message: 'JSON nests deeper than 64 levels' });
    } finally {
      JSON.parse = original;
    }
    expect(called).toBe(false);
  });

  it('refuses input over the size limit', () => {
    const result = parseJsonSafely('[1, 2, 3]', {}, { maxLength: 4 });
    expect(result.ok ? '' : result.error.code).toBe('too-large');
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s anywhere and leaves prototypes alone', (key) => {
    const result = parseJsonSafely(`{"labels": [{"${key}": {"polluted": true}}]}`);
    expect(result.ok ? '' : result.error.problems![0]!.record).toBe('$.labels[0]');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('strips a byte-order mark and reports syntax errors with the file', () => {
    expect(parseJsonSafely('\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    const bad = parseJsonSafely('{"a": 1,}', { file: 'x.json', line: 4 });
    expect(bad.ok ? undefined : bad.error.problems![0]).toMatchObject({ file: 'x.json', line: 4, message: expect.stringMatching(/^not valid JSON/) });
  });
});
