/**
 * The team workspace's password in the app, kept with Electron's safeStorage
 * (the operating system's keychain encrypts it) in a file of the app's
 * user-data folder, never in the store folder. Where safeStorage cannot
 * encrypt (no keychain), nothing is saved and the analyst is told so: the
 * password then comes from PGPASSWORD or ~/.pgpass.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import { fail, ok } from '../../annotations/result';
import type { PasswordKeeper } from '../node/workspace/workspace-host';

/** A keeper over safeStorage, in `dir` (the app's user-data folder). */
export function safeStoragePasswordKeeper(dir: string): PasswordKeeper {
  const file = path.join(dir, 'workspace-password.bin');
  return {
    read() {
      try {
        return safeStorage.decryptString(readFileSync(file));
      } catch {
        return undefined;
      }
    },
    save(password) {
      if (!safeStorage.isEncryptionAvailable()) return fail('forbidden', 'this system offers no keychain to keep the password safely; set PGPASSWORD or use ~/.pgpass instead');
      try {
        writeFileSync(file, safeStorage.encryptString(password), { mode: 0o600 });
        return ok(undefined);
      } catch (error) {
        return fail('io-error', `could not keep the password: ${(error as Error).message}`);
      }
    },
  };
}
