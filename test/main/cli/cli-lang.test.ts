import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateHrExport } from '../../fixtures/hr-export';

const BIN = new URL('../../../bin/plek-sync.mjs', import.meta.url).pathname;
const DEMO_MAPPING = new URL('../../../resources/demo/demo.plekmap.json', import.meta.url).pathname;

/** Runs the CLI with a chosen locale environment (and nothing inherited that could choose one). */
function cli(args: string[], locale: Record<string, string>) {
  const env: Record<string, string> = { NO_COLOR: '1', PATH: process.env.PATH ?? '', ...locale };
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let source: string;

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'plek-cli-lang-'));
  source = join(dir, 'hr.csv');
  const exported = generateHrExport({
    rows: 60,
    seed: 5,
    defects: ['empty-key', 'duplicate-key', 'short-row'],
    encoding: 'windows-1252',
    delimiter: ';',
  });
  writeFileSync(source, exported.bytes);
});

const args = () => ['validate', '--mapping', DEMO_MAPPING, '--source', source, '--today', '2026-11-23'];

describe('plek-sync speaks the catalogue’s languages', () => {
  it('prints Dutch with --lang nl, whatever the environment says', () => {
    const r = cli([...args(), '--lang', 'nl'], { LANG: 'en_GB.UTF-8' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/60 rijen, vandaag = 2026-11-23/);
    expect(r.stdout).toMatch(/Dubbele mapping key/);
    expect(r.stdout).toMatch(/fout +rij \d+: mapping key "[^"]+" staat ook in rij \d+;/);
    expect(r.stdout).toMatch(/fouten houden de synchronisatie/);
    expect(r.stdout).not.toMatch(/also appears in/);
  });

  it('takes the language from LANG when --lang is absent, and English by default', () => {
    expect(cli(args(), { LANG: 'nl_NL.UTF-8' }).stdout).toMatch(/vandaag = 2026-11-23/);
    const en = cli(args(), { LANG: 'C.UTF-8' });
    expect(en.stdout).toMatch(/60 rows, today = 2026-11-23/);
    expect(en.stdout).toMatch(/error +row \d+: mapping key "[^"]+" also appears in row \d+;/);
  });

  it('init tells what it proposed in Dutch with --lang nl, and in English without', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plek-cli-lang-init-'));
    // The export beside the mapping, so no note about a file outside its folder.
    const csv = join(dir, 'hr.csv');
    writeFileSync(csv, readFileSync(source));
    const nl = cli(['init', '--source', csv, '--out', join(dir, 'nl.plekmap.json'), '--lang', 'nl'], {
      LANG: 'en_GB.UTF-8',
    });
    expect(nl.code, nl.stderr).toBe(0);
    expect(nl.stderr).toMatch(/nl\.plekmap\.json geschreven/);
    expect(nl.stderr).toMatch(
      /let op hr\.csv: windows-1252 \(omdat de bytes geen geldige UTF-8 zijn.*\), scheidingsteken ";", \d+ kolommen/,
    );
    expect(nl.stderr).toMatch(/let op mapping key ← Personeelsnummer/);
    expect(nl.stderr).toMatch(
      /let op deactivation\.endDate ← Datum uit dienst: gedeactiveerd na de laatste werkdag/,
    );
    expect(nl.stderr).toMatch(/let op Geboortedatum: wordt nooit gesynchroniseerd/);
    expect(nl.stderr).toMatch(/volgende stap: plek-sync validate --mapping/);
    expect(nl.stderr).not.toMatch(/\b(note|wrote|next|columns|not used|deactivated|never synced|because)\b/);

    const en = cli(['init', '--source', csv, '--out', join(dir, 'en.plekmap.json')], { LANG: 'C.UTF-8' });
    expect(en.code, en.stderr).toBe(0);
    expect(en.stderr).toMatch(/wrote .*en\.plekmap\.json/);
    expect(en.stderr).toMatch(
      /note hr\.csv: windows-1252 \(because the bytes are not valid UTF-8.*\), delimiter ";", \d+ columns/,
    );
    expect(en.stderr).toMatch(
      /note deactivation\.endDate ← Datum uit dienst: deactivated after the last working day/,
    );
    expect(en.stderr).toMatch(/next: plek-sync validate --mapping/);
    // Both drafts are the same mapping: only the words differ.
    expect(readFileSync(join(dir, 'nl.plekmap.json'), 'utf8')).toBe(
      readFileSync(join(dir, 'en.plekmap.json'), 'utf8'),
    );
  });

  it('refuses a language it does not have', () => {
    const r = cli([...args(), '--lang', 'de'], {});
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/expected nl or en/);
  });
});
