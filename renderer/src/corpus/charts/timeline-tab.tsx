import { scaleUtc, type ScaleTime } from 'd3-scale';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { timelineData, type TimelineData, type TimelineItem, type TimelineLaneBy } from '../../../../annotations/corpus/charts/timeline-data';
import type { Statement } from '../../../../annotations/statements/build-statements';
import { ellipsis } from '../../../../annotations/text/ellipsis';
import { plural } from '../../../../annotations/text/plural';
import { ChartExportButtons } from './chart-export-buttons';
import { StanceLegend } from './chart-legend';
import { stanceColor, stanceName } from './stance-colors';
import { useWidth } from './use-width';
import './charts.css';

/** What a chart tab of the corpus view receives: the library's statements, and a way to open one in the reader. */
export interface ChartTabProps {
  statements: Statement[];
  onOpen(documentId: string, annotationId: string): void;
}

const LABEL_WIDTH = 170;
const AXIS_HEIGHT = 26;
const LANE_HEIGHT = 24;
const ITEM_HEIGHT = 14;
/** Narrowest an item is drawn at full zoom-out, so a day in a decade stays visible. */
const MIN_ITEM_WIDTH = 3;

/**
 * Dated statements on a time axis, a lane per actor (or target), coloured by
 * stance. Wheel or +/− zoom, drag or ←/→ pan (the items' group is transformed,
 * never laid out again); an item shows its quote on hover or focus and opens
 * with a click or Enter; ←/→ and ↑/↓ on an item step between items.
 */
export function TimelineTab({ statements, onOpen }: ChartTabProps) {
  const [laneBy, setLaneBy] = useState<TimelineLaneBy>('actor');
  const data = useMemo(() => timelineData(statements, laneBy), [statements, laneBy]);
  const frame = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const width = useWidth(frame);
  // Only the lanes in view are drawn; an export draws them all for the moment it copies the chart.
  const [showAll, setShowAll] = useState(false);

  return (
    <div className="chart-tab">
      <div className="chart-toolbar">
        <label className="chart-control">
          Lanes
          <select value={laneBy} onChange={(e) => setLaneBy(e.target.value as TimelineLaneBy)}>
            <option value="actor">Actors</option>
            <option value="target">Targets</option>
          </select>
        </label>
        <StanceLegend />
        <ChartExportButtons chart="timeline" svg={() => svgRef.current} prepare={() => flushSync(() => setShowAll(true))} restore={() => setShowAll(false)} />
      </div>
      <p className="chart-note" data-testid="timeline-summary">
        {plural(data.items.length, 'dated statement')} in {plural(data.lanes.length, 'lane')}
        {data.undated > 0 ? `; ${plural(data.undated, 'statement')} without a normalised date ${data.undated === 1 ? 'is' : 'are'} not shown` : ''}.
      </p>
      <div ref={frame} className="chart-frame">
        {data.extent ? <TimelineChart data={data} width={width} svgRef={svgRef} frame={frame} showAll={showAll} onOpen={onOpen} /> : <p className="corpus-empty">No statement has a date with a normalised value yet.</p>}
      </div>
    </div>
  );
}

interface ChartProps {
  data: TimelineData;
  width: number;
  svgRef: React.RefObject<SVGSVGElement | null>;
  /** The scrolling frame around the chart, whose scroll decides which lanes are drawn. */
  frame: React.RefObject<HTMLDivElement | null>;
  showAll: boolean;
  onOpen(documentId: string, annotationId: string): void;
}

/** Lanes drawn beyond those in view, and the step the drawn range moves by (so a scroll redraws every few lanes, not every pixel). */
const LANE_MARGIN = 10;

/** The lanes in view in a frame scrolled to `scrollTop`, widened by the margin and rounded to it. */
function lanesInView(scrollTop: number, viewHeight: number, lanes: number): [number, number] {
  const first = Math.floor((scrollTop - AXIS_HEIGHT) / LANE_HEIGHT);
  const last = Math.ceil((scrollTop + viewHeight - AXIS_HEIGHT) / LANE_HEIGHT);
  const from = Math.max(0, Math.floor((first - LANE_MARGIN) / LANE_MARGIN) * LANE_MARGIN);
  return [from, Math.min(lanes, Math.ceil((last + LANE_MARGIN) / LANE_MARGIN) * LANE_MARGIN)];
}

