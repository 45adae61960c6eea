import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchParley } from './support/harness';
import { STORE_SCHEMA_VERSION } from '../electron/node/store/store-schemas';

afterAll(closeBrowser);

describe('the end-to-end bridge', () => {
  it('gives the built renderer the real API on a real store, and nothing of Node', async () => {
    const app = await launchParley();
    try {
      const { page } = app;
      const info = await page.evaluate(async () => {
        const docs = await window.parley.api.listDocuments({});
        const bad = await window.parley.api.getDocument({ documentId: '' } as never);
        return {
          docs,
          bad,
          node: typeof (window as unknown as { require?: unknown }).require,
          process: typeof (window as unknown as { process?: unknown }).process,
        };
      });
      expect(info.node).toBe('undefined');
      expect(info.process).toBe('undefined');
      expect(info.bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(info.docs.ok && info.docs.value.length).toBe(4);
      // The sample corpus is on disk as one file per document plus the library index.
      const files = await readdir(path.join(app.storeDir, 'documents'));
      expect(files.filter((f) => f.endsWith('.json'))).toHaveLength(4);
      const library = JSON.parse(await readFile(path.join(app.storeDir, 'library.json'), 'utf8'));
      expect(library.schemaVersion).toBe(STORE_SCHEMA_VERSION);
    } finally {
      await app.close();
    }
  });

  it('runs under the Content-Security-Policy: inline script and remote content are refused', async () => {
    const app = await launchParley({ seedSamples: false });
    try {
      const result = await app.page.evaluate(async () => {
        const violations: string[] = [];
        document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
        const script = document.createElement('script');
        script.textContent = 'window.__inlineRan = true';
        document.body.appendChild(script);
        const img = document.createElement('img');
        img.src = 'https://example.org/tracker.png';
        document.body.appendChild(img);
        await new Promise((r) => setTimeout(r, 300));
        return { violations: [...new Set(violations)].sort(), inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true };
      });
      expect(result).toEqual({ violations: ['img-src', 'script-src-elem'], inlineRan: false });
    } finally {
      await app.close();
    }
  });
});
