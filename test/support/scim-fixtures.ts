import type { SandboxHandle } from '../../src/main/sandbox';
import { ScimClient, type ScimClientOptions } from '../../src/main/scim';
import { readTargetState } from '../../src/main/sync';
import type { MappedUser } from '../../src/shared/engine/types';
import { computePlan, type ComputePlanInput } from '../../src/shared/plan';
import type { Plan } from '../../src/shared/plan/types';
import { ENTERPRISE_USER_SCHEMA, PLEK_PROFILE_SCHEMA, WORK_EMAIL } from '../../src/shared/scim/fields';
import type { FlatUser } from '../../src/shared/scim/resource';

export const MANAGER = `${ENTERPRISE_USER_SCHEMA}:manager`;
export const DEPARTMENT = `${ENTERPRISE_USER_SCHEMA}:department`;
export const LOCATION = `${PLEK_PROFILE_SCHEMA}:location`;

const GIVEN = [
  'Jan',
  'Anouk',
  'Sanne',
  'Daan',
  'Fleur',
  'Bram',
  'Lotte',
  'Sem',
  'Noor',
  'Joël',
  'Zoë',
  'Mëlle',
];
const PREFIX = ['van der', 'de', '', 'van den', "'t", 'van', ''];
const FAMILY = ['Meer', 'Vries', 'Jansen', 'Berg', 'Hoek', 'Dijk', 'Bakker'];
const DEPTS = ['Wijkverpleging', 'Facilitair', 'HR', 'ICT'];
const PLACES = ['Utrecht', 'Zwolle', "'s-Hertogenbosch", 'Düsseldorf'];

/** A realistic Dutch employee as the mapping engine would produce it. */
export function employee(i: number, over: Partial<MappedUser> & { attrs?: FlatUser } = {}): MappedUser {
  const given = GIVEN[i % GIVEN.length] as string;
  const prefix = PREFIX[i % PREFIX.length] as string;
  const family = FAMILY[i % FAMILY.length] as string;
  const local = `${given}.${prefix.replace(/[\s']/g, '')}${family}${i}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const { attrs, ...rest } = over;
  return {
    row: i + 2,
    key: `E${String(10000 + i)}`,
    attributes: {
      userName: `${local}@zorggroep-demo.nl`,
      'name.givenName': given,
      'name.middleName': prefix || null,
      'name.familyName': family,
      [WORK_EMAIL]: `${local}@zorggroep-demo.nl`,
      title: i % 3 === 0 ? 'Verpleegkundige' : 'Medewerker',
      [DEPARTMENT]: DEPTS[i % DEPTS.length] as string,
      [LOCATION]: PLACES[i % PLACES.length] as string,
      ...attrs,
    },
    active: true,
    groups: [],
    trace: {},
    ...rest,
  };
}

export const defaultMapping: ComputePlanInput['mapping'] = {
  fields: {},
  linking: { matchOn: 'email', ignoreInactive: true },
  safety: { maxDeactivateCount: 1000, maxDeactivatePercent: 100, minSourceRowsPercent: 80 },
};

export function client(h: SandboxHandle, over: Partial<ScimClientOptions> = {}): ScimClient {
  return new ScimClient({
    baseUrl: h.url,
    auth: { kind: 'oauth', clientId: h.clientId, clientSecret: h.clientSecret },
    retryBaseMs: 5,
    retryMaxMs: 50,
    ...over,
  });
}

/** Reads the target through the client and computes the plan for these users. */
export async function planFor(
  c: ScimClient,
  users: MappedUser[],
  over: Partial<ComputePlanInput> = {},
): Promise<Plan> {
  const target = await readTargetState(c);
  return computePlan({
    users,
    skipped: [],
    errors: [],
    targetUsers: target.users,
    targetGroups: target.groups,
    mapping: defaultMapping,
    target: { url: c.baseUrl },
    sourceRows: users.length,
    initialImport: !target.users.some((u) => u.externalId),
    today: '2026-11-23',
    ...over,
  });
}

/** The sandbox's state without ids, versions and timestamps: comparable across runs. */
export function endState(h: SandboxHandle): unknown {
  const snap = h.snapshot();
  const keyOf = new Map(
    snap.users.map((u) => [u.id, (u.externalId as string | undefined) ?? `userName:${String(u.userName)}`]),
  );
  const users = snap.users
    .map((u) => {
      const { id: _id, meta: _meta, ...rest } = u;
      const ent = rest[ENTERPRISE_USER_SCHEMA] as { manager?: { value: string } } | undefined;
      if (ent?.manager)
        rest[ENTERPRISE_USER_SCHEMA] = { ...ent, manager: keyOf.get(ent.manager.value) ?? 'unknown' };
      return rest;
    })
    .sort((a, b) => String(a.externalId ?? a.userName).localeCompare(String(b.externalId ?? b.userName)));
  const groups = snap.groups
    .map((g) => ({
      displayName: g.displayName,
      members: ((g.members as { value: string }[]) ?? []).map((m) => keyOf.get(m.value) ?? 'unknown').sort(),
    }))
    .sort((a, b) => String(a.displayName).localeCompare(String(b.displayName)));
  return { users, groups };
}

/** externalIds or userNames that occur on more than one account. */
export function duplicates(h: SandboxHandle): string[] {
  const seen = new Map<string, number>();
  for (const u of h.snapshot().users) {
    for (const k of [
      u.externalId ? `externalId:${String(u.externalId)}` : null,
      `userName:${String(u.userName).toLowerCase()}`,
    ]) {
      if (k) seen.set(k, (seen.get(k) ?? 0) + 1);
    }
  }
  return [...seen].filter(([, n]) => n > 1).map(([k]) => k);
}
