/**
 * The media type of a source file (PDF, Word, saved page), from its name, as
 * Parley JSON names the original a document was extracted from.
 */

const MEDIA_TYPES: Readonly<Record<string, string>> = {
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.xhtml': 'application/xhtml+xml',
  '.mhtml': 'multipart/related',
  '.mht': 'multipart/related',
};

/** The media type of a file called `name` (by its extension, any case); `application/octet-stream` when the kind is not one Parley reads. */
export function mediaTypeOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return (dot === -1 ? undefined : MEDIA_TYPES[name.slice(dot).toLowerCase()]) ?? 'application/octet-stream';
}
