import { ellipsis } from '../../../annotations/text/ellipsis';

/**
 * A `.txt` name for pasted text: the given title, or else the text's first
 * line, shortened. The main process takes the document's title from this name.
 */
export function pastedFileName(title: string, text: string): string {
  const firstLine = text.trim().split(/\r?\n/, 1)[0]?.replace(/^#+\s*/, '') ?? '';
  const base = (title.trim() || firstLine)
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const short = ellipsis(base, 80);
  return `${short || 'Pasted text'}.txt`;
}
