/**
 * Which text a group of W3C annotations (or Hypothesis rows) marks, when a
 * file covers several documents or several texts are given. Tried in order:
 * the `target.source` as a content address (`urn:sha256:<hex of the UTF-8
 * text>`); the last segment of the source naming a text file (`…/envoys.txt`,
 * or `envoys.html` for `envoys.txt`); for a file with one source, a text named
 * like the file or the only text given; then the one text in which every
 * quote occurs.
 */
import { baseName, withoutExtension } from './files';
import { plural } from '../text/plural';

/** A text file given beside the annotations. */
export interface TextCandidate {
  path: string;
  text: string;
  sha256: string;
}

/** The text a group was paired with, and how. */
export type Pairing = { text: TextCandidate; by: 'checksum' | 'source name' | 'file name' | 'only text' | 'quotes' } | { error: string };

const SHA_URN = /^urn:sha256:([0-9a-f]{64})$/i;

/** The last path segment of an IRI or path, without query or fragment, decoded (`https://x/a/b.txt?q#f` → `b.txt`). */
export function lastSegment(source: string): string {
  const bare = source.replace(/[?#].*$/s, '').replace(/\/+$/, '');
  const i = Math.max(bare.lastIndexOf('/'), bare.lastIndexOf('\\'));
  const last = i < 0 ? bare : bare.slice(i + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** The content address Parley writes as a W3C `target.source`: `urn:sha256:` and the text's SHA-256. */
export function contentAddress(sha256: string): string {
  return `urn:sha256:${sha256}`;
}

/**
 * Pairs one group of annotations with a text. `fileStem` is the annotation
 * file's path without extension; `soleGroup` is true when the file names one
 * source (or none), so pairing by the file's name or the only text applies.
 */
export function pairWithText(source: string | undefined, quotes: readonly string[], texts: readonly TextCandidate[], fileStem: string, soleGroup: boolean): Pairing {
  const sha = source !== undefined ? SHA_URN.exec(source)?.[1]?.toLowerCase() : undefined;
  if (sha) {
    const found = texts.find((t) => t.sha256 === sha);
    if (found) return { text: found, by: 'checksum' };
  }
  if (source !== undefined && !sha && /[/\\.]/.test(source)) {
    const segment = lastSegment(source);
    const named = texts.filter((t) => baseName(t.path) === segment);
    const stemmed = named.length > 0 ? named : texts.filter((t) => baseName(withoutExtension(t.path)) === baseName(withoutExtension(segment)));
    if (stemmed.length === 1) return { text: stemmed[0]!, by: 'source name' };
  }
  if (soleGroup) {
    const sameName = texts.find((t) => withoutExtension(t.path) === fileStem);
    if (sameName) return { text: sameName, by: 'file name' };
    if (texts.length === 1) return { text: texts[0]!, by: 'only text' };
  }
  const withQuotes = quotes.length === 0 ? [] : texts.filter((t) => quotes.every((q) => t.text.includes(q)));
  if (withQuotes.length === 1) return { text: withQuotes[0]!, by: 'quotes' };
  const what = source !== undefined ? `source ${JSON.stringify(source)}` : 'annotations without a source';
  if (texts.length === 0) return { error: `no text to pair with: give ${soleGroup ? `${fileStem}.txt` : 'the annotated texts'} beside it` };
  if (withQuotes.length > 1) return { error: `the ${what} could be ${withQuotes.map((t) => baseName(t.path)).join(' or ')} (every quote occurs in each); name the text by its sha256 (urn:sha256:…) or its file name` };
  return { error: `no given text matches the ${what}: none has its sha256 or file name, and none holds all of its ${plural(quotes.length, 'quote')}` };
}
