/** The team workspace: its state, a sync now, and the password kept in the keychain (docs/workspace.md). */
import { fail, ok } from '../../../annotations/result';
import type { ApiHandlers } from '../ipc/register-api';
import type { HandlerContext } from './handler-deps';

type WorkspaceMethods = 'workspaceStatus' | 'syncWorkspace' | 'setWorkspacePassword';

const NOT_LINKED = 'this library is not linked to a team workspace (parley workspace connect --server URL --as ROLE)';

/** Handlers for the library's workspace panel. */
export function createWorkspaceHandlers(deps: HandlerContext): Pick<ApiHandlers, WorkspaceMethods> {
  const host = () => deps.workspace ?? null;
  return {
    async workspaceStatus() {
      return ok(host()?.status() ?? null);
    },
    async syncWorkspace() {
      const h = host();
      return h ? h.syncNow() : fail('not-found', NOT_LINKED);
    },
    async setWorkspacePassword({ password }) {
      const h = host();
      return h ? h.setPassword(password) : fail('not-found', NOT_LINKED);
    },
  };
}