function TimelineChart({ data, width, svgRef, frame, showAll, onOpen }: ChartProps) {
  const plotWidth = Math.max(200, width - LABEL_WIDTH - 8);
  const height = AXIS_HEIGHT + data.lanes.length * LANE_HEIGHT + 4;
  const x = useMemo(() => scaleUtc().domain(data.extent!).range([0, plotWidth]), [data.extent, plotWidth]);
  const plotRef = useRef<SVGSVGElement>(null);
  const itemsRef = useRef<SVGGElement>(null);
  const behaviour = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const [transform, setTransform] = useState<ZoomTransform>(zoomIdentity);
  // The latest transform, for handlers that must not change (and redraw the items) on every frame of a pan.
  const current = useRef<ZoomTransform>(zoomIdentity);
  const [activeId, setActiveId] = useState(data.items[0]?.id ?? '');
  const [tip, setTip] = useState<{ item: TimelineItem; x: number; y: number } | null>(null);
  const pending = useRef<number | null>(null);
  const [lanes, setLanes] = useState<[number, number]>(() => lanesInView(0, 1200, data.lanes.length));
  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const update = () => {
      const next = lanesInView(el.scrollTop, el.clientHeight, data.lanes.length);
      setLanes((now) => (now[0] === next[0] && now[1] === next[1] ? now : next));
    };
    update();
    el.addEventListener('scroll', update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => {
      el.removeEventListener('scroll', update);
      observer.disconnect();
    };
  }, [frame, data.lanes.length]);
  /** Index of each lane's first item (items come in lane order), and one past the last. */
  const laneStarts = useMemo(() => {
    const starts = new Array<number>(data.lanes.length + 1).fill(data.items.length);
    for (let i = data.items.length - 1; i >= 0; i--) starts[data.items[i]!.lane] = i;
    for (let lane = data.lanes.length - 1; lane >= 0; lane--) starts[lane] = Math.min(starts[lane]!, starts[lane + 1]!);
    return starts;
  }, [data]);
  const [drawFrom, drawTo] = showAll ? [0, data.items.length] : [laneStarts[lanes[0]]!, laneStarts[Math.min(lanes[1], data.lanes.length)]!];

  useEffect(() => {
    const plot = plotRef.current;
    if (!plot) return;
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent([1, 5000])
      .extent([
        [0, 0],
        [plotWidth, height],
      ])
      .translateExtent([
        [0, 0],
        [plotWidth, height],
      ])
      .on('zoom', (event: { transform: ZoomTransform }) => {
        const t = event.transform;
        current.current = t;
        // The items move as one group; only the axis is drawn again, once a frame.
        itemsRef.current?.setAttribute('transform', `translate(${t.x},0) scale(${t.k},1)`);
        if (pending.current === null) {
          pending.current = requestAnimationFrame(() => {
            pending.current = null;
            setTransform(t);
          });
        }
      });
    behaviour.current = z;
    select(plot).call(z).call(z.transform, zoomIdentity);
    return () => {
      select(plot).on('.zoom', null);
      if (pending.current !== null) cancelAnimationFrame(pending.current);
      pending.current = null;
    };
  }, [plotWidth, height]);

  useEffect(() => setActiveId((id) => (data.items.some((i) => i.id === id) ? id : (data.items[0]?.id ?? ''))), [data]);

  const zoomBy = (factor: number) => {
    if (plotRef.current && behaviour.current) select(plotRef.current).call(behaviour.current.scaleBy, factor);
  };
  const panBy = (pixels: number) => {
    if (plotRef.current && behaviour.current) select(plotRef.current).call(behaviour.current.translateBy, pixels / current.current.k, 0);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === '+' || event.key === '=') zoomBy(1.5);
    else if (event.key === '-' || event.key === '_') zoomBy(1 / 1.5);
    else if (event.key === 'ArrowLeft') panBy(80);
    else if (event.key === 'ArrowRight') panBy(-80);
    else if (event.key === '0' && plotRef.current && behaviour.current) select(plotRef.current).call(behaviour.current.transform, zoomIdentity);
    else return;
    event.preventDefault();
  };

  const focusItem = useCallback(
    (item: TimelineItem) => {
      setActiveId(item.id);
      const plot = plotRef.current;
      const z = behaviour.current;
      if (plot && z) {
        const screenX = current.current.applyX(x(item.start));
        if (screenX < 0 || screenX > plotWidth) select(plot).call(z.translateTo, x(item.start), height / 2);
      }
      // Scrolls the item's lane into view (which draws it), then focuses it once it is drawn.
      const el = frame.current;
      const laneTop = AXIS_HEIGHT + item.lane * LANE_HEIGHT;
      if (el && (laneTop < el.scrollTop + AXIS_HEIGHT || laneTop + LANE_HEIGHT > el.scrollTop + el.clientHeight)) el.scrollTop = laneTop - el.clientHeight / 2;
      let tries = 0;
      const focus = () => {
        const found = plotRef.current?.querySelector<SVGElement>(`[data-item="${CSS.escape(item.id)}"]`);
        if (found) found.focus();
        else if (++tries < 10) requestAnimationFrame(focus);
      };
      requestAnimationFrame(focus);
    },
    [x, plotWidth, height, frame],
  );

  const onItemKey = useCallback(
    (event: KeyboardEvent<SVGRectElement>, item: TimelineItem) => {
      const index = data.items.indexOf(item);
      let to: TimelineItem | undefined;
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        event.stopPropagation();
        onOpen(item.documentId, item.annotationId);
        return;
      }
      if (event.key === 'ArrowRight') to = data.items[index + 1];
      else if (event.key === 'ArrowLeft') to = data.items[index - 1];
      else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        const lane = item.lane + (event.key === 'ArrowDown' ? 1 : -1);
        to = nearestInLane(data.items, lane, item.start);
      } else return;
      event.preventDefault();
      event.stopPropagation();
      if (to) focusItem(to);
    },
    [data.items, onOpen, focusItem],
  );

  const showTip = useCallback((item: TimelineItem, target: Element) => {
    const frame = target.closest('.timeline')?.getBoundingClientRect();
    const box = target.getBoundingClientRect();
    if (frame) setTip({ item, x: Math.min(box.left - frame.left, frame.width - 320), y: box.bottom - frame.top + 4 });
  }, []);
  const hideTip = useCallback(() => setTip(null), []);

  const zx = transform.rescaleX(x);
  const ticks = zx.ticks(Math.max(2, Math.floor(plotWidth / 110)));
  const format = zx.tickFormat();

  return (
    <div className="timeline" role="group" aria-label="Timeline: + and − zoom, ← and → pan, 0 resets, Tab to the items" tabIndex={0} onKeyDown={onKeyDown}>
      <svg ref={svgRef} className="chart-svg" width={LABEL_WIDTH + plotWidth} height={height} role="group" aria-label={`Timeline of ${plural(data.items.length, 'dated statement')}`}>
        <TimelineLanes data={data} width={LABEL_WIDTH + plotWidth} />
        <g transform={`translate(${LABEL_WIDTH},0)`} aria-hidden="true">
          {ticks.map((tick) => (
            <g key={tick.getTime()} transform={`translate(${zx(tick)},0)`}>
              <line y1={AXIS_HEIGHT - 4} y2={height} style={{ stroke: 'var(--border)' }} />
              <text y={AXIS_HEIGHT - 8} textAnchor={zx(tick) < 24 ? 'start' : zx(tick) > plotWidth - 24 ? 'end' : 'middle'} fontSize={11} style={{ fill: 'var(--muted)' }}>
                {format(tick)}
              </text>
            </g>
          ))}
        </g>
        <svg ref={plotRef} x={LABEL_WIDTH} y={0} width={plotWidth} height={height} className="timeline-plot">
          <rect width={plotWidth} height={height} fill="transparent" />
          <g ref={itemsRef}>
            <TimelineItems data={data} from={drawFrom} to={drawTo} x={x} activeId={activeId} onOpen={onOpen} onKey={onItemKey} onFocusItem={setActiveId} onTip={showTip} onUntip={hideTip} />
          </g>
        </svg>
      </svg>
      {tip ? (
        <div className="chart-tooltip" role="tooltip" style={{ left: tip.x, top: tip.y }}>
          <q>{tip.item.quote}</q>
          <div>
            {tip.item.actor ?? '(no actor)'} · {stanceName(tip.item.stance)}
            {tip.item.target ? ` · toward ${tip.item.target}` : ''}
          </div>
          <div className="chart-tooltip-muted">
            {tip.item.value} · {tip.item.documentTitle}
          </div>
        </div>
      ) : null}
    </div>
  );
}

