/**
 * A document's metadata as edited in its dialog: four text fields, checked
 * and turned into `DocumentMetadata` (empty fields left out).
 */
import type { DocumentMetadata } from '../../../annotations/model';

/** The fields as typed. */
export interface MetadataDraft {
  publishedAt: string;
  outlet: string;
  author: string;
  url: string;
}

/** The draft of stored metadata (absent fields empty). */
export function metadataDraft(metadata: DocumentMetadata | undefined): MetadataDraft {
  return { publishedAt: metadata?.publishedAt ?? '', outlet: metadata?.outlet ?? '', author: metadata?.author ?? '', url: metadata?.url ?? '' };
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/;

function realDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Why a publication date is not ISO 8601 (a year, a month, a day, or a day with a time), or null when it is. */
export function publishedAtProblem(value: string): string | null {
  const date = DATE.exec(value);
  if (date) {
    const [, , month, day] = date;
    if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return `“${value}” has no month ${month}.`;
    if (day !== undefined && !realDay(Number(date[1]), Number(month), Number(day))) return `${value} is not a day of the calendar.`;
    return null;
  }
  const time = DATE_TIME.exec(value);
  if (time) {
    if (!realDay(Number(time[1]), Number(time[2]), Number(time[3]))) return `${value.slice(0, 10)} is not a day of the calendar.`;
    if (Number(time[4]) > 23 || Number(time[5]) > 59 || Number(time[6] ?? 0) > 59) return `“${value.slice(11)}” is not a time of day.`;
    return null;
  }
  return `Write the publication date as 2021-06-22 (or 2021-06, 2021, or 2021-06-22T09:30+09:00); “${value}” is not such a date.`;
}

/** Why an address cannot be kept (not http, https or file, or not an address at all), or null. */
function urlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `“${value}” is not a web address; write it in full, starting with https://.`;
  }
  return ['http:', 'https:', 'file:'].includes(url.protocol) ? null : `An address starting with ${url.protocol} cannot be kept; use http, https or file.`;
}

/** The metadata to save from a draft (fields trimmed, empty ones left out), or what is wrong with it. */
export function readMetadataDraft(draft: MetadataDraft): { metadata: DocumentMetadata } | { problems: string[] } {
  const problems: string[] = [];
  const metadata: DocumentMetadata = {};
  const publishedAt = draft.publishedAt.trim();
  if (publishedAt !== '') {
    const problem = publishedAtProblem(publishedAt);
    if (problem) problems.push(problem);
    else metadata.publishedAt = publishedAt;
  }
  for (const [field, max, name] of [
    ['outlet', 500, 'The outlet'],
    ['author', 500, 'The author'],
  ] as const) {
    const value = draft[field].trim();
    if (value.length > max) problems.push(`${name} is longer than ${max} characters.`);
    else if (value !== '') metadata[field] = value;
  }
  const url = draft.url.trim();
  if (url !== '') {
    const problem = url.length > 4000 ? 'The address is longer than 4,000 characters.' : urlProblem(url);
    if (problem) problems.push(problem);
    else metadata.url = url;
  }
  return problems.length > 0 ? { problems } : { metadata };
}
