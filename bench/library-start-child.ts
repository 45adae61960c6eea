/**
 * The main process's part of starting the app, alone in a fresh Node process:
 * open the store (lock, read, validate every file) as the app does, then list
 * the documents the library shows. Prints one JSON line with the times and the
 * memory held afterwards. Run by `library-bench.ts` with the store folder as
 * its argument.
 */
import { openAppStore } from '../electron/node/open-app-store';

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: library-start-child STORE_DIR');
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

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
