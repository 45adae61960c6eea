/**
 * The folder Electron calls `userData` for Parley, computed without Electron
 * so the command line finds the same store as the app.
 */
import path from 'node:path';

/** Electron's userData folder for an app named `Parley` on this platform. */
export function defaultUserDataDir(platform: NodeJS.Platform, env: Record<string, string | undefined>, home: string): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Parley');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Parley');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Parley');
}
