/** Which frames may call the API: only our own renderer's origin. */
import type { SenderCheck } from './register-api';

/** The scheme and host the packaged renderer is served from. */
export const APP_ORIGIN = 'parley://app';

/** Accepts URLs whose origin is exactly one of `origins` (e.g. `parley://app`, or the dev server's). */
export function createSenderCheck(origins: readonly string[]): SenderCheck {
  const allowed = new Set(origins.map((o) => o.replace(/\/+$/, '')));
  return (url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    const origin = parsed.protocol === 'parley:' ? `parley://${parsed.host}` : parsed.origin;
    return allowed.has(origin);
  };
}
