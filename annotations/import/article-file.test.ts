import { describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH } from '../document';
import { articleFromFile } from './article-file';

describe('articleFromFile', () => {
  it('refuses an over-long text as too large, naming the file, for plain text and pages alike', () => {
    const long = 'a'.repeat(MAX_TEXT_LENGTH + 1);
    for (const [name, content] of [
      ['long.txt', long],
      ['long.md', `# Title\n${long}`],
      ['long.html', `<p>${long}</p>`],
    ] as const) {
      const read = articleFromFile(name, content);
      expect(!read.ok && read.error.code).toBe('too-large');
      expect(!read.ok && read.error.message).toMatch(new RegExp(`^${name.replace('.', '\\.')}: the text is [\\d,]+ characters long; the limit is 10,000,000$`));
    }
  });

  it('accepts a text of exactly the limit', () => {
    const read = articleFromFile('edge.txt', 'b'.repeat(MAX_TEXT_LENGTH));
    expect(read.ok && read.value.text.length).toBe(MAX_TEXT_LENGTH);
  });

  it('refuses a NUL character anywhere as binary, and keeps other text exactly', () => {
    for (const content of ['\u0000abc', 'Seoul\u0000', '<p>a\u0000</p>']) expect(articleFromFile(content.startsWith('<') ? 'x.html' : 'x.txt', content)).toMatchObject({ ok: false, error: { code: 'invalid-format' } });
    const kept = '\ufeff통일부 met 🇰🇷\r\n\tthe envoy';
    expect(articleFromFile('k.txt', kept)).toMatchObject({ ok: true, value: { text: kept.slice(1) } });
  });

  it('keeps the file name as given, for exports to name the document after it', () => {
    for (const [name, content] of [['news/2024/Seoul talks.txt', 'Talks.'], ['통일부 briefing.md', '# Briefing\n\nText.'], ['page.HTML', '<p>The envoys met.</p>']] as const) {
      expect(articleFromFile(name, content)).toMatchObject({ ok: true, value: { originalPath: name, source: name } });
    }
  });
});
