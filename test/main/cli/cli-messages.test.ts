import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOREIGN_WORDS } from '../../e2e/support/language';
import { generateHrExport } from '../../fixtures/hr-export';
import { freePort, shouldSkip, startSlapd, type SlapdServer } from '../../support/slapd';

const BIN = new URL('../../../bin/plek-sync.mjs', import.meta.url).pathname;
const DEMO_MAPPING = new URL('../../../resources/demo/demo.plekmap.json', import.meta.url).pathname;

type Lang = 'nl' | 'en';
interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

// spawn (not spawnSync): the directory server of the last case runs in this process's event loop.
function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { NO_COLOR: '1', PATH: process.env.PATH ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * The words of the CLI's output, without what is data rather than language: paths, flags and commands
 * (`--source`, `plek-sync init`), keys of the mapping file (`source.path`), environment variable names, URLs,
 * DNs, quoted values and the labelled
 * technical detail (a system code such as ENOENT, kept for support).
 */
function wordsOf(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/(?:technisch detail|technical detail): .*$/, ''))
    .join('\n')
    .replace(/plek-sync(?: [a-z]+)?/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\S*[/\\]\S*/g, '')
    .replace(/\b\w+(?:\.\w+)+\b/g, '')
    .replace(/--?[a-z][\w-]*/g, '')
    .replace(/\b[A-Z][A-Z0-9_]{2,}\b/g, '')
    .replace(/\b(?:cn|ou|dc|uid)=\S+/gi, '')
    .replace(/\S+\.(?:csv|json|jsonl|plekmap)\b/g, '');
}

/** Each word of the other language in the output, with some text around it. */
function foreignWords(run: Run, lang: Lang): string[] {
  const text = wordsOf(`${run.stdout}\n${run.stderr}`);
  return [...text.matchAll(FOREIGN_WORDS[lang])].map(
    (m) => `…${text.slice(Math.max(0, m.index - 30), m.index + 30)}…`,
  );
}

let dir: string;
let csv: string;
let closedPort: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plek-cli-messages-'));
  csv = join(dir, 'hr.csv');
  writeFileSync(csv, generateHrExport({ rows: 20, seed: 8, defects: false }).bytes);
  mkdirSync(join(dir, 'export-map.csv'));
  // Invalid: the mapping key is a number, fields a list, the name missing.
  writeFileSync(
    join(dir, 'kapot.plekmap.json'),
    JSON.stringify({ version: 1, source: { kind: 'csv' }, mappingKey: { attribute: 3 }, fields: [] }),
  );
  writeFileSync(join(dir, 'syntax.plekmap.json'), '{ "version": 1, "name": "x",\n  "fields": { ]\n}');
  closedPort = await freePort();
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function ldapMapping(name: string, url: string, extra: Record<string, unknown> = {}): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    JSON.stringify({
      version: 1,
      name: 'Directory',
      source: {
        kind: 'ldap',
        url,
        flavor: 'openldap',
        bindDn: 'cn=plek-reader,ou=Services,dc=zorg,dc=example',
        baseDn: 'ou=Medewerkers,dc=zorg,dc=example',
        ...extra,
      },
      mappingKey: { attribute: 'uid' },
      fields: {
        'name.givenName': { expression: '[givenName]' },
        'name.familyName': { expression: '[sn]' },
        email: { expression: '[mail]' },
      },
    }),
  );
  return file;
}

/**
 * Each failure a consultant can meet on the command line: the arguments, the exit code, and per language what
 * the message must say (the file it names and what to do).
 */
