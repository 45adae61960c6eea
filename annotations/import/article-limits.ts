/** How large an article file may be. Its own module so the renderer can import it without the HTML parser. */
import { MAX_TEXT_LENGTH } from '../document';

/**
 * Largest article file read, in bytes: room for the longest text allowed
 * (`MAX_TEXT_LENGTH` UTF-16 units are at most three UTF-8 bytes each) and no
 * more. Every path that reads a file checks this before reading it.
 */
export const MAX_ARTICLE_FILE_BYTES = 3 * MAX_TEXT_LENGTH;
