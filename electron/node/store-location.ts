/** Where the store lives: `--store DIR`, else `PARLEY_STORE`, else the app's user-data folder. */
import path from 'node:path';

/** Reads `--store DIR` or `--store=DIR` from argv. */
export function storeFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--store' && i + 1 < argv.length) return argv[i + 1];
    if (arg.startsWith('--store=')) return arg.slice('--store='.length);
  }
  return undefined;
}

/** The store folder, resolved to an absolute path. */
export function resolveStoreDir(argv: readonly string[], env: Record<string, string | undefined>, userDataDir: string): string {
  const chosen = storeFlag(argv) ?? env.PARLEY_STORE ?? path.join(userDataDir, 'store');
  return path.resolve(chosen);
}
