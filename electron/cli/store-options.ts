/** Finds the store a command works on: `--store DIR`, else PARLEY_STORE, else the app's own. */
import os from 'node:os';
import path from 'node:path';
import { resolveStoreDir } from '../node/store-location';
import { defaultUserDataDir } from '../node/user-data-dir';
import type { CliOption } from './command-line';

/** The `--store DIR` option, the same in every command that opens a store. */
export const STORE_OPTION: CliOption = { type: 'string', value: 'DIR', help: "the store folder (default: PARLEY_STORE, else the app's own)" };

/** The store folder for this command line (commands that read argv themselves). */
export function cliStoreDir(argv: readonly string[]): string {
  return resolveStoreDir(argv, process.env, defaultUserDataDir(process.platform, process.env, os.homedir()));
}

/** The store folder: `store` (the parsed `--store`), else a non-empty PARLEY_STORE, else the app's own; absolute. */
export function storeDirOf(store: string | undefined): string {
  const fromEnv = process.env.PARLEY_STORE?.trim() ? process.env.PARLEY_STORE : undefined;
  return path.resolve(store ?? fromEnv ?? path.join(defaultUserDataDir(process.platform, process.env, os.homedir()), 'store'));
}
