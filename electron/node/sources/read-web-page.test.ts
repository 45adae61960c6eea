import { describe, expect, it } from 'vitest';
import { decodeQuotedPrintable } from './mhtml';
import { readSource } from './read-source';

const ARTICLE_PARAGRAPHS = [
  'Seoul and Washington agreed on Tuesday to resume working-level talks on North Korea policy after a pause of eight months.',
  '정동영 통일부 장관은 "대화의 문은 열려 있다"고 말했다. 🇰🇷',
  'The envoys will meet again in June to compare drafts of a joint statement on humanitarian aid and family reunions. 😀',
  'Officials said the schedule could slip if Pyongyang tests another missile before then, but both sides expect the meeting to go ahead.',
];

function page(options: { meta?: boolean; jsonLd?: boolean } = {}): string {
  const meta = options.meta === false
    ? ''
    : `<meta property="og:title" content="Allies Agree to Resume Talks">
  <meta property="og:site_name" content="Korea Policy Daily">
  <meta name="author" content="Park Ji-won">
  <meta property="article:published_time" content="2024-05-14T09:30:00+09:00">
  <link rel="canonical" href="https://news.example.org/2024/05/14/allies-talks">`;
  const ld = options.jsonLd
    ? `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Headline From JSON-LD","datePublished":"2024-05-15","author":{"@type":"Person","name":"Choi Eun"},"publisher":{"@type":"Organization","name":"Peninsula Wire"}}</script>`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Allies agree | Korea Policy Daily | News, opinion</title>${meta}${ld}
<script>window.tracking = "Subscribe now";</script><style>.x{}</style></head>
<body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe now</a></nav></header>
<div class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Celebrity chef opens a noodle bar</a></li><li><a href="/b">Weather: rain all week</a></li></ul></div>
<main><article>
<h1>Allies Agree to Resume Talks</h1>
<p class="byline">By Park Ji-won</p>
${ARTICLE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}
</article></main>
<div class="related"><h3>Related</h3><p><a href="/c">Read more about sanctions</a></p></div>
<footer><p>© 2024 Korea Policy Daily. All rights reserved. Cookie settings.</p></footer>
</body></html>`;
}

describe('saved web pages', () => {
  it('keeps the article body and leaves out navigation, sidebars, related links and footers', async () => {
    const read = await readSource('allies.html', new TextEncoder().encode(page()));
    if (!read.ok) throw new Error(read.error.message);
    for (const p of ARTICLE_PARAGRAPHS) expect(read.value.text).toContain(p);
    for (const junk of ['Subscribe now', 'Celebrity chef', 'Read more about sanctions', 'All rights reserved', 'Most read']) expect(read.value.text).not.toContain(junk);
    expect(read.value.text).toContain(`${ARTICLE_PARAGRAPHS[0]}\n\n${ARTICLE_PARAGRAPHS[1]}`);
  });

  it('reads the headline, byline, date, outlet and canonical address from the meta tags', async () => {
    const read = await readSource('allies.html', new TextEncoder().encode(page()));
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.title).toBe('Allies Agree to Resume Talks');
    expect(read.value.metadata).toEqual({ outlet: 'Korea Policy Daily', author: 'Park Ji-won', publishedAt: '2024-05-14T09:30:00+09:00', url: 'https://news.example.org/2024/05/14/allies-talks' });
  });

  it('falls back on JSON-LD, and on the first heading for the title', async () => {
    const read = await readSource('allies.html', new TextEncoder().encode(page({ meta: false, jsonLd: true })));
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.title).toBe('Headline From JSON-LD');
    expect(read.value.metadata).toEqual({ outlet: 'Peninsula Wire', author: 'Choi Eun', publishedAt: '2024-05-15' });
    const bare = await readSource('allies.html', new TextEncoder().encode(page({ meta: false })));
    expect(bare.ok && bare.value.title).toBe('Allies Agree to Resume Talks');
  });

  it('takes the whole page when there is no article to find', async () => {
    const html = '<html><head><title>Note</title></head><body><p>Short note: talks on Friday.</p><p>서울에서.</p></body></html>';
    const read = await readSource('note.htm', new TextEncoder().encode(html));
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.text).toBe('Short note: talks on Friday.\n\n서울에서.');
    expect(read.value.title).toBe('Note');
  });

  it('reads a page nested far too deep for a DOM by the hand rules, keeping its meta tags', async () => {
    const depth = 100_000;
    const html = `<html><head><meta property="og:title" content="Deep Page"><meta property="og:site_name" content="Wire"></head><body>${'<div>'.repeat(depth)}<p>Deep text 판문점 🇰🇷.</p>${'</div>'.repeat(depth)}</body></html>`;
    const read = await readSource('deep.html', new TextEncoder().encode(html));
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value).toEqual({ kind: 'html', title: 'Deep Page', text: 'Deep text 판문점 🇰🇷.', metadata: { outlet: 'Wire' } });
    const noHead = await readSource('deep-no-head.html', new TextEncoder().encode(`${'<span>'.repeat(depth)}Only words.${'</span>'.repeat(depth)}`));
    expect(noHead.ok && noHead.value.text).toBe('Only words.');
  });

  it('decodes the character set the page declares, and refuses bytes invalid in it', async () => {
    const euckr = Uint8Array.from([...new TextEncoder().encode('<html><head><meta charset="euc-kr"></head><body><p>'), 0xbc, 0xad, 0xbf, 0xef, ...new TextEncoder().encode(' talks</p></body></html>')]);
    const read = await readSource('seoul.html', euckr);
    expect(read.ok && read.value.text).toBe('서울 talks');
    const bad = await readSource('bad.html', Uint8Array.from([...new TextEncoder().encode('<p>ok '), 0xff, 0xfe, 0x00]));
    expect(bad.ok).toBe(false);
    const empty = await readSource('empty.html', new TextEncoder().encode('<html><body><script>var a = 1;</script></body></html>'));
    expect(empty.ok ? 'ok' : empty.error.message).toMatch(/empty\.html: the page has no readable text/u);
  });
});

/** A page saved by Chrome as MHTML: the page quoted-printable with soft line breaks, an image in base64 after it. */
function mhtml(html: string, options: { encoding?: 'quoted-printable' | 'base64'; crlf?: boolean } = {}): Uint8Array {
  const boundary = '----MultipartBoundary--Qq4Zr8sT1wX2----';
  const bytes = new TextEncoder().encode(html);
  let body: string;
  if (options.encoding === 'base64') body = Buffer.from(bytes).toString('base64').replace(/.{76}/gu, '$&\n');
  else {
    const encoded = Array.from(bytes, (b) => (b === 0x3d || b > 0x7e || (b < 0x20 && b !== 0x0a) ? `=${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b))).join('');
    body = encoded.replace(/(.{70})/gu, '$1=\n');
  }
  const text = [
    'From: <Saved by Blink>',
    'Snapshot-Content-Location: https://news.example.org/2024/05/14/allies-talks?utm=x',
    'Subject: Allies agree',
    'Date: Tue, 14 May 2024 10:00:00 +0900',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related;',
    '\ttype="text/html";',
    `\tboundary="${boundary}"`,
    '',
    '',
    `--${boundary}`,
    'Content-Type: text/html',
    'Content-ID: <frame-1@mhtml.blink>',
    `Content-Transfer-Encoding: ${options.encoding ?? 'quoted-printable'}`,
    'Content-Location: https://news.example.org/2024/05/14/allies-talks?utm=x',
    '',
    body,
    '',
    `--${boundary}`,
    'Content-Type: image/png',
    'Content-Transfer-Encoding: base64',
    'Content-Location: https://news.example.org/logo.png',
    '',
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    '',
    `--${boundary}--`,
    '',
  ].join('\n');
  return new TextEncoder().encode(options.crlf ? text.replace(/\n/gu, '\r\n') : text);
}

