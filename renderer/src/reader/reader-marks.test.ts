import { describe, expect, it } from 'vitest';
import { sortAnnotations } from '../../../annotations/annotation';
import { hasTag } from './reader-marks';
import { annotate, TEXTS } from './reader-test-kit';

describe('hasTag', () => {
  it('finds a tag by its exact span and label among spans that start at the same place (CRLF, Hangul, emoji)', () => {
    TEXTS.forEach((text) => {
      const words = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
      // Each word twice (two labels), and each word with the next one: three spans start at every word.
      const annotations = sortAnnotations(
        words.flatMap((w, i) => {
          const pairEnd = words[i + 1]?.end ?? w.end;
          return [annotate(text, text.slice(w.start, w.end), 'actor', `a${i}`), annotate(text, text.slice(w.start, w.end), 'date', `d${i}`), annotate(text, text.slice(w.start, pairEnd), 'actor', `p${i}`)];
        }),
      );
      for (const a of annotations) expect(hasTag(annotations, a.start, a.end, a.labelId)).toBe(true);
      const held = (start: number, end: number, labelId: string) => annotations.some((a) => a.start === start && a.end === end && a.labelId === labelId);
      for (const w of words) {
        expect(hasTag(annotations, w.start, w.end, 'position')).toBe(false);
        expect(hasTag(annotations, w.start, w.end - 1, 'actor')).toBe(held(w.start, w.end - 1, 'actor'));
        expect(hasTag(annotations, w.start + 1, w.end, 'date')).toBe(held(w.start + 1, w.end, 'date'));
      }
      expect(hasTag(annotations, text.length, text.length + 1, 'actor')).toBe(false);
    });
    expect(hasTag([], 0, 1, 'actor')).toBe(false);
  });
});
