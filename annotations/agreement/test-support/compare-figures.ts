/** Deep comparison of report figures against reference values. Test-only. */

/** Numbers may differ by this much. */
export const TOLERANCE = 1e-9;

/**
 * Differences between `actual` and `expected`, as readable paths (empty when
 * they agree). Objects must have the same keys; arrays the same length;
 * numbers agree within TOLERANCE; everything else must be equal.
 */
export function figureDifferences(actual: unknown, expected: unknown, path = '', out: string[] = []): string[] {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number' || Math.abs(actual - expected) > TOLERANCE) out.push(`${path}: ${String(actual)} ≠ ${expected}`);
  } else if (expected === null || typeof expected !== 'object') {
    if (actual !== expected) out.push(`${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
  } else if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) out.push(`${path}: length ${Array.isArray(actual) ? actual.length : 'n/a'} ≠ ${expected.length}`);
    else expected.forEach((e, i) => figureDifferences(actual[i], e, `${path}[${i}]`, out));
  } else if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
    out.push(`${path}: not an object`);
  } else {
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    for (const k of new Set([...Object.keys(a), ...Object.keys(e)])) {
      if (!(k in e)) out.push(`${path}.${k}: unexpected`);
      else if (!(k in a)) out.push(`${path}.${k}: missing`);
      else figureDifferences(a[k], e[k], `${path}.${k}`, out);
    }
  }
  return out;
}
