/**
 * A discourse network as GraphML (graphml.graphdrawing.org), which Gephi,
 * visone, yEd, igraph and networkx read: nodes carry `label`, `kind` and
 * `statements`, edges `weight` and `stance` (the edge's qualifier).
 */
import type { DiscourseNetwork } from './discourse-network';

/** Text safe inside an XML 1.0 attribute or element: markup escaped, characters XML cannot hold (controls, lone surrogates, U+FFFE/U+FFFF) replaced by U+FFFD. */
export function xmlText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- XML 1.0 cannot hold these characters, so they are the ones to find
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu, '\ufffd')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

/** The GraphML document of `network` (UTF-8, undirected; node ids `n0`…, edge ids `e0`…, in the network's order). */
export function networkGraphml(network: DiscourseNetwork): string {
  const nodeIds = new Map(network.nodes.map((n, i) => [n.id, `n${i}`]));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
    '  <key id="statements" for="node" attr.name="statements" attr.type="int"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <key id="stance" for="edge" attr.name="stance" attr.type="string"/>',
    `  <graph id="${xmlText(network.kind)}" edgedefault="undirected">`,
  ];
  for (const node of network.nodes) {
    lines.push(
      `    <node id="${nodeIds.get(node.id)!}"><data key="label">${xmlText(node.name)}</data><data key="kind">${node.kind}</data><data key="statements">${node.statements}</data></node>`,
    );
  }
  network.edges.forEach((edge, i) => {
    lines.push(
      `    <edge id="e${i}" source="${nodeIds.get(edge.source)!}" target="${nodeIds.get(edge.target)!}"><data key="weight">${edge.weight}</data><data key="stance">${edge.qualifier}</data></edge>`,
    );
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
