/**
 * What the suggestion sources keep beside the store, in `suggestions.json`:
 * the gazetteers imported into the library and, per document, the
 * suggestions the analyst rejected (issue 15). Patterns live in the label
 * schema (`Label.patterns`).
 *
 * Kept in a file of its own, like `settings.json`, so that adding a gazetteer
 * or rejecting a suggestion never rewrites `library.json` or a document file.
 * A damaged file is never overwritten: opening fails and says so, so no
 * rejection is lost by a repair.
 */
import path from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { newId } from '../../annotations/ids';
import { fail, ok, type Result } from '../../annotations/result';
import type { Gazetteer, GazetteerEntry } from '../../annotations/suggest/gazetteer';
import type { RejectedSuggestion } from '../../annotations/suggest/rejected-suggestion';
import { addRejections } from '../../annotations/suggest/rejected-suggestion';
import { gazetteerSchema, rejectedSuggestionSchema } from '../../annotations/suggest/suggestion-schemas';
import { AsyncMutex } from './store/async-mutex';
import { DamagedFileError, DurableJsonFile, NewerSchemaError } from './store/durable-file-adapter';

const SUGGESTIONS_VERSION = 1;
/** The file's name in the store folder. */
export const SUGGESTIONS_FILE = 'suggestions.json';
/** Most gazetteers kept at once. */
export const MAX_GAZETTEERS = 100;

const suggestionsFileSchema = z.strictObject({
  schemaVersion: z.literal(SUGGESTIONS_VERSION),
  gazetteers: z.array(gazetteerSchema),
  rejected: z.record(z.string().min(1).max(1_000), z.array(rejectedSuggestionSchema)),
});

type SuggestionsFile = z.infer<typeof suggestionsFileSchema>;

/** The library's gazetteers and rejections; every change is on disk before its promise resolves. */
export interface SuggestionLibrary {
  gazetteers(): Gazetteer[];
  /** Adds a gazetteer named `name` (a file name); a gazetteer of the same name is replaced. */
  addGazetteer(name: string, entries: GazetteerEntry[]): Promise<Result<Gazetteer>>;
  removeGazetteer(id: string): Promise<Result<void>>;
  /** The document's rejections, oldest first. */
  rejected(documentId: string): RejectedSuggestion[];
  /** Records rejections (a repeat is kept once); resolves with the document's rejections after. */
  reject(documentId: string, rejections: readonly RejectedSuggestion[]): Promise<Result<RejectedSuggestion[]>>;
}

/** Opens `suggestions.json` in `storeDir` (the store must be open and locked by this process), empty when missing. */
export async function openSuggestionLibrary(storeDir: string): Promise<Result<SuggestionLibrary>> {
  const file = path.join(storeDir, SUGGESTIONS_FILE);
  const db = new Low<SuggestionsFile>(new DurableJsonFile(file, suggestionsFileSchema, SUGGESTIONS_VERSION), { schemaVersion: SUGGESTIONS_VERSION, gazetteers: [], rejected: {} });
  try {
    await db.read();
  } catch (error) {
    if (error instanceof NewerSchemaError) return fail('store-corrupt', error.message);
    if (error instanceof DamagedFileError) return fail('store-corrupt', `${error.message}; it was left as it is (move it aside to start with no gazetteers and no rejections)`);
    return fail('io-error', `could not read ${file}: ${(error as Error).message}`);
  }
  const mutex = new AsyncMutex();
  const save = (next: SuggestionsFile): Promise<Result<void>> =>
    mutex.run(async () => {
      const before = db.data;
      db.data = next;
      try {
        await db.write();
        return ok(undefined);
      } catch (error) {
        db.data = before;
        return fail('io-error', `could not save ${file}: ${(error as Error).message}`);
      }
    });
  return ok({
    gazetteers: () => db.data.gazetteers,
    async addGazetteer(name, entries) {
      const kept = db.data.gazetteers.filter((g) => g.name !== name);
      if (kept.length >= MAX_GAZETTEERS) return fail('too-large', `the library already has ${MAX_GAZETTEERS} gazetteers; remove one first`);
      const gazetteer: Gazetteer = { id: newId('gaz'), name, entries };
      const checked = gazetteerSchema.safeParse(gazetteer);
      if (!checked.success) return fail('invalid-input', `the gazetteer cannot be kept: ${checked.error.issues[0]?.message ?? 'invalid'}`);
      const saved = await save({ ...db.data, gazetteers: [...kept, gazetteer] });
      return saved.ok ? ok(gazetteer) : saved;
    },
    async removeGazetteer(id) {
      if (!db.data.gazetteers.some((g) => g.id === id)) return fail('not-found', `there is no gazetteer ${id}`);
      return save({ ...db.data, gazetteers: db.data.gazetteers.filter((g) => g.id !== id) });
    },
    rejected: (documentId) => db.data.rejected[documentId] ?? [],
    async reject(documentId, rejections) {
      const next = addRejections(db.data.rejected[documentId] ?? [], rejections);
      const saved = await save({ ...db.data, rejected: { ...db.data.rejected, [documentId]: next } });
      return saved.ok ? ok(next) : saved;
    },
  });
}
