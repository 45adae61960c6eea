/**
 * Suggestions (issue 15): what the sources propose on a document, accepting
 * them into the analyst's layer as one undoable step (each annotation naming
 * its source in `suggestedBy`), rejecting them for good, and importing a
 * gazetteer into the library. Suggestions are computed on every call from the
 * store, never stored; only rejections and gazetteers are (see
 * `electron/node/suggestion-library.ts`).
 */
import path from 'node:path';
import { findLabel } from '../../../annotations/labels';
import { OWN_LAYER_ID, type Label } from '../../../annotations/model';
import type { Result } from '../../../annotations/result';
import { fail, ok } from '../../../annotations/result';
import { annotationsFromSuggestions } from '../../../annotations/suggest/accept-suggestions';
import { parseGazetteer } from '../../../annotations/suggest/gazetteer';
import { compilePatternRules, describePattern, parsePatternRules, schemaPatternRules, type LabelPattern } from '../../../annotations/suggest/pattern-rules';
import { rejectionsOf } from '../../../annotations/suggest/rejected-suggestion';
import { referenceDateOf, taggedTexts } from '../../../annotations/suggest/suggest-corpus';
import { suggestForDocument } from '../../../annotations/suggest/suggest-document';
import type { Suggestion, SuggestionSource } from '../../../annotations/suggest/suggestion';
import { readTextWithin } from '../../node/import/input-files';
import type { SuggestionLibrary } from '../../node/suggestion-library';
import { openSuggestionLibrary } from '../../node/suggestion-library';
import { SUGGESTIONS_SHOWN, type AcceptedSuggestions, type ImportedGazetteer, type SuggestionList } from '../../../shared/suggestions';
import type { HandlerContext } from './handler-deps';

/** Largest gazetteer file read, in bytes. */
export const MAX_GAZETTEER_BYTES = 64 * 1024 * 1024;

/** The suggestion handlers (their inputs are checked against `apiInputSchemas` before they run). */
export interface SuggestionHandlers {
  getSuggestions(input: { documentId: string; sources?: SuggestionSource[] }): Promise<Result<SuggestionList>>;
  acceptSuggestions(input: { documentId: string; ids: string[] }): Promise<Result<AcceptedSuggestions>>;
  rejectSuggestions(input: { documentId: string; ids: string[] }): Promise<Result<SuggestionList>>;
  importGazetteerFromDialog(input: Record<string, never>): Promise<Result<ImportedGazetteer | null>>;
}

