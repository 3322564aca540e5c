import { describe, expect, it } from 'vitest';
import type { ExprNode } from '../../../src/shared/expression/ast';
import { call, literal, ref } from '../../../src/shared/expression/ast';
import { parseExpression } from '../../../src/shared/expression/parse';
import { printExpression } from '../../../src/shared/expression/print';
import type { FunctionSpec } from '../../../src/shared/expression/spec';
import { readFileSync } from 'node:fs';
import { suggestAdMapping } from '../../../src/shared/ad/suggest';
import { proposeMapping } from '../../../src/shared/engine/propose';
import type { MappingFileInput } from '../../../src/shared/mapping/schema';
import { canonicalGraph, graphToMapping, mappingToGraph } from '../../../src/shared/graph/mapping';
import { allFunctionSpecs, specOf } from '../../../src/shared/graph/registry';
import type { SourceAttribute } from '../../../src/shared/source/types';

const ATTRIBUTES: SourceAttribute[] = [
  { name: 'Personeelsnummer', fillRate: 1, examples: ['10023'] },
  { name: 'Roepnaam', fillRate: 0.96, examples: ['Jan'] },
  { name: 'Voornamen', fillRate: 1, examples: ['Johannes Pieter'] },
  { name: 'Tussenvoegsel', fillRate: 0.31, examples: ['van der'] },
  { name: 'Achternaam', fillRate: 1, examples: ['Berg'] },
  { name: 'E-mail', fillRate: 0.98, examples: ['j.vanderberg@gemeente-ede.nl'] },
  { name: 'Datum uit dienst', fillRate: 0.08, examples: ['31-01-2026'] },
  { name: 'proxyAddresses', fillRate: 0.9, examples: ['SMTP:jan@plek.nl'], multiValued: true },
];

function mappingWith(
  fields: Record<string, string>,
  extra: Partial<MappingFileInput> = {},
): MappingFileInput {
  return {
    version: 1,
    name: 'Gemeente Ede — HR export',
    source: { kind: 'csv', encoding: 'windows-1252', delimiter: ';' },
    mappingKey: { attribute: 'Personeelsnummer' },
    fields: Object.fromEntries(Object.entries(fields).map(([k, expression]) => [k, { expression }])),
    ...extra,
  };
}

/** Expression → graph → expression, and graph → expression → graph, for one mapping. */
function expectLossless(mapping: MappingFileInput): void {
  const { graph, parseErrors } = mappingToGraph(mapping, ATTRIBUTES, specOf);
  expect(parseErrors).toEqual({});
  const back = graphToMapping(graph, mapping, specOf).mapping;
  for (const [path, field] of Object.entries(mapping.fields)) {
    const parsed = parseExpression(field.expression);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(back.fields[path]?.expression, path).toBe(printExpression(parsed.ast));
  }
  expect(Object.keys(back.fields)).toEqual(Object.keys(mapping.fields));
  // The graph drawn from the written mapping (with its layout) is the same graph, ids and positions included.
  const again = mappingToGraph(back, ATTRIBUTES, specOf).graph;
  expect(again).toEqual(graph);
}

function literalFor(spec: FunctionSpec, param: FunctionSpec['params'][number]): ExprNode {
  if (spec.name === 'ParseDate' || spec.name === 'FormatDate') return literal('dd-MM-yyyy');
  if (spec.name === 'ValueMap') return literal('afdelingen');
  if (spec.name === 'NormalizeDiacritics') return literal('dach');
  if (spec.name === 'PhoneE164') return literal('NL');
  if (param.type === 'number') return literal(2);
  if (param.type === 'boolean') return literal(true);
  return literal('van der');
}

/** Argument lists exercising every parameter: wired refs, nested calls, literals, variadics repeated. */
function callsFor(spec: FunctionSpec): ExprNode[] {
  const params: FunctionSpec['params'][number][] = [];
  for (const p of spec.params) params.push(p);
  const variadic = spec.params.filter((p) => p.variadic);
  params.push(...variadic); // a second repetition of the variadic group
  const withoutOptional = params.filter((p) => !p.optional || p.variadic);
  const attrs = ['Achternaam', 'Tussenvoegsel', 'Roepnaam', 'Datum uit dienst', 'E-mail'];
  const variants: ExprNode[][] = [
    params.map((p, i) => (p.literalOnly ? literalFor(spec, p) : ref(attrs[i % attrs.length]!))),
    params.map((p) => literalFor(spec, p)),
    params.map((p, i) =>
      p.literalOnly ? literalFor(spec, p) : call('Trim', [call('Lower', [ref(attrs[i % attrs.length]!)])]),
    ),
    withoutOptional.map((p) => literalFor(spec, p)),
  ];
  return variants.map((args) => call(spec.name, args));
}

