/**
 * A separate process that opens a store the way the app does and holds it
 * until it is killed: the other writer in the two-writers test. Prints
 * `ready <pid>` once the store is open. Bundled by the test with esbuild.
 */
import { openAppStore } from '../../node/open-app-store';

const dir = process.argv[2];
if (!dir) throw new Error('usage: store-holder <store dir>');
const opened = await openAppStore(dir, 'holder', { seedSamples: true });
if (!opened.ok) {
  process.stdout.write(`failed ${opened.error.code}: ${opened.error.message}\n`);
  process.exit(1);
}
process.stdout.write(`ready ${process.pid}\n`);
// Hold the store open until killed.
setInterval(() => undefined, 60_000);
