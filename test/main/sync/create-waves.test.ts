import { describe, expect, it } from 'vitest';
import { createWaves } from '../../../src/main/sync/apply';
import { compactCreates } from '../../../src/shared/plan/compact';
import type { Plan, PlanChange } from '../../../src/shared/plan/types';

/** A create of `key` whose manager (`managerKey`, created in the same run) is `manager`. */
function create(key: string | undefined, manager?: string): PlanChange {
  return {
    op: `user:${key ?? 'none'}`,
    action: 'create',
    ...(key !== undefined ? { key } : {}),
    reason: 'new in the source',
    fields: [
      ...(manager !== undefined
        ? [
            {
              path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager',
              before: null,
              after: null,
              op: 'add' as const,
              managerKey: manager,
            },
          ]
        : []),
      { path: 'userName', before: null, after: `${key ?? 'x'}@gemeente.nl`, op: 'add' as const },
    ],
  } as PlanChange;
}

const keysOf = (w: { waves: PlanChange[][]; cyclic: Set<string> }) => ({
  waves: w.waves.map((wave) => wave.map((c) => c.key ?? '-')),
  cyclic: [...w.cyclic].sort(),
});

describe('createWaves', () => {
  const creates = [
    create('E5', 'E3'), // third level
    create('E1'), // no manager
    create('E3', 'E1'), // second level
    create('E4', 'X9'), // manager not created in this run: first wave
    create('C1', 'C2'), // a cycle…
    create('C2', 'C1'),
    create('C3', 'C2'), // …and below it
    create(undefined), // no key: first wave
    create('S1', 'S1'), // its own manager
    create('E6', 'E3'),
    create('E7', 'E5'),
  ];
  const expected = {
    waves: [['E1', 'E4', '-'], ['E3'], ['E5', 'E6'], ['E7'], ['C1', 'C2', 'C3', 'S1']],
    cyclic: ['C1', 'C2', 'C3', 'S1'],
  };

  it('puts managers before their teams, level by level, each wave in plan order; cycles and what hangs below them last', () => {
    expect(keysOf(createWaves(creates))).toEqual(expected);
  });

  it('gives the same waves for compact creates (a table row each)', () => {
    const plan = {
      changes: creates.map((c) => ({ ...c, fields: c.fields!.map((f) => ({ ...f })) })),
    } as unknown as Plan;
    compactCreates(plan);
    expect(keysOf(createWaves(plan.changes))).toEqual(expected);
  });

  it('of 20,000 creates in a chain of teams, makes one wave per level', () => {
    const chain = Array.from({ length: 20_000 }, (_, i) =>
      create(`K${i}`, i % 100 === 0 ? undefined : `K${i - 1}`),
    );
    const { waves, cyclic } = createWaves(chain);
    expect(waves).toHaveLength(100);
    expect(waves[0]).toHaveLength(200);
    expect(waves[99]!.map((c) => c.key)).toContain('K19999');
    expect(cyclic.size).toBe(0);
  });
});
