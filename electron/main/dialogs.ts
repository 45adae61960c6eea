/**
 * File dialogs as the handlers see them. The app uses Electron's native
 * dialogs; the end-to-end bridge answers with paths the test chose.
 */

/** A file type filter, e.g. `{ name: 'Articles', extensions: ['txt', 'md', 'html'] }`. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

/** Opens files or picks a save path; null means the user cancelled. */
export interface Dialogs {
  openFiles(options: { title: string; filters: FileFilter[] }): Promise<string[] | null>;
  saveFile(options: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<string | null>;
}
