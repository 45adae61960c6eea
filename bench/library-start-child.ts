/**
 * The main process's part of starting the app, alone in a fresh Node process.
 * Run by `library-bench.ts` with the store folder as its argument.
 *
 * - `library-start-child STORE_DIR`: opens the store (lock, read, check every
 *   file) as the app does, then lists the documents the library shows. Prints
 *   one JSON line with the times and the memory held afterwards.
 * - `library-start-child --serve STORE_DIR`: starts as the app does. It serves
 *   the built renderer at once (printing `{"origin"}`), registers the API with
 *   the handlers to come, and opens the store meanwhile, so the window loads
 *   while the store opens (printing `{"openedAt"}`, ms since the epoch), on
 *   the port given after the folder (any free one without). It
 *   closes the store and exits when its standard input ends.
 */
import path from 'node:path';
import { registerApi, type ApiHandlers, type InvokeEventLike } from '../electron/main/ipc/register-api';
import { createSenderCheck } from '../electron/main/ipc/sender-check';
import { channelInvoker, serveRenderer } from '../e2e/support/serve-renderer';

/** The project's folder (set by library-bench.ts: this runs as an ES module bundle). */
const ROOT = process.env.PARLEY_ROOT ?? process.cwd();

async function measureOpen(dir: string): Promise<void> {
  const { openAppStore } = await import('../electron/node/open-app-store');
  const started = performance.now();
  const opened = await openAppStore(dir, 'bench', { seedSamples: false });
  if (!opened.ok) throw new Error(`store did not open: ${opened.error.message}`);
  const openMs = performance.now() - started;
  const listed = performance.now();
  const documents = opened.value.store.listDocuments();
  // What the bridge sends: the list as JSON (Electron's structured clone costs about as much).
  const bytes = Buffer.byteLength(JSON.stringify(documents));
  const listMs = performance.now() - listed;
  const memory = process.memoryUsage();
  await opened.value.store.close();
  const cpu = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ openMs, listMs, cpuMs: (cpu.user + cpu.system) / 1000, documents: documents.length, listBytes: bytes, rssBytes: memory.rss, heapUsedBytes: memory.heapUsed })}\n`);
}

async function serve(dir: string, port: number): Promise<void> {
  const channels = new Map<string, (event: InvokeEventLike, input: unknown) => Promise<unknown>>();
  const invoke = channelInvoker(channels);
  const { server, origin } = await serveRenderer(() => invoke, path.join(ROOT, 'out/renderer'), port);
  // As the app's main process: the store opens once its module has loaded, after the window is served; the handlers' modules load meanwhile.
  const opening = import('../electron/node/open-app-store').then(({ openAppStore }) => openAppStore(dir, 'bench', { seedSamples: false }));
  const handlersModule = import('../electron/main/handlers/create-handlers');
  const handlers: Promise<ApiHandlers> = opening.then(async (opened) => {
    if (!opened.ok) throw new Error(opened.error.message);
    const { createHandlers } = await handlersModule;
    const { store, settings, incidents } = opened.value;
    return createHandlers({ store, settings, incidents, dialogs: { openFiles: async () => null, saveFile: async () => null }, version: 'bench', notify: () => undefined, formatWorker: path.join(ROOT, 'out/main/format-worker.js') });
  });
  registerApi({ handle: (channel, listener) => channels.set(channel, listener) }, handlers, createSenderCheck([origin]));
  process.stdout.write(`${JSON.stringify({ origin })}\n`);
  const opened = await opening;
  if (!opened.ok) throw new Error(`store did not open: ${opened.error.message}`);
  process.stdout.write(`${JSON.stringify({ openedAt: performance.timeOrigin + performance.now() })}\n`);
  await new Promise<void>((resolve) => {
    process.stdin.on('end', resolve);
    process.stdin.resume();
  });
  server.close();
  await opened.value.store.close();
}

async function main(): Promise<void> {
  const serving = process.argv[2] === '--serve';
  const dir = process.argv[serving ? 3 : 2];
  if (!dir) throw new Error('usage: library-start-child [--serve] STORE_DIR [PORT]');
  await (serving ? serve(dir, Number(process.argv[4] ?? 0)) : measureOpen(dir));
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
