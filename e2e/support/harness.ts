/**
 * Runs Parley for an end-to-end test: the real built renderer (out/renderer)
 * in Chromium, bridged to the real main-process handlers — registered with
 * the app's own `registerApi` — on a real store in a temporary folder.
 *
 * With PARLEY_E2E_ELECTRON=1 and an Electron binary present, the same specs
 * drive the packaged app instead, through Playwright's Electron support.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { _electron, chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { ParleyEvent } from '../../shared/api';
import type { Dialogs } from '../../electron/main/dialogs';
import { createHandlers } from '../../electron/main/handlers/create-handlers';
import { WorkspaceHost, workspaceEvents, type PasswordKeeper } from '../../electron/node/workspace/workspace-host';
import { registerApi, type InvokeEventLike } from '../../electron/main/ipc/register-api';
import { createSenderCheck } from '../../electron/main/ipc/sender-check';
import { openAppStore } from '../../electron/node/open-app-store';
import type { ScriptedAnswer } from '../../electron/main/scripted-dialogs';
import { CHROMIUM_ARGS, chromiumPath } from './chromium-path';
import { channelInvoker, serveRenderer, type Invoker } from './serve-renderer';

const ROOT = path.resolve(__dirname, '../..');

/** Answers the app's file dialogs in the order the test queues them. */
export class TestDialogs implements Dialogs {
  private readonly opens: Array<string[] | null> = [];
  private readonly saves: Array<string | null> = [];
  /** The next open dialog returns these paths (null: cancelled). */
  nextOpen(paths: string[] | null): void {
    this.opens.push(paths);
  }
  /** The next save dialog returns this path (null: cancelled). */
  nextSave(file: string | null): void {
    this.saves.push(file);
  }
  async openFiles(): Promise<string[] | null> {
    if (this.opens.length === 0) throw new Error('the app opened a file dialog the test did not expect');
    return this.opens.shift()!;
  }
  async saveFile(): Promise<string | null> {
    if (this.saves.length === 0) throw new Error('the app opened a save dialog the test did not expect');
    return this.saves.shift()!;
  }
}

/** A running Parley under test. */
export interface ParleyHarness {
  page: Page;
  storeDir: string;
  dialogs: TestDialogs;
  /** Reloads the window (the store stays open, as in the app). */
  reload(): Promise<void>;
  /** Closes the window and the store, then opens both again on the same folder: an app restart. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Seed the built-in sample corpus into an empty store (default true, as on first run). */
  seedSamples?: boolean;
  /** Reuse a store folder (default: a new temporary folder). */
  storeDir?: string;
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /** Start the team workspace of a linked store (as the app does), keeping its password with this keeper. */
  workspaceKeeper?: PasswordKeeper;
  /** Files of the built renderer whose requests fail, as a damaged install's would (matched against the address). */
  failAssets?: RegExp;
}

