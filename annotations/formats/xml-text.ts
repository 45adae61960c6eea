/**
 * Writing XML text safely: escapes markup characters, and writes carriage
 * returns, line feeds and tabs in attributes (and carriage returns in element
 * text) as character references, since an XML reader would otherwise turn
 * them into spaces or line feeds and change the text.
 */

/** Characters XML 1.0 cannot hold at all, even as references: C0 controls other than tab, LF, CR; lone surrogates; U+FFFE, U+FFFF. */
// eslint-disable-next-line no-control-regex -- these are exactly the characters to find
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` with every character XML 1.0 cannot carry replaced by U+FFFD. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}

/** Element content: `&`, `<`, `>` escaped and CR written as `&#13;` so CRLF survives a reader's line-end normalisation. */
export function escapeXmlText(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** An attribute value for double quotes: markup escaped, and tab, LF and CR as references so they are not read back as spaces. */
export function escapeXmlAttribute(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** `name="value"` pairs for the defined values, in the order given. */
export function xmlAttributes(pairs: ReadonlyArray<readonly [string, string | number | boolean | undefined]>): string {
  return pairs
    .filter((p): p is readonly [string, string | number | boolean] => p[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXmlAttribute(String(v))}"`)
    .join('');
}
