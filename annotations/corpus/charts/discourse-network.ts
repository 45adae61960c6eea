/**
 * Discourse networks, as the Discourse Network Analyzer (DNA, Leifeld)
 * builds them from statements (actor, concept, agreement qualifier). We follow
 * its definitions as rDNA's `dna_network` documents them:
 *
 * - two-mode (`networkType = "twomode"`, `qualifierAggregation = "combine"`):
 *   actors × concepts, an edge when an actor made a statement on a concept,
 *   qualified as agree, disagree, or mixed when the actor did both (DNA's
 *   1 / 2 / 3); our statements with no side add `neutral` edges.
 * - one-mode congruence (`qualifierAggregation = "congruence"`): actors ×
 *   actors, a tie when both referred to a concept with the same qualifier;
 *   conflict: with different qualifiers. With `normalization = "no"` DNA
 *   weighs a tie by co-occurrences; we count each shared concept once, so the
 *   weight is the number of positions on which two actors agree (or clash).
 *
 * Concepts are our positions, keyed by entity when linked, else by normalised
 * text; the qualifier is the stance's side (`stanceSide`). Only statements in
 * the time window count, as DNA's start and stop dates do.
 */
import type { Statement } from '../../statements/build-statements';
import { chartEnd, stanceSide, type Side } from './chart-keys';
import { inTimeWindow, type TimeWindow } from './timeline-data';

/** Which network: actors × positions, or actors tied by shared (congruence) or opposed (conflict) positions. */
export type NetworkKind = 'two-mode' | 'congruence' | 'conflict';

/** How a two-mode edge is qualified (DNA's combine), or what a one-mode tie is. */
export type EdgeQualifier = 'agree' | 'disagree' | 'mixed' | 'neutral' | 'congruence' | 'conflict';

/** A node: an actor or a position (concept). */
export interface NetworkNode {
  /** `actor|<chart key>` or `position|<chart key>`. */
  id: string;
  name: string;
  kind: 'actor' | 'position';
  /** Statements of the node in the network. */
  statements: number;
}

/** An edge: two-mode from an actor to a position, one-mode between two actors (undirected; `source` comes first in `nodes`). */
export interface NetworkEdge {
  source: string;
  target: string;
  /** Two-mode: the actor's statements on the position. One-mode: positions shared (or opposed). */
  weight: number;
  qualifier: EdgeQualifier;
}

/** A discourse network. */
export interface DiscourseNetwork {
  kind: NetworkKind;
  /** Actors (most statements first, then by name), then positions likewise. */
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** Statements that made the network. */
  used: number;
  /** Statements left out: no actor, outside the window, or (one-mode) taking no side. */
  leftOut: number;
}

const byStatementsThenName = (a: NetworkNode, b: NetworkNode) => b.statements - a.statements || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1);

/** Builds the network of `kind` from the statements in `window` (all when open). Never fails. */
export function discourseNetwork(statements: readonly Statement[], kind: NetworkKind, window: TimeWindow = {}): DiscourseNetwork {
  const actors = new Map<string, NetworkNode>();
  const positions = new Map<string, NetworkNode>();
  /** actor id → position id → sides taken (and whether any statement took none). */
  const stances = new Map<string, Map<string, { sides: Set<Side>; statements: number }>>();
  let used = 0;
  let leftOut = 0;
  for (const s of statements) {
    const side = stanceSide(s.stance);
    if (!s.actor || (kind !== 'two-mode' && side === undefined) || !inTimeWindow(s, window)) {
      leftOut++;
      continue;
    }
    used++;
    const actorEnd = chartEnd(s.actor);
    const positionEnd = chartEnd(s.position);
    const actorId = `actor|${actorEnd.key}`;
    const positionId = `position|${positionEnd.key}`;
    const actor = actors.get(actorId) ?? { id: actorId, name: actorEnd.name, kind: 'actor' as const, statements: 0 };
    actors.set(actorId, actor);
    actor.statements++;
    if (kind === 'two-mode') {
      const position = positions.get(positionId) ?? { id: positionId, name: positionEnd.name, kind: 'position' as const, statements: 0 };
      positions.set(positionId, position);
      position.statements++;
    }
    const byPosition = stances.get(actorId) ?? new Map<string, { sides: Set<Side>; statements: number }>();
    stances.set(actorId, byPosition);
    const taken = byPosition.get(positionId) ?? { sides: new Set<Side>(), statements: 0 };
    byPosition.set(positionId, taken);
    taken.statements++;
    if (side) taken.sides.add(side);
  }
  const actorNodes = [...actors.values()].sort(byStatementsThenName);
  const nodes = [...actorNodes, ...[...positions.values()].sort(byStatementsThenName)];
  const edges = kind === 'two-mode' ? twoModeEdges(actorNodes, stances) : oneModeEdges(actorNodes, stances, kind);
  return { kind, nodes, edges, used, leftOut };
}

function twoModeEdges(actors: readonly NetworkNode[], stances: Map<string, Map<string, { sides: Set<Side>; statements: number }>>): NetworkEdge[] {
  const edges: NetworkEdge[] = [];
  for (const actor of actors) {
    for (const [positionId, taken] of stances.get(actor.id) ?? []) {
      const qualifier: EdgeQualifier = taken.sides.size === 2 ? 'mixed' : taken.sides.has('agree') ? 'agree' : taken.sides.has('disagree') ? 'disagree' : 'neutral';
      edges.push({ source: actor.id, target: positionId, weight: taken.statements, qualifier });
    }
  }
  return edges;
}

function oneModeEdges(actors: readonly NetworkNode[], stances: Map<string, Map<string, { sides: Set<Side>; statements: number }>>, kind: 'congruence' | 'conflict'): NetworkEdge[] {
  const order = new Map(actors.map((a, i) => [a.id, i]));
  /** position id → the actors on it, with their sides, in node order. */
  const onPosition = new Map<string, Array<{ actor: number; sides: Set<Side> }>>();
  for (const actor of actors) {
    for (const [positionId, taken] of stances.get(actor.id) ?? []) {
      const list = onPosition.get(positionId) ?? [];
      list.push({ actor: order.get(actor.id)!, sides: taken.sides });
      onPosition.set(positionId, list);
    }
  }
  const weights = new Map<number, number>();
  const n = actors.length;
  for (const list of onPosition.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        const same = [...a.sides].some((side) => b.sides.has(side));
        const opposed = [...a.sides].some((side) => [...b.sides].some((other) => other !== side));
        if (kind === 'congruence' ? !same : !opposed) continue;
        const [lo, hi] = a.actor < b.actor ? [a.actor, b.actor] : [b.actor, a.actor];
        const key = lo * n + hi;
        weights.set(key, (weights.get(key) ?? 0) + 1);
      }
    }
  }
  return [...weights.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([key, weight]) => ({ source: actors[Math.floor(key / n)]!.id, target: actors[key % n]!.id, weight, qualifier: kind }));
}
