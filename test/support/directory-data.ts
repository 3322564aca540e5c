import { mulberry32 as random } from '../../src/shared/random';

/**
 * Deterministic Dutch employees for the throw-away directories: umlauts and diaeresis (Jörg, Zoë, Daniëlle),
 * name prefixes (tussenvoegsels) kept in `sn` the way most Dutch AD tenants store them, managers, disabled and
 * expired accounts. The same seed always gives the same people, so tests can compare against this list.
 */

export interface DirectoryUser {
  /** 0-based position; stable for a given seed. */
  index: number;
  /** sAMAccountName / uid, ASCII. */
  login: string;
  /** Relative distinguished name value (cn), unique within the generated set. */
  cn: string;
  givenName: string;
  /** Tussenvoegsel ('' when none). */
  prefix: string;
  /** Family name without prefix. */
  familyName: string;
  /** sn as AD stores it: prefix + family name ("van der Berg"). */
  sn: string;
  displayName: string;
  mail: string;
  employeeNumber: string;
  title: string;
  department: string;
  telephoneNumber: string;
  mobile: string;
  /** Index of this user's manager in the same list, null for the top of the tree. */
  managerIndex: number | null;
  disabled: boolean;
  /** accountExpires as a date (yyyy-MM-dd), null for "never". */
  expires: string | null;
  /** proxyAddresses: primary SMTP: first, then aliases. */
  proxyAddresses: string[];
}

const GIVEN = [
  'Jörg',
  'Zoë',
  'Daniëlle',
  'Anaïs',
  'Noël',
  'Joëlle',
  'René',
  'Chloë',
  'Sjoerd',
  'Femke',
  'Bram',
  'Sanne',
  'Thijs',
  'Lotte',
  'Ruud',
  'Inge',
  'Pieter',
  'Marieke',
  'Koen',
  'Ilse',
  'Jan',
  'Eva',
  'Mehmet',
  'Fatima',
  'Björn',
  'Siële',
];
const PREFIX = ['', '', '', '', 'van', 'van der', 'de', 'van den', 'ter', "van 't", 'den', 'van de'];
const FAMILY = [
  'Berg',
  'Jansen',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'Dijk',
  'Mulder',
  'Bos',
  'Vos',
  'Brink',
  'Hoek',
  'Graaf',
  'Haan',
  'Wit',
  'Müller',
  'Çelik',
  'Öztürk',
  'Kuiper',
  'Veen',
  'Hoogeveen',
  'Sluis',
  'Zwaan',
  'Kroes',
];
const TITLE = [
  'Verpleegkundige',
  'Teamleider',
  'Beleidsmedewerker',
  'Financieel adviseur',
  'Medewerker klantcontact',
  'Docent',
  'Coördinator facilitair',
  'HR-adviseur',
];
const DEPARTMENT = ['Zorg', 'Financiën', 'Personeelszaken', 'ICT', 'Facilitair', 'Communicatie', 'Onderwijs'];

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)] as T;
}

/** ASCII for logins and mail addresses: "Jörg van 't Öztürk" → "jorg.vantozturk". */
export function asciiLower(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase();
}

/** How many managers sit at the top of the tree; everybody else reports to one of them. */
export const MANAGER_COUNT = 20;

/** Accounts that expired / will expire, as dates (tests compare the derived accountExpires with these). */
export const PAST_EXPIRY = '2024-06-30';
export const FUTURE_EXPIRY = '2031-03-31';

export function dutchUsers(count: number, seed = 20260401): DirectoryUser[] {
  const rnd = random(seed);
  const seenCn = new Map<string, number>();
  const users: DirectoryUser[] = [];
  for (let index = 0; index < count; index++) {
    const givenName = pick(rnd, GIVEN);
    const prefix = pick(rnd, PREFIX);
    const familyName = pick(rnd, FAMILY);
    const sn = prefix ? `${prefix} ${familyName}` : familyName;
    const displayName = `${givenName} ${sn}`;
    const n = (seenCn.get(displayName) ?? 0) + 1;
    seenCn.set(displayName, n);
    const cn = n === 1 ? displayName : `${displayName} ${n}`;
    const employeeNumber = String(100000 + index * 7);
    const login =
      `${asciiLower(givenName).slice(0, 1)}${asciiLower(sn)}`.slice(0, 20 - String(index).length) + index;
    const mail = `${asciiLower(givenName)}.${asciiLower(sn)}${n === 1 ? '' : n}@example.test`;
    const phone = String(1000 + ((index * 37) % 9000));
    users.push({
      index,
      login,
      cn,
      givenName,
      prefix,
      familyName,
      sn,
      displayName,
      mail,
      employeeNumber,
      title: index < MANAGER_COUNT ? 'Teamleider' : pick(rnd, TITLE),
      department: DEPARTMENT[index % DEPARTMENT.length] as string,
      telephoneNumber: `+31 20 555 ${phone}`,
      mobile: `06-${String(10000000 + ((index * 7919) % 89999999)).padStart(8, '0')}`,
      managerIndex: index === 0 ? null : index < MANAGER_COUNT ? 0 : index % MANAGER_COUNT,
      disabled: index % 37 === 5,
      expires: index % 53 === 7 ? PAST_EXPIRY : index % 59 === 11 ? FUTURE_EXPIRY : null,
      proxyAddresses: [`SMTP:${mail}`, `smtp:${login}@corp.example.test`],
    });
  }
  return users;
}

/**
 * accountExpires as Active Directory Users and Computers writes it for "End of: <date>" in the Netherlands:
 * midnight after that day, Amsterdam summer time (both test dates fall in CEST), as a FILETIME (100 ns since
 * 1601-01-01 UTC).
 */
export function aducEndOfDay(date: string): string {
  const ms = Date.parse(`${date}T22:00:00Z`);
  return (BigInt(ms) * 10000n + 116444736000000000n).toString();
}

/** A tiny JPEG header, enough to prove photos are dropped and never shown as text. */
export const FAKE_JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9,
]);
