/**
 * `npm run bench` (after the reader figures): how long hostile inputs take.
 * A page of 200,000 nested `<div>` (2.2 MB) through `htmlToText`, beside the
 * same reduction on htmlparser2's `Parser` (what Parley used before), whose
 * element stack makes it quadratic: it is timed on a quarter of the nesting
 * only, and its time at full depth is extrapolated (×16).
 */
import { Parser } from 'htmlparser2';
import { htmlToText } from '../annotations/import/html-text';

const nested = (depth: number) => `<html><body>${'<div>'.repeat(depth)}Seoul and Washington met.${'</div>'.repeat(depth)}</body></html>`;

function time(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

htmlToText(nested(20_000)); // warm-up
const full = nested(200_000);
const now = time(() => htmlToText(full));
const quarter = nested(50_000);
const before = time(() => {
  const parser = new Parser({ ontext: () => undefined }, { decodeEntities: true, lowerCaseTags: true });
  parser.write(quarter);
  parser.end();
});
const mb = (s: string) => (s.length / 1024 / 1024).toFixed(1);
console.log('\nHostile inputs');
console.log(`  HTML, 200,000 nested <div> (${mb(full)} MB): ${Math.round(now)} ms`);
console.log(`  the same with htmlparser2's Parser (before): ${Math.round(before)} ms at 50,000 deep (${mb(quarter)} MB), about ${Math.round((before * 16) / 1000)} s at 200,000`);
