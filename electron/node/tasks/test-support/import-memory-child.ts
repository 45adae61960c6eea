/**
 * Child process of the import memory test: reads the files named on its
 * command line the way the app does, runs the format import on them, and
 * prints one JSON line with the resident set before reading and at its peak.
 */
import { readFileSync } from 'node:fs';
import { defaultLabelSchema } from '../../../../annotations/labels';
import type { FormatName } from '../../../../annotations/formats/format';
import { readFormatFiles } from '../../import/format-files';
import { runFormatJob } from '../format-job';

/**
 * The peak resident set of this process. On Linux, VmHWM of the process's own
 * memory map: `resourceUsage().maxRSS` survives exec, so a child spawned by a
 * large parent would report the parent's size.
 */
function peakRss(): number {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) * 1024;
  } catch {
    // not Linux: fall back to maxRSS
  }
  return process.resourceUsage().maxRSS * 1024;
}

/** Live heap after a full collection (the child runs with `--expose-gc`). */
function liveHeap(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

const [format, ...paths] = process.argv.slice(2) as [FormatName, ...string[]];
const baseline = process.memoryUsage().rss;
const heapBefore = liveHeap();
const read = await readFormatFiles(paths);
if (!read.ok) {
  process.stdout.write(`${JSON.stringify({ baseline, peak: peakRss(), error: read.error })}\n`);
} else {
  const result = runFormatJob({ kind: 'import', format, files: read.value, options: { labels: defaultLabelSchema(), author: 'memory', now: '2026-01-01T00:00:00.000Z' } }, () => undefined, () => false);
  const summary = result.ok && 'corpus' in result.value ? { documents: result.value.corpus.documents.length, annotations: result.value.corpus.documents.reduce((n, d) => n + d.layers.reduce((m, l) => m + l.annotations.length, 0), 0) } : { error: result.ok ? 'no corpus' : result.error };
  const peak = peakRss();
  // What the import's result holds once its garbage is gone: the corpus the store will write.
  const retained = liveHeap() - heapBefore;
  process.stdout.write(`${JSON.stringify({ baseline, peak, retained, ...summary })}\n`);
}
