/**
 * `parley sync` in a process of its own, for the test that kills it mid-sync.
 * Bundled by the test with esbuild. Arguments as for `parley sync`.
 */
import { runCommand } from '../command-line';
import { syncCommand } from '../sync-command';

const code = await runCommand(syncCommand, process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
process.exitCode = code;
