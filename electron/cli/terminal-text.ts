/**
 * Text read from files (titles, quotes, labels, names) is printed to a
 * terminal; a file must not be able to move the cursor, retitle the window or
 * hide what is printed. Every line the CLI prints passes through `forTerminal`.
 */

/** What stands in for a control character or an escape sequence. */
export const REPLACEMENT = '\uFFFD';

// ESC sequences first (CSI `ESC [ … final`, OSC/DCS/APC/PM/SOS strings up to BEL or ST,
// any other `ESC x`), then the remaining C0 controls except tab and newline, DEL, and C1.
/* eslint-disable no-control-regex -- these patterns exist to find control characters */
const ESCAPE_SEQUENCE = /\x1b(?:\[[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?|[\]PX^_][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?|[\x20-\x7e]?)/g;
const C1_STRING = /[\x9b][\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?|[\x9d\x90\x98\x9e\x9f][^\x07\x1b\x9c\n]*(?:\x07|\x9c)?/g;
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)/g;
/* eslint-enable no-control-regex */

/** `text` with every terminal control character or escape sequence replaced by U+FFFD; tabs, newlines and CRLF line ends are kept, a lone carriage return is not. */
export function forTerminal(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, REPLACEMENT).replace(C1_STRING, REPLACEMENT).replace(CONTROL, REPLACEMENT);
}
