/**
 * The library's entities and a document's metadata (issue 13): list, create
 * and add aliases to entities ("정동영" as an alias of "Chung Dong-young"),
 * rename, edit aliases, merge, split and delete them (the spans linked to
 * them follow, or are unlinked, as one step per document), undo and redo those entity changes as
 * library-wide steps (`EntityHistory`), and set a document's publication
 * date, outlet, author and address.
 */
import { parseDateValue } from '../../../annotations/dates/date-value';
import { entityNameKey, mergeEntities, relinkedSpans, splitEntity } from '../../../annotations/entities/entity-names';
import type { EntityRelink } from '../../../annotations/entities/entity-steps';
import { EntityHistory } from '../../node/entities/entity-history';
import { newId } from '../../../annotations/ids';
import { OWN_LAYER_ID, RECONCILED_LAYER_ID, type DocumentMetadata } from '../../../annotations/model';
import { fail, ok, type Result } from '../../../annotations/result';
import type { ParleyStore } from '../../node/store/parley-store';
import type { ApiHandlers } from '../ipc/register-api';
import type { HandlerContext } from './handler-deps';

/** A date-time as ISO 8601 allows it after the date: 2021-06-22T09:30, with seconds, fractions and an offset. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?$/;

/**
 * Moves the spans of the own and reconciled layers of every document that
 * are linked to `from` (and, when `names` is given, whose text is one of
 * them) to `to`, or unlinks them (`to` null): one undoable step per document
 * that has any. Returns how
 * many spans moved and which (for the entity history), or the first failure.
 */
async function relink(store: ParleyStore, from: string, to: string | null, now: string, label: string, names?: readonly string[]): Promise<Result<{ moved: number; relinks: EntityRelink[] }>> {
  let moved = 0;
  const relinks: EntityRelink[] = [];
  for (const summary of store.listDocuments()) {
    const view = store.getDocument(summary.id);
    if (!view.ok) continue;
    for (const layer of view.value.layers) {
      if (layer.id !== OWN_LAYER_ID && layer.id !== RECONCILED_LAYER_ID) continue;
      if (relinkedSpans(layer.annotations, from, to, now, names).removed.length === 0) continue;
      const changed = await store.editLayer(summary.id, layer.id, ({ annotations }) => {
        const change = relinkedSpans(annotations, from, to, now, names);
        moved += change.removed.length;
        relinks.push({ documentId: summary.id, layerId: layer.id, spanIds: change.removed.map((a) => a.id), from, to });
        return ok({ change, label });
      });
      if (!changed.ok) return changed;
    }
  }
  return ok({ moved, relinks });
}

