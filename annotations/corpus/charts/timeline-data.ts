/**
 * The timeline's data: each dated statement as an item on a time axis, in a
 * lane per actor (or per target), coloured by stance. A date of month or year
 * precision, or a range, spans its whole period; statements without a
 * normalised date are counted, never silently left out.
 */
import { parseDateValue, type DatePrecision } from '../../dates/date-value';
import type { Statement } from '../../statements/build-statements';
import { chartEnd, type ChartEnd } from './chart-keys';

/** What the lanes stand for: the statements' actors, or their targets (policy bodies, or actors addressed). */
export type TimelineLaneBy = 'actor' | 'target';

/** One lane: an actor or a target, and how many items it holds. */
export interface TimelineLane {
  key: string;
  name: string;
  items: number;
}

/** One dated statement on the axis (a statement with two dates gives two items). */
export interface TimelineItem {
  /** Unique within the data: the statement's index and the date's. */
  id: string;
  /** Index into `TimelineData.lanes`. */
  lane: number;
  /** First instant of the first day, in milliseconds since 1970 (UTC). */
  start: number;
  /** First instant after the last day (so a day is 24 hours wide). */
  end: number;
  value: string;
  precision: DatePrecision;
  stance?: string;
  /** The position's text. */
  quote: string;
  documentId: string;
  documentTitle: string;
  /** The position span, which opening the item selects. */
  annotationId: string;
  actor?: string;
  target?: string;
}

/** The timeline of a set of statements. */
export interface TimelineData {
  /** Lanes with the most items first, then by name. */
  lanes: TimelineLane[];
  /** Items in lane order, then by start. */
  items: TimelineItem[];
  /** First start and last end of all items, or null when there are none. */
  extent: [number, number] | null;
  /** Statements with no date that has a normalised value: not drawn, and said so. */
  undated: number;
}

const DAY = 86_400_000;

/** Milliseconds since 1970 (UTC) of the start of an ISO `YYYY-MM-DD` day. */
export function dayStart(isoDay: string): number {
  return Date.UTC(Number(isoDay.slice(0, 4)), Number(isoDay.slice(5, 7)) - 1, Number(isoDay.slice(8, 10)));
}

/** The periods a statement's dates cover, as [start, end) in milliseconds, skipping dates without a valid value. The periods are shared between calls: read them, never change them. */
export function statementPeriods(statement: Statement): Period[] {
  const periods: Period[] = [];
  for (const date of statement.dates) {
    if (date.value === undefined) continue;
    const period = periodOf(date.value);
    if (period) periods.push(period);
  }
  return periods;
}

/** A dated period: [start, end) in milliseconds, the value it was read from, and its precision. */
export interface Period {
  start: number;
  end: number;
  value: string;
  precision: DatePrecision;
}

/** Periods already read, by value: a library repeats the same few hundred dates. Emptied when it grows past 50,000. */
const periods = new Map<string, Period | null>();

function periodOf(value: string): Period | null {
  let found = periods.get(value);
  if (found === undefined) {
    const bounds = parseDateValue(value);
    found = bounds.ok ? { start: dayStart(bounds.value.start), end: dayStart(bounds.value.end) + DAY, value, precision: bounds.value.precision } : null;
    if (periods.size >= 50_000) periods.clear();
    periods.set(value, found);
  }
  return found;
}

const NO_END: Record<TimelineLaneBy, ChartEnd> = {
  actor: { key: 'none', name: '(no actor)', labelId: '' },
  target: { key: 'none', name: '(no target)', labelId: '' },
};

/**
 * Lays out `statements` for the timeline, one lane per distinct actor (or
 * target; see `chartEnd` for what counts as the same one). A statement
 * without that end goes to a "(no actor)" or "(no target)" lane. Never fails.
 */
export function timelineData(statements: readonly Statement[], laneBy: TimelineLaneBy = 'actor'): TimelineData {
  const lanes = new Map<string, TimelineLane>();
  const pending: Array<{ laneKey: string; item: TimelineItem }> = [];
  let undated = 0;
  let min = Infinity;
  let max = -Infinity;
  statements.forEach((statement, index) => {
    const periods = statementPeriods(statement);
    if (periods.length === 0) {
      undated++;
      return;
    }
    const span = laneBy === 'actor' ? statement.actor : statement.target;
    const end = span ? chartEnd(span) : NO_END[laneBy];
    const lane = lanes.get(end.key) ?? { key: end.key, name: end.name, items: 0 };
    lanes.set(end.key, lane);
    const actorName = statement.actor ? (laneBy === 'actor' ? end.name : chartEnd(statement.actor).name) : undefined;
    const targetName = statement.target ? (laneBy === 'target' ? end.name : chartEnd(statement.target).name) : undefined;
    periods.forEach((period, dateIndex) => {
      lane.items++;
      min = Math.min(min, period.start);
      max = Math.max(max, period.end);
      const item: TimelineItem = {
        id: `${index}:${dateIndex}`,
        lane: -1,
        start: period.start,
        end: period.end,
        value: period.value,
        precision: period.precision,
        quote: statement.position.text,
        documentId: statement.documentId,
        documentTitle: statement.documentTitle,
        annotationId: statement.position.annotationId,
      };
      if (statement.stance !== undefined) item.stance = statement.stance;
      if (actorName !== undefined) item.actor = actorName;
      if (targetName !== undefined) item.target = targetName;
      pending.push({ laneKey: end.key, item });
    });
  });
  const ordered = [...lanes.values()].sort((a, b) => b.items - a.items || a.name.localeCompare(b.name) || (a.key < b.key ? -1 : 1));
  const laneIndex = new Map(ordered.map((lane, i) => [lane.key, i]));
  const items = pending
    .map(({ laneKey, item }) => {
      item.lane = laneIndex.get(laneKey)!;
      return item;
    })
    .sort((a, b) => a.lane - b.lane || a.start - b.start || a.end - b.end);
  return { lanes: ordered, items, extent: items.length === 0 ? null : [min, max], undated };
}

/** A time window, as ISO days (both inclusive); either side may be open. */
export interface TimeWindow {
  from?: string;
  to?: string;
}

/**
 * Whether a statement falls in a window: one of its dated periods overlaps
 * it. With no window every statement falls in it, dated or not; with one, an
 * undated statement never does.
 */
export function inTimeWindow(statement: Statement, range: TimeWindow): boolean {
  if (range.from === undefined && range.to === undefined) return true;
  const from = range.from === undefined ? -Infinity : dayStart(range.from);
  const to = range.to === undefined ? Infinity : dayStart(range.to) + DAY;
  return statementPeriods(statement).some((p) => p.start < to && p.end > from);
}
