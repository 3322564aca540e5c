import { describe, expect, it } from 'vitest';
import { connect, addTransform, addLiteral } from '../../../src/shared/graph/edit';
import {
  inputSlots,
  keyboardConnection,
  validateConnection,
  typeCompatible,
  wouldCreateCycle,
} from '../../../src/shared/graph/connection';
import { mappingToGraph } from '../../../src/shared/graph/mapping';
import type { MappingGraph } from '../../../src/shared/graph/model';
import { specOf } from '../../../src/shared/graph/registry';
import { refusalText } from '../../../src/renderer/src/graph/i18n';
import type { MappingFileInput } from '../../../src/shared/mapping/schema';
import type { SourceAttribute } from '../../../src/shared/source/types';

const ATTRIBUTES: SourceAttribute[] = [
  { name: 'Personeelsnummer', fillRate: 1, examples: ['10023'] },
  { name: 'Tussenvoegsel', fillRate: 0.31, examples: ['van der'] },
  { name: 'Achternaam', fillRate: 1, examples: ['Berg'] },
  { name: 'Datum in dienst', fillRate: 1, examples: ['01-03-2019'] },
  { name: 'proxyAddresses', fillRate: 0.9, examples: ['SMTP:jan@plek.nl'], multiValued: true },
];

const EMPTY: MappingFileInput = {
  version: 1,
  name: 'Ede',
  source: { kind: 'csv' },
  mappingKey: { attribute: 'Personeelsnummer' },
  fields: {},
};

function base(fields: Record<string, string> = {}): MappingGraph {
  const mapping = {
    ...EMPTY,
    fields: Object.fromEntries(Object.entries(fields).map(([k, e]) => [k, { expression: e }])),
  };
  return mappingToGraph(mapping, ATTRIBUTES, specOf).graph;
}

const edge = (source: string, target: string, slot = 0) => ({
  source,
  target,
  sourceHandle: 'out',
  targetHandle: `in-${slot}`,
});

function withNode(g: MappingGraph, name: string): { g: MappingGraph; id: string } {
  const r = addTransform(g, { kind: 'call', name }, { x: 400, y: 0 }, specOf);
  return { g: r.graph, id: r.id };
}

