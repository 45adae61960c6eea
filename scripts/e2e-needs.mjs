// What the end-to-end specs need from the machine, and how to say what is missing.

/** Debian packages the end-to-end specs need besides Chromium: fonts for the Hangul and emoji they select by mouse. */
export const FONT_PACKAGES = [
  { pkg: 'fonts-noto-cjk', family: 'Noto Sans CJK' },
  { pkg: 'fonts-noto-color-emoji', family: 'Noto Color Emoji' },
];

/**
 * The packages missing, given how to check for each.
 * @param {{ chromium: () => boolean, font: (f: { pkg: string, family: string }) => boolean }} found
 * @returns {Array<{ pkg: string, what: string }>}
 */
export function missingE2eNeeds(found) {
  const missing = [];
  if (!found.chromium()) missing.push({ pkg: 'chromium', what: 'Chromium' });
  for (const f of FONT_PACKAGES) if (!found.font(f)) missing.push({ pkg: f.pkg, what: `the ${f.family} font` });
  return missing;
}

/**
 * One line naming what is missing and how to install it.
 * @param {Array<{ pkg: string, what: string }>} missing
 */
export function missingE2eMessage(missing) {
  const browser = missing.some((m) => m.pkg === 'chromium');
  return (
    `The end-to-end tests need ${missing.map((m) => m.what).join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} missing. ` +
    `On Debian or Ubuntu: sudo apt-get install ${missing.map((m) => m.pkg).join(' ')}` +
    (browser ? '; elsewhere install Chromium or Chrome and set PARLEY_CHROMIUM to its path.' : '; elsewhere install the Noto CJK and Noto Color Emoji fonts.')
  );
}
