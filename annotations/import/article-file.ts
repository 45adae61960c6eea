/**
 * Turns an imported file into an article: `.txt` and `.md` keep their text
 * exactly (line ends, tabs, any Unicode); `.html`/`.htm` are reduced to
 * readable text. The title comes from the page title, the first Markdown
 * heading, or the file name.
 */
import { MAX_TEXT_LENGTH } from '../document';
import { fail, ok, type Result } from '../result';
import { htmlToText } from './html-text';
import { ellipsis } from '../text/ellipsis';

/** File name extensions accepted as articles. */
export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm'] as const;

export { MAX_ARTICLE_FILE_BYTES } from './article-limits';

/** An article ready to become a document. */
export interface ArticleInput {
  title: string;
  source: string;
  /** The file's name as given, kept so exports can name the document after it (see `ParleyDocument.originalPath`). */
  originalPath?: string;
  text: string;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot).toLowerCase();
}

function baseName(name: string): string {
  const slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
  const file = name.slice(slash + 1);
  const dot = file.lastIndexOf('.');
  return (dot > 0 ? file.slice(0, dot) : file).replace(/[_-]+/g, ' ').trim();
}

/** Whether `name` is an HTML page (its text is extracted; other articles keep theirs as is). */
export function isHtmlArticle(name: string): boolean {
  const ext = extensionOf(name);
  return ext === '.html' || ext === '.htm';
}

/**
 * Reads one file's content as an article, or says why it cannot, naming the
 * file: `invalid-format` for another kind of file, a NUL character (binary),
 * or no text; `too-large` for a text over `MAX_TEXT_LENGTH`. `htmlText`, when
 * given, is the page's text already extracted (in a worker) for an HTML file.
 */
export function articleFromFile(name: string, content: string, htmlText?: { title: string; text: string }): Result<ArticleInput> {
  const ext = extensionOf(name);
  if (!(ARTICLE_EXTENSIONS as readonly string[]).includes(ext)) {
    return fail('invalid-format', `${name}: only ${ARTICLE_EXTENSIONS.join(', ')} files can be imported as articles`);
  }
  if (content.includes('\u0000')) return fail('invalid-format', `${name}: this looks like a binary file, not text`);
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  if (isHtmlArticle(name)) {
    const page = htmlText ?? htmlToText(text);
    if (!page.text.trim()) return fail('invalid-format', `${name}: the page has no readable text`);
    if (page.text.length > MAX_TEXT_LENGTH) return tooLong(name, page.text.length);
    return ok({ title: page.title || baseName(name), source: name, originalPath: name, text: page.text });
  }
  if (!text.trim()) return fail('invalid-format', `${name}: the file is empty`);
  if (text.length > MAX_TEXT_LENGTH) return tooLong(name, text.length);
  const heading = ext === '.txt' ? undefined : /^#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(text)?.[1];
  return ok({ title: heading?.trim() || baseName(name), source: name, originalPath: name, text });
}

function tooLong(name: string, length: number): Result<never> {
  return fail('too-large', `${name}: the text is ${length.toLocaleString('en-US')} characters long; the limit is ${MAX_TEXT_LENGTH.toLocaleString('en-US')}`);
}

/** A title for pasted text: its first line, shortened. */
export function titleFromText(text: string): string {
  const first = text.trim().split(/\r?\n/, 1)[0]?.replace(/^#+\s*/, '').trim() ?? '';
  return ellipsis(first, 80) || 'Pasted text';
}