let bridgeScript: Promise<string> | undefined;
/** The bridge (bridge-preload.ts) as a script to run in the page before its own. */
export function bundleBridge(): Promise<string> {
  bridgeScript ??= build({
    entryPoints: [path.join(__dirname, 'bridge-preload.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
  }).then((r) => r.outputFiles[0]!.text);
  return bridgeScript;
}

let sharedBrowser: Promise<Browser> | undefined;
function browser(): Promise<Browser> {
  sharedBrowser ??= chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  return sharedBrowser;
}

/** Closes the Chromium shared by the specs of one file. */
export async function closeBrowser(): Promise<void> {
  if (sharedBrowser) await (await sharedBrowser).close();
  sharedBrowser = undefined;
}

/** Starts Parley on a store (new temporary one by default) and opens its window. */
export async function launchParley(options: LaunchOptions = {}): Promise<ParleyHarness> {
  const storeDir = options.storeDir ?? (await mkdtemp(path.join(os.tmpdir(), 'parley-e2e-')));
  if (process.env.PARLEY_E2E_ELECTRON === '1') return launchElectron(storeDir, options);

  const dialogs = new TestDialogs();
  let invoke: Invoker | null = null;
  const { server, origin } = await serveRenderer(() => invoke);
  const script = await bundleBridge();
  let context: BrowserContext | undefined;
  let page!: Page;
  let close = async () => {};

  const open = async () => {
    const opened = await openAppStore(storeDir, 'analyst', { seedSamples: options.seedSamples ?? true });
    if (!opened.ok) throw new Error(`store did not open: ${opened.error.message}`);
    const { store, settings, incidents } = opened.value;
    const channels = new Map<string, (event: InvokeEventLike, input: unknown) => Promise<unknown>>();
    const linked = options.workspaceKeeper
      ? await WorkspaceHost.start(store, {
          author: settings.author(),
          keeper: options.workspaceKeeper,
          intervalMs: 0,
          onChanged: (change) => {
            for (const event of workspaceEvents(change)) void page?.evaluate((e) => window.__parleyEmit(e), event).catch(() => undefined);
          },
        })
      : null;
    if (linked && !linked.ok) throw new Error(`the workspace did not start: ${linked.error.message}`);
    const workspace = linked?.ok ? linked.value : null;
    const handlers = createHandlers({
      store,
      settings,
      incidents,
      workspace,
      dialogs,
      version: 'e2e',
      notify: (event: ParleyEvent) => void page?.evaluate((e) => window.__parleyEmit(e), event).catch(() => undefined),
      // The worker the build wrote, as the app uses it (the e2e run builds first).
      formatWorker: path.join(ROOT, 'out/main/format-worker.js'),
    });
    registerApi({ handle: (channel, listener) => channels.set(channel, listener) }, handlers, createSenderCheck([origin]));

    context = await (await browser()).newContext({ viewport: options.viewport ?? { width: 1280, height: 800 }, colorScheme: options.colorScheme ?? 'light' });
    invoke = channelInvoker(channels);
    await context.addInitScript({ content: script });
    if (options.failAssets) await context.route(options.failAssets, (route) => route.abort('failed'));
    page = await context.newPage();
    page.on('pageerror', (error) => console.error('renderer error:', error.message));
    await page.goto(`${origin}/index.html`);
    close = async () => {
      invoke = null;
      await context?.close();
      await workspace?.beforeQuit(2_000);
      await store.close();
    };
  };

  await open();
  const harness: ParleyHarness = {
    get page() {
      return page;
    },
    storeDir,
    dialogs,
    async reload() {
      await page.reload();
    },
    async restart() {
      await close();
      await open();
    },
    async close() {
      await close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return harness;
}

/** Dialog answers for the real app, passed through the queue file its scripted dialogs read. */
class QueuedFileDialogs extends TestDialogs {
  constructor(private readonly queueFile: string) {
    super();
  }
  private push(answer: ScriptedAnswer): void {
    const queue = existsSync(this.queueFile) ? (JSON.parse(readFileSync(this.queueFile, 'utf8')) as ScriptedAnswer[]) : [];
    queue.push(answer);
    writeFileSync(this.queueFile, JSON.stringify(queue));
  }
  override nextOpen(paths: string[] | null): void {
    this.push({ kind: 'open', paths });
  }
  override nextSave(file: string | null): void {
    this.push({ kind: 'save', path: file });
  }
}

async function launchElectron(storeDir: string, options: LaunchOptions): Promise<ParleyHarness> {
  const queueFile = path.join(await mkdtemp(path.join(os.tmpdir(), 'parley-dialogs-')), 'queue.json');
  writeFileSync(queueFile, '[]');
  const dialogs = new QueuedFileDialogs(queueFile);
  const args = [path.join(ROOT, 'out/main/index.js'), '--store', storeDir];
  if (options.seedSamples === false) args.push('--no-samples');
  const env = { ...process.env, PARLEY_E2E_DIALOG_QUEUE: queueFile } as Record<string, string>;
  let app = await _electron.launch({ args, env });
  let page = await app.firstWindow();
  if (options.failAssets) {
    // The window has loaded by now: fail the files from here on and load it again, so its start meets them.
    await app.context().route(options.failAssets, (route) => route.abort('failed'));
    await page.reload();
  }
  return {
    get page() {
      return page;
    },
    storeDir,
    dialogs,
    async reload() {
      await page.reload();
    },
    async restart() {
      await app.close();
      app = await _electron.launch({ args, env });
      page = await app.firstWindow();
    },
    async close() {
      await app.close();
    },
  };
}
