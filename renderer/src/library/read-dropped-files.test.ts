import { describe, expect, it } from 'vitest';
import { MAX_ARTICLE_FILE_BYTES } from '../../../annotations/import/article-limits';
import { readDroppedFiles } from './read-dropped-files';

/** A dropped file that reports a size but fails the test if its content is ever read. */
function unreadable(name: string, size: number): File {
  return {
    name,
    size,
    arrayBuffer: () => {
      throw new Error(`${name} was read`);
    },
  } as unknown as File;
}

describe('readDroppedFiles', () => {
  it('refuses a file over the limit by its size, without reading it', async () => {
    const { texts, problems } = await readDroppedFiles([unreadable('huge.html', 1024 * 1024 * 1024), unreadable('just-over.txt', MAX_ARTICLE_FILE_BYTES + 1)]);
    expect(texts).toEqual([]);
    expect(problems.map((p) => p.file)).toEqual(['huge.html', 'just-over.txt']);
    expect(problems[0]!.message).toMatch(/^too large: 1,024 MB/);
  });

  it('reads files within the limit as strict UTF-8', async () => {
    const ok = new File(['통일부 welcomed it 🇰🇷\r\n'], 'talks.txt');
    const bad = new File([new Uint8Array([0xff, 0x41])], 'bad.txt');
    const { texts, problems } = await readDroppedFiles([ok, bad]);
    expect(texts).toEqual([{ name: 'talks.txt', content: '통일부 welcomed it 🇰🇷\r\n' }]);
    expect(problems).toEqual([{ file: 'bad.txt', message: 'not valid UTF-8 text' }]);
  });
});
