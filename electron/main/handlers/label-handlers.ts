/** The label schema: read it, and save it with what existing annotations become. */
import { ok } from '../../../annotations/result';
import type { ApiHandlers } from '../ipc/register-api';
import type { HandlerContext } from './handler-deps';

/** Handlers for the label schema. */
export function createLabelHandlers({ store, notify }: HandlerContext): Pick<ApiHandlers, 'getLabels' | 'saveLabels'> {
  return {
    async getLabels() {
      return ok(store.getLabels());
    },

    async saveLabels({ labels, migrate }) {
      const saved = await store.saveLabels({ labels }, migrate);
      if (!saved.ok) return saved;
      notify({ type: 'library-changed' });
      return ok(store.getLabels());
    },
  };
}
