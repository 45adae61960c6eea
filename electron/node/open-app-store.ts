/**
 * Opens the store the way the app does — lock, validate, repair — and on the
 * very first run seeds the built-in sample corpus. Shared by the app, the
 * command line and the end-to-end bridge.
 */
import { createDocument } from '../../annotations/document';
import { OWN_LAYER_ID, type CorpusDocument } from '../../annotations/model';
import type { Result } from '../../annotations/result';
import { fail, ok } from '../../annotations/result';
import type { StoreIncident } from '../../shared/library';
import { openAppSettings, type AppSettings } from './app-settings';
import { SAMPLE_ARTICLES } from './sample-corpus';
import { ParleyStore, type StoreOptions } from './store/parley-store';

/** An open store with the settings kept beside it. */
export interface OpenedStore {
  store: ParleyStore;
  settings: AppSettings;
  incidents: StoreIncident[];
}

/** Opens (creating if needed) the store in `dir`. */
export async function openAppStore(dir: string, defaultAuthor: string, options: { seedSamples?: boolean; store?: StoreOptions } = {}): Promise<Result<OpenedStore>> {
  const opened = await ParleyStore.open(dir, options.store);
  if (!opened.ok) return opened;
  const { store } = opened.value;
  const openedSettings = await openAppSettings(store, defaultAuthor);
  if (!openedSettings.ok) {
    await store.close();
    return openedSettings;
  }
  const settings = openedSettings.value.settings;
  const incidents = openedSettings.value.incident ? [...opened.value.incidents, openedSettings.value.incident] : opened.value.incidents;
  if ((options.seedSamples ?? true) && settings.isFirstRun()) {
    const now = new Date().toISOString();
    const docs: CorpusDocument[] = SAMPLE_ARTICLES.map((article) => ({
      document: createDocument({ ...article, now }),
      layers: [{ id: OWN_LAYER_ID, kind: 'own', author: settings.author(), annotations: [] }],
      decisions: [],
    }));
    const seeded = store.isEmpty() ? await store.addDocuments(docs) : ok([]);
    if (!seeded.ok) {
      await store.close();
      return fail(seeded.error.code, `could not add the sample articles: ${seeded.error.message}`);
    }
  }
  const marked = await settings.markSeeded();
  if (!marked.ok) {
    await store.close();
    return marked;
  }
  return ok({ store, settings, incidents });
}
