/** Passed and failed tests in a vitest JSON report; a test file that failed to load counts as one failure. */
export function countVitestReport(file: string): { passed: number; failed: number; unloaded: number };