/** Handlers for suggestions over the store of `context`. */
export function createSuggestionHandlers({ store, dialogs, settings, now, notify }: HandlerContext): SuggestionHandlers {
  let opened: Promise<Result<SuggestionLibrary>> | null = null;
  const library = (): Promise<Result<SuggestionLibrary>> => {
    opened ??= openSuggestionLibrary(store.dir).then((r) => {
      if (!r.ok) opened = null; // a damaged file may be moved aside and tried again
      return r;
    });
    return opened;
  };

  const compute = async (documentId: string, sources?: readonly SuggestionSource[]): Promise<Result<SuggestionList>> => {
    const lib = await library();
    if (!lib.ok) return lib;
    const view = store.getDocument(documentId);
    if (!view.ok) return view;
    const labels = store.getLabels();
    const rules = compilePatternRules(schemaPatternRules(labels));
    if (!rules.ok) return rules;
    const corpus = store.exportCorpus();
    const doc = view.value;
    const own = doc.layers.find((l) => l.id === OWN_LAYER_ID)?.annotations ?? [];
    const dateLabelId = findLabel(labels, 'date')?.id;
    const suggestions = suggestForDocument({ documentId, text: doc.document.text }, own, {
      ...(sources ? { sources } : {}),
      library: taggedTexts(corpus.documents),
      entities: store.listEntities(),
      gazetteers: lib.value.gazetteers(),
      patterns: rules.value,
      ...(dateLabelId ? { dateLabelId } : {}),
      referenceDate: referenceDateOf(doc.document),
      rejected: lib.value.rejected(documentId),
    });
    const gazetteers = lib.value.gazetteers().map((g) => ({ id: g.id, name: g.name, entries: g.entries.length }));
    if (suggestions.length <= SUGGESTIONS_SHOWN) return ok({ documentId, suggestions, gazetteers });
    return ok({ documentId, suggestions: suggestions.slice(0, SUGGESTIONS_SHOWN), gazetteers, omitted: suggestions.length - SUGGESTIONS_SHOWN });
  };

  /** The suggestions named by `ids`, or a failure naming the first no longer offered. */
  const chosen = (list: SuggestionList, ids: readonly string[]): Result<Suggestion[]> => {
    const byId = new Map(list.suggestions.map((s) => [s.id, s]));
    const picked: Suggestion[] = [];
    for (const id of new Set(ids)) {
      const s = byId.get(id);
      if (!s) return fail('not-found', `the suggestion ${id} is no longer offered (already accepted, rejected or covered by a tag)`);
      picked.push(s);
    }
    return ok(picked);
  };

  return {
    getSuggestions: ({ documentId, sources }) => compute(documentId, sources),

    async acceptSuggestions({ documentId, ids }) {
      const list = await compute(documentId);
      if (!list.ok) return list;
      const picked = chosen(list.value, ids);
      if (!picked.ok) return picked;
      const view = store.getDocument(documentId);
      if (!view.ok) return view;
      const added = annotationsFromSuggestions(view.value.document.text, picked.value, settings.author(), now());
      if (!added.ok) return added;
      const n = added.value.length;
      const change = await store.changeAnnotations(documentId, OWN_LAYER_ID, { removed: [], added: added.value }, n === 1 ? 'Accept suggestion' : `Accept ${n} suggestions`);
      if (!change.ok) return change;
      const after = await compute(documentId);
      return after.ok ? ok({ change: change.value, list: after.value }) : after;
    },

    async rejectSuggestions({ documentId, ids }) {
      const list = await compute(documentId);
      if (!list.ok) return list;
      const picked = chosen(list.value, ids);
      if (!picked.ok) return picked;
      const view = store.getDocument(documentId);
      if (!view.ok) return view;
      const lib = await library();
      if (!lib.ok) return lib;
      const at = now();
      const saved = await lib.value.reject(documentId, picked.value.flatMap((s) => rejectionsOf(s, view.value.document.text, at)));
      if (!saved.ok) return saved;
      return compute(documentId);
    },

    async importGazetteerFromDialog() {
      const paths = await dialogs.openFiles({ title: 'Import a gazetteer or pattern rules', filters: [{ name: 'Gazetteers (CSV, JSON) and pattern rules (JSON, JSON Lines)', extensions: ['csv', 'json', 'jsonl'] }] });
      if (!paths || paths.length === 0) return ok(null);
      const file = paths[0]!;
      const name = path.basename(file);
      const text = await readTextWithin(file, MAX_GAZETTEER_BYTES, name);
      if (!text.ok) return text;
      const labels = store.getLabels();
      if (holdsPatternRules(name, text.value)) {
        const rules = parsePatternRules(text.value, labels);
        if (!rules.ok) return rules;
        const next = labels.labels.map((label) => {
          const mine: LabelPattern[] = rules.value.filter((r) => r.labelId === label.id).map(({ labelId: _labelId, ...rule }) => rule as LabelPattern);
          if (mine.length === 0) return label;
          const existing = label.patterns ?? [];
          const known = new Set(existing.map((r) => describePattern(r as LabelPattern)));
          // Token matchers are stored as written (spaCy's upper-case keys too); the schema reads them as a record.
          return { ...label, patterns: [...existing, ...mine.filter((r) => !known.has(describePattern(r as LabelPattern)))] as NonNullable<Label['patterns']> };
        });
        const saved = await store.saveLabels({ ...labels, labels: next }, []);
        if (!saved.ok) return saved;
        notify({ type: 'library-changed' });
        return ok({ name, entries: rules.value.length, kind: 'patterns' as const });
      }
      const entries = parseGazetteer(text.value, name, labels);
      if (!entries.ok) return entries;
      const lib = await library();
      if (!lib.ok) return lib;
      const added = await lib.value.addGazetteer(name, entries.value);
      if (!added.ok) return added;
      return ok({ name, entries: added.value.entries.length, kind: 'gazetteer' as const });
    },
  };
}

/**
 * True when a file holds pattern rules rather than a gazetteer: JSON Lines,
 * or JSON whose first row names a `regex`, `tokens` or `pattern` and no `name`.
 */
export function holdsPatternRules(name: string, text: string): boolean {
  if (/\.jsonl$/i.test(name)) return true;
  if (!/\.json$/i.test(name)) return false;
  try {
    const value = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
    const first = Array.isArray(value) ? (value[0] as unknown) : undefined;
    return !!first && typeof first === 'object' && !('name' in first) && ('regex' in first || 'tokens' in first || 'pattern' in first);
  } catch {
    return false;
  }
}
