import { describe, expect, it } from 'vitest';
import { shallow } from 'zustand/shallow';
import type { MappingFileInput } from '../../../src/shared/mapping/schema';
import {
  createGraphEditorStore,
  selectFieldOfSelection,
  selectPreviewInput,
  toGraph,
} from '../../../src/renderer/src/graph/store';
import { estimatedSize } from '../../../src/shared/graph/layout';
import { dutchSample } from '../../shared/graph/sample';

const MAPPING: MappingFileInput = {
  version: 1,
  name: 'Gemeente Ede',
  source: { kind: 'csv' },
  mappingKey: { attribute: 'Personeelsnummer' },
  fields: {
    'name.givenName': { expression: '[Roepnaam]' },
    'name.familyName': { expression: 'Join(" ", [Tussenvoegsel], [Achternaam])' },
  },
};

function setup() {
  const { attributes, records } = dutchSample(50);
  const store = createGraphEditorStore();
  store.getState().setSample(attributes, records, '2026-11-23');
  store.getState().load(MAPPING, attributes);
  return store;
}

describe('graph editor store', () => {
  it('dragging a node leaves the preview input unchanged (so the preview does not render)', () => {
    const store = setup();
    let previewInput = selectPreviewInput(store.getState());
    let previewChanges = 0;
    const emitted: MappingFileInput[] = [];
    store.subscribe((s) => {
      const next = selectPreviewInput(s);
      if (!shallow(next, previewInput)) previewChanges++;
      previewInput = next;
    });
    store.subscribe(
      (s) => s.mapping,
      (m) => emitted.push(m),
    );
    const id = 'expr:name.familyName@r';
    const start = store.getState().nodes.find((n) => n.id === id)!.position;
    for (let i = 1; i <= 5; i++)
      store
        .getState()
        .onNodesChange([
          { type: 'position', id, position: { x: start.x + i * 10, y: start.y }, dragging: true },
        ]);
    expect(emitted).toHaveLength(0); // no mapping written mid-drag
    store
      .getState()
      .onNodesChange([{ type: 'position', id, position: { x: start.x + 60, y: start.y }, dragging: false }]);
    store.getState().onNodesChange([{ type: 'select', id, selected: true }]);
    expect(previewChanges).toBe(0);
    expect(emitted).toHaveLength(1);
    expect((emitted[0]!.layout as { nodes: Record<string, unknown> }).nodes[id]).toEqual({
      x: start.x + 60,
      y: start.y,
    });
    expect(emitted[0]!.fields).toEqual(MAPPING.fields);
  });

  it('an edge change updates the expressions the preview reads, and undo/redo restores them', () => {
    const store = setup();
    const before = selectPreviewInput(store.getState());
    const edge = store.getState().edges.find((e) => e.source === 'src:Tussenvoegsel')!;
    store.getState().remove([], [edge.id]);
    // Join(" ", <hole>, [Achternaam]) is incomplete: the saved expression stays, the field is flagged.
    expect(store.getState().fieldStates['name.familyName']?.status).toBe('incomplete');
    expect(store.getState().expressions['name.familyName']).toBe('Join(" ", [Tussenvoegsel], [Achternaam])');
    expect(
      store.getState().connect({
        source: 'src:Roepnaam',
        target: 'expr:name.familyName@r',
        sourceHandle: 'out',
        targetHandle: 'in-1',
      }),
    ).toBe(true);
    expect(store.getState().expressions['name.familyName']).toBe('Join(" ", [Roepnaam], [Achternaam])');
    expect(selectPreviewInput(store.getState()).expressions).not.toBe(before.expressions);
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().expressions['name.familyName']).toBe('Join(" ", [Tussenvoegsel], [Achternaam])');
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().expressions['name.familyName']).toBe('Join(" ", [Roepnaam], [Achternaam])');
  });

  it('refuses an invalid connection with a reason and changes nothing', () => {
    const store = setup();
    const before = store.getState().mapping;
    expect(
      store.getState().connect({
        source: 'src:Achternaam',
        target: 'field:name.givenName',
        sourceHandle: 'out',
        targetHandle: 'in-0',
      }),
    ).toBe(false);
    expect(store.getState().refusal?.reason).toMatch(/already has an edge/);
    expect(store.getState().mapping).toBe(before);
  });

  it('text mode redraws the field; a parse error is returned with its column and nothing changes', () => {
    const store = setup();
    const error = store.getState().setFieldText('name.familyName', 'Join(" ", [Tussenvoegsel] [Achternaam])');
    expect(error?.column).toBe(27);
    expect(store.getState().expressions['name.familyName']).toBe('Join(" ", [Tussenvoegsel], [Achternaam])');
    expect(store.getState().setFieldText('name.familyName', 'upper(trim([Achternaam]))')).toBeNull();
    expect(store.getState().expressions['name.familyName']).toBe('Upper(Trim([Achternaam]))');
    expect(store.getState().nodes.some((n) => n.id === 'expr:name.familyName@r.0')).toBe(true);
  });

  it('copy/paste and keyboard delete of a node group', () => {
    const store = setup();
    store.getState().setSelection(new Set(['expr:name.familyName@r']), new Set());
    store.getState().copySelection();
    store.getState().paste();
    const pasted = store.getState().nodes.filter((n) => n.selected);
    expect(pasted).toHaveLength(1);
    expect(pasted[0]!.id).not.toBe('expr:name.familyName@r');
    // Delete (as the canvas reports it): the pasted copy goes; catalogue nodes refuse to be deleted.
    store.getState().onNodesChange([
      { type: 'remove', id: pasted[0]!.id },
      { type: 'remove', id: 'src:Achternaam' },
    ]);
    expect(store.getState().nodes.some((n) => n.id === pasted[0]!.id)).toBe(false);
    expect(store.getState().nodes.some((n) => n.id === 'src:Achternaam')).toBe(true);
  });

  it('flags a field whose expression parses but does not compile (unknown ValueMap table)', () => {
    const store = setup();
    expect(store.getState().compileErrors).toEqual({});
    expect(store.getState().setFieldText('title', 'ValueMap([Afdeling], "afdelingen")')).toBeNull();
    expect(store.getState().compileErrors.title?.message).toMatch(/afdelingen/);
    store.getState().undo();
    expect(store.getState().compileErrors.title).toBeUndefined();
  });

  it('undoing a text fix of an expression that did not parse brings the text back, not an empty field', () => {
    const { attributes, records } = dutchSample(5);
    const store = createGraphEditorStore();
    store.getState().setSample(attributes, records, '2026-11-23');
    store
      .getState()
      .load(
        { ...MAPPING, fields: { ...MAPPING.fields, title: { expression: 'Upper([Afdeling]' } } },
        attributes,
      );
    expect(store.getState().parseErrors.title?.column).toBe(17);
    expect(store.getState().setFieldText('title', 'Upper([Afdeling])')).toBeNull();
    expect(store.getState().mapping.fields.title?.expression).toBe('Upper([Afdeling])');
    store.getState().undo();
    expect(store.getState().mapping.fields.title?.expression).toBe('Upper([Afdeling]');
    expect(store.getState().parseErrors.title).toBeDefined();
    store.getState().redo();
    expect(store.getState().mapping.fields.title?.expression).toBe('Upper([Afdeling])');
  });

  it('search finds attributes and fields regardless of case and accents', () => {
    const store = setup();
    store.getState().setSearch('achternaam');
    expect([...store.getState().searchMatches].sort()).toEqual(['field:name.familyName', 'src:Achternaam']);
  });

  it('search finds a Plek field by its name in English as well as in Dutch', () => {
    const store = setup();
    store.getState().setSearch('family name');
    expect([...store.getState().searchMatches]).toEqual(['field:name.familyName']);
  });
});

