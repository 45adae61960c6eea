import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWN_LAYER_ID } from '../../../annotations/model';
import { ok } from '../../../annotations/result';
import { ParleyStore } from '../store/parley-store';
import { makeTempDir, removeTempDir } from '../store/test-support/store-fixtures';
import { startTestPostgres, type TestPostgres } from './test-support/postgres-server';
import { linkedStore, makeWorkspace, tagQuote, teamDocuments, type TestAnalyst } from './test-support/team-fixtures';
import { WorkspaceHost, type PasswordKeeper } from './workspace-host';

const DB = 'host_ws';
const ANA: TestAnalyst = { role: 'host_ana', password: 'ana-secret', displayName: 'Ana', kind: 'analyst' };
let server: TestPostgres;
const cleanup: Array<() => Promise<void>> = [];

beforeAll(async () => {
  server = await startTestPostgres();
  await makeWorkspace(server, DB, [ANA]);
});
afterAll(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  await server?.dispose();
});

/** A keeper in memory, standing in for the app's keychain. */
function memoryKeeper(): PasswordKeeper & { saved: string[] } {
  const saved: string[] = [];
  return { saved, read: () => saved.at(-1), save: (p) => (saved.push(p), ok(undefined)) };
}

describe('WorkspaceHost', () => {
  it('is absent for a library that is not linked', async () => {
    const dir = await makeTempDir();
    const opened = await ParleyStore.open(dir, { onWarning: () => undefined });
    if (!opened.ok) throw new Error(opened.error.message);
    cleanup.push(async () => {
      await opened.value.store.close();
      await removeTempDir(dir);
    });
    expect(await WorkspaceHost.start(opened.value.store, { author: 'Ana', keeper: memoryKeeper(), intervalMs: 0 })).toEqual({ ok: true, value: null });
  });

  it('reports a failed sync, takes the password into the keeper, syncs with it, and sends what waits before quitting', async () => {
    const docs = teamDocuments('Ana');
    const linked = await linkedStore(server, DB, ANA, docs);
    await linked.workspace.detach(); // the host attaches its own
    cleanup.push(async () => {
      await linked.store.close();
      await removeTempDir(linked.dir);
    });
    const keeper = memoryKeeper();
    const started = await WorkspaceHost.start(linked.store, { author: 'Ana', keeper, intervalMs: 0, onWarning: () => undefined });
    if (!started.ok || !started.value) throw new Error('the host did not start');
    const host = started.value;
    expect(host.status()).toMatchObject({ connected: false, passwordSaved: false, waiting: 0, lastSyncAt: null, displayName: 'Ana' });

    const denied = await host.syncNow();
    expect(denied).toMatchObject({ ok: false, error: { code: 'io-error' } });
    expect(host.status().lastError).toMatch(/password|authentication/i);

    const synced = await host.setPassword(ANA.password);
    expect(synced).toMatchObject({ ok: true, value: { connected: true, passwordSaved: true, lastError: null } });
    expect(keeper.saved).toEqual([ANA.password]);

    await linked.store.changeAnnotations('ws-hangul', OWN_LAYER_ID, { removed: [], added: [tagQuote(docs[1]!, '통일부', 'policy-body', 'Ana')] }, 'Tag');
    expect(host.status().waiting).toBe(1);
    expect(await host.beforeQuit(10_000)).toBe(true);
    expect(host.status().waiting).toBe(0);
  });
});
