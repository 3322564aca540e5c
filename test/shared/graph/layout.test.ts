import { describe, expect, it } from 'vitest';
import { addTransform } from '../../../src/shared/graph/edit';
import {
  estimatedSize,
  fieldChain,
  freeSpot,
  laneLayout,
  type NodeSize,
} from '../../../src/shared/graph/layout';
import { mappingToGraph } from '../../../src/shared/graph/mapping';
import type { GraphNode, MappingGraph } from '../../../src/shared/graph/model';
import { specOf } from '../../../src/shared/graph/registry';
import type { MappingFileInput } from '../../../src/shared/mapping/schema';
import { dutchSample } from './sample';

/** A municipality's mapping of a Dutch HR export: shared attributes, chains of one to three functions. */
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
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber': {
      expression: '[Personeelsnummer]',
    },
  },
};

function draw(mapping: MappingFileInput = MAPPING): MappingGraph {
  return mappingToGraph(mapping, dutchSample(20).attributes, specOf).graph;
}

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

function boxes(graph: MappingGraph, sizeOf: (n: GraphNode) => NodeSize = estimatedSize): Box[] {
  return graph.nodes.map((n) => ({ id: n.id, ...n.position, ...sizeOf(n) }));
}

function overlapping(all: readonly Box[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < all.length; i++)
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i]!;
      const b = all[j]!;
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
        out.push([a.id, b.id]);
    }
  return out;
}

describe('lane layout', () => {
  const graph = laneLayout(draw());
  const at = (id: string) => graph.nodes.find((n) => n.id === id)!.position;
  const mapped = Object.keys(MAPPING.fields).map((p) => `field:${p}`);

  it('places no node on top of another', () => {
    expect(overlapping(boxes(graph))).toEqual([]);
  });

  it('puts every Plek field in one right-hand column, mapped fields first in mapping order', () => {
    const targets = graph.nodes.filter((n) => n.type === 'target');
    expect(new Set(targets.map((n) => n.position.x)).size).toBe(1);
    const fieldX = targets[0]!.position.x;
    for (const n of graph.nodes) expect(n.position.x).toBeLessThanOrEqual(fieldX);
    const ys = mapped.map((id) => at(id).y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    const lastMapped = Math.max(...ys);
    for (const n of targets) if (!mapped.includes(n.id)) expect(n.position.y).toBeGreaterThan(lastMapped);
  });

  it("keeps each field's functions and the attributes first read by it in its own lane, left of their reader", () => {
    const ys = mapped.map((id) => at(id).y);
    mapped.forEach((fieldId, i) => {
      const top = ys[i]!;
      const bottom = ys[i + 1] ?? Infinity;
      for (const id of fieldChain(graph, fieldId)) {
        const node = graph.nodes.find((n) => n.id === id)!;
        if (node.type === 'source') continue;
        expect(node.position.y, id).toBeGreaterThanOrEqual(top);
        expect(node.position.y, id).toBeLessThan(bottom);
      }
    });
    // Achternaam is first read by the family name: it sits in that lane, left of the Trim that reads it.
    const family = at('field:name.familyName');
    const achternaam = at('src:Achternaam');
    expect(achternaam.y).toBeGreaterThanOrEqual(family.y);
    expect(achternaam.y).toBeLessThan(at('field:displayName').y);
    for (const e of graph.edges) {
      if (!e.source.startsWith('src:') || !e.target.startsWith('expr:name.familyName')) continue;
      expect(at(e.source).x).toBeLessThan(at(e.target).x);
    }
  });

  it('sets the unread attributes beside the unmapped fields, required fields first', () => {
    const spare = at('src:Datum uit dienst');
    expect(spare.y).toBeGreaterThan(at(mapped[mapped.length - 1]!).y);
    const unmapped = graph.nodes.filter((n) => n.type === 'target' && !mapped.includes(n.id));
    const firstOptional = unmapped.findIndex((n) => n.type === 'target' && !n.data.required);
    const lastRequired = unmapped.map((n) => n.type === 'target' && n.data.required).lastIndexOf(true);
    if (lastRequired >= 0) expect(lastRequired).toBeLessThan(firstOptional);
  });

  it('is deterministic, and the default drawing of a mapping without layout', () => {
    expect(laneLayout(draw())).toEqual(graph);
    expect(draw().nodes.map((n) => n.position)).toEqual(graph.nodes.map((n) => n.position));
  });

  it('uses the sizes the canvas measured, so that tall nodes still do not overlap', () => {
    const tall = (n: GraphNode): NodeSize => ({ width: 260, height: n.type === 'transform' ? 190 : 70 });
    expect(overlapping(boxes(laneLayout(draw(), { sizeOf: tall }), tall))).toEqual([]);
  });

  it('lays out an empty mapping as rows of attribute and field', () => {
    const empty = laneLayout(draw({ ...MAPPING, fields: {} }));
    expect(overlapping(boxes(empty))).toEqual([]);
    const first = empty.nodes.find((n) => n.type === 'source')!;
    expect(first.position.y).toBe(0);
  });

  it('puts drafts that feed no field between the attributes and the fields, clear of both', () => {
    let g = draw();
    for (const name of ['Join', 'Upper', 'FormatDate'])
      g = addTransform(g, { kind: 'call', name }, { x: 0, y: 0 }, specOf).graph;
    const laid = laneLayout(g);
    expect(overlapping(boxes(laid))).toEqual([]);
    const fieldX = laid.nodes.find((n) => n.type === 'target')!.position.x;
    for (const n of laid.nodes.filter((x) => x.type === 'transform' && !x.id.startsWith('expr:'))) {
      expect(n.position.x).toBeGreaterThan(0);
      expect(n.position.x).toBeLessThan(fieldX);
    }
  });
});

describe('free space for a new node', () => {
  const graph = laneLayout(draw());
  const size = { width: 180, height: 82 };

  it('keeps the wanted spot when it is free', () => {
    expect(freeSpot(graph, { x: 5000, y: 5000 }, size)).toEqual({ x: 5000, y: 5000 });
  });

  it('moves off a node it would cover, to a spot near it', () => {
    const onTop = graph.nodes.find((n) => n.id === 'field:name.givenName')!.position;
    const spot = freeSpot(graph, onTop, size);
    expect(spot).not.toEqual(onTop);
    const placed = { id: 'new', ...spot, ...size };
    expect(overlapping([...boxes(graph), placed]).filter((p) => p.includes('new'))).toEqual([]);
    expect(Math.hypot(spot.x - onTop.x, spot.y - onTop.y)).toBeLessThan(400);
  });

  it('fans repeated additions at one spot out instead of stacking them', () => {
    let g = graph;
    const wanted = graph.nodes.find((n) => n.id === 'src:Roepnaam')!.position;
    for (let i = 0; i < 8; i++) {
      const { graph: next, id } = addTransform(g, { kind: 'call', name: 'Trim' }, wanted, specOf);
      const node = next.nodes.find((n) => n.id === id)!;
      const spot = freeSpot(g, wanted, estimatedSize(node));
      g = { ...next, nodes: next.nodes.map((n) => (n.id === id ? { ...n, position: spot } : n)) };
    }
    expect(overlapping(boxes(g))).toEqual([]);
  });
});
