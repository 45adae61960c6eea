import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../formats/csv-text';
import type { Statement, StatementSpan } from '../../statements/build-statements';
import { chartEnd, normaliseName } from './chart-keys';
import { networkCsv, stanceMatrixCsv } from './chart-csv';
import { discourseNetwork } from './discourse-network';
import { networkGraphml } from './network-graphml';
import { stanceMatrix } from './stance-matrix';
import { dayStart, inTimeWindow, timelineData } from './timeline-data';

let next = 0;
function span(text: string, labelId: string, entityId?: string, entityName?: string): StatementSpan {
  const id = `a${next++}`;
  return { annotationId: id, labelId, text, start: 0, end: text.length, startCodePoint: 0, endCodePoint: [...text].length, ...(entityId ? { entityId } : {}), ...(entityName ? { entityName } : {}) };
}
function statement(parts: { actor?: StatementSpan | string; position: string; stance?: string; target?: StatementSpan; dates?: string[]; doc?: string }): Statement {
  const actor = typeof parts.actor === 'string' ? span(parts.actor, 'actor') : parts.actor;
  return {
    documentId: parts.doc ?? 'doc1',
    documentTitle: 'Title',
    layerId: 'own',
    position: span(parts.position, 'position'),
    ...(parts.stance ? { stance: parts.stance } : {}),
    ...(actor ? { actor } : {}),
    ...(parts.target ? { target: parts.target } : {}),
    dates: (parts.dates ?? []).map((value) => ({ ...span(value, 'date'), ...(/^\d{4}/.test(value) ? { value, precision: 'day' as const } : {}) })),
  };
}

describe('chart keys', () => {
  it('keys an end by its entity when linked, else by its normalised text', () => {
    expect(chartEnd(span('Seoul', 'actor', 'ent_1', 'South Korea'))).toEqual({ key: 'entity:ent_1', name: 'South Korea', labelId: 'actor' });
    expect(chartEnd(span('  The\r\nMinistry ', 'actor')).key).toBe(chartEnd(span('the ministry', 'actor')).key);
    expect(chartEnd(span('  The\r\nMinistry ', 'actor')).name).toBe('The Ministry');
    expect(normaliseName('Ｓｅｏｕｌ 정부')).toBe('seoul 정부');
    expect(chartEnd(span(' \t', 'actor')).name).toBe('(blank)');
  });
});

describe('timelineData', () => {
  it('lays dated statements in one lane per actor, month and year values spanning their period', () => {
    const seoul = span('Seoul', 'actor', 'ent_seoul', 'Seoul');
    const data = timelineData([
      statement({ actor: seoul, position: 'resume drills', stance: 'supports', dates: ['2025-03-04'] }),
      statement({ actor: span('서울', 'actor', 'ent_seoul', 'Seoul'), position: 'halt drills 🙅', stance: 'opposes', dates: ['2025-06'] }),
      statement({ actor: 'Pyongyang', position: 'talks', dates: ['2024'] }),
      statement({ actor: 'Pyongyang', position: 'undated talks' }),
      statement({ actor: 'Tokyo', position: 'value-less date', dates: ['next spring'] }),
    ]);
    expect(data.lanes.map((l) => [l.name, l.items])).toEqual([
      ['Seoul', 2],
      ['Pyongyang', 1],
    ]);
    expect(data.undated).toBe(2);
    const june = data.items.find((i) => i.value === '2025-06')!;
    expect([june.start, june.end]).toEqual([dayStart('2025-06-01'), dayStart('2025-07-01')]);
    expect(june).toMatchObject({ lane: 0, precision: 'month', stance: 'opposes', quote: 'halt drills 🙅', actor: 'Seoul' });
    const year = data.items.find((i) => i.value === '2024')!;
    expect([year.start, year.end, year.precision]).toEqual([dayStart('2024-01-01'), dayStart('2025-01-01'), 'year']);
    expect(data.extent).toEqual([dayStart('2024-01-01'), dayStart('2025-07-01')]);
    expect(data.items.find((i) => i.value === '2025-03-04')!.end - dayStart('2025-03-04')).toBe(86_400_000);
  });

  it('lanes by target on request, with a lane for statements without one, and gives one item per date', () => {
    const body = span('the working group', 'policy-body');
    const data = timelineData(
      [statement({ actor: 'Seoul', position: 'end it', target: body, dates: ['2021-06-22', '2021-06-01/2021-12-31'] }), statement({ actor: 'Seoul', position: 'x', dates: ['2021'] })],
      'target',
    );
    expect(data.lanes.map((l) => l.name)).toEqual(['the working group', '(no target)']);
    expect(data.items.map((i) => i.precision)).toEqual(['range', 'day', 'year']);
    expect(new Set(data.items.map((i) => i.id)).size).toBe(3);
  });

  it('has no extent and counts every statement as undated when none has a value', () => {
    expect(timelineData([statement({ position: 'p' })])).toEqual({ lanes: [], items: [], extent: null, undated: 1 });
  });

  it('places a statement in a time window when one of its periods overlaps it', () => {
    const june = statement({ position: 'p', dates: ['2021-06'] });
    expect(inTimeWindow(june, { from: '2021-06-30' })).toBe(true);
    expect(inTimeWindow(june, { from: '2021-07-01' })).toBe(false);
    expect(inTimeWindow(june, { to: '2021-05-31' })).toBe(false);
    expect(inTimeWindow(statement({ position: 'p' }), {})).toBe(true);
    expect(inTimeWindow(statement({ position: 'p' }), { to: '2030-01-01' })).toBe(false);
  });
});