/** The lanes' bands and names, drawn again only when the data or the width change. */
const TimelineLanes = memo(function TimelineLanes({ data, width }: { data: TimelineData; width: number }) {
  return (
    <>
      {data.lanes.map((lane, i) => (
        <g key={lane.key}>
          {i % 2 === 0 ? <rect x={0} y={AXIS_HEIGHT + i * LANE_HEIGHT} width={width} height={LANE_HEIGHT} style={{ fill: 'var(--panel)' }} /> : null}
          <text x={LABEL_WIDTH - 8} y={AXIS_HEIGHT + i * LANE_HEIGHT + LANE_HEIGHT / 2} dy="0.35em" textAnchor="end" fontSize={12} style={{ fill: 'var(--fg)' }}>
            <title>{`${lane.name}: ${plural(lane.items, 'item')}`}</title>
            {ellipsis(lane.name, 24)}
          </text>
        </g>
      ))}
    </>
  );
});

interface ItemsProps {
  data: TimelineData;
  /** The items drawn: `data.items[from]` up to `data.items[to]` (the lanes in view), and the active one wherever it is. */
  from: number;
  to: number;
  x: ScaleTime<number, number>;
  activeId: string;
  onOpen(documentId: string, annotationId: string): void;
  onKey(event: KeyboardEvent<SVGRectElement>, item: TimelineItem): void;
  onFocusItem(id: string): void;
  onTip(item: TimelineItem, target: Element): void;
  onUntip(): void;
}

