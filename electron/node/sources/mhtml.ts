/**
 * Saved pages' bytes as text: a `.mhtml` (a page saved by Chrome or Edge as
 * one file: MIME multipart, RFC 2557) gives its HTML part, decoded from
 * quoted-printable or base64 in its declared character set; an `.html` file
 * is decoded by its byte-order mark, else its `<meta charset>`, else UTF-8.
 */
import { fail, ok, type Result } from '../../../annotations/result';

/** `bytes` decoded in `charset`, or undefined when the charset is unknown or the bytes are not valid in it. */
function decodeIn(charset: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(charset.trim().toLowerCase(), { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * An HTML file's text: by its byte-order mark, else the charset its first
 * 2 KB declare, else UTF-8. Fails with `invalid-format` naming the charset
 * when the bytes are not valid in it.
 */
export function decodeHtmlBytes(name: string, bytes: Uint8Array): Result<string> {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodedOr(name, 'utf-8', bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodedOr(name, 'utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodedOr(name, 'utf-16be', bytes.subarray(2));
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 2048)).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?([\w:.-]+)/iu.exec(head)?.[1];
  return decodedOr(name, declared && !/^utf-?16/iu.test(declared) ? declared : 'utf-8', bytes);
}

function decodedOr(name: string, charset: string, bytes: Uint8Array): Result<string> {
  const text = decodeIn(charset, bytes);
  if (text === undefined) return fail('invalid-format', `${name} is not valid ${charset} text (the character set it declares, or UTF-8 when it declares none)`);
  if (text.includes('\u0000')) return fail('invalid-format', `${name}: this looks like a binary file, not a web page`);
  return ok(text);
}

/** Header lines of a MIME entity, names lower-cased, folded lines unfolded. */
function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/gu, ' ').split(/\r?\n/u)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function parameter(header: string | undefined, key: string): string | undefined {
  if (!header) return undefined;
  const m = new RegExp(`(?:^|;)\\s*${key}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'iu').exec(header);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** Quoted-printable (RFC 2045) to bytes: soft line breaks removed, `=XX` decoded. */
export function decodeQuotedPrintable(body: string): Uint8Array {
  const joined = body.replace(/=\r?\n/gu, '');
  const out: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const c = joined.charCodeAt(i);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/u.test(joined.slice(i + 1, i + 3))) {
      out.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(c & 0xff);
  }
  return Uint8Array.from(out);
}

/** The page inside an `.mhtml` file: its HTML and the address it was saved from. */
export interface MhtmlPage {
  html: string;
  location?: string;
}

/**
 * The first `text/html` part of an MHTML file, decoded. Fails with
 * `invalid-format` when the file is not MIME multipart or holds no HTML part.
 */
export function htmlOfMhtml(name: string, bytes: Uint8Array): Result<MhtmlPage> {
  // MIME is 7-bit or 8-bit; latin1 keeps every byte as one character so binary parts survive until decoded.
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const split = /\r?\n\r?\n/u.exec(raw);
  if (!split) return fail('invalid-format', `${name} is not a saved web page (.mhtml): it has no MIME headers`);
  const top = parseHeaders(raw.slice(0, split.index));
  const boundary = parameter(top.get('content-type'), 'boundary');
  if (!boundary) return fail('invalid-format', `${name} is not a saved web page (.mhtml): its Content-Type names no multipart boundary`);
  const location = top.get('snapshot-content-location');
  const parts = raw.slice(split.index).split(`--${boundary}`);
  for (const part of parts.slice(1)) {
    if (part.startsWith('--')) break;
    const end = /\r?\n\r?\n/u.exec(part);
    if (!end) continue;
    const headers = parseHeaders(part.slice(0, end.index));
    const type = headers.get('content-type') ?? '';
    if (!/^text\/html\b/iu.test(type)) continue;
    const body = part.slice(end.index + end[0].length).replace(/\r?\n$/u, '');
    const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
    const partBytes = encoding === 'quoted-printable' ? decodeQuotedPrintable(body) : encoding === 'base64' ? Uint8Array.from(Buffer.from(body.replace(/\s+/gu, ''), 'base64')) : Uint8Array.from(Buffer.from(body, 'latin1'));
    const charset = parameter(type, 'charset') ?? 'utf-8';
    const html = decodeIn(charset, partBytes);
    if (html === undefined) return fail('invalid-format', `${name}: its page is not valid ${charset} text`);
    return ok({ html, location: location ?? headers.get('content-location') });
  }
  return fail('invalid-format', `${name} is not a saved web page (.mhtml): it holds no HTML part`);
}
