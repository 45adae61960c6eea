/**
 * A part of the window that fails stays a part: when the corpus view's code cannot be
 * loaded (a damaged install), the window says so where the view would be, and the
 * library, the mode switch and the reader go on working. Without a boundary React
 * unmounts the whole window and leaves it blank.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closeBrowser, launchParley, type ParleyHarness } from './support/harness';

let app: ParleyHarness | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});
afterAll(closeBrowser);

describe('a part of the window that fails', () => {
  it('says so in its place and leaves the rest of the window working', async () => {
    app = await launchParley({ failAssets: /\/assets\/corpus-view-[^/]*\.js$/ });
    const page = app.page;
    const modes = page.getByRole('group', { name: 'Mode' });
    await expect.poll(() => page.locator('.parley-reader .cm-content').count()).toBe(1);

    await modes.getByRole('button', { name: 'Corpus', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'The corpus view stopped' });
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.textContent()).toContain('Your work is saved');
    // The rest of the window is still there and answers.
    await expect.poll(() => page.getByRole('button', { name: 'Reload the window' }).count()).toBe(1);
    expect(await page.locator('.library-list, [aria-label="Library"]').count()).toBeGreaterThan(0);

    await modes.getByRole('button', { name: 'Read', exact: true }).click();
    await expect.poll(() => alert.count()).toBe(0);
    await expect.poll(() => page.locator('.parley-reader .cm-content').count()).toBe(1);
  });
});
