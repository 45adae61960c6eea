import { describe, expect, it } from 'vitest';
import { parseCsv, readFindings } from './electronegativity-report.mjs';

const HEADER = 'issue, severity, confidence, filename, location, sample, description, url';
const CSP = `CSP_GLOBAL_CHECK,"LOW","FIRM","renderer/index.html","5:0","default-src 'none'; style-src 'self', 'unsafe-inline'","One or more CSP directives detected seems to be vulnerable",https://example.invalid/CSP`;
const PRELOAD = 'PRELOAD_JS_CHECK,"MEDIUM","FIRM","electron/main/window-options.ts","23:6","preload: ""x"",\nnext line","Review the use of preload scripts",https://example.invalid/PRELOAD';

describe("Electronegativity's report", () => {
  it('reads quoted cells holding commas, doubled quotes and line breaks, with LF or CRLF rows', () => {
    for (const eol of ['\n', '\r\n']) {
      const rows = parseCsv([HEADER, CSP, PRELOAD, ''].join(eol));
      expect(rows).toHaveLength(3);
      expect(rows[1]![5]).toBe("default-src 'none'; style-src 'self', 'unsafe-inline'");
      expect(rows[2]![5]).toBe('preload: "x",\nnext line');
    }
  });

  it('gives each finding its check and severity', () => {
    expect(readFindings([HEADER, CSP, PRELOAD].join('\n'))!.map((f) => [f.check, f.severity, f.location])).toEqual([
      ['CSP_GLOBAL_CHECK', 'LOW', '5:0'],
      ['PRELOAD_JS_CHECK', 'MEDIUM', '23:6'],
    ]);
  });

  it('refuses a report cut short or garbled, instead of reading a fragment as a finding', () => {
    // The row CI once read: a sample split mid-word, its tail on a line of its own.
    const garbled = `${HEADER}\nCSP_GLOBAL_CHECK,"LOW","FIRM","renderer/index.html","5:0","default-src 'no\nne'; script-src 'self'\n`;
    expect(readFindings(garbled)).toBeNull();
    expect(readFindings(`${HEADER}\nCSP_GLOBAL_CHECK,"SEVERE","FIRM"`)).toBeNull();
    expect(readFindings(HEADER)).toEqual([]);
  });
});
