/**
 * Reduces an HTML page to its readable text: paragraphs and headings become
 * lines separated by blank lines, scripts, styles and navigation are dropped,
 * entities are decoded. Never interprets the HTML: the result is plain text.
 *
 * Runs in time linear in the page. htmlparser2's `Parser` keeps its element
 * stack newest-first and inserts with `Array.unshift`, which moves the whole
 * stack on every open tag: a page of 200,000 nested `<div>` took minutes.
 * Here its `Tokenizer` is driven directly and the open elements are kept in a
 * plain stack (push and pop) with a count per name, so every element is
 * pushed and popped once and a stray end tag is recognised in constant time.
 */
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'nav', 'footer', 'aside', 'form', 'button', 'svg', 'iframe', 'object', 'canvas', 'select']);
const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'ul', 'ol', 'li', 'table', 'tr', 'figure', 'figcaption', 'dl', 'dt', 'dd', 'address', 'hr']);
/** Elements that have no end tag and are never open. */
const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Foreign content, where `<x/>` closes itself. */
const FOREIGN = new Set(['svg', 'math']);

/** The readable text and the page title (from `<title>`, else the first `<h1>`). */
export function htmlToText(html: string): { title: string; text: string } {
  const blocks: string[] = [];
  let current: string[] = [];
  let skipDepth = 0;
  let preDepth = 0;
  let foreignDepth = 0;
  let inTitle = false;
  let inH1 = false;
  let title = '';
  let h1 = '';
  /** Open elements, innermost last, and how many of each name are open. */
  const stack: string[] = [];
  const openCount = new Map<string, number>();
  let tagName = '';

  const flush = () => {
    if (current.length === 0) return;
    const raw = current.join('');
    current = [];
    const line = preDepth > 0 ? raw.replace(/^\n+|\s+$/g, '') : raw.replace(/\s+/g, ' ').trim();
    if (line) blocks.push(line);
  };
  const addText = (data: string) => {
    if (inTitle) title += data;
    if (skipDepth > 0) return;
    if (inH1) h1 += data;
    current.push(data);
  };
  const opened = (name: string) => {
    if (name === 'title') inTitle = true;
    if (SKIP.has(name)) skipDepth++;
    if (FOREIGN.has(name)) foreignDepth++;
    if (skipDepth > 0) return;
    if (name === 'h1' && !h1) inH1 = true;
    if (name === 'pre') preDepth++;
    if (BLOCK.has(name)) flush();
    if (name === 'br') current.push('\n');
  };
  const closed = (name: string) => {
    if (name === 'title') inTitle = false;
    if (FOREIGN.has(name)) foreignDepth = Math.max(0, foreignDepth - 1);
    if (SKIP.has(name)) {
      skipDepth = Math.max(0, skipDepth - 1);
      return;
    }
    if (skipDepth > 0) return;
    if (name === 'h1') inH1 = false;
    if (BLOCK.has(name)) flush();
    if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
  };
  const push = (name: string) => {
    stack.push(name);
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
  };
  const pop = () => {
    const name = stack.pop()!;
    openCount.set(name, openCount.get(name)! - 1);
    closed(name);
  };
  /** Closes `name` and every element opened inside it that is still open; a stray end tag changes nothing. */
  const closeUpTo = (name: string) => {
    if (!openCount.get(name)) return;
    while (stack.length > 0 && stack[stack.length - 1] !== name) pop();
    pop();
  };

  const slice = (start: number, end: number) => html.slice(start, end);
  const callbacks: TokenizerCallbacks = {
    onopentagname(start, end) {
      tagName = slice(start, end).toLowerCase();
      if (tagName === 'p' && openCount.get('p')) closeUpTo('p'); // a new paragraph ends the open one
      if (VOID.has(tagName)) opened(tagName);
      else {
        push(tagName);
        opened(tagName);
      }
    },
    onopentagend() {
      if (VOID.has(tagName)) closed(tagName);
      tagName = '';
    },
    onselfclosingtag() {
      // HTML ignores the slash, except in SVG and MathML.
      if (!VOID.has(tagName) && foreignDepth > 0 && stack[stack.length - 1] === tagName) pop();
      else if (VOID.has(tagName)) closed(tagName);
      tagName = '';
    },
    onclosetag(start, end) {
      const name = slice(start, end).toLowerCase();
      if (name === 'br') {
        opened('br');
        closed('br');
      } else if (!VOID.has(name)) closeUpTo(name);
    },
    ontext(start, end) {
      addText(slice(start, end));
    },
    ontextentity(codepoint) {
      addText(String.fromCodePoint(codepoint));
    },
    onattribdata() {},
    onattribentity() {},
    onattribend() {},
    onattribname() {},
    oncdata() {},
    oncomment() {},
    ondeclaration() {},
    onprocessinginstruction() {},
    onend() {},
    isInForeignContext: () => foreignDepth > 0,
  };
  const tokenizer = new Tokenizer({ xmlMode: false, decodeEntities: true }, callbacks);
  tokenizer.write(html);
  tokenizer.end();
  while (stack.length > 0) pop();
  flush();
  const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
  return { title: clean(title) || clean(h1), text: blocks.map((b) => b.replace(/[ \t]*\n[ \t]*/g, '\n')).join('\n\n') };
}