describe('graph ↔ expression round trip', () => {
  const specs = allFunctionSpecs();

  it('knows the whole registry', () => {
    expect(specs.length).toBeGreaterThanOrEqual(30);
    expect(specs.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Join', 'FormatDate', 'ValueMap', 'First']),
    );
  });

  for (const spec of allFunctionSpecs()) {
    it(`is lossless for ${spec.name}`, () => {
      const fields: Record<string, string> = {};
      callsFor(spec).forEach((ast, i) => {
        fields[['name.familyName', 'displayName', 'title', 'nickName'][i]!] = printExpression(ast);
      });
      expectLossless(mappingWith(fields));
      // The function nested inside another one and fed into a binary operator.
      const nested = call('Join', [literal(' '), callsFor(spec)[0]!, ref('Achternaam')]);
      expectLossless(mappingWith({ 'name.formatted': printExpression(nested) }));
      expectLossless(
        mappingWith({ userType: `IIF(IsEmpty(${printExpression(callsFor(spec)[1]!)}), "extern", "intern")` }),
      );
    });
  }

  it('is lossless for operators, not, literals at the top and attributes read by several fields', () => {
    expectLossless(
      mappingWith({
        'name.givenName': 'Trim(Coalesce([Roepnaam], [Voornamen]))',
        'name.familyName': 'Join(" ", Lower(Trim([Tussenvoegsel])), Trim([Achternaam]))',
        displayName: '[Roepnaam] & " " & [Achternaam]',
        active: 'not ([Datum uit dienst] <> "" and ParseDate([Datum uit dienst], "dd-MM-yyyy") < Today())',
        preferredLanguage: '"nl-NL"',
        locale: 'null',
        userType: 'IIF([Achternaam] = "Müller" or [Achternaam] = "Ørsted", "extern", "intern")',
        title: '[Roepnaam]',
        'emails[type eq "work"].value': 'Lower(FindPrefix([proxyAddresses], "SMTP:"))',
      }),
    );
  });

  it('is lossless for the draft the header recogniser writes for a Dutch HR export', () => {
    const draft = proposeMapping({
      headers: [
        'Personeelsnummer',
        'Roepnaam',
        'Voornamen',
        'Tussenvoegsel',
        'Achternaam',
        'E-mail',
        'Functie',
        'Afdeling',
        'Mobiel',
        'Datum uit dienst',
      ],
      name: 'Gemeente Ede',
    }).mapping;
    expect(Object.keys(draft.fields).length).toBeGreaterThan(3);
    expectLossless(draft);
  });

  it('is lossless for the bundled demo mapping', () => {
    const demo = JSON.parse(
      readFileSync(new URL('../../../resources/demo/demo.plekmap.json', import.meta.url), 'utf8'),
    ) as MappingFileInput;
    expect(Object.keys(demo.fields).length).toBeGreaterThan(3);
    expectLossless(demo);
  });

  it('is lossless for the draft suggested for an Active Directory', () => {
    const ad: SourceAttribute[] = [
      'objectGUID',
      'userPrincipalName',
      'mail',
      'proxyAddresses',
      'givenName',
      'sn',
      'displayName',
      'telephoneNumber',
      'mobile',
      'title',
      'department',
      'employeeID',
      'manager',
      'accountExpires',
      'userAccountControl',
    ].map((name) => ({ name, fillRate: 1, examples: ['x'], multiValued: name === 'proxyAddresses' }));
    const draft = suggestAdMapping(ad, {
      name: 'Contoso AD',
      source: {
        kind: 'ldap',
        url: 'ldaps://dc1.corp.example',
        flavor: 'ad',
        startTls: true,
        bindDn: 'svc-plek@corp.example',
        baseDn: 'OU=Medewerkers,DC=corp,DC=example',
        scope: 'sub',
        pageSize: 500,
        timeoutMs: 30000,
        followReferrals: false,
      },
    });
    expect(Object.keys(draft.fields).length).toBeGreaterThan(3);
    expectLossless(draft);
  });

  it('writes the canonical print, whatever spelling the consultant typed', () => {
    const mapping = mappingWith({ 'name.familyName': 'join( " " ,[Tussenvoegsel],  TRIM([Achternaam]) )' });
    const { graph } = mappingToGraph(mapping, ATTRIBUTES, specOf);
    expect(graphToMapping(graph, mapping, specOf).mapping.fields['name.familyName']?.expression).toBe(
      'Join(" ", [Tussenvoegsel], Trim([Achternaam]))',
    );
  });

  it('draws one source node per attribute, with an edge to each field that reads it', () => {
    const mapping = mappingWith({
      'name.familyName': 'Trim([Achternaam])',
      displayName: 'Join(" ", [Roepnaam], [Achternaam])',
    });
    const { graph } = mappingToGraph(mapping, ATTRIBUTES, specOf);
    expect(graph.nodes.filter((n) => n.id === 'src:Achternaam')).toHaveLength(1);
    expect(
      graph.edges
        .filter((e) => e.source === 'src:Achternaam')
        .map((e) => e.target)
        .sort(),
    ).toEqual(['expr:displayName@r', 'expr:name.familyName@r']);
  });

  it('keeps literal arguments inline on the transform node (separator, date format, value map name)', () => {
    const mapping = mappingWith({
      title: 'ValueMap([Afdeling], "afdelingen")',
      'name.familyName': 'Join(" ", [Tussenvoegsel], [Achternaam])',
    });
    const { graph } = mappingToGraph(mapping, ATTRIBUTES, specOf);
    const vm = graph.nodes.find((n) => n.id === 'expr:title@r');
    expect(vm?.type === 'transform' && vm.data.inline).toEqual({ 1: 'afdelingen' });
    const join = graph.nodes.find((n) => n.id === 'expr:name.familyName@r');
    // Join(separator, values…): two values wired and one spare slot for a third.
    expect(join?.type === 'transform' && join.data).toMatchObject({ inline: { 0: ' ' }, slots: 4 });
    // An attribute read but absent from the sample is drawn and flagged.
    expect(graph.nodes.find((n) => n.id === 'src:Afdeling')?.data).toMatchObject({ missing: true });
  });

  it('keeps a field whose expression does not parse, and reports where', () => {
    const mapping = mappingWith({ 'name.familyName': 'Join(" ", [Achternaam]', title: 'Trim([Functie])' });
    const { graph, parseErrors } = mappingToGraph(mapping, ATTRIBUTES, specOf);
    expect(parseErrors['name.familyName']?.column).toBeGreaterThan(1);
    const back = graphToMapping(graph, mapping, specOf, parseErrors).mapping;
    expect(back.fields['name.familyName']?.expression).toBe('Join(" ", [Achternaam]');
    expect(back.fields.title?.expression).toBe('Trim([Functie])');
  });

  it('canonicalises a hand-drawn graph: user ids become stable ids, wired literal nodes become inline', () => {
    const mapping = mappingWith({});
    const { graph } = mappingToGraph(mapping, ATTRIBUTES, specOf);
    const drawn = {
      nodes: [
        ...graph.nodes,
        {
          id: 'n:1',
          type: 'transform' as const,
          position: { x: 500, y: 40 },
          data: { op: { kind: 'call' as const, name: 'Join' }, inline: {}, slots: 3 },
        },
        { id: 'n:2', type: 'literal' as const, position: { x: 300, y: 40 }, data: { value: ' ' } },
      ],
      edges: [
        ...graph.edges,
        { id: 'a', source: 'n:2', target: 'n:1', sourceHandle: 'out' as const, targetHandle: 'in-0' },
        {
          id: 'b',
          source: 'src:Tussenvoegsel',
          target: 'n:1',
          sourceHandle: 'out' as const,
          targetHandle: 'in-1',
        },
        {
          id: 'c',
          source: 'src:Achternaam',
          target: 'n:1',
          sourceHandle: 'out' as const,
          targetHandle: 'in-2',
        },
        {
          id: 'd',
          source: 'n:1',
          target: 'field:name.familyName',
          sourceHandle: 'out' as const,
          targetHandle: 'in-0',
        },
      ],
    };
    const written = graphToMapping(drawn, mapping, specOf).mapping;
    expect(written.fields['name.familyName']?.expression).toBe('Join(" ", [Tussenvoegsel], [Achternaam])');
    expect((written.layout as { nodes: Record<string, unknown> }).nodes['expr:name.familyName@r']).toEqual({
      x: 500,
      y: 40,
    });
    const canonical = canonicalGraph(drawn, mapping, ATTRIBUTES, specOf);
    const join = canonical.nodes.find((n) => n.id === 'expr:name.familyName@r');
    expect(join).toMatchObject({ position: { x: 500, y: 40 }, data: { inline: { 0: ' ' } } });
    expect(canonical.nodes.some((n) => n.id === 'n:2')).toBe(false);
    // And the canonical graph is a fixed point.
    expect(canonicalGraph(canonical, written, ATTRIBUTES, specOf)).toEqual(canonical);
  });
});