describe('placement and focus mode', () => {
  it('puts functions added at one spot, and a pasted group, in free space', () => {
    const store = setup();
    const onTop = store.getState().nodes.find((n) => n.id === 'src:Roepnaam')!.position;
    for (const name of ['Trim', 'Trim', 'Upper', 'Join', 'Coalesce'])
      store.getState().addTransform({ kind: 'call', name }, onTop);
    store.getState().copySelection();
    store.getState().paste();
    const boxes = store.getState().nodes.map((n) => ({
      id: n.id,
      ...n.position,
      ...estimatedSize(toGraph([n], []).nodes[0]!),
    }));
    const overlaps = boxes.flatMap((a, i) =>
      boxes
        .slice(i + 1)
        .filter(
          (b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height,
        )
        .map((b) => `${a.id} × ${b.id}`),
    );
    expect(overlaps).toEqual([]);
  });

  it("focus mode keeps the chain of the selected field's lane and leaves on request", () => {
    const store = setup();
    store.getState().setSelection(new Set(['expr:name.familyName@r']), new Set());
    const field = selectFieldOfSelection(store.getState());
    expect(field).toBe('field:name.familyName');
    store.getState().focusLane(field);
    expect([...store.getState().laneNodes].sort()).toEqual(
      ['expr:name.familyName@r', 'field:name.familyName', 'src:Achternaam', 'src:Tussenvoegsel'].sort(),
    );
    store.getState().focusLane(null);
    expect(store.getState().focusedLane).toBeNull();
    expect(store.getState().laneNodes.size).toBe(0);
    // Not a field: nothing to focus.
    store.getState().focusLane('src:Roepnaam');
    expect(store.getState().focusedLane).toBeNull();
  });
});

describe('keyboard navigation state', () => {
  it('moving the keyboard focus to a node selects it alone and asks the canvas to focus it; the mapping stays', () => {
    const store = setup();
    const emitted: MappingFileInput[] = [];
    store.subscribe(
      (s) => s.mapping,
      (m) => emitted.push(m),
    );
    store.getState().setSelection(new Set(['src:Roepnaam', 'field:name.givenName']), new Set());
    const before = store.getState().focusRequest;
    store.getState().focusNode('expr:name.familyName@r', 'src:Achternaam');
    const s = store.getState();
    expect(s.navNode).toBe('expr:name.familyName@r');
    expect(s.navPrev).toBe('src:Achternaam');
    expect(s.focusRequest).toBe(before + 1);
    expect(s.nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['expr:name.familyName@r']);
    // A node that is not there (deleted meanwhile) is no target.
    store.getState().focusNode('expr:gone');
    expect(store.getState().navNode).toBe('expr:name.familyName@r');
    expect(emitted).toHaveLength(0);
  });

  it('an edge takes the focus and the selection; Esc (leave) parks the focus on the graph and ends editing', () => {
    const store = setup();
    const edge = store.getState().edges.find((e) => e.target === 'field:name.givenName')!;
    store.getState().focusNode('field:name.givenName');
    store.getState().setEditing('field:name.givenName');
    store.getState().focusEdge(edge.id);
    let s = store.getState();
    expect(s.navEdge).toBe(edge.id);
    expect(s.navNode).toBe('field:name.givenName');
    expect(s.edges.filter((e) => e.selected).map((e) => e.id)).toEqual([edge.id]);
    expect(s.nodes.some((n) => n.selected)).toBe(false);
    expect(s.editing).toBeNull();
    store.getState().leaveGraph();
    s = store.getState();
    expect(s.navParked).toBe(true);
    expect(s.navEdge).toBeNull();
    // A click or Tab onto a node (noteFocus) ends the parking and moves the roving focus there, without a request.
    const request = s.focusRequest;
    store.getState().noteFocus({ node: 'src:Achternaam' });
    s = store.getState();
    expect(s.navParked).toBe(false);
    expect(s.navNode).toBe('src:Achternaam');
    expect(s.focusRequest).toBe(request);
  });

  it('a held focus (node panned out of view) ends when the keyboard goes to a node; Esc ends a keyboard connection', () => {
    const store = setup();
    const s = () => store.getState();
    s().focusNode('src:Roepnaam');
    s().holdFocus(true);
    expect([s().navHeld, s().navHeldAway, s().navNode]).toEqual([true, true, 'src:Roepnaam']);
    s().focusNode('field:name.givenName', 'src:Roepnaam');
    expect(s().navHeld).toBe(false);
    s().setConnect('src:Achternaam', 2);
    expect([s().connectFrom, s().connectSlot]).toEqual(['src:Achternaam', 2]);
    // Moving on keeps the connection being made; leaving the nodes (Esc onto the graph) ends it.
    s().focusNode('field:name.familyName');
    expect(s().connectFrom).toBe('src:Achternaam');
    s().leaveGraph();
    expect([s().connectFrom, s().connectSlot]).toEqual([null, null]);
  });

  it('announcements are worded when shown, in the language asked, and each is a new message', () => {
    const store = setup();
    store.getState().announce((lang) => (lang === 'nl' ? 'Verbonden' : 'Connected'));
    const first = store.getState().announcement!;
    expect([first.say('nl'), first.say('en')]).toEqual(['Verbonden', 'Connected']);
    store.getState().announce((lang) => (lang === 'nl' ? 'Verbonden' : 'Connected'));
    expect(store.getState().announcement!.seq).toBe(first.seq + 1);
  });

  it('nodes and edges are focusable but no tab stops of their own; each node refers to the keys summary', () => {
    const store = setup();
    for (const n of store.getState().nodes) {
      expect(n.domAttributes?.tabIndex).toBe(-1);
      expect(n.domAttributes?.['aria-describedby']).toBe('ge-graph-keys');
    }
    store.getState().addTransform({ kind: 'call', name: 'Trim' }, { x: 0, y: 0 });
    expect(store.getState().nodes.every((n) => n.domAttributes?.tabIndex === -1)).toBe(true);
  });
});
