/** `parley import`'s `--published --outlet --author --url`: a single article's metadata, checked before anything is read. */
import { parseDateValue } from '../../annotations/dates/date-value';
import type { DocumentMetadata } from '../../annotations/model';
import { fail, ok, type Result } from '../../annotations/result';
import type { CliArgs, CliCommand } from './command-line';

/** The options, to spread into a command's option table. */
export const METADATA_OPTIONS: CliCommand['options'] = {
  published: { type: 'string', value: 'DATE', help: 'for a single article: its publication date, ISO 8601 (2021-06-22, or a date-time such as 2021-06-22T09:30+09:00)' },
  outlet: { type: 'string', value: 'NAME', help: 'for a single article: the newspaper, agency or site that published it' },
  author: { type: 'string', value: 'NAME', help: 'for a single article: who wrote it' },
  url: { type: 'string', value: 'URL', help: 'for a single article: its address' },
};

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?$/;

/**
 * The metadata given on the command line, or undefined when none was.
 * Fails with `invalid-input` on a publication date that is not an ISO 8601
 * date (day, month or year) or date-time, an address that is not http(s),
 * or a value that is empty.
 */
export function metadataFromArgs(args: CliArgs): Result<DocumentMetadata | undefined> {
  const metadata: DocumentMetadata = {};
  for (const key of ['published', 'outlet', 'author', 'url'] as const) {
    const raw = args.text(key);
    if (raw === undefined) continue;
    const value = raw.trim();
    if (value === '') return fail('invalid-input', `--${key} is empty`);
    if (key === 'published') {
      const day = DATE_TIME.exec(value)?.[1];
      const parsed = parseDateValue(day ?? value);
      if (!parsed.ok || parsed.value.precision === 'range') return fail('invalid-input', `--published ${JSON.stringify(value)} is not an ISO 8601 date or date-time (2021-06-22, 2021-06, 2021, 2021-06-22T09:30+09:00)`);
      metadata.publishedAt = value;
    } else if (key === 'url') {
      if (!/^https?:\/\/\S+$/iu.test(value)) return fail('invalid-input', `--url ${JSON.stringify(value)} is not an http or https address`);
      metadata.url = value;
    } else metadata[key] = value;
  }
  return ok(Object.keys(metadata).length > 0 ? metadata : undefined);
}