describe('validateConnection', () => {
  it('accepts a text attribute into a text field and into Join', () => {
    const g0 = base();
    expect(validateConnection(g0, edge('src:Achternaam', 'field:name.familyName'), specOf)).toEqual({
      ok: true,
    });
    const { g, id } = withNode(g0, 'Join');
    expect(validateConnection(g, edge('src:Tussenvoegsel', id, 1), specOf)).toEqual({ ok: true });
  });

  it('refuses a multi-valued attribute into a single-value field and names the pick functions', () => {
    const v = validateConnection(
      base(),
      edge('src:proxyAddresses', 'field:emails[type eq "work"].value'),
      specOf,
    );
    expect(v.ok).toBe(false);
    expect(!v.ok && v.reason).toMatch(/First, FindPrefix or Join/);
  });

  it('lets a list through a pick function, and keeps a list a list through Trim', () => {
    let { g, id } = withNode(base(), 'FindPrefix');
    const r = connect(g, edge('src:proxyAddresses', id, 0), specOf);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(validateConnection(r.graph, edge(id, 'field:emails[type eq "work"].value'), specOf)).toEqual({
      ok: true,
    });
    ({ g, id } = withNode(base(), 'Trim'));
    const t = connect(g, edge('src:proxyAddresses', id, 0), specOf);
    expect(t.ok).toBe(true);
    if (!t.ok) return;
    const v = validateConnection(t.graph, edge(id, 'field:title'), specOf);
    expect(!v.ok && v.reason).toMatch(/pick function/);
  });

  it('refuses a date into a text field until FormatDate formats it', () => {
    const { g, id } = withNode(base(), 'ParseDate');
    const v = validateConnection(g, edge(id, 'field:title'), specOf);
    expect(!v.ok && v.reason).toMatch(/FormatDate/);
    const { g: g2, id: fmt } = withNode(g, 'FormatDate');
    expect(validateConnection(g2, edge(id, fmt, 0), specOf)).toEqual({ ok: true });
    expect(validateConnection(g2, edge(fmt, 'field:title'), specOf)).toEqual({ ok: true });
  });

  it('accepts a number into text', () => {
    const { g, id } = withNode(base(), 'ToNumber');
    expect(validateConnection(g, edge(id, 'field:title'), specOf)).toEqual({ ok: true });
  });

  it('refuses too many inputs for a fixed-arity function', () => {
    const { g, id } = withNode(base(), 'Trim');
    const v = validateConnection(g, edge('src:Achternaam', id, 1), specOf);
    expect(!v.ok && v.reason).toBe('Trim takes at most 1 input(s)');
  });

  it('refuses wiring a parameter that must be typed on the node', () => {
    const { g, id } = withNode(base(), 'FormatDate');
    const v = validateConnection(g, edge('src:Achternaam', id, 1), specOf);
    expect(!v.ok && v.reason).toMatch(/FormatDate\(format\) must be typed on the node/);
  });

  it('refuses a second edge into an input (a target handle takes one edge)', () => {
    const g = base({ 'name.familyName': '[Achternaam]' });
    const v = validateConnection(g, edge('src:Tussenvoegsel', 'field:name.familyName'), specOf);
    expect(!v.ok && v.reason).toMatch(/already has an edge/);
  });

  it('refuses edges out of a Plek field and into a source attribute or literal', () => {
    const g0 = base();
    expect(validateConnection(g0, edge('field:title', 'field:displayName'), specOf).ok).toBe(false);
    const { graph, id } = addLiteral(g0, 'NL', { x: 0, y: 0 });
    expect(validateConnection(graph, edge('src:Achternaam', id), specOf)).toEqual({
      ok: false,
      reason: 'a literal has no input',
      code: 'intoSource',
      params: { kind: 'literal' },
    });
    expect(validateConnection(graph, edge('src:Achternaam', 'src:Tussenvoegsel'), specOf).ok).toBe(false);
  });

  it('refuses cycles, including a self-loop', () => {
    const { g: g1, id: a } = withNode(base(), 'Trim');
    const { g, id: b } = withNode(g1, 'Lower');
    const r = connect(g, edge(a, b, 0), specOf);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(wouldCreateCycle(r.graph, b, a)).toBe(true);
    expect(validateConnection(r.graph, edge(b, a, 0), specOf)).toEqual({
      ok: false,
      reason: 'this edge would create a cycle',
      code: 'cycle',
      params: {},
    });
    const { g: g2, id: j } = withNode(base(), 'Join');
    expect(validateConnection(g2, edge(j, j, 1), specOf)).toEqual({
      ok: false,
      reason: 'this edge would create a cycle',
      code: 'cycle',
      params: {},
    });
  });

  it('types follow the language: text is lingua franca, lists and dates are not', () => {
    expect(typeCompatible('number', 'text').ok).toBe(true);
    expect(typeCompatible('text', 'date').ok).toBe(true);
    expect(typeCompatible('list', 'text').ok).toBe(false);
    expect(typeCompatible('date', 'text').ok).toBe(false);
    expect(typeCompatible('date', 'boolean').ok).toBe(false);
    expect(typeCompatible('any', 'date').ok).toBe(true);
  });
});

describe('connect', () => {
  it('replaces a typed literal when the slot is wired and grows a variadic node by one spare slot', () => {
    const { g, id } = withNode(base(), 'Join');
    const join = g.nodes.find((n) => n.id === id);
    expect(join?.type === 'transform' && join.data).toMatchObject({ inline: { 0: ' ' }, slots: 2 });
    let r = connect(g, edge('src:Tussenvoegsel', id, 1), specOf);
    if (!r.ok) throw new Error(r.reason);
    r = connect(r.graph, edge('src:Achternaam', id, 2), specOf);
    if (!r.ok) throw new Error(r.reason);
    const grown = r.graph.nodes.find((n) => n.id === id);
    expect(grown?.type === 'transform' && grown.data.slots).toBe(4);
  });
});