describe('stanceMatrix', () => {
  const group = span('Working Group', 'policy-body', 'ent_wg', 'Working Group');
  const statements = [
    statement({ actor: 'Seoul', position: 'a', stance: 'supports', target: group }),
    statement({ actor: 'seoul', position: 'b', stance: 'opposes', target: span('working group', 'policy-body', 'ent_wg', 'Working Group') }),
    statement({ actor: 'Seoul', position: 'c', target: group }),
    statement({ actor: 'Washington', position: 'd', stance: 'supports', target: span('Pyongyang', 'actor') }),
    statement({ position: 'e', target: group }),
  ];

  it('counts actors × policy bodies by stance, keying actors by entity or normalised text', () => {
    const m = stanceMatrix(statements);
    expect(m.rows.map((r) => [r.name, r.total])).toEqual([['Seoul', 3]]);
    expect(m.columns.map((c) => c.name)).toEqual(['Working Group']);
    expect(m.cells).toEqual([{ row: 0, column: 0, total: 3, byStance: { supports: 1, opposes: 1, none: 1 }, first: { documentId: 'doc1', annotationId: statements[0]!.position.annotationId } }]);
    expect(m.stances).toEqual(['supports', 'opposes', 'none']);
    expect(m.leftOut).toBe(2);
  });

  it('counts actors × actors for statements toward an actor', () => {
    const m = stanceMatrix(statements, 'actors');
    expect(m.rows.map((r) => r.name)).toEqual(['Washington']);
    expect(m.columns.map((c) => c.name)).toEqual(['Pyongyang']);
    expect(m.cells[0]!.byStance).toEqual({ supports: 1 });
    expect(m.leftOut).toBe(4);
  });

  it('writes the counts as CSV with the names as header, neutralising formulas', () => {
    const m = stanceMatrix([
      ...statements,
      statement({ actor: '=HYPERLINK("x")', position: 'f', target: span('Six-Party, "Talks"', 'policy-body') }),
    ]);
    const parsed = parseCsv(stanceMatrixCsv(m));
    expect(parsed.ok && parsed.rows.map((r) => r.cells)).toEqual([
      ['actor', 'Working Group', 'Six-Party, "Talks"'],
      ['Seoul', '3', '0'],
      [`'=HYPERLINK("x")`, '0', '1'],
    ]);
  });
});

