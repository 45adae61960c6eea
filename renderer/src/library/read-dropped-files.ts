import type { Problem } from '../../../annotations/result';
import { MAX_ARTICLE_FILE_BYTES } from '../../../annotations/import/article-limits';
import type { MAX_IMPORT_TEXT } from '../../../shared/api';

/** File name endings the library imports. */
export const IMPORTABLE_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm'];

/** The main process's limit on one text; typed so that it fails to compile if the two drift apart (importing the value would bundle zod). */
const MAX_TEXT: typeof MAX_IMPORT_TEXT = 10_000_000;

/** Most files one import sends to the main process. */
const MAX_FILES = 500;

/**
 * Reads dropped files as text. Files of other kinds, files too large to send
 * and files that cannot be read become problems, each named; none is skipped silently.
 */
export async function readDroppedFiles(files: readonly File[]): Promise<{ texts: Array<{ name: string; content: string }>; problems: Problem[] }> {
  const texts: Array<{ name: string; content: string }> = [];
  const problems: Problem[] = [];
  for (const [index, file] of files.entries()) {
    const name = file.name || `dropped file ${index + 1}`;
    if (!IMPORTABLE_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext))) {
      const source = /\.(pdf|docx|mhtml?|mht)$/iu.test(name);
      problems.push({ file: name, message: source ? 'PDF, Word and saved .mhtml pages are imported with Import… › Choose files…, not by dropping' : 'not an article: Parley imports .txt, .md and .html files, and PDF, Word and .mhtml with Import…' });
      continue;
    }
    if (texts.length >= MAX_FILES) {
      problems.push({ file: name, message: `not imported: at most ${MAX_FILES} files can be dropped at once` });
      continue;
    }
    // The size is known without reading: a huge file is refused before it costs any memory.
    if (file.size > MAX_ARTICLE_FILE_BYTES) {
      problems.push({ file: name, message: `too large: ${Math.round(file.size / 1024 / 1024).toLocaleString()} MB; the limit is ${MAX_ARTICLE_FILE_BYTES / 1024 / 1024} MB` });
      continue;
    }
    try {
      const content = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
      if (content.length > MAX_TEXT) problems.push({ file: name, message: `too large: more than ${MAX_TEXT.toLocaleString()} characters` });
      else texts.push({ name, content });
    } catch (error) {
      const message = error instanceof TypeError ? 'not valid UTF-8 text' : `could not be read (${error instanceof Error ? error.message : String(error)})`;
      problems.push({ file: name, message });
    }
  }
  return { texts, problems };
}
