import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../../src/shared/expression/parse';
import {
  copyFragment,
  moveNodes,
  nodesOwnedByField,
  pasteFragment,
  removeElements,
  replaceFieldExpression,
  setInline,
} from '../../../src/shared/graph/edit';
import { autoLayout, readLayout } from '../../../src/shared/graph/layout';
import { graphToMapping, mappingToGraph } from '../../../src/shared/graph/mapping';
import type { MappingGraph } from '../../../src/shared/graph/model';
import { specOf } from '../../../src/shared/graph/registry';
import type { MappingFileInput } from '../../../src/shared/mapping/schema';
import type { SourceAttribute } from '../../../src/shared/source/types';

const ATTRIBUTES: SourceAttribute[] = [
  { name: 'Personeelsnummer', fillRate: 1, examples: ['10023'] },
  { name: 'Roepnaam', fillRate: 1, examples: ['Jürgen'] },
  { name: 'Tussenvoegsel', fillRate: 0.31, examples: ['van der'] },
  { name: 'Achternaam', fillRate: 1, examples: ['Berg'] },
  { name: 'Afdeling', fillRate: 0.9, examples: ['Burgerzaken'] },
];

const MAPPING: MappingFileInput = {
  version: 1,
  name: 'Ede',
  source: { kind: 'csv' },
  mappingKey: { attribute: 'Personeelsnummer' },
  fields: {
    'name.givenName': { expression: 'Trim([Roepnaam])', nullPolicy: 'overwrite' },
    'name.familyName': { expression: 'Join(" ", [Tussenvoegsel], Trim([Achternaam]))' },
  },
  valueMaps: { afdelingen: { entries: { Burgerzaken: 'Publiekszaken' } } },
};

const draw = (m: MappingFileInput = MAPPING) => mappingToGraph(m, ATTRIBUTES, specOf).graph;
const write = (g: MappingGraph, m: MappingFileInput = MAPPING) => graphToMapping(g, m, specOf);
const ast = (text: string) => {
  const p = parseExpression(text);
  if (!p.ok) throw new Error(p.error.message);
  return p.ast;
};

describe('editing the graph writes the mapping', () => {
  it('a text edit redraws only that field and keeps its null policy', () => {
    const g = replaceFieldExpression(draw(), 'name.givenName', ast('Capitalize(Trim([Roepnaam]))'), specOf);
    const { mapping, fields } = write(g);
    expect(mapping.fields['name.givenName']).toEqual({
      expression: 'Capitalize(Trim([Roepnaam]))',
      nullPolicy: 'overwrite',
    });
    expect(mapping.fields['name.familyName']?.expression).toBe(
      'Join(" ", [Tussenvoegsel], Trim([Achternaam]))',
    );
    expect(fields['name.givenName']?.status).toBe('ok');
    // Old Trim node is gone, the new tree uses stable ids.
    expect(
      g.nodes
        .filter((n) => n.id.startsWith('expr:name.givenName@'))
        .map((n) => n.id)
        .sort(),
    ).toEqual(['expr:name.givenName@r', 'expr:name.givenName@r.0']);
  });

  it('deleting the edge into a field removes the field; Plek fields and attributes cannot be deleted', () => {
    const g0 = draw();
    const into = g0.edges.find((e) => e.target === 'field:name.givenName')!;
    const g = removeElements(g0, ['field:name.givenName', 'src:Roepnaam'], [into.id], specOf);
    expect(g.nodes.some((n) => n.id === 'field:name.givenName')).toBe(true);
    expect(g.nodes.some((n) => n.id === 'src:Roepnaam')).toBe(true);
    expect(Object.keys(write(g).mapping.fields)).toEqual(['name.familyName']);
  });

  it('an interior hole makes a field incomplete: the previous expression is kept and the node is named', () => {
    const g0 = draw();
    const first = g0.edges.find((e) => e.target === 'expr:name.familyName@r' && e.targetHandle === 'in-1')!;
    const g = removeElements(g0, [], [first.id], specOf);
    const { mapping, fields } = write(g);
    expect(fields['name.familyName']).toEqual({
      status: 'incomplete',
      reason: 'input 2 of Join is not connected',
      nodeId: 'expr:name.familyName@r',
      code: 'hole',
      params: { n: 2, fn: 'Join' },
    });
    expect(mapping.fields['name.familyName']?.expression).toBe(
      'Join(" ", [Tussenvoegsel], Trim([Achternaam]))',
    );
  });

  it('editing an inline parameter changes the expression', () => {
    const g = setInline(draw(), 'expr:name.familyName@r', 0, '-', specOf);
    expect(write(g).mapping.fields['name.familyName']?.expression).toBe(
      'Join("-", [Tussenvoegsel], Trim([Achternaam]))',
    );
  });

  it('copy/paste duplicates a node group with fresh ids, wired to the same attributes', () => {
    const g0 = draw();
    const clip = copyFragment(g0, ['expr:name.familyName@r', 'expr:name.familyName@r.2']);
    expect(clip.nodes).toHaveLength(2);
    const { graph, ids } = pasteFragment(g0, clip, { x: 40, y: 40 }, specOf);
    expect(ids).toHaveLength(2);
    expect(graph.nodes).toHaveLength(g0.nodes.length + 2);
    const pastedJoin = graph.nodes.find((n) => n.id === ids[0])!;
    const orig = g0.nodes.find((n) => n.id === 'expr:name.familyName@r')!;
    expect(pastedJoin.position).toEqual({ x: orig.position.x + 40, y: orig.position.y + 40 });
    expect(
      graph.edges
        .filter((e) => e.target === ids[0])
        .map((e) => e.source)
        .sort(),
    ).toEqual([ids[1], 'src:Tussenvoegsel'].sort());
    // The pasted group feeds no field yet: the mapping is unchanged.
    expect(write(graph).mapping.fields).toEqual(MAPPING.fields);
  });

  it('nodes shared with another field are not owned by one field', () => {
    const g0 = draw();
    const shared = {
      ...g0,
      edges: [
        ...g0.edges,
        {
          id: 'x',
          source: 'expr:name.familyName@r.2',
          target: 'field:displayName',
          sourceHandle: 'out' as const,
          targetHandle: 'in-0',
        },
      ],
    };
    expect([...nodesOwnedByField(shared, 'name.familyName')]).toEqual(['expr:name.familyName@r']);
  });
});

