import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import { useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { networkCsv } from '../../../../annotations/corpus/charts/chart-csv';
import { discourseNetwork, type DiscourseNetwork, type NetworkKind, type NetworkNode } from '../../../../annotations/corpus/charts/discourse-network';
import { networkGraphml } from '../../../../annotations/corpus/charts/network-graphml';
import type { TimeWindow } from '../../../../annotations/corpus/charts/timeline-data';
import { ellipsis } from '../../../../annotations/text/ellipsis';
import { plural } from '../../../../annotations/text/plural';
import { ChartExportButtons } from './chart-export-buttons';
import { QUALIFIER_COLORS } from './stance-colors';
import type { ChartTabProps } from './timeline-tab';
import { useWidth } from './use-width';
import './charts.css';

const HEIGHT = 560;
/** Nodes drawn at most; the exports always hold the whole network. */
const MAX_DRAWN = 400;
const KIND_NAMES: Record<NetworkKind, string> = { 'two-mode': 'Actors × positions', congruence: 'Congruence (actors agreeing)', conflict: 'Conflict (actors opposed)' };

type Placed = Record<string, { x: number; y: number }>;

/**
 * The discourse network (see `discourseNetwork`): actors × positions with
 * edges coloured by stance, or actors tied by positions they share
 * (congruence) or take opposite sides on (conflict), over a time window.
 * Laid out once by a force simulation; nodes are dragged with the pointer, or
 * focused with Tab and moved with the arrow keys.
 */
export function NetworkTab({ statements }: ChartTabProps) {
  const [kind, setKind] = useState<NetworkKind>('two-mode');
  const [window, setWindow] = useState<TimeWindow>({});
  const network = useMemo(() => discourseNetwork(statements, kind, window), [statements, kind, window]);
  const frame = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const width = useWidth(frame);
  const drawn = useMemo(() => drawnPart(network), [network]);
  const layout = useMemo(() => forceLayout(drawn, width, HEIGHT), [drawn, width]);
  const [moved, setMoved] = useState<{ layout: Placed; at: Placed }>({ layout, at: {} });
  const at = moved.layout === layout ? moved.at : {};
  const place = (id: string) => at[id] ?? layout[id]!;
  const move = (id: string, x: number, y: number) => setMoved({ layout, at: { ...at, [id]: { x: clamp(x, 8, width - 8), y: clamp(y, 8, HEIGHT - 8) } } });
  const dragging = useRef<string | null>(null);

  const toSvg = (event: PointerEvent) => {
    const box = svgRef.current!.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };
  const onNodeKey = (event: KeyboardEvent<SVGGElement>, node: NetworkNode) => {
    const step = event.shiftKey ? 40 : 10;
    const d: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const by = d[event.key];
    if (!by) return;
    event.preventDefault();
    const p = place(node.id);
    move(node.id, p.x + by[0], p.y + by[1]);
  };
  const setDay = (side: 'from' | 'to', value: string) => setWindow((w) => {
    const next = { ...w };
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) next[side] = value;
    else delete next[side];
    return next;
  });
  const names = new Map(drawn.nodes.map((n) => [n.id, n.name]));

  return (
    <div className="chart-tab">
      <div className="chart-toolbar">
        <label className="chart-control">
          Network
          <select value={kind} onChange={(e) => setKind(e.target.value as NetworkKind)}>
            {(Object.keys(KIND_NAMES) as NetworkKind[]).map((k) => (
              <option key={k} value={k}>
                {KIND_NAMES[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="chart-control">
          From
          <input type="date" value={window.from ?? ''} onChange={(e) => setDay('from', e.target.value)} />
        </label>
        <label className="chart-control">
          To
          <input type="date" value={window.to ?? ''} onChange={(e) => setDay('to', e.target.value)} />
        </label>
        <ul className="chart-legend" aria-label="Edge colours">
          {(kind === 'two-mode' ? (['agree', 'disagree', 'mixed', 'neutral'] as const) : ([kind] as const)).map((q) => (
            <li key={q}>
              <span className="chart-swatch" style={{ background: QUALIFIER_COLORS[q] }} aria-hidden="true" />
              {q}
            </li>
          ))}
        </ul>
        <ChartExportButtons chart="network" svg={() => svgRef.current} text={{ graphml: () => networkGraphml(network), csv: () => networkCsv(network) }} />
      </div>
      <p className="chart-note" data-testid="network-summary">
        {plural(network.nodes.length, 'node')}, {plural(network.edges.length, 'edge')} from {plural(network.used, 'statement')}
        {network.leftOut > 0 ? `; ${plural(network.leftOut, 'statement')} left out (${kind === 'two-mode' ? 'no actor' : 'no actor or no side taken'}${window.from || window.to ? ', or outside the dates' : ''})` : ''}
        {drawn.nodes.length < network.nodes.length ? `; the ${drawn.nodes.length} with most statements are drawn, the exports hold all` : ''}.
      </p>
      <div ref={frame} className="chart-frame">
        {network.nodes.length === 0 ? (
          <p className="corpus-empty">No statement with an actor{kind === 'two-mode' ? '' : ' and a stance'} falls in this window.</p>
        ) : (
          <svg
            ref={svgRef}
            className="chart-svg network"
            width={width}
            height={HEIGHT}
            role="group"
            aria-label={`${KIND_NAMES[kind]}: ${plural(drawn.nodes.length, 'node')}; Tab to a node, arrow keys move it`}
            onPointerMove={(event) => {
              if (!dragging.current) return;
              const p = toSvg(event);
              move(dragging.current, p.x, p.y);
            }}
            onPointerUp={() => (dragging.current = null)}
            onPointerCancel={() => (dragging.current = null)}
          >
            <g aria-hidden="true">
              {drawn.edges.map((edge) => {
                const a = place(edge.source);
                const b = place(edge.target);
                return (
                  <line key={`${edge.source}\u0000${edge.target}`} x1={a.x} y1={a.y} x2={b.x} y2={b.y} strokeWidth={1.5 + Math.log2(edge.weight)} strokeOpacity={0.7} style={{ stroke: QUALIFIER_COLORS[edge.qualifier] }}>
                    <title>{`${names.get(edge.source)} – ${names.get(edge.target)}: ${edge.qualifier}, ${edge.weight}`}</title>
                  </line>
                );
              })}
            </g>
            {drawn.nodes.map((node) => {
              const p = place(node.id);
              const r = 5 + Math.min(12, Math.sqrt(node.statements) * 2);
              const ties = drawn.edges.filter((e) => e.source === node.id || e.target === node.id).length;
              return (
                <g
                  key={node.id}
                  className="network-node"
                  transform={`translate(${p.x},${p.y})`}
                  tabIndex={0}
                  role="img"
                  aria-label={`${node.kind === 'actor' ? 'Actor' : 'Position'} ${node.name}: ${plural(node.statements, 'statement')}, ${plural(ties, 'tie')}`}
                  onKeyDown={(event) => onNodeKey(event, node)}
                  onPointerDown={(event) => {
                    dragging.current = node.id;
                    svgRef.current?.setPointerCapture(event.pointerId);
                  }}
                >
                  {node.kind === 'actor' ? (
                    <circle r={r} style={{ fill: 'var(--accent)', stroke: 'var(--bg)' }} strokeWidth={1.5} />
                  ) : (
                    <rect x={-r} y={-r} width={2 * r} height={2 * r} rx={2} style={{ fill: '#d97706', stroke: 'var(--bg)' }} strokeWidth={1.5} />
                  )}
                  <text x={r + 4} dy="0.35em" fontSize={11} style={{ fill: 'var(--fg)' }}>
                    {ellipsis(node.name, 28)}
                  </text>
                </g>
              );
            })}
          </svg>
        )}
      </div>
    </div>
  );
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/** The part of the network drawn: the nodes with most statements (actors first, as `nodes` orders them) and the edges among them. */
function drawnPart(network: DiscourseNetwork): Pick<DiscourseNetwork, 'nodes' | 'edges'> {
  if (network.nodes.length <= MAX_DRAWN) return network;
  const nodes = [...network.nodes].sort((a, b) => b.statements - a.statements).slice(0, MAX_DRAWN);
  const kept = new Set(nodes.map((n) => n.id));
  return { nodes, edges: network.edges.filter((e) => kept.has(e.source) && kept.has(e.target)) };
}

/** Positions from a force simulation run to rest (300 ticks), started from a circle so the same network lays out the same. */
function forceLayout(network: Pick<DiscourseNetwork, 'nodes' | 'edges'>, width: number, height: number): Placed {
  type Node = SimulationNodeDatum & { id: string };
  const nodes: Node[] = network.nodes.map((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, network.nodes.length);
    return { id: n.id, x: width / 2 + (Math.min(width, height) / 3) * Math.cos(angle), y: height / 2 + (Math.min(width, height) / 3) * Math.sin(angle) };
  });
  const links: Array<SimulationLinkDatum<Node>> = network.edges.map((e) => ({ source: e.source, target: e.target }));
  const simulation = forceSimulation(nodes)
    .force('link', forceLink<Node, SimulationLinkDatum<Node>>(links).id((d) => d.id).distance(70))
    .force('charge', forceManyBody().strength(-160))
    .force('center', forceCenter(width / 2, height / 2))
    .force('collide', forceCollide(16))
    .stop();
  simulation.tick(300);
  const placed: Placed = {};
  for (const n of nodes) placed[n.id] = { x: clamp(n.x ?? width / 2, 12, width - 120), y: clamp(n.y ?? height / 2, 14, height - 14) };
  return placed;
}