describe('discourseNetwork', () => {
  // Seoul and Tokyo support drills, Pyongyang opposes them; Seoul both supports and opposes sanctions, Tokyo supports them.
  const drills = (actor: string, stance: string, dates = ['2025-03']) => statement({ actor, position: 'Joint drills', stance, dates });
  const statements = [
    drills('Seoul', 'supports'),
    drills('Seoul', 'proposes'),
    drills('Tokyo', 'demands'),
    drills('Pyongyang', 'opposes'),
    statement({ actor: 'Seoul', position: 'sanctions', stance: 'supports', dates: ['2025-09-01'] }),
    statement({ actor: 'Seoul', position: 'Sanctions', stance: 'opposes', dates: ['2025-09-02'] }),
    statement({ actor: 'Tokyo', position: 'sanctions', stance: 'supports', dates: ['2025-09-03'] }),
    statement({ actor: 'Beijing', position: 'sanctions', stance: 'neutral', dates: ['2025-09-03'] }),
    statement({ position: 'no actor', stance: 'supports' }),
  ];
  const ties = (kind: 'congruence' | 'conflict', window = {}) => {
    const net = discourseNetwork(statements, kind, window);
    const name = new Map(net.nodes.map((n) => [n.id, n.name]));
    return net.edges.map((e) => `${[name.get(e.source), name.get(e.target)].sort().join('–')} ${e.weight}`).sort();
  };

  it('builds the two-mode network with edges qualified as DNA combines them', () => {
    const net = discourseNetwork(statements, 'two-mode');
    const name = new Map(net.nodes.map((n) => [n.id, n.name]));
    expect(net.nodes.filter((n) => n.kind === 'actor').map((n) => [n.name, n.statements])).toEqual([
      ['Seoul', 4],
      ['Tokyo', 2],
      ['Beijing', 1],
      ['Pyongyang', 1],
    ]);
    expect(net.nodes.filter((n) => n.kind === 'position').map((n) => n.name)).toEqual(['Joint drills', 'sanctions']);
    expect(net.edges.map((e) => `${name.get(e.source)} ${name.get(e.target)} ${e.qualifier} ${e.weight}`).sort()).toEqual([
      'Beijing sanctions neutral 1',
      'Pyongyang Joint drills disagree 1',
      'Seoul Joint drills agree 2',
      'Seoul sanctions mixed 2',
      'Tokyo Joint drills agree 1',
      'Tokyo sanctions agree 1',
    ]);
    expect([net.used, net.leftOut]).toEqual([8, 1]);
  });

  it('ties actors by positions they share with the same side (congruence), weighted by positions shared', () => {
    expect(ties('congruence')).toEqual(['Seoul–Tokyo 2']);
  });

  it('ties actors by positions they take opposite sides on (conflict)', () => {
    expect(ties('conflict')).toEqual(['Pyongyang–Seoul 1', 'Pyongyang–Tokyo 1', 'Seoul–Tokyo 1']);
    const net = discourseNetwork(statements, 'conflict');
    expect(net.nodes.map((n) => n.name)).not.toContain('Beijing');
    expect(net.leftOut).toBe(2);
  });

  it('counts only the statements in the time window', () => {
    expect(ties('congruence', { from: '2025-09-01', to: '2025-09-30' })).toEqual(['Seoul–Tokyo 1']);
    expect(ties('conflict', { to: '2025-03-31' })).toEqual(['Pyongyang–Seoul 1', 'Pyongyang–Tokyo 1']);
    expect(discourseNetwork(statements, 'two-mode', { from: '2026-01-01' }).nodes).toEqual([]);
  });

  it('writes GraphML that parses, with the keys and as many nodes and edges as the network', () => {
    const withMarkup = [...statements, statement({ actor: 'A & <B> "C"\u0001', position: '정책 🕊', stance: 'supports' })];
    for (const kind of ['two-mode', 'congruence', 'conflict'] as const) {
      const net = discourseNetwork(withMarkup, kind);
      const xml = networkGraphml(net);
      const doc = parseDocument(xml, { xmlMode: true });
      const all = (name: string) => {
        const found: Array<{ attribs: Record<string, string>; text: string }> = [];
        const walk = (node: unknown) => {
          const el = node as { name?: string; attribs?: Record<string, string>; children?: unknown[] };
          if (el.name === name) found.push({ attribs: el.attribs ?? {}, text: textOf(el) });
          el.children?.forEach(walk);
        };
        walk(doc);
        return found;
      };
      expect(all('key').map((k) => k.attribs['attr.name'])).toEqual(['label', 'kind', 'statements', 'weight', 'stance']);
      expect(all('node')).toHaveLength(net.nodes.length);
      expect(all('edge')).toHaveLength(net.edges.length);
      const labels = all('data').filter((d) => d.attribs['key'] === 'label').map((d) => d.text);
      expect(labels).toEqual(net.nodes.map((n) => n.name.replace('\u0001', '\ufffd')));
      const ids = new Set(all('node').map((n) => n.attribs['id']));
      expect(all('edge').every((e) => ids.has(e.attribs['source']!) && ids.has(e.attribs['target']!))).toBe(true);
    }
  });

  it('writes the adjacency matrix as CSV with the actors as header', () => {
    const parsed = parseCsv(networkCsv(discourseNetwork(statements, 'conflict')));
    expect(parsed.ok && parsed.rows.map((r) => r.cells)).toEqual([
      ['', 'Seoul', 'Tokyo', 'Pyongyang'],
      ['Seoul', '0', '1', '1'],
      ['Tokyo', '1', '0', '1'],
      ['Pyongyang', '1', '1', '0'],
    ]);
    const twoMode = parseCsv(networkCsv(discourseNetwork(statements, 'two-mode')));
    expect(twoMode.ok && twoMode.rows[0]!.cells).toEqual(['actor', 'Joint drills', 'sanctions']);
    expect(twoMode.ok && twoMode.rows[1]!.cells).toEqual(['Seoul', '2', '2']);
  });
});

function textOf(node: unknown): string {
  const el = node as { type?: string; data?: string; children?: unknown[] };
  if (el.type === 'text') return el.data ?? '';
  return (el.children ?? []).map(textOf).join('');
}
