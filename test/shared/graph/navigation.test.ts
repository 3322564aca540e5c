import { describe, expect, it } from 'vitest';
import { addTransform } from '../../../src/shared/graph/edit';
import { estimatedSize } from '../../../src/shared/graph/layout';
import { mappingToGraph } from '../../../src/shared/graph/mapping';
import type { MappingGraph } from '../../../src/shared/graph/model';
import {
  chainEnd,
  entryNode,
  nextNode,
  nodeEdges,
  type NavDirection,
  type NavEdge,
  type NavNode,
} from '../../../src/shared/graph/navigation';
import { specOf } from '../../../src/shared/graph/registry';
import type { MappingFileInput } from '../../../src/shared/mapping/schema';
import { dutchSample } from './sample';

/** A municipality's mapping of a Dutch HR export, drawn in lanes as the editor opens it. */
const MAPPING: MappingFileInput = {
  version: 1,
  name: 'Ede',
  source: { kind: 'csv' },
  mappingKey: { attribute: 'Personeelsnummer' },
  fields: {
    'name.givenName': { expression: 'Trim(Coalesce([Roepnaam], [Voornaam]))' },
    'name.familyName': { expression: 'Join(" ", Lower(Trim([Tussenvoegsel])), Trim([Achternaam]))' },
    displayName: {
      expression: 'DisplayName(Trim([Roepnaam]), Lower(Trim([Tussenvoegsel])), Trim([Achternaam]))',
    },
    'emails[type eq "work"].value': { expression: 'Lower(Trim([E-mail]))' },
    title: { expression: 'Trim([Afdeling])' },
  },
};

function draw(mapping: MappingFileInput = MAPPING): MappingGraph {
  return mappingToGraph(mapping, dutchSample(20).attributes, specOf).graph;
}

function nav(graph: MappingGraph): { nodes: NavNode[]; edges: NavEdge[] } {
  return {
    nodes: graph.nodes.map((n) => ({ id: n.id, ...n.position, ...estimatedSize(n) })),
    edges: graph.edges,
  };
}

const G = nav(draw());

/** Presses one arrow key after another from `from`, as the canvas does; the ids visited. */
function walk(from: string, keys: NavDirection[]): (string | null)[] {
  const out: (string | null)[] = [];
  let at: string | null = from;
  let prev: string | null = null;
  for (const k of keys) {
    const next: string | null = at === null ? null : nextNode(G.nodes, G.edges, at, k, prev);
    out.push(next);
    if (next !== null) {
      prev = at;
      at = next;
    }
  }
  return out;
}

