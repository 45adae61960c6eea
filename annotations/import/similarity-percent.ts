/**
 * A similarity (0 to 1) as the analyst reads it: a whole percentage, never
 * "100%" for texts that differ, nor "0%" for texts that share something.
 */
export function similarityPercent(similarity: number): string {
  if (!(similarity > 0)) return '0%';
  if (similarity >= 1) return '100%';
  return `${Math.min(99, Math.max(1, Math.round(similarity * 100)))}%`;
}
