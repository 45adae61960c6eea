/** Native open and save dialogs, behind the `Dialogs` interface the handlers use. */
import { dialog, type BrowserWindow } from 'electron';
import type { Dialogs } from './dialogs';

/** Dialogs attached to the current window. */
export function createElectronDialogs(currentWindow: () => BrowserWindow | undefined): Dialogs {
  return {
    async openFiles(options) {
      const win = currentWindow();
      const props: Electron.OpenDialogOptions = { title: options.title, filters: options.filters, properties: ['openFile', 'multiSelections'] };
      const result = win ? await dialog.showOpenDialog(win, props) : await dialog.showOpenDialog(props);
      return result.canceled ? null : result.filePaths;
    },
    async saveFile(options) {
      const win = currentWindow();
      const props: Electron.SaveDialogOptions = { title: options.title, defaultPath: options.defaultPath, filters: options.filters };
      const result = win ? await dialog.showSaveDialog(win, props) : await dialog.showSaveDialog(props);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
