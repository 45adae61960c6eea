/**
 * The analyst's settings, kept beside the store in `settings.json`: the
 * author name stamped on their annotations, and whether the sample corpus was
 * already offered (so deleting the samples does not bring them back).
 */
import path from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { fail, ok, type Result } from '../../annotations/result';
import { DamagedFileError, DurableJsonFile, NewerSchemaError } from './store/durable-file-adapter';
import { quarantineFile } from './store/quarantine';
import type { ParleyStore } from './store/parley-store';

const SETTINGS_VERSION = 1;

const settingsSchema = z.strictObject({
  schemaVersion: z.literal(SETTINGS_VERSION),
  author: z.string().min(1).max(100),
  seededSamples: z.boolean(),
});

type SettingsFile = z.infer<typeof settingsSchema>;

/** Reads and changes the settings; every change is on disk before its promise resolves. */
export interface AppSettings {
  author(): string;
  setAuthor(author: string): Promise<Result<void>>;
  /** True until the sample corpus has been offered once. */
  isFirstRun(): boolean;
  markSeeded(): Promise<Result<void>>;
}

/** Opens `settings.json` in the store's folder, creating it with `defaultAuthor` if missing. A damaged file is moved aside. */
export async function openAppSettings(store: ParleyStore, defaultAuthor: string): Promise<Result<AppSettings>> {
  const file = path.join(store.dir, 'settings.json');
  const db = new Low<SettingsFile>(new DurableJsonFile(file, settingsSchema, SETTINGS_VERSION), {
    schemaVersion: SETTINGS_VERSION,
    author: defaultAuthor.trim().slice(0, 100) || 'analyst',
    // An existing store that predates settings already had its chance at the samples.
    seededSamples: !store.isEmpty(),
  });
  try {
    await db.read();
  } catch (error) {
    if (error instanceof NewerSchemaError) return fail('store-corrupt', error.message);
    if (!(error instanceof DamagedFileError)) return fail('io-error', `could not read ${file}: ${(error as Error).message}`);
    await quarantineFile(store.dir, file, new Date().toISOString());
  }
  const save = async (): Promise<Result<void>> => {
    try {
      await db.write();
      return ok(undefined);
    } catch (error) {
      return fail('io-error', `could not save settings: ${(error as Error).message}`);
    }
  };
  return ok({
    author: () => db.data.author,
    async setAuthor(author) {
      db.data = { ...db.data, author };
      return save();
    },
    isFirstRun: () => !db.data.seededSamples,
    async markSeeded() {
      if (db.data.seededSamples) return ok(undefined);
      db.data = { ...db.data, seededSamples: true };
      return save();
    },
  });
}
