/** SHA-256 of a document's text, the key by which documents are matched across tools and colleagues. */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** Lower-case hex SHA-256 of the UTF-8 encoding of `text`. Lone surrogates encode as U+FFFD. */
export function textSha256(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(wellFormed(text))));
}

function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
