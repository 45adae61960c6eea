/** Finds the Chromium the end-to-end tests drive (Debian's by default). */
import { existsSync } from 'node:fs';

/** Path of a Chromium binary, or throws with instructions. */
export function chromiumPath(): string {
  const candidates = [process.env.PARLEY_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('No Chromium found. Install it (Debian: apt-get install chromium) or set PARLEY_CHROMIUM to its path.');
  return found;
}

/** Flags for a quiet, offline headless Chromium. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
