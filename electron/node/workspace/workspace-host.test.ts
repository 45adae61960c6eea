import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colleagueLayerId, OWN_LAYER_ID } from '../../../annotations/model';
import { ok } from '../../../annotations/result';
import { ParleyStore } from '../store/parley-store';
import { makeTempDir, removeTempDir } from '../store/test-support/store-fixtures';
import { startTestPostgres, type TestPostgres } from './test-support/postgres-server';
import { linkedStore, makeWorkspace, tagQuote, teamDocuments, type TestAnalyst } from './test-support/team-fixtures';
import { WorkspaceHost, workspaceEvents, type PasswordKeeper, type WorkspaceChange } from './workspace-host';
import { parseParleyEvent } from '../../../shared/parley-event';

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

  it('tells the window which colleagues’ layers a sync put, as events the page accepts', async () => {
    const bo: TestAnalyst = { role: 'host_bo', password: 'bo-secret', displayName: '보영 Bo', kind: 'analyst' };
    const cy: TestAnalyst = { role: 'host_cy', password: 'cy-secret', displayName: 'Cy', kind: 'analyst' };
    await makeWorkspace(server, 'host_events', [bo, cy]);
    const docs = teamDocuments('Bo');
    const bos = await linkedStore(server, 'host_events', bo, docs);
    const cys = await linkedStore(server, 'host_events', cy, teamDocuments('Cy'));
    await cys.workspace.detach();
    cleanup.push(async () => {
      await bos.close();
      await cys.store.close();
      await removeTempDir(bos.dir);
      await removeTempDir(cys.dir);
    });
    const changes: WorkspaceChange[] = [];
    const started = await WorkspaceHost.start(cys.store, { author: 'Cy', keeper: { read: () => cy.password, save: () => ok(undefined) }, intervalMs: 0, onChanged: (c) => changes.push(c) });
    if (!started.ok || !started.value) throw new Error('the host did not start');
    cleanup.push(() => started.value!.beforeQuit(5_000).then(() => undefined));

    await bos.store.changeAnnotations('ws-hangul', OWN_LAYER_ID, { removed: [], added: [tagQuote(docs[1]!, '통일부', 'policy-body', 'Bo')] }, 'Tag');
    expect((await bos.workspace.sync()).ok).toBe(true);
    expect((await started.value.syncNow()).ok).toBe(true);
    const layers = changes.flatMap((c) => c.layers);
    expect(layers).toContainEqual({ documentId: 'ws-hangul', layerId: colleagueLayerId('보영 Bo'), author: '보영 Bo' });
    const events = workspaceEvents({ layers });
    expect(events.map((e) => parseParleyEvent(e))).toEqual(events);
    expect(events.map((e) => e.type)).toEqual(['library-changed', 'layers-pulled']);

    // Nothing new: no change reported.
    changes.length = 0;
    expect((await started.value.syncNow()).ok).toBe(true);
    expect(changes).toEqual([]);
  });
});
