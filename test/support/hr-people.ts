/**
 * The people behind the HR application emulators: a deterministic, messy Dutch/German workforce with umlauts,
 * name prefixes, leavers (INACTIVE, and past termination dates), one future leaver, someone onboarding, and a
 * supervisor chain (director → team leads → staff). The same people feed the Personio, AFAS and REST emulators,
 * so each preset's tests can expect the same outcome.
 */
import { mulberry32 } from '../../src/shared/random';

export type HrStatus = 'ACTIVE' | 'INACTIVE' | 'ONBOARDING' | 'LEAVE';

export interface HrPerson {
  /** Personio's person id (numeric text), also AFAS's Medewerker and the REST id. */
  id: string;
  givenName: string;
  callName: string | null;
  prefix: string | null;
  familyName: string;
  email: string;
  title: string;
  department: string;
  office: string;
  startDate: string;
  /** Last working day, or null. */
  endDate: string | null;
  status: HrStatus;
  supervisorId: string | null;
  gender: 'male' | 'female' | 'diverse';
}

const GIVEN = [
  'Jürgen',
  'Sanne',
  'Björn',
  'Fleur',
  'Jörg',
  'Daan',
  'Anouk',
  'Müge',
  'Thijs',
  'Zoë',
  'Özlem',
  'Bram',
  'Chloë',
  'Sören',
  'Noëlle',
  'Lars',
  'Maaike',
  'René',
  'Iris',
  'Günther',
  'Femke',
  'Joël',
  'Esmée',
  'Ruud',
  'Käthe',
  'Wouter',
  'Ilse',
  'Dörte',
  'Sem',
  'Aïcha',
];
const CALL: Record<string, string> = { Jürgen: 'Jürg', Günther: 'Gün', Maaike: 'Maai', Wouter: 'Wout' };
const FAMILY: [string | null, string][] = [
  [null, 'Müller'],
  ['van', 'Dijk'],
  ['de', 'Vries'],
  ['van der', 'Berg'],
  [null, 'Schröder'],
  ['van den', 'Broek'],
  [null, 'Jansen'],
  ['ter', 'Horst'],
  [null, 'Weiß'],
  ['de', 'Jong'],
  [null, 'Öztürk'],
  ['van', 'Leeuwen'],
  [null, 'Bakker'],
  ["in 't", 'Veld'],
  [null, 'Jäger'],
  ['van', 'Beek'],
  [null, 'Hoffmann'],
  ['de', 'Groot'],
  [null, 'Peeters'],
  ['van der', 'Meer'],
];
const TITLES = ['Beleidsmedewerker', 'Consultant', 'Teamleider', 'HR-adviseur', 'Controller', 'Developer'];
const DEPARTMENTS = ['Financiën', 'Personeel & Organisatie', 'ICT', 'Sociaal Domein', 'Verkoop'];
const OFFICES = ['Utrecht', 'Berlin', 'Amsterdam', 'München'];

function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

function isoDay(base: string, offsetDays: number): string {
  const d = new Date(`${base}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offsetDays);
  return d.toISOString().slice(0, 10);
}

export interface HrPeopleOptions {
  count: number;
  seed?: number;
  /** yyyy-MM-dd the leavers are arranged around (default 2026-11-23, the tests' today). */
  today?: string;
}

/** What a test can expect of the generated people. */
export interface HrExpectations {
  active: string[];
  /** Leaving on a date after today (still active). */
  leavingLater: string[];
  /** Joiners whose first day lies after today (ONBOARDING): not created yet. */
  startingLater: string[];
  /** INACTIVE, or a termination date before today. */
  deactivated: string[];
  director: string;
}

export function generateHrPeople(options: HrPeopleOptions): { people: HrPerson[]; expect: HrExpectations } {
  const random = mulberry32(options.seed ?? 14);
  const today = options.today ?? '2026-11-23';
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const people: HrPerson[] = [];
  const emails = new Set<string>();
  const leads: string[] = [];
  for (let i = 0; i < options.count; i++) {
    const id = String(4_000_100 + i * 7);
    const givenName = pick(GIVEN);
    const [prefix, family] = pick(FAMILY);
    let local = `${ascii(givenName)}.${ascii(`${prefix ?? ''}${family}`)}`;
    for (let n = 2; emails.has(local); n++)
      local = `${ascii(givenName)}.${ascii(`${prefix ?? ''}${family}`)}${n}`;
    emails.add(local);
    const isDirector = i === 0;
    const isLead = i > 0 && i <= 6;
    if (isLead) leads.push(id);
    const supervisorId = isDirector ? null : isLead ? people[0]!.id : leads[(i * 5) % leads.length]!;
    people.push({
      id,
      givenName,
      callName: CALL[givenName] ?? null,
      prefix,
      familyName: family,
      email: `${local}@plek-demo.nl`,
      title: isDirector ? 'Directeur' : isLead ? 'Teamleider' : pick(TITLES),
      department: pick(DEPARTMENTS),
      office: pick(OFFICES),
      startDate: isoDay('2012-01-01', Math.floor(random() * 5000)),
      endDate: null,
      status: 'ACTIVE',
      supervisorId,
      gender: pick(['male', 'female', 'diverse'] as const),
    });
  }
  const expect: HrExpectations = {
    active: [],
    leavingLater: [],
    startingLater: [],
    deactivated: [],
    director: people[0]!.id,
  };
  // Leavers sit among staff (never the director or a team lead, so the chain stays whole).
  people.forEach((p, i) => {
    if (i < 7) return;
    if (i % 17 === 3) {
      p.status = 'INACTIVE';
      p.endDate = isoDay(today, -30 - i);
    } else if (i % 23 === 5) {
      // HR set the termination date, the status has not flipped yet: the date alone deactivates.
      p.endDate = isoDay(today, -2);
    } else if (i % 29 === 11) {
      p.status = 'ONBOARDING';
      p.startDate = isoDay(today, 14);
    }
  });
  const future = people[people.length - 2]!;
  future.endDate = isoDay(today, 40);
  for (const p of people) {
    if (p.status === 'INACTIVE' || (p.endDate !== null && p.endDate < today)) expect.deactivated.push(p.id);
    else {
      expect.active.push(p.id);
      if (p.endDate !== null) expect.leavingLater.push(p.id);
      if (p.startDate > today) expect.startingLater.push(p.id);
    }
  }
  return { people, expect };
}

/** Family name as Personio and most APIs keep it: the prefix written in front ("van der Berg"). */
export function fullFamilyName(p: HrPerson): string {
  return p.prefix ? `${p.prefix} ${p.familyName}` : p.familyName;
}
