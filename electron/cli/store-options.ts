/** Finds the store a command works on: `--store DIR`, else PARLEY_STORE, else the app's own. */
import os from 'node:os';
import { resolveStoreDir } from '../main/store-location';
import { defaultUserDataDir } from '../main/user-data-dir';

/** The store folder for this command line. */
export function cliStoreDir(argv: readonly string[]): string {
  return resolveStoreDir(argv, process.env, defaultUserDataDir(process.platform, process.env, os.homedir()));
}

/** The arguments that are not options (and not the value of `--store`, `--out` or `--format`). */
export function positional(argv: readonly string[], valued: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (valued.includes(arg)) {
      i++;
      continue;
    }
    if (arg.startsWith('--')) continue;
    out.push(arg);
  }
  return out;
}

/** The value of `--name VALUE` or `--name=VALUE`. */
export function option(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === name) return argv[i + 1];
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}
