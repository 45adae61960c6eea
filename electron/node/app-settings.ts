/**
 * The analyst's settings, kept beside the store in `settings.json`: the
 * author name stamped on their annotations, whether the sample corpus was
 * already offered (so deleting the samples does not bring them back), and
 * the reader keys they rebound.
 *
 * After each save the same content is also written to
 * `backups/settings/settings.json`, the last good copy: a damaged
 * `settings.json` is moved aside and replaced by it.
 */
import { access, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { fail, ok, type Result } from '../../annotations/result';
import type { KeyOverrides } from '../../shared/key-bindings';
import { keyOverridesSchema } from '../../shared/key-overrides-schema';
import type { StoreIncident } from '../../shared/library';
import { BACKUPS_DIR } from './store/backups';
import { DamagedFileError, DurableJsonFile, NewerSchemaError, parseStoreFile, writeFileDurably } from './store/durable-file-adapter';
import { quarantineFile } from './store/quarantine';
import type { ParleyStore } from './store/parley-store';

const SETTINGS_VERSION = 1;

const settingsSchema = z.strictObject({
  schemaVersion: z.literal(SETTINGS_VERSION),
  author: z.string().min(1).max(100),
  seededSamples: z.boolean(),
  /** The analyst's own reader keys (command id → key); absent in files written before keys could be rebound. */
  keyBindings: keyOverridesSchema.optional(),
});

type SettingsFile = z.infer<typeof settingsSchema>;

/** Reads and changes the settings; every change is on disk before its promise resolves. */
export interface AppSettings {
  author(): string;
  setAuthor(author: string): Promise<Result<void>>;
  /** True until the sample corpus has been offered once. */
  isFirstRun(): boolean;
  markSeeded(): Promise<Result<void>>;
  /** The analyst's own reader keys; commands left out keep their defaults. */
  keyBindings(): KeyOverrides;
  /** Replaces the analyst's keys (the caller has checked them; `{}` resets every key). */
  setKeyBindings(overrides: KeyOverrides): Promise<Result<void>>;
}

/**
 * Opens `settings.json` in the store's folder, creating it with `defaultAuthor`
 * if missing. A damaged file is moved to `damaged/` and replaced by its last
 * good copy (or the defaults, if there is none); `incident` says so.
 */
export async function openAppSettings(store: ParleyStore, defaultAuthor: string): Promise<Result<{ settings: AppSettings; incident: StoreIncident | null }>> {
  const file = path.join(store.dir, 'settings.json');
  const copy = path.join(store.dir, BACKUPS_DIR, 'settings', 'settings.json');
  let incident: StoreIncident | null = null;
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
    const movedTo = await quarantineFile(store.dir, file, new Date().toISOString());
    const good = await readLastGoodCopy(copy);
    if (good) db.data = good;
    incident = { file, movedTo, problem: error.problem, restoredFrom: good ? copy : null };
  }
  const save = async (): Promise<Result<void>> => {
    try {
      await db.write();
      await mkdir(path.dirname(copy), { recursive: true });
      await writeFileDurably(copy, JSON.stringify(db.data));
      return ok(undefined);
    } catch (error) {
      return fail('io-error', `could not save settings: ${(error as Error).message}`);
    }
  };
  // Repair the file from its copy, or make the copy for a store that predates it.
  if (incident || !(await exists(copy))) {
    const saved = await save();
    if (!saved.ok) return saved;
  }
  const settings: AppSettings = {
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
    keyBindings: () => db.data.keyBindings ?? {},
    async setKeyBindings(overrides) {
      const before = db.data;
      db.data = { ...db.data, keyBindings: { ...overrides } };
      const saved = await save();
      // A failed save leaves the keys as they were, in memory as on disk.
      if (!saved.ok) db.data = before;
      return saved;
    },
  };
  return ok({ settings, incident });
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/** The last good copy of the settings, or null if there is none or it is damaged too. */
async function readLastGoodCopy(copy: string): Promise<SettingsFile | null> {
  try {
    return parseStoreFile(copy, await readFile(copy), settingsSchema, SETTINGS_VERSION);
  } catch {
    // Missing, unreadable or damaged: there is no good copy, and the incident says so.
    return null;
  }
}
