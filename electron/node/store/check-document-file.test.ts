import { describe, expect, it } from 'vitest';
import { textSha256 } from '../../../annotations/text-hash';
import { nativeTextSha256 } from './check-document-file';

describe('nativeTextSha256', () => {
  it('gives the engine’s checksum for every kind of text', () => {
    for (const text of ['', 'Seoul', 'Line one\r\nline two\n', '통일부 welcomed it 🇰🇷', 'lone \ud800 surrogate and \udfff another', '\u0000\ufeff'.repeat(3), 'x'.repeat(100_000)]) {
      expect(nativeTextSha256(text)).toBe(textSha256(text));
    }
  });
});
