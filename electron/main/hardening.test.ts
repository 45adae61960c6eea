import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { resolveAsset } from './app-assets';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { hardenContents, hardenSession, type ContentsLike } from './harden-contents';
import { APP_ORIGIN, createSenderCheck } from './ipc/sender-check';
import { createMainWindow } from './window-options';

class RecordingWindow {
  constructor(readonly options: BrowserWindowConstructorOptions) {}
}

describe('the main window', () => {
  const { options } = createMainWindow(RecordingWindow, '/app/out/preload/index.js');
  const prefs = options.webPreferences!;

  it('isolates and sandboxes the renderer with no Node and web security on', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.preload).toBe('/app/out/preload/index.js');
  });
});

describe('the content security policy', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => {
    const [name, ...values] = d.trim().split(/\s+/);
    return [name!, values] as const;
  }));

  it('allows scripts only from our own origin, never eval or inline', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
  });

  it('lets images come from data: addresses (a chart is drawn to PNG from its SVG so) but not from blob: or elsewhere', () => {
    expect(directives.get('img-src')).toEqual(["'self'", 'data:']);
  });

  it('loads nothing remote', () => {
    for (const values of directives.values()) {
      for (const v of values) expect(v).not.toMatch(/^(https?:|\*|wss?:)/);
    }
  });
});

describe('navigation, new windows and permissions', () => {
  function fakeContents() {
    const listeners = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    const contents = {
      on: (event: string, listener: (event: { preventDefault(): void }, url: string) => void) => listeners.set(event, listener),
      setWindowOpenHandler: (h: (d: { url: string }) => { action: string }) => (openHandler = h),
    } as unknown as ContentsLike;
    const navigate = (event: string, url: string) => {
      let prevented = false;
      listeners.get(event)!({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    return { contents, navigate, open: (url: string) => openHandler!({ url }) };
  }

  it('denies navigation away from our renderer and every window.open', () => {
    const { contents, navigate, open } = fakeContents();
    hardenContents(contents, createSenderCheck([APP_ORIGIN]));
    expect(navigate('will-navigate', 'https://example.org/')).toBe(true);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(navigate('will-navigate', 'parley://app/index.html')).toBe(false);
    expect(navigate('will-attach-webview', 'parley://app/index.html')).toBe(true);
    expect(open('https://example.org/')).toEqual({ action: 'deny' });
    expect(open('parley://app/index.html')).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check', () => {
    let requestHandler: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let checkHandler: (() => boolean) | undefined;
    hardenSession({ setPermissionRequestHandler: (h) => (requestHandler = h), setPermissionCheckHandler: (h) => (checkHandler = h) });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      requestHandler!(null, permission, (g) => (granted = g));
      expect(granted).toBe(false);
    }
    expect(checkHandler!()).toBe(false);
  });
});

describe('serving the renderer', () => {
  it('refuses paths that leave the renderer folder', () => {
    expect(resolveAsset('/app/out/renderer', '/../main/index.js')).toBeNull();
    expect(resolveAsset('/app/out/renderer', '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveAsset('/app/out/renderer', '/a%00b')).toBeNull();
    expect(resolveAsset('/app/out/renderer', '/')).toEqual({ file: '/app/out/renderer/index.html', type: 'text/html; charset=utf-8' });
    expect(resolveAsset('/app/out/renderer', '/assets/index-1.js?x=1')?.file).toBe('/app/out/renderer/assets/index-1.js');
  });
});
