/** A Debian package the end-to-end specs need, and what it provides. */
export interface E2eNeed {
  pkg: string;
  what: string;
}
/** Fonts the end-to-end specs need, by Debian package and fontconfig family. */
export const FONT_PACKAGES: Array<{ pkg: string; family: string }>;
/** The packages missing, given how to check for each. */
export function missingE2eNeeds(found: { chromium: () => boolean; font: (f: { pkg: string; family: string }) => boolean }): E2eNeed[];
/** One line naming what is missing and how to install it. */
export function missingE2eMessage(missing: E2eNeed[]): string;
