import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-text';

/**
 * The text htmlparser2's own Parser gives with the same rules: the oracle for
 * ordinary pages (its element stack makes it quadratic on deep nesting, so
 * htmlToText no longer uses it).
 */
function viaParser(html: string): { title: string; text: string } {
  const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'nav', 'footer', 'aside', 'form', 'button', 'svg', 'iframe', 'object', 'canvas', 'select']);
  const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'ul', 'ol', 'li', 'table', 'tr', 'figure', 'figcaption', 'dl', 'dt', 'dd', 'address', 'hr']);
  const blocks: string[] = [];
  let current = '';
  let skip = 0;
  let pre = 0;
  let inTitle = false;
  let inH1 = false;
  let title = '';
  let h1 = '';
  const flush = () => {
    const line = pre > 0 ? current.replace(/^\n+|\s+$/g, '') : current.replace(/\s+/g, ' ').trim();
    if (line) blocks.push(line);
    current = '';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'title') inTitle = true;
        if (SKIP.has(name)) skip++;
        if (skip > 0) return;
        if (name === 'h1' && !h1) inH1 = true;
        if (name === 'pre') pre++;
        if (BLOCK.has(name)) flush();
        if (name === 'br') current += '\n';
      },
      ontext(data) {
        if (inTitle) title += data;
        if (skip > 0) return;
        if (inH1) h1 += data;
        current += data;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (SKIP.has(name)) {
          skip = Math.max(0, skip - 1);
          return;
        }
        if (skip > 0) return;
        if (name === 'h1') inH1 = false;
        if (BLOCK.has(name)) flush();
        if (name === 'pre') pre = Math.max(0, pre - 1);
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

const PAGES: Record<string, string> = {
  article:
    '<!DOCTYPE html><html><head><title>Envoys meet &amp; talk</title><style>p{color:red}</style></head><body><nav><a href="/">Home</a></nav><article><h1>Talks in Seoul</h1><p>Sung Kim met Noh Kyu-duk in <b>Seoul</b> on 22&nbsp;June&nbsp;2021.</p><p>통일부 welcomed the talks 🇰🇷.<br>A second line.</p></article><footer>© 2021</footer><script>var x = "<p>no</p>";</script></body></html>',
  unclosed: '<body><p>First paragraph<p>Second paragraph<ul><li>one<li>two</ul><div>tail',
  pre: '<pre>\n  line one\n    indented\n</pre><p>after</p>',
  entities: '<p>&lt;tag&gt; &quot;quoted&quot; &#x1F600; &#44032; &eacute;</p>',
  strayEnd: '<div>kept</span></section> text</div><p>more</p>',
  crlf: '<p>Line one\r\nstill one</p>\r\n<p>two</p>',
  h1Title: '<body><h1>Only a heading</h1><p>Body text.</p></body>',
  voids: '<p>before<hr>after<img src="x.png">end</p><p>a<br/>b</p>',
  svg: '<p>Text <svg><path d="M0"/><text>hidden</text></svg> continues</p>',
  comment: '<p>a<!-- <p>not</p> -->b</p><![CDATA[ cdata ]]>',
  skipNested: '<aside><div><aside>x</aside>still hidden</div></aside><p>shown</p>',
};

describe('htmlToText', () => {
  for (const [name, html] of Object.entries(PAGES)) {
    it(`gives the same text as htmlparser2's Parser: ${name}`, () => {
      expect(htmlToText(html)).toEqual(viaParser(html));
    });
  }

  it('reads an article as expected', () => {
    expect(htmlToText(PAGES.article!)).toEqual({ title: 'Envoys meet & talk', text: 'Talks in Seoul\n\nSung Kim met Noh Kyu-duk in Seoul on 22 June 2021.\n\n통일부 welcomed the talks 🇰🇷. A second line.' });
  });

  it('takes time linear in the depth of nesting', () => {
    const page = (n: number) => `<html><body>${'<div>'.repeat(n)}Seoul talks${'</div>'.repeat(n)}</body></html>`;
    const time = (n: number) => {
      const html = page(n);
      const started = performance.now();
      expect(htmlToText(html).text).toBe('Seoul talks');
      return performance.now() - started;
    };
    time(20_000); // warm-up
    const small = Math.max(time(25_000), 1);
    const large = time(200_000);
    // Eight times the input: linear is ~8x; the old quadratic parser was ~64x (and took over a minute here).
    expect(large).toBeLessThan(small * 24 + 200);
    expect(large).toBeLessThan(5_000);
  });
});
