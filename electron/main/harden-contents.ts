/**
 * Denies everything a renderer could use to reach beyond its page: navigation
 * away, new windows, permission requests, webviews. Takes the Electron objects
 * as narrow interfaces so tests can check the decisions without Electron.
 */

/** The decision for a navigation request: only our own renderer's URLs. */
export function allowNavigation(url: string, isOwnRenderer: (url: string) => boolean): boolean {
  return isOwnRenderer(url);
}

/** The part of `WebContents` that the hardening hooks into. */
export interface ContentsLike {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { preventDefault(): void; url?: string }, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** The part of `Session` that the hardening hooks into. */
export interface SessionLike {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
}

/** Installs the denials on a window's contents. */
export function hardenContents(contents: ContentsLike, isOwnRenderer: (url: string) => boolean): void {
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (!allowNavigation(url, isOwnRenderer)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Denies every permission request and check (camera, notifications, clipboard read, …). */
export function hardenSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