/** Handlers for entities and document metadata. */
export function createEntityHandlers({
  store,
  now,
  notify,
}: HandlerContext): Pick<ApiHandlers, 'listEntities' | 'createEntity' | 'addEntityAlias' | 'setEntityAliases' | 'renameEntity' | 'mergeEntities' | 'splitEntity' | 'deleteEntity' | 'entityHistory' | 'undoEntityChange' | 'redoEntityChange' | 'setDocumentMetadata'> {
  const entityOf = (id: string) => store.listEntities().find((e) => e.id === id);
  const history = new EntityHistory(store, now);
  return {
    async listEntities() {
      return ok(store.listEntities());
    },

    async createEntity({ name, kind, aliases }) {
      if (!store.getLabels().labels.some((l) => l.id === kind)) return fail('invalid-input', `there is no label "${kind}" for the entity's kind`);
      const others = [...new Set(aliases.map((a) => a.trim()))].filter((a) => a !== name.trim());
      return store.saveEntity({ id: newId('ent'), name: name.trim(), aliases: others, kind });
    },

    async addEntityAlias({ entityId, alias }) {
      const entity = store.listEntities().find((e) => e.id === entityId);
      if (!entity) return fail('not-found', `there is no entity ${entityId}`);
      const name = alias.trim();
      if (entity.name === name || entity.aliases.includes(name)) return ok(entity);
      const saved = await store.saveEntity({ ...entity, aliases: [...entity.aliases, name] });
      if (saved.ok) history.record({ label: `Add “${name}” to “${entity.name}”`, before: [entity], after: [saved.value], relinks: [] });
      return saved;
    },

    async setEntityAliases({ entityId, aliases }) {
      const entity = entityOf(entityId);
      if (!entity) return fail('not-found', `there is no entity ${entityId}`);
      // Each name once (as names compare), never the entity's own name.
      const seen = new Set([entityNameKey(entity.name)]);
      const next: string[] = [];
      for (const alias of aliases) {
        const key = entityNameKey(alias);
        if (seen.has(key)) continue;
        seen.add(key);
        next.push(alias.trim());
      }
      if (next.length === entity.aliases.length && next.every((a, i) => a === entity.aliases[i])) return ok(entity);
      const saved = await store.saveEntity({ ...entity, aliases: next });
      if (saved.ok) history.record({ label: `Edit the aliases of “${entity.name}”`, before: [entity], after: [saved.value], relinks: [] });
      return saved;
    },

    async renameEntity({ entityId, name }) {
      const entity = entityOf(entityId);
      if (!entity) return fail('not-found', `there is no entity ${entityId}`);
      const next = name.trim();
      if (next === entity.name) return ok(entity);
      // The old name stays an alias, so tagging it still links the entity.
      const aliases = [entity.name, ...entity.aliases].filter((a, i, all) => entityNameKey(a) !== entityNameKey(next) && all.findIndex((b) => entityNameKey(b) === entityNameKey(a)) === i);
      const saved = await store.saveEntity({ ...entity, name: next, aliases });
      if (saved.ok) history.record({ label: `Rename “${entity.name}” to “${next}”`, before: [entity], after: [saved.value], relinks: [] });
      return saved;
    },

    async mergeEntities({ intoId, fromId }) {
      const into = entityOf(intoId);
      const from = entityOf(fromId);
      if (!into || !from) return fail('not-found', `there is no entity ${into ? fromId : intoId}`);
      const merged = mergeEntities(into, from);
      if (!merged.ok) return merged;
      const saved = await store.updateEntities({ saved: [merged.value], removed: [from.id] });
      if (!saved.ok) return saved;
      const label = `Merge “${from.name}” into “${into.name}”`;
      const moved = await relink(store, from.id, into.id, now(), label);
      // Recorded even when a relink failed part-way: undo moves back the spans that did move.
      history.record({ label, before: [into, from], after: [merged.value], relinks: moved.ok ? moved.value.relinks : [] });
      // Spans of any document may have moved: open views are read again.
      notify({ type: 'library-changed' });
      return moved.ok ? ok({ entity: merged.value, relinked: moved.value.moved }) : moved;
    },

    async splitEntity({ entityId, name, aliases }) {
      const entity = entityOf(entityId);
      if (!entity) return fail('not-found', `there is no entity ${entityId}`);
      const split = splitEntity(entity, aliases, { id: newId('ent'), name });
      if (!split.ok) return split;
      const saved = await store.updateEntities({ saved: [split.value.kept, split.value.split], removed: [] });
      if (!saved.ok) return saved;
      // Spans that read as one of the moved names (or the new name) now name the new entity.
      const label = `Split “${split.value.split.name}” off “${entity.name}”`;
      const moved = await relink(store, entity.id, split.value.split.id, now(), label, [split.value.split.name, ...split.value.split.aliases]);
      history.record({ label, before: [entity], after: [split.value.kept, split.value.split], relinks: moved.ok ? moved.value.relinks : [] });
      notify({ type: 'library-changed' });
      return moved.ok ? ok({ kept: split.value.kept, split: split.value.split, relinked: moved.value.moved }) : moved;
    },

    async deleteEntity({ entityId }) {
      const entity = entityOf(entityId);
      if (!entity) return fail('not-found', `there is no entity ${entityId}`);
      const saved = await store.updateEntities({ saved: [], removed: [entity.id] });
      if (!saved.ok) return saved;
      // The spans keep their labels and text; only the link goes, so they show again among the unlinked mentions.
      const label = `Delete “${entity.name}”`;
      const moved = await relink(store, entity.id, null, now(), label);
      history.record({ label, before: [entity], after: [], relinks: moved.ok ? moved.value.relinks : [] });
      notify({ type: 'library-changed' });
      return moved.ok ? ok({ unlinked: moved.value.moved }) : moved;
    },

    async entityHistory() {
      return ok(history.state());
    },

    async undoEntityChange() {
      const undone = await history.undo();
      if (undone.ok) notify({ type: 'library-changed' });
      return undone;
    },

    async redoEntityChange() {
      const redone = await history.redo();
      if (redone.ok) notify({ type: 'library-changed' });
      return redone;
    },

    async setDocumentMetadata({ documentId, metadata }) {
      const clean: DocumentMetadata = {};
      for (const [key, value] of Object.entries(metadata) as Array<[keyof DocumentMetadata, string | undefined]>) {
        const trimmed = value?.trim();
        if (trimmed) clean[key] = trimmed;
      }
      if (clean.publishedAt !== undefined) {
        const day = clean.publishedAt.slice(0, 10);
        const date = clean.publishedAt.length > 10 ? (DATE_TIME.test(clean.publishedAt) ? parseDateValue(day) : null) : parseDateValue(clean.publishedAt);
        if (!date || !date.ok || date.value.precision === 'range') return fail('invalid-input', `the publication date ${JSON.stringify(clean.publishedAt)} is not an ISO 8601 date or date-time`);
      }
      return store.setMetadata(documentId, clean);
    },
  };
}