/** The items, laid out once per data and width: panning and zooming transform their group instead. */
const TimelineItems = memo(function TimelineItems({ data, from, to, x, activeId, onOpen, onKey, onFocusItem, onTip, onUntip }: ItemsProps) {
  const drawn = data.items.slice(from, to);
  // The active item keeps its tab stop even when its lane is scrolled away.
  const active = data.items.find((i) => i.id === activeId);
  if (active && !drawn.includes(active)) drawn.push(active);
  return (
    <>
      {drawn.map((item) => {
        const x0 = x(item.start);
        const w = Math.max(MIN_ITEM_WIDTH, x(item.end) - x0);
        const label = `${item.actor ?? '(no actor)'}, ${stanceName(item.stance)}: “${item.quote}”, ${item.value}`;
        return (
          <rect
            key={item.id}
            data-item={item.id}
            className={`timeline-item timeline-${item.precision}`}
            x={x0}
            y={AXIS_HEIGHT + item.lane * LANE_HEIGHT + (LANE_HEIGHT - ITEM_HEIGHT) / 2}
            width={w}
            height={ITEM_HEIGHT}
            rx={item.precision === 'day' ? 1.5 : 0}
            style={{ fill: stanceColor(item.stance) }}
            role="button"
            aria-label={label}
            tabIndex={item.id === activeId ? 0 : -1}
            onClick={() => onOpen(item.documentId, item.annotationId)}
            onKeyDown={(event) => onKey(event, item)}
            onFocus={(event) => {
              onFocusItem(item.id);
              onTip(item, event.currentTarget);
            }}
            onBlur={onUntip}
            onMouseEnter={(event) => onTip(item, event.currentTarget)}
            onMouseLeave={onUntip}
          />
        );
      })}
    </>
  );
});

function nearestInLane(items: readonly TimelineItem[], lane: number, at: number): TimelineItem | undefined {
  let best: TimelineItem | undefined;
  for (const item of items) {
    if (item.lane !== lane) continue;
    if (!best || Math.abs(item.start - at) < Math.abs(best.start - at)) best = item;
  }
  return best;
}
