/**
 * Reduces an HTML page to its readable text: paragraphs and headings become
 * lines separated by blank lines, scripts, styles and navigation are dropped,
 * entities are decoded. Never interprets the HTML: the result is plain text.
 */
import { Parser } from 'htmlparser2';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'nav', 'footer', 'aside', 'form', 'button', 'svg', 'iframe', 'object', 'canvas', 'select']);
const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'ul', 'ol', 'li', 'table', 'tr', 'figure', 'figcaption', 'dl', 'dt', 'dd', 'address', 'hr']);

/** The readable text and the page title (from `<title>`, else the first `<h1>`). */
export function htmlToText(html: string): { title: string; text: string } {
  const blocks: string[] = [];
  let current = '';
  let skipDepth = 0;
  let preDepth = 0;
  let inTitle = false;
  let inH1 = false;
  let title = '';
  let h1 = '';
  const flush = () => {
    const line = preDepth > 0 ? current.replace(/^\n+|\s+$/g, '') : current.replace(/\s+/g, ' ').trim();
    if (line) blocks.push(line);
    current = '';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'title') inTitle = true;
        if (SKIP.has(name)) skipDepth++;
        if (skipDepth > 0) return;
        if (name === 'h1' && !h1) inH1 = true;
        if (name === 'pre') preDepth++;
        if (BLOCK.has(name)) flush();
        if (name === 'br') current += '\n';
      },
      ontext(data) {
        if (inTitle) title += data;
        if (skipDepth > 0) return;
        if (inH1) h1 += data;
        current += data;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (SKIP.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (name === 'h1') inH1 = false;
        if (BLOCK.has(name)) flush();
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
  return { title: clean(title) || clean(h1), text: blocks.map((b) => b.replace(/[ \t]*\n[ \t]*/g, '\n')).join('\n\n') };
}
