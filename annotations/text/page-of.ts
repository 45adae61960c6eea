/** Which page of a paged source (a PDF) an offset of its extracted text lies on. */

/** A page's range in a text: UTF-16 offsets, end exclusive. */
export interface PageRange {
  start: number;
  end: number;
}

/**
 * The 1-based number of the page `offset` lies on: the last page that starts
 * at or before it (text between two pages, such as the blank line after a
 * page, counts to the page before). Undefined when there are no pages or the
 * offset lies before the first. `pages` must be in text order, as stored.
 */
export function pageOf(pages: readonly PageRange[] | undefined, offset: number): number | undefined {
  if (!pages || pages.length === 0) return undefined;
  let low = 0;
  let high = pages.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    // An empty page (start = end) holds no offset: a later page starting at the same place wins.
    if (pages[mid]!.start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found === -1 ? undefined : found + 1;
}
