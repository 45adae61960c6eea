/**
 * Serves the built renderer (out/renderer) and the bridge's calls over HTTP
 * on one loopback origin, as the end-to-end harness and the start bench use
 * it. Kept apart from the harness so that a plain Node process can serve the
 * app without loading Playwright.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { resolveAsset } from '../../electron/main/app-assets';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/content-security-policy';
import type { InvokeEventLike } from '../../electron/main/ipc/register-api';


/** Where the bridge posts its calls (see bridge-preload.ts). */
const INVOKE_PATH = '/__parley-e2e/invoke/';
/** Where the bridge posts a dropped file's bytes, to have it on disk as a dropped file is. */
const DROPPED_PATH = '/__parley-e2e/dropped/';

/** Runs one call of the bridge: channel, parsed input, and the URL of the page that sent it. */
export type Invoker = (channel: string, input: unknown, senderUrl: string) => Promise<unknown>;

/** The invoker of channels registered with `registerApi`: each call is the page's, from `senderUrl`; an unknown channel is `not-found`. */
export function channelInvoker(channels: ReadonlyMap<string, (event: InvokeEventLike, input: unknown) => Promise<unknown>>): Invoker {
  return async (channel, input, senderUrl) => {
    const listener = channels.get(channel);
    if (!listener) return { ok: false, error: { code: 'not-found', message: `no handler for ${channel}` } };
    return listener({ senderFrame: { url: senderUrl } }, input);
  };
}

function readBytes(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  return (await readBytes(req)).toString('utf8');
}

/** Writes a dropped file's bytes under its own name in a new folder; its path. */
async function keepDropped(name: string, bytes: Buffer): Promise<string> {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'parley-e2e-dropped-')), path.basename(name) || 'dropped');
  await writeFile(file, bytes);
  return file;
}

/**
 * Serves the built renderer, and the bridge's calls as JSON over HTTP on the
 * same origin. JSON over loopback costs about what Electron's structured
 * clone does; Playwright's `exposeBinding` takes seconds on a view of a
 * 1,000,000-character document with 20,000 annotations, which hid the app's
 * own speed from the bench.
 */
export function serveRenderer(invoker: () => Invoker | null, rendererDir = path.resolve(__dirname, '../../out/renderer'), port = 0): Promise<{ server: http.Server; origin: string }> {
  const server = http.createServer(async (req, res) => {
    if (req.method === 'POST' && req.url?.startsWith(INVOKE_PATH)) {
      const invoke = invoker();
      if (!invoke) {
        res.writeHead(503).end();
        return;
      }
      const channel = decodeURIComponent(req.url.slice(INVOKE_PATH.length));
      const senderUrl = req.headers.referer ?? req.headers.origin ?? '';
      let body: string;
      try {
        body = JSON.stringify(await invoke(channel, JSON.parse(await readBody(req)), senderUrl));
      } catch (error) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end((error as Error).message);
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
      return;
    }
    if (req.method === 'POST' && req.url?.startsWith(DROPPED_PATH)) {
      try {
        const file = await keepDropped(decodeURIComponent(req.url.slice(DROPPED_PATH.length)), await readBytes(req));
        res.writeHead(200, { 'content-type': 'text/plain' }).end(file);
      } catch (error) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end((error as Error).message);
      }
      return;
    }
    const asset = resolveAsset(rendererDir, req.url ?? '/');
    if (!asset) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(asset.file);
      res.writeHead(200, { 'content-type': asset.type, 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, origin: `http://127.0.0.1:${port}` });
    });
  });
}