const scenarios: {
  name: string;
  args: () => string[];
  env?: () => Record<string, string>;
  exit: number;
  nl: RegExp[];
  en: RegExp[];
}[] = [
  {
    name: 'an unknown flag',
    args: () => ['validate', '-m', DEMO_MAPPING, '--bogus'],
    exit: 2,
    nl: [/fout: onbekende optie --bogus/, /typ plek-sync --help voor het gebruik/],
    en: [/error: unknown option --bogus/, /run plek-sync --help for usage/],
  },
  {
    name: 'a required option left out',
    args: () => ['validate'],
    exit: 2,
    nl: [/de optie -m, --mapping <file> is verplicht/],
    en: [/the option -m, --mapping <file> is required/],
  },
  {
    name: 'an unknown command',
    args: () => ['valideer'],
    exit: 2,
    nl: [/onbekend commando valideer/],
    en: [/unknown command valideer/],
  },
  {
    name: 'a date that does not exist',
    args: () => ['validate', '-m', DEMO_MAPPING, '--today', '2026-02-30'],
    exit: 2,
    nl: [/--today <date> accepteert "2026-02-30" niet: verwacht een datum als JJJJ-MM-DD/],
    en: [/--today <date> does not accept "2026-02-30": expected a date as YYYY-MM-DD/],
  },
  {
    name: 'a mapping file that does not exist',
    args: () => ['validate', '-m', join(dir, 'weg.plekmap.json')],
    exit: 2,
    nl: [/mappingbestand \S*weg\.plekmap\.json bestaat niet; controleer het pad/, /technisch detail: ENOENT/],
    en: [/mapping file \S*weg\.plekmap\.json does not exist; check the path/, /technical detail: ENOENT/],
  },
  {
    name: 'a CSV that does not exist',
    args: () => ['validate', '-m', DEMO_MAPPING, '-s', join(dir, 'weg.csv'), '--today', '2026-11-23'],
    exit: 2,
    nl: [
      /weg\.csv is niet te lezen: het bestand bestaat niet \(verplaatst of hernoemd\?\); kies het bestand/,
    ],
    en: [/Cannot read weg\.csv: the file does not exist \(moved or renamed\?\); choose the file again/],
  },
  {
    name: 'a CSV that is a folder',
    args: () => ['validate', '-m', DEMO_MAPPING, '-s', join(dir, 'export-map.csv'), '--today', '2026-11-23'],
    exit: 2,
    nl: [/export-map\.csv is niet te lezen: het is een map, geen bestand; kies het CSV-bestand in die map/],
    en: [/Cannot read export-map\.csv: it is a folder, not a file; choose the CSV file inside it/],
  },
  {
    name: 'an export written into a folder that does not exist',
    args: () => [
      'map',
      '-m',
      DEMO_MAPPING,
      '-s',
      csv,
      '--today',
      '2026-11-23',
      '-o',
      join(dir, 'nieuw', 'u.jsonl'),
    ],
    exit: 2,
    nl: [
      /kan \S*nieuw\/u\.jsonl niet schrijven: de map bestaat niet; maak hem eerst aan of kies een andere plek/,
    ],
    en: [
      /cannot write \S*nieuw\/u\.jsonl: the folder does not exist; create it first or choose another place/,
    ],
  },
  {
    name: 'a mapping file the format does not accept',
    args: () => ['validate', '-m', join(dir, 'kapot.plekmap.json'), '-s', csv],
    exit: 2,
    nl: [
      /kapot\.plekmap\.json is geen geldig mappingbestand:/,
      /\$\.mappingKey\.attribute: verwacht tekst, gevonden: getal/,
      /\$\.fields: verwacht object, gevonden: lijst/,
      /\$\.name: ontbreekt: verwacht tekst/,
    ],
    en: [/kapot\.plekmap\.json is not a valid mapping file:/, /\$\.fields: expected object, found list/],
  },
  {
    name: 'a mapping file that is not JSON',
    args: () => ['validate', '-m', join(dir, 'syntax.plekmap.json'), '-s', csv],
    exit: 2,
    nl: [/syntax\.plekmap\.json is geen geldig mappingbestand:/, /regel 2/],
    en: [/syntax\.plekmap\.json is not a valid mapping file:/, /line 2/],
  },
  {
    name: 'a directory where nothing answers',
    args: () => ['validate', '-m', ldapMapping('refused.plekmap.json', `ldap://127.0.0.1:${closedPort}`)],
    env: () => ({ PLEK_LDAP_PASSWORD: 'Geheim-Wachtwoord-1!' }),
    exit: 2,
    nl: [
      /Niets antwoordt op ldap:\/\/127\.0\.0\.1:\d+ \(verbinding geweigerd\)/,
      /wat te doen: Controleer de hostnaam en de poort/,
      /technisch detail: ECONNREFUSED/,
    ],
    en: [
      /Nothing answers on ldap:\/\/127\.0\.0\.1:\d+ \(connection refused\)/,
      /what to do: Check the host name and port/,
      /technical detail: ECONNREFUSED/,
    ],
  },
  {
    name: 'a directory host name that does not exist',
    args: () => ['validate', '-m', ldapMapping('notfound.plekmap.json', 'ldap://dc01.bestaat-niet.invalid')],
    env: () => ({ PLEK_LDAP_PASSWORD: 'Geheim-Wachtwoord-1!' }),
    exit: 2,
    nl: [
      /De hostnaam in ldap:\/\/dc01\.bestaat-niet\.invalid is niet te vinden/,
      /wat te doen: Controleer de spelling van de hostnaam/,
    ],
    en: [
      /The host name in ldap:\/\/dc01\.bestaat-niet\.invalid cannot be resolved/,
      /what to do: Check the spelling/,
    ],
  },
  {
    name: 'an HR API where nothing answers',
    args: () => [
      'init',
      '--source',
      'rest',
      '--source-url',
      `http://127.0.0.1:${closedPort}/api/medewerkers`,
    ],
    env: () => ({ PLEK_SOURCE_SECRET: 'token-dat-niet-gedrukt-wordt' }),
    exit: 2,
    nl: [
      /Geen verbinding met http:\/\/127\.0\.0\.1:\d+\/api\/medewerkers: daar antwoordt niets \(verbinding geweigerd\); controleer de hostnaam en de poort/,
    ],
    en: [
      /Cannot connect to http:\/\/127\.0\.0\.1:\d+\/api\/medewerkers: nothing answers there \(connection refused\); check the host name and port/,
    ],
  },
  {
    name: 'an HR API host name that does not exist',
    args: () => [
      'init',
      '--source',
      'rest',
      '--source-url',
      'https://hr.bestaat-niet.invalid/api/medewerkers',
    ],
    env: () => ({ PLEK_SOURCE_SECRET: 'token-dat-niet-gedrukt-wordt' }),
    exit: 2,
    nl: [
      /Geen verbinding met https:\/\/hr\.bestaat-niet\.invalid\/api\/medewerkers: de hostnaam is niet te vinden/,
    ],
    en: [
      /Cannot connect to https:\/\/hr\.bestaat-niet\.invalid\/api\/medewerkers: the host name cannot be resolved/,
    ],
  },
  {
    name: 'a Plek target where nothing answers',
    args: () => [
      'plan',
      '-m',
      DEMO_MAPPING,
      '-s',
      csv,
      '--target',
      `http://127.0.0.1:${closedPort}`,
      '--today',
      '2026-11-23',
    ],
    env: () => ({ PLEK_TOKEN: 'token-dat-niet-gedrukt-wordt' }),
    exit: 1,
    nl: [
      /Plek-doel: geen antwoord van Plek: daar antwoordt niets \(verbinding geweigerd\)/,
      /technisch detail: ECONNREFUSED/,
    ],
    en: [
      /Plek target: no answer from Plek: nothing answers there \(connection refused\)/,
      /technical detail: ECONNREFUSED/,
    ],
  },
  {
    name: 'a directory without its password',
    args: () => ['validate', '-m', ldapMapping('nopass.plekmap.json', 'ldaps://dc01.zorg.example')],
    exit: 2,
    nl: [/heeft het wachtwoord van cn=plek-reader\S* nodig: zet het in PLEK_LDAP_PASSWORD/],
    en: [/needs the bind password of cn=plek-reader\S*: set PLEK_LDAP_PASSWORD/],
  },
];