describe("refusals in the consultant's language", () => {
  const g0 = base({ 'name.familyName': '[Achternaam]' });
  const { g: withDate, id: parse } = withNode(g0, 'ParseDate');
  const { g: withTrim, id: trim } = withNode(withDate, 'Trim');
  const { g, id: fmt } = withNode(withTrim, 'FormatDate');
  it.each<[string, ReturnType<typeof edge>, string, string]>([
    [
      'a list into a field',
      edge('src:proxyAddresses', 'field:emails[type eq "work"].value'),
      'E-mail (werk): een lijst (attribuut met meerdere waarden) heeft eerst een keuzefunctie nodig, zoals First, FindPrefix of Join',
      'Email (work): a list (multi-valued attribute) needs a pick function such as First, FindPrefix or Join first',
    ],
    [
      'a date into a text field',
      edge(parse, 'field:title'),
      'Functie: een datum wordt pas tekst met FormatDate',
      'Job title: a date needs FormatDate to become text',
    ],
    [
      'a second edge into an input',
      edge('src:Tussenvoegsel', 'field:name.familyName'),
      'deze ingang heeft al een verbinding; verwijder die eerst (een ingang neemt één verbinding)',
      'this input already has an edge; delete it first (an input takes one edge)',
    ],
    [
      'too many inputs',
      edge('src:Achternaam', trim, 1),
      'Trim neemt hoogstens 1 ingang',
      'Trim takes at most 1 input',
    ],
    [
      'a typed-only parameter',
      edge('src:Achternaam', fmt, 1),
      'FormatDate(format) typ je op het knooppunt zelf, het wordt niet verbonden (een vaste waarde)',
      'FormatDate(format) must be typed on the node, not wired (a fixed value)',
    ],
    [
      'into a source attribute',
      edge('src:Achternaam', 'src:Tussenvoegsel'),
      'een bronattribuut heeft geen ingang',
      'a source attribute has no input',
    ],
  ])('%s', (_what, c, nl, en) => {
    const v = validateConnection(g, c, specOf);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(refusalText('nl', v)).toBe(nl);
    expect(refusalText('en', v)).toBe(en);
  });
});

describe('keyboardConnection (C, the arrows to a node, Enter)', () => {
  const mapped = () =>
    base({
      'name.familyName': 'Join(" ", Trim([Tussenvoegsel]), Trim([Achternaam]))',
      'name.givenName': 'Trim([Achternaam])',
    });
  const join = 'expr:name.familyName@r';

  it('goes into a free Plek field, and says why a wired one is refused', () => {
    const g = mapped();
    expect(keyboardConnection(g, 'src:Personeelsnummer', 'field:name.middleName', specOf)).toEqual({
      slot: 0,
      verdict: { ok: true },
    });
    const taken = keyboardConnection(g, 'src:Personeelsnummer', 'field:name.givenName', specOf);
    expect(taken.verdict.ok).toBe(false);
    expect(taken.verdict.ok === false && taken.verdict.code).toBe('occupied');
  });

  it("goes into a function's first free input without a typed value: Join's spare input, not its typed separator", () => {
    const g = mapped();
    expect(
      inputSlots(
        g.nodes.find((n) => n.id === join),
        specOf,
      ),
    ).toEqual([0, 1, 2, 3]);
    expect(keyboardConnection(g, 'src:Personeelsnummer', join, specOf)).toEqual({
      slot: 3,
      verdict: { ok: true },
    });
    // I chose the separator: wiring it replaces the typed " ".
    expect(keyboardConnection(g, 'src:Personeelsnummer', join, specOf, 0)).toEqual({
      slot: 0,
      verdict: { ok: true },
    });
    // A chosen slot the node does not have falls back to the first free one.
    expect(keyboardConnection(g, 'src:Personeelsnummer', join, specOf, 9).slot).toBe(3);
  });

  it('skips inputs that must be typed, and refuses with the reason of the first free input when none takes it', () => {
    const { g, id } = withNode(base(), 'FormatDate');
    const formatDate = g.nodes.find((n) => n.id === id);
    const slots = inputSlots(formatDate, specOf);
    expect(slots).not.toContain(1);
    const { g: g2, id: trim } = withNode(base(), 'Trim');
    const list = keyboardConnection(g2, 'src:proxyAddresses', 'field:name.familyName', specOf);
    expect(list.verdict.ok === false && list.verdict.code).toBe('listToText');
    // A list into Trim is fine (item by item).
    expect(keyboardConnection(g2, 'src:proxyAddresses', trim, specOf).verdict).toEqual({ ok: true });
  });

  it('refuses an attribute as the target (it has no input) and a Plek field as the start (no output)', () => {
    const g = mapped();
    expect(
      inputSlots(
        g.nodes.find((n) => n.id === 'src:Achternaam'),
        specOf,
      ),
    ).toEqual([]);
    const into = keyboardConnection(g, 'src:Personeelsnummer', 'src:Achternaam', specOf);
    expect(into.verdict.ok === false && into.verdict.code).toBe('intoSource');
    const from = keyboardConnection(g, 'field:name.givenName', 'field:name.middleName', specOf);
    expect(from.verdict.ok === false && from.verdict.code).toBe('fromField');
  });
});