describe('layout persistence', () => {
  it('moved nodes are saved under stable ids and restored on reload', () => {
    const g0 = draw();
    const moved = moveNodes(
      g0,
      new Map([
        ['expr:name.familyName@r', { x: 640.4, y: 212.6 }],
        ['src:Achternaam', { x: -20, y: 500 }],
      ]),
    );
    const saved = write(moved).mapping;
    const layout = readLayout(saved.layout);
    expect(layout.get('expr:name.familyName@r')).toEqual({ x: 640, y: 213 });
    expect(layout.get('src:Achternaam')).toEqual({ x: -20, y: 500 });
    expect(layout.get('field:name.familyName')).toBeDefined();
    const reloaded = mappingToGraph(
      JSON.parse(JSON.stringify(saved)) as MappingFileInput,
      ATTRIBUTES,
      specOf,
    ).graph;
    expect(reloaded.nodes.find((n) => n.id === 'expr:name.familyName@r')?.position).toEqual({
      x: 640,
      y: 213,
    });
    expect(reloaded.nodes.find((n) => n.id === 'src:Achternaam')?.position).toEqual({ x: -20, y: 500 });
  });

  it('ignores a foreign or damaged layout section instead of failing', () => {
    expect(readLayout({ version: 2, nodes: { a: { x: 1, y: 2 } } }).size).toBe(0);
    expect(readLayout({ version: 1, nodes: { a: { x: 'x', y: 2 }, b: null, c: { x: 3, y: 4 } } })).toEqual(
      new Map([['c', { x: 3, y: 4 }]]),
    );
    expect(readLayout('oops').size).toBe(0);
  });

  it('auto-layout puts sources left of transforms left of Plek fields, deterministically', () => {
    const g = autoLayout(draw());
    const x = (id: string) => g.nodes.find((n) => n.id === id)!.position.x;
    expect(x('src:Achternaam')).toBeLessThan(x('expr:name.familyName@r.2'));
    expect(x('expr:name.familyName@r.2')).toBeLessThan(x('expr:name.familyName@r'));
    expect(x('expr:name.familyName@r')).toBeLessThan(x('field:name.familyName'));
    expect(x('field:title')).toBe(x('field:name.familyName'));
    expect(x('src:Afdeling')).toBe(x('src:Achternaam'));
    expect(autoLayout(draw())).toEqual(g);
    // Structure is untouched.
    expect(write(g).mapping.fields).toEqual(MAPPING.fields);
  });
});
