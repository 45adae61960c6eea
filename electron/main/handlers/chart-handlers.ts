/** Saving the corpus view's charts (issue 14): SVG, PNG, CSV and GraphML, checked, to a file the analyst chooses. */
import { writeFile } from 'node:fs/promises';
import { fail, ok, type Result } from '../../../annotations/result';
import type { ApiInput } from '../../../shared/api';
import type { ApiHandlers } from '../ipc/register-api';
import type { HandlerContext } from './handler-deps';

type SaveChart = ApiInput<'saveChart'>;

/** The formats each chart exports. */
export const CHART_FORMATS: Readonly<Record<SaveChart['chart'], readonly SaveChart['format'][]>> = {
  timeline: ['svg', 'png'],
  matrix: ['csv', 'svg', 'png'],
  network: ['graphml', 'csv', 'svg', 'png'],
};

const FILTERS: Record<SaveChart['format'], { name: string; extensions: string[] }> = {
  svg: { name: 'SVG image', extensions: ['svg'] },
  png: { name: 'PNG image', extensions: ['png'] },
  csv: { name: 'CSV matrix', extensions: ['csv'] },
  graphml: { name: 'GraphML network', extensions: ['graphml'] },
};

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The bytes to write for a chart export, or why they are refused: a format
 * the chart does not export, a PNG that is not base64 of a PNG, an SVG that is
 * not one SVG element or carries script, GraphML without its root, or text
 * with NUL characters.
 */
export function chartFileBytes({ chart, format, content }: SaveChart): Result<Uint8Array> {
  if (!CHART_FORMATS[chart].includes(format)) return fail('invalid-input', `the ${chart} is not exported as ${format.toUpperCase()} (it is: ${CHART_FORMATS[chart].join(', ')})`);
  if (format === 'png') {
    if (content.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(content)) return fail('invalid-input', 'the PNG is not base64 text');
    const bytes = Buffer.from(content, 'base64');
    if (!PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return fail('invalid-input', 'the PNG does not start with the PNG signature');
    return ok(new Uint8Array(bytes));
  }
  if (content.includes('\u0000')) return fail('invalid-input', `the ${format.toUpperCase()} text holds a NUL character`);
  if (format === 'svg') {
    const body = content.replace(/^\ufeff?(<\?xml[^>]*\?>)?\s*/, '');
    if (!body.startsWith('<svg') || !body.trimEnd().endsWith('</svg>')) return fail('invalid-input', 'the SVG is not one <svg> element');
    if (/<script[\s>/]|<foreignObject[\s>/]|<[^>]*\son[a-z]+\s*=/i.test(body)) return fail('invalid-input', 'the SVG carries script or foreign content');
  }
  if (format === 'graphml' && !/^\ufeff?<\?xml[^>]*\?>\s*<graphml[\s>]/.test(content)) return fail('invalid-input', 'the GraphML does not start with an XML declaration and <graphml>');
  return ok(new TextEncoder().encode(content));
}

/** The chart export handler. */
export function createChartHandlers({ dialogs }: HandlerContext): Pick<ApiHandlers, 'saveChart'> {
  return {
    async saveChart(input) {
      const bytes = chartFileBytes(input);
      if (!bytes.ok) return bytes;
      const target = await dialogs.saveFile({ title: `Export the ${input.chart}`, defaultPath: `${input.chart}.${input.format}`, filters: [FILTERS[input.format]] });
      if (!target) return ok(null);
      try {
        await writeFile(target, bytes.value);
      } catch (error) {
        return fail('io-error', `could not write ${target}: ${(error as Error).message}`);
      }
      return ok({ path: target, bytes: bytes.value.length });
    },
  };
}
