/** Serves the built renderer from `parley://app/`, with the CSP on every response. */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { resolveAsset } from './app-assets';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: 'parley', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves files under `rendererDir` for `parley://app/…`. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle('parley', async (request) => {
    const url = new URL(request.url);
    const asset = url.host === 'app' ? resolveAsset(rendererDir, url.pathname) : null;
    if (!asset) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(asset.file);
      return new Response(body, {
        headers: { 'content-type': asset.type, 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