describe('pages saved as MHTML', () => {
  it('reads the page inside, quoted-printable or base64, with LF or CRLF line ends', async () => {
    const html = page({ meta: false }).replace('<title>', '<link rel="canonical" href="https://news.example.org/2024/05/14/allies-talks"><title>');
    for (const options of [{}, { crlf: true }, { encoding: 'base64' as const }, { encoding: 'base64' as const, crlf: true }]) {
      const read = await readSource('allies.mhtml', mhtml(html, options));
      if (!read.ok) throw new Error(read.error.message);
      expect(read.value.kind).toBe('mhtml');
      for (const p of ARTICLE_PARAGRAPHS) expect(read.value.text, JSON.stringify(options)).toContain(p);
      expect(read.value.text).not.toContain('Celebrity chef');
      expect(read.value.metadata.url).toBe('https://news.example.org/2024/05/14/allies-talks');
    }
  });

  it('takes the address the page was saved from when the page names none', async () => {
    const read = await readSource('allies.mht', mhtml(page({ meta: false })));
    expect(read.ok && read.value.metadata.url).toBe('https://news.example.org/2024/05/14/allies-talks?utm=x');
  });

  it('decodes quoted-printable: soft line breaks, escapes, multi-byte characters split across lines', () => {
    expect(new TextDecoder().decode(decodeQuotedPrintable('a=3Db =\nc=EC=84=\r\n=9C'))).toBe('a=b c서');
  });

  it('refuses a file that is not MHTML, or holds no page', async () => {
    const none = await readSource('x.mhtml', new TextEncoder().encode('just some words'));
    expect(none.ok ? 'ok' : none.error.message).toMatch(/x\.mhtml is not a saved web page/u);
    const noHtml = new TextDecoder().decode(mhtml('<p>x</p>')).replace('Content-Type: text/html', 'Content-Type: text/css');
    const read = await readSource('y.mhtml', new TextEncoder().encode(noHtml));
    expect(read.ok ? 'ok' : read.error.message).toMatch(/y\.mhtml is not a saved web page \(\.mhtml\): it holds no HTML part/u);
  });
});
