// Counts a vitest JSON report for the closing line of `npm test`.
import { existsSync, readFileSync } from 'node:fs';

/**
 * Passed and failed tests in a vitest JSON report. Skipped and to-do tests
 * count as failures (the project has none on purpose); a test file that failed
 * to load reports no tests at all, so each counts as one failure; a missing or
 * unreadable report (vitest itself crashed) counts as one failure.
 * @param {string} file
 * @returns {{ passed: number, failed: number, unloaded: number }}
 */
export function countVitestReport(file) {
  if (!existsSync(file)) return { passed: 0, failed: 1, unloaded: 0 };
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { passed: 0, failed: 1, unloaded: 0 };
  }
  const suites = Array.isArray(report.testResults) ? report.testResults : [];
  const unloaded = suites.filter((s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0).length;
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0) + unloaded,
    unloaded,
  };
}
