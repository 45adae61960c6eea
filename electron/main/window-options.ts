/**
 * Creates Parley's window: isolation, sandbox, no Node in the renderer. The
 * constructor is passed in so tests can read the exact options without
 * Electron, and the options stay a literal that static checkers
 * (Electronegativity) can see.
 */
import type { BrowserWindow as ElectronBrowserWindow, BrowserWindowConstructorOptions } from 'electron';

/** Anything constructed like Electron's `BrowserWindow`. */
export type WindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W;

/** Builds the main window with the given constructor and the built preload script's path. */
export function createMainWindow<W = ElectronBrowserWindow>(BrowserWindow: WindowConstructor<W>, preloadPath: string): W {
  return new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Parley',
    backgroundColor: '#f7f7f5',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  });
}
