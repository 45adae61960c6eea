/**
 * The team workspace panel in the library, on a real PostgreSQL: a linked
 * library without a saved password shows "Not connected" and the changes
 * waiting; the analyst types the password (kept by the keeper, never in the
 * store), syncs, and reads a colleague's progress, all by keyboard.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { OWN_LAYER_ID } from '../annotations/model';
import { ok } from '../annotations/result';
import { ParleyStore } from '../electron/node/store/parley-store';
import { makeTempDir, removeTempDir } from '../electron/node/store/test-support/store-fixtures';
import { startTestPostgres, type TestPostgres } from '../electron/node/workspace/test-support/postgres-server';
import { linkedStore, makeWorkspace, tagQuote, teamDocuments, type TestAnalyst } from '../electron/node/workspace/test-support/team-fixtures';
import { connectWorkspace } from '../electron/node/workspace/team-workspace';
import type { PasswordKeeper } from '../electron/node/workspace/workspace-host';
import { call, dragSelect } from './reader-helpers';
import { closeBrowser, launchParley, type ParleyHarness } from './support/harness';

let server: TestPostgres | undefined;
let app: ParleyHarness | undefined;
const dirs: string[] = [];

afterAll(async () => {
  await app?.close();
  await closeBrowser();
  for (const d of dirs) await removeTempDir(d);
  await server?.dispose();
});

const ANA: TestAnalyst = { role: 'e2e_ana', password: 'ana pw 한', displayName: 'Ana', kind: 'analyst' };
const BEN: TestAnalyst = { role: 'e2e_ben', password: 'ben-pw', displayName: 'Ben', kind: 'analyst' };
const CARA: TestAnalyst = { role: 'e2e_cara', password: 'cara pw 🔑', displayName: 'Cara', kind: 'analyst' };
const DAN: TestAnalyst = { role: 'e2e_dan', password: 'dan-pw', displayName: 'Dan', kind: 'analyst' };

function panel(page: Page) {
  return page.getByRole('region', { name: 'Team workspace' });
}

describe('team workspace panel', () => {
  it('shows the state, takes the password by keyboard, syncs, and lists a colleague’s progress', async () => {
    server ??= await startTestPostgres();
    await makeWorkspace(server, 'e2e_team', [ANA, BEN]);
    // Ben has shared the corpus and tagged one article.
    const docs = teamDocuments('Ben');
    const ben = await linkedStore(server, 'e2e_team', BEN, docs);
    dirs.push(ben.dir);
    await ben.store.changeAnnotations('ws-emoji', OWN_LAYER_ID, { removed: [], added: [tagQuote(docs[2]!, 'Busan 🇰🇷', 'actor', 'Ben')] }, 'Tag');
    await ben.store.setStatus('ws-emoji', 'done');
    expect((await ben.workspace.sync()).ok).toBe(true);
    await ben.close();

    // Ana's library is linked (as `parley workspace connect` does) but her password is not saved in the app yet.
    const dir = await makeTempDir('parley-e2e-ws-');
    dirs.push(dir);
    const opened = await ParleyStore.open(dir, { onWarning: () => undefined });
    if (!opened.ok) throw new Error(opened.error.message);
    await opened.value.store.close();
    const linked = await connectWorkspace(dir, { server: `postgresql://127.0.0.1:${server.port}/e2e_team`, role: ANA.role, password: ANA.password });
    expect(linked.ok).toBe(true);
    const saved: string[] = [];
    const keeper: PasswordKeeper = { read: () => saved.at(-1), save: (p) => (saved.push(p), ok(undefined)) };

    app = await launchParley({ storeDir: dir, seedSamples: false, workspaceKeeper: keeper });
    const page = app.page;
    await expect.poll(() => panel(page).getByRole('status').textContent()).toMatch(/Not connected · 0 changes waiting/);
    await expect.poll(() => panel(page).textContent()).toMatch(/Ana \(analyst\) · never synced/);

    // By keyboard: Sync now, then Tab to the password, type it, Enter.
    await panel(page).getByRole('button', { name: 'Sync now' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('password');
    await page.keyboard.type(ANA.password);
    await page.keyboard.press('Enter');
    await expect.poll(() => panel(page).getByRole('status').textContent(), { timeout: 20_000 }).toMatch(/Connected · 0 changes waiting/);
    await expect.poll(() => saved).toEqual([ANA.password]);
    await expect.poll(() => panel(page).textContent()).toMatch(/last sync/);
    // The workspace's documents arrived in the library.
    await expect.poll(() => page.getByRole('list', { name: 'Documents' }).getByRole('listitem').count()).toBe(3);

    // Colleagues' progress opens from the keyboard.
    await panel(page).getByText("Colleagues' progress").focus();
    await page.keyboard.press('Enter');
    const bens = panel(page).getByRole('list', { name: "Ben's progress" });
    await expect.poll(() => bens.textContent()).toMatch(/Reactions 🗳️: done, 1 annotation/);
    await expect.poll(() => panel(page).getByRole('heading', { name: /Ben · 1 of \d+ done/ }).count()).toBe(1);
  }, 120_000);

  it('refreshes the open document when a sync brings a colleague’s newer layer, keeping the difference in focus', async () => {
    server ??= await startTestPostgres();
    await makeWorkspace(server, 'e2e_refresh', [CARA, DAN]);
    const docs = teamDocuments('Dan');
    const dan = await linkedStore(server, 'e2e_refresh', DAN, docs);
    dirs.push(dan.dir);
    const danTags = async (quotes: Array<[string, string]>) => {
      await dan.store.changeAnnotations('ws-talks', OWN_LAYER_ID, { removed: [], added: quotes.map(([q, label]) => tagQuote(docs[0]!, q, label, 'Dan')) }, 'Tag');
      expect((await dan.workspace.sync()).ok).toBe(true);
    };
    await danTags([['Seoul', 'actor']]);

    const dir = await makeTempDir('parley-e2e-ws-');
    dirs.push(dir);
    const opened = await ParleyStore.open(dir, { onWarning: () => undefined });
    if (!opened.ok) throw new Error(opened.error.message);
    await opened.value.store.close();
    expect((await connectWorkspace(dir, { server: `postgresql://127.0.0.1:${server.port}/e2e_refresh`, role: CARA.role, password: CARA.password })).ok).toBe(true);
    const keeper: PasswordKeeper = { read: () => CARA.password, save: () => ok(undefined) };
    await app?.close();
    app = await launchParley({ storeDir: dir, seedSamples: false, workspaceKeeper: keeper });
    const page = app.page;
    const syncNow = async () => {
      await panel(page).getByRole('button', { name: 'Sync now' }).click();
      await expect.poll(() => panel(page).getByRole('status').textContent(), { timeout: 20_000 }).toMatch(/Connected · 0 changes waiting/);
    };
    await syncNow();
    await expect.poll(() => page.getByRole('list', { name: 'Documents' }).getByRole('listitem').count()).toBe(3);

    // Cara tags Geneva, then reviews against Dan and brings up her own span.
    await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Envoys meet' }).first().click();
    await page.locator('.parley-reader .cm-line').first().filter({ hasText: 'Seoul and Washington' }).waitFor();
    await dragSelect(page, 'Geneva');
    await page.keyboard.press('1');
    await expect.poll(async () => (await call(page, 'getDocument', { documentId: 'ws-talks' })).layers.find((l) => l.id === OWN_LAYER_ID)?.annotations.length).toBe(1);
    await page.getByRole('group', { name: 'Mode' }).getByRole('button', { name: 'Review', exact: true }).click();
    const review = page.getByRole('region', { name: 'Review' });
    const rows = review.getByRole('list', { name: 'Differences' }).locator('.difference-row');
    await expect.poll(() => rows.count()).toBe(2);
    await rows.nth(1).click();
    const detail = page.getByTestId('difference-detail');
    await expect.poll(() => detail.locator('.difference-position').textContent()).toBe('2 of 2');

    // Dan tags two more spans and syncs; Cara's next sync brings his layer into the open review, her difference still in focus.
    await danTags([
      ['Washington', 'actor'],
      ['working group', 'policy-body'],
    ]);
    await syncNow();
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(4);
    await expect.poll(() => detail.locator('.difference-position').textContent()).toBe('3 of 4');
    expect(await detail.getAttribute('data-kind')).toBe('only-mine');
    expect(await page.locator('.parley-reader .cm-parley-region').evaluateAll((els) => els.map((el) => el.textContent).join(''))).toBe('Geneva');
  }, 120_000);
});