describe('every failure the CLI reports speaks the language asked for, names the place and says what to do', () => {
  for (const lang of ['nl', 'en'] as const) {
    it.each(scenarios)(`$name (${lang})`, { timeout: 120_000 }, async (s) => {
      const r = await cli([...s.args(), '--lang', lang], s.env?.() ?? {});
      expect(r.code, r.stderr).toBe(s.exit);
      for (const expected of s[lang]) expect(r.stderr).toMatch(expected);
      expect(foreignWords(r, lang), r.stderr).toEqual([]);
      // No stack trace, no Node sentence (`ENOENT: no such file or directory, open …`), no secret.
      expect(r.stderr).not.toMatch(/\n\s+at |no such file or directory|getaddrinfo|connect ECONNREFUSED/);
      expect(r.stderr).not.toMatch(/Geheim-Wachtwoord|token-dat-niet/);
    });
  }

  it('takes Dutch from LANG=nl_NL.UTF-8 without --lang, and English from LANG=C', async () => {
    const args = ['validate', '-m', join(dir, 'weg.plekmap.json')];
    const nl = await cli(args, { LANG: 'nl_NL.UTF-8' });
    expect(nl.stderr).toMatch(/mappingbestand \S+ bestaat niet/);
    expect(foreignWords(nl, 'nl')).toEqual([]);
    const en = await cli(args, { LANG: 'C' });
    expect(en.stderr).toMatch(/mapping file \S+ does not exist/);
  });

  it('the language scan finds English in a Dutch message (the checks above can fail)', () => {
    const english = {
      code: 2,
      stdout: '',
      stderr: 'plek-sync: the file does not exist; choose another source',
    };
    expect(foreignWords(english, 'nl').length).toBeGreaterThan(0);
  });

  it('--help is Dutch with --lang nl: headings, option and command descriptions', async () => {
    const top = await cli(['--help', '--lang', 'nl']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/^Gebruik: plek-sync/);
    expect(top.stdout).toMatch(/Opties:/);
    expect(top.stdout).toMatch(/Commando’s:/);
    expect(top.stdout).toMatch(/toon de hulp bij een commando/);
    const validate = await cli(['validate', '--help', '--lang', 'nl']);
    expect(validate.stdout).toMatch(/mappingbestand \(\.plekmap\.json\)/);
    for (const r of [top, validate]) expect(foreignWords(r, 'nl'), r.stdout).toEqual([]);
    const en = await cli(['validate', '--help', '--lang', 'en']);
    expect(en.stdout).toMatch(/^Usage: plek-sync validate/);
    expect(foreignWords(en, 'en'), en.stdout).toEqual([]);
  });
});