describe('keyboard navigation over the mapping graph', () => {
  it('enters at the first lane’s left-most node: the first attribute the given name reads', () => {
    expect(entryNode(G.nodes)).toBe('src:Roepnaam');
    expect(entryNode([])).toBeNull();
  });

  it('enters at the top-left node in view when the view shows part of the graph', () => {
    const family = G.nodes.find((n) => n.id === 'field:name.familyName')!;
    const view = { x: family.x - 400, y: family.y - 5, width: 800, height: 300 };
    const entry = entryNode(G.nodes, view)!;
    const node = G.nodes.find((n) => n.id === entry)!;
    expect(node.y).toBeGreaterThanOrEqual(view.y - node.height);
    expect(entry).not.toBe('src:Roepnaam');
    // A view of empty space falls back to the whole graph.
    expect(entryNode(G.nodes, { x: -9000, y: -9000, width: 10, height: 10 })).toBe('src:Roepnaam');
  });

  it('right follows the chain from the attribute through its functions to the Plek field, and stops there', () => {
    expect(walk('src:Roepnaam', ['right', 'right', 'right', 'right'])).toEqual([
      'expr:name.givenName@r.0',
      'expr:name.givenName@r',
      'field:name.givenName',
      null,
    ]);
  });

  it('left goes back the way right came, else to the first wired input', () => {
    // Voornaam → Coalesce (its second input) → back left: Voornaam again, not Roepnaam.
    expect(walk('src:Voornaam', ['right', 'left'])).toEqual(['expr:name.givenName@r.0', 'src:Voornaam']);
    // From the field: Trim, Coalesce, then Coalesce's first input Roepnaam; an attribute has no input.
    expect(walk('field:name.givenName', ['left', 'left', 'left'])).toEqual([
      'expr:name.givenName@r',
      'expr:name.givenName@r.0',
      'src:Roepnaam',
    ]);
    // Join's first input is the typed separator " ": left goes to its first wired input, the tussenvoegsel.
    expect(chainEnd(G.nodes, G.edges, 'field:name.familyName', 'left')).toBe('src:Tussenvoegsel');
    expect(chainEnd(G.nodes, G.edges, 'src:Tussenvoegsel', 'right')).toBe('field:name.familyName');
  });

  it('up and down move between lanes, the same column first', () => {
    expect(walk('field:name.givenName', ['down', 'down', 'up', 'up', 'up'])).toEqual([
      'field:name.familyName',
      'field:displayName',
      'field:name.familyName',
      'field:name.givenName',
      null,
    ]);
    // Attributes in one column: Roepnaam, then Voornaam under it.
    expect(nextNode(G.nodes, G.edges, 'src:Roepnaam', 'down')).toBe('src:Voornaam');
  });

  it('reaches every node of the graph from the entry with the arrow keys', () => {
    const seen = new Set<string>();
    const queue = [entryNode(G.nodes)!];
    while (queue.length > 0) {
      const id = queue.shift()!;
      if (seen.has(id)) continue;
      seen.add(id);
      for (const d of ['left', 'right', 'up', 'down'] as const) {
        const next = nextNode(G.nodes, G.edges, id, d);
        if (next) queue.push(next);
      }
    }
    expect([...seen].sort()).toEqual(G.nodes.map((n) => n.id).sort());
  });

  it('moves from a draft function that feeds nothing by position', () => {
    const graph = draw();
    const field = graph.nodes.find((n) => n.id === 'field:name.givenName')!;
    const { graph: withDraft, id } = addTransform(
      graph,
      { kind: 'call', name: 'Upper' },
      { x: field.position.x - 220, y: field.position.y - 200 },
      specOf,
    );
    const g = nav(withDraft);
    // Nothing to its right in its row, nothing feeds it; down finds the lanes under it.
    expect(nextNode(g.nodes, g.edges, id, 'right')).toBeNull();
    expect(nextNode(g.nodes, g.edges, id, 'left')).toBeNull();
    expect(nextNode(g.nodes, g.edges, id, 'down')).not.toBeNull();
    expect(nextNode(g.nodes, g.edges, 'unknown', 'down')).toBeNull();
  });

  it('moves by position in a row when a node has no edge that way', () => {
    const nodes: NavNode[] = [
      { id: 'src:Afdeling', x: 0, y: 0, width: 170, height: 52 },
      { id: 'field:title', x: 600, y: 10, width: 200, height: 56 },
      { id: 'field:nickName', x: 600, y: 120, width: 200, height: 56 },
    ];
    expect(nextNode(nodes, [], 'src:Afdeling', 'right')).toBe('field:title');
    expect(nextNode(nodes, [], 'field:title', 'left')).toBe('src:Afdeling');
    expect(nextNode(nodes, [], 'field:nickName', 'left')).toBeNull();
    expect(nextNode(nodes, [], 'src:Afdeling', 'down')).toBe('field:nickName');
  });

  it("cycles a node's edges left to right: its inputs by slot, then its outputs", () => {
    const coalesce = nodeEdges(G.nodes, G.edges, 'expr:name.givenName@r.0');
    const byId = new Map(G.edges.map((e) => [e.id, e]));
    expect(coalesce.map((id) => `${byId.get(id)!.source} → ${byId.get(id)!.target}`)).toEqual([
      'src:Roepnaam → expr:name.givenName@r.0',
      'src:Voornaam → expr:name.givenName@r.0',
      'expr:name.givenName@r.0 → expr:name.givenName@r',
    ]);
    // Roepnaam feeds the given name and the display name: both outputs, the top lane first.
    const roepnaam = nodeEdges(G.nodes, G.edges, 'src:Roepnaam').map((id) => byId.get(id)!.target);
    expect(roepnaam).toHaveLength(2);
    expect(roepnaam[0]).toBe('expr:name.givenName@r.0');
    expect(roepnaam[1]).toMatch(/^expr:displayName@r\./);
    expect(nodeEdges(G.nodes, G.edges, 'field:nickName')).toEqual([]);
  });
});
