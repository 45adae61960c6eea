/**
 * Parley's main process: one hardened window, the store, the API handlers.
 * Everything with logic lives in modules that run without Electron; this file
 * only wires them to Electron's objects.
 */
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { createElectronDialogs } from './electron-dialogs';
import { createScriptedDialogs } from './scripted-dialogs';
import { hardenContents, hardenSession } from './harden-contents';
import { describeIncident } from '../node/incident-text';
import { registerApi, type ApiHandlers } from './ipc/register-api';
import { APP_ORIGIN, createSenderCheck } from './ipc/sender-check';
import { lockBreakOffer } from './lock-prompt';
import { EVENT_CHANNEL } from '../../shared/api-methods';
import { safeStoragePasswordKeeper } from './workspace-password';
import { createQuitGuard } from './quit-guard';
import { breakLock, inspectLock } from '../node/store/store-lock';
import { resolveStoreDir } from '../node/store-location';
import { createMainWindow } from './window-options';

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const rendererOrigins = devServerUrl ? [APP_ORIGIN, new URL(devServerUrl).origin] : [APP_ORIGIN];
const isOwnRenderer = createSenderCheck(rendererOrigins);
// End-to-end specs driving the unpackaged app answer its file dialogs from a queue file.
const dialogQueue = !app.isPackaged ? process.env.PARLEY_E2E_DIALOG_QUEUE : undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  let window: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.on('web-contents-created', (_event, contents) => hardenContents(contents, isOwnRenderer));

  app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    serveRenderer(path.join(__dirname, '../renderer'));

    const storeDir = resolveStoreDir(process.argv, process.env, app.getPath('userData'));
    // The window loads while the store opens: the API is registered at once with the handlers to come, and calls wait for them.
    let handlersReady!: (handlers: ApiHandlers) => void;
    let handlersFailed!: (reason: Error) => void;
    const handlers = new Promise<ApiHandlers>((resolve, reject) => {
      handlersReady = resolve;
      handlersFailed = reject;
    });
    handlers.catch(() => undefined);
    registerApi(ipcMain, handlers, isOwnRenderer);

    const createWindow = () => {
      const win = createMainWindow(BrowserWindow, path.join(__dirname, '../preload/index.js'));
      win.once('ready-to-show', () => win.show());
      win.on('closed', () => {
        if (window === win) window = null;
      });
      void win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
      return win;
    };
    window = createWindow();

    // The store opens while the window loads, as soon as its own module has; the handlers and the workspace
    // (most of the main process's code) load meanwhile, in the store's waits on the disk, not after it.
    const storeModule = import('../node/open-app-store');
    const open = () => storeModule.then(({ openAppStore }) => openAppStore(storeDir, os.userInfo().username, { seedSamples: !process.argv.includes('--no-samples') }));
    const opening = open();
    const [{ createHandlers }, { WorkspaceHost, workspaceEvents }] = await Promise.all([import('./handlers/create-handlers'), import('../node/workspace/workspace-host')]);
    let opened = await opening;
    if (!opened.ok && opened.error.code === 'store-locked') {
      // A lock Parley cannot judge (another machine, an unknown process): show who holds it and let the analyst decide.
      const inspection = await inspectLock(storeDir).catch(() => ({ state: 'free' as const }));
      const offer = lockBreakOffer(storeDir, inspection);
      if (offer && inspection.state !== 'free') {
        const answer = await dialog.showMessageBox({ type: 'warning', message: offer.message, detail: offer.detail, buttons: offer.buttons, defaultId: 0, cancelId: 0 });
        if (answer.response === offer.breakButton) {
          // The analyst saw who holds it: remove exactly that lock, and nothing taken since.
          const broken = await breakLock(storeDir, { force: true, onlyIf: inspection.raw });
          opened = broken.ok ? await open() : broken;
        }
      }
    }
    if (!opened.ok) {
      handlersFailed(new Error(opened.error.message));
      dialog.showErrorBox('Parley cannot open its store', `${opened.error.message}\n\nStore: ${storeDir}`);
      app.quit();
      return;
    }
    const { store, settings, incidents } = opened.value;
    // A library linked to a team workspace syncs on a timer; the password stays in the system keychain.
    const linked = await WorkspaceHost.start(store, {
      author: settings.author(),
      keeper: safeStoragePasswordKeeper(app.getPath('userData')),
      onChanged: (change) => workspaceEvents(change).forEach((event) => window?.webContents.send(EVENT_CHANNEL, event)),
    });
    if (!linked.ok) console.warn(`parley: team workspace not started: ${linked.error.message}`);
    const workspace = linked.ok ? linked.value : null;

    handlersReady(
      createHandlers({
        store,
        settings,
        incidents,
        version: app.getVersion(),
        dialogs: dialogQueue ? createScriptedDialogs(dialogQueue) : createElectronDialogs(() => window ?? undefined),
        notify: (event) => window?.webContents.send('parley:event', event),
        formatWorker: path.join(__dirname, 'format-worker.js'),
        workspace,
      }),
    );

    if (incidents.length > 0 && window) {
      void dialog.showMessageBox(window, {
        type: 'warning',
        message: 'Parley repaired damaged files in its store',
        detail: incidents.map(describeIncident).join('\n\n'),
      });
    }

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) window = createWindow();
    });
    // Pending saves are written and the store closed before the app goes.
    app.on(
      'will-quit',
      createQuitGuard({
        // One more sync (5 s at most: what is not sent stays queued), then the store.
        close: async () => {
          await workspace?.beforeQuit(5_000).catch(() => false);
          await store.close();
        },
        quit: () => app.quit(),
        warn: (message) => dialog.showMessageBox({ type: 'warning', message: 'Parley is quitting', detail: message }).then(() => undefined),
        timeoutMs: 15_000,
      }),
    );
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Links in notes or articles never open inside the app; the shell is only used for the store folder.
  void shell;
}
