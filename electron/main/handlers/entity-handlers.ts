/**
 * The library's entities and a document's metadata (issue 13): list, create
 * and add aliases to entities ("정동영" as an alias of "Chung Dong-young"),
 * and set a document's publication date, outlet, author and address.
 */
import { parseDateValue } from '../../../annotations/dates/date-value';
import { newId } from '../../../annotations/ids';
import type { DocumentMetadata } from '../../../annotations/model';
import { fail, ok } from '../../../annotations/result';
import type { ApiHandlers } from '../ipc/register-api';
import type { HandlerContext } from './handler-deps';

/** A date-time as ISO 8601 allows it after the date: 2021-06-22T09:30, with seconds, fractions and an offset. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?$/;

/** Handlers for entities and document metadata. */
export function createEntityHandlers({ store }: HandlerContext): Pick<ApiHandlers, 'listEntities' | 'createEntity' | 'addEntityAlias' | 'setDocumentMetadata'> {
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
      return store.saveEntity({ ...entity, aliases: [...entity.aliases, name] });
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
