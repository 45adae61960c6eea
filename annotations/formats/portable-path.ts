/**
 * File names that are safe on Windows, macOS and Linux alike, changed as
 * little as possible: only characters one of them refuses are replaced, and
 * Windows' reserved device names are made ordinary. Exports use it to give a
 * document back the name and sub-folders it was imported with.
 */

/** Characters Windows, macOS or Linux refuse in a name, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[<>:"/\\|?*\x00-\x1f\x7f]/g;
/** Windows' device names, refused with any extension (`CON`, `nul.txt`, `COM1.tar.gz`). */
const RESERVED = /^(?:CON|PRN|AUX|NUL|COM[1-9¹²³]|LPT[1-9¹²³])$/i;
/** Most UTF-8 bytes kept of one name (most file systems allow 255). */
export const MAX_NAME_BYTES = 200;

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** `name` shortened to at most `MAX_NAME_BYTES` of UTF-8, never inside a character. */
function shorten(name: string): string {
  let bytes = 0;
  let out = '';
  for (const char of name) {
    bytes += utf8Length(char.codePointAt(0)!);
    if (bytes > MAX_NAME_BYTES) break;
    out += char;
  }
  return out;
}

/**
 * One file or folder name made safe everywhere: unsafe characters become `_`,
 * trailing dots and spaces (which Windows drops) become `_`, a reserved
 * device name gets `_` after its first part (`CON.txt` → `CON_.txt`), and
 * `''`, `.` and `..` become `_`. Anything else, Hangul and emoji included, is kept.
 */
export function portableName(name: string): string {
  let safe = shorten(name.replace(UNSAFE, '_')).replace(/[. ]+$/, (tail) => '_'.repeat(tail.length));
  const dot = safe.indexOf('.');
  const first = dot < 0 ? safe : safe.slice(0, dot);
  if (RESERVED.test(first.trimEnd())) safe = `${first}_${safe.slice(first.length)}`;
  return safe === '' ? '_' : safe;
}

/**
 * A document's relative path without its last extension (`news/2024/talks.txt`
 * → `news/2024/talks`), each name made safe by `portableName`. Back slashes
 * count as separators; empty and `.` segments are dropped and `..` made
 * ordinary, so the result always stays inside the export. Undefined when
 * nothing is left.
 */
export function portableStem(relativePath: string): string | undefined {
  const segments = relativePath.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  if (segments.length === 0) return undefined;
  const last = segments[segments.length - 1]!;
  const dot = last.lastIndexOf('.');
  segments[segments.length - 1] = dot > 0 ? last.slice(0, dot) : last;
  return segments.map(portableName).join('/');
}