describe('the sandbox’s start-up lines', () => {
  it.each(['nl', 'en'] as const)('are in %s', { timeout: 60_000 }, async (lang) => {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [BIN, 'sandbox', '--memory', '--port', String(port), '--lang', lang],
      {
        env: { NO_COLOR: '1', PATH: process.env.PATH ?? '' },
      },
    );
    let stdout = '';
    await new Promise<void>((done) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        if (/Ctrl\+C/.test(stdout)) done();
      });
      child.on('close', () => done());
    });
    child.kill('SIGINT');
    await new Promise((done) => child.on('close', done));
    if (lang === 'nl') {
      expect(stdout).toMatch(/Plek sandbox \(SCIM 2\.0\) op http:\/\/127\.0\.0\.1:\d+/);
      expect(stdout).toMatch(/stand: +alleen in het geheugen/);
      expect(stdout).toMatch(/Stoppen met Ctrl\+C/);
    } else expect(stdout).toMatch(/state: +in memory/);
    expect(foreignWords({ code: 0, stdout, stderr: '' }, lang), stdout).toEqual([]);
  });
});

const skipLdap = shouldSkip(['slapd', 'slapadd', 'openssl'], 'the CLI’s words for a refused directory bind');

describe.skipIf(skipLdap)('a directory that refuses the password (real slapd)', { timeout: 90_000 }, () => {
  let server: SlapdServer;
  let mapping: string;

  beforeAll(async () => {
    server = await startSlapd({ users: 5, groups: false });
    writeFileSync(join(dir, 'ca.pem'), server.caPem);
    mapping = join(dir, 'slapd.plekmap.json');
    writeFileSync(
      mapping,
      JSON.stringify({
        version: 1,
        name: 'Directory',
        source: {
          kind: 'ldap',
          url: server.url,
          flavor: 'openldap',
          bindDn: server.readerDn,
          baseDn: server.peopleDn,
          caFile: 'ca.pem',
        },
        mappingKey: { attribute: 'uid' },
        fields: {
          'name.givenName': { expression: '[givenName]' },
          'name.familyName': { expression: '[sn]' },
          email: { expression: '[mail]' },
        },
      }),
    );
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
  });

  it.each(['nl', 'en'] as const)(
    'says so in %s, with what to do, and never prints the password',
    async (lang) => {
      const wrong = 'Fout-Wachtwoord-123!';
      const r = await cli(['validate', '-m', mapping, '--lang', lang], { PLEK_LDAP_PASSWORD: wrong });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(
        lang === 'nl'
          ? /weigerde de aanmelding als cn=plek-reader\S*: bind DN of wachtwoord onjuist/
          : /refused the bind as cn=plek-reader\S*: wrong bind DN or password/,
      );
      expect(r.stderr).toMatch(
        lang === 'nl' ? /wat te doen: Controleer de bind DN/ : /what to do: Check the bind DN/,
      );
      expect(foreignWords(r, lang), r.stderr).toEqual([]);
      expect(r.stderr + r.stdout).not.toContain(wrong);
    },
  );
});
