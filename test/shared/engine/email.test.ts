import { describe, expect, it } from 'vitest';
import { isValidEmail, mapRecords } from '../../../src/shared/engine/run';
import { compileMapping } from '../../../src/shared/engine/compile';
import { parseMapping } from '../../../src/shared/mapping/load';

describe('isValidEmail', () => {
  it.each<[string, string]>([
    ['plain', 'jan.jansen@gemeente-voorbeeld.nl'],
    ['tussenvoegsel in local part', 'j.vandenberg@zorggroep.nl'],
    ['plus tag', 'sanne.devries+hr@plek.nl'],
    ['subdomain', 'a.oztürk@mail.zorg.example.nl'],
    ['internationalised domain', 'jan@bücher.de'],
    ['punycode domain', 'jan@xn--bcher-kva.de'],
    ['punycode top-level domain', 'info@voorbeeld.xn--p1ai'],
    ['accented domain label', 'chloé@école-noord.fr'],
    ['digits in domain', 'info@123zorg.nl'],
    ['63-character label', `p@${'a'.repeat(63)}.nl`],
    ['upper-case internationalised domain', 'jan@BÜCHER.de'],
    ['Greek domain', 'info@ελληνικά.gr'],
    ['label of 56 characters, 63 octets as punycode', `p@${'ü'.repeat(6)}${'a'.repeat(50)}.de`],
  ])('accepts %s: %s', (_, email) => expect(isValidEmail(email)).toBe(true));

  it.each<[string, string]>([
    ['zero-width space in local part', 'jan\u200B.jansen@gemeente.nl'],
    ['zero-width space in domain', 'jan@gemeente\u200B.nl'],
    ['zero-width non-joiner', 'piet\u200C@plek.nl'],
    ['zero-width joiner', 'piet@pl\u200Dek.nl'],
    ['word joiner', 'piet\u2060@plek.nl'],
    ['byte order mark in front', '\uFEFFpiet@plek.nl'],
    ['soft hyphen', 'de\u00ADvries@plek.nl'],
    ['no-break space', 'de\u00A0vries@plek.nl'],
    ['tab', 'de\tvries@plek.nl'],
    ['line separator', 'devries@plek.nl\u2028'],
    ['left-to-right mark', 'devries@plek\u200E.nl'],
    ['control character', 'devries\u0007@plek.nl'],
    ['no domain', 'andre@'],
    ['double @', 'jan.jansen@@gemeente.nl'],
    ['two @', 'jan@jansen@gemeente.nl'],
    ['double dot', 'a..b@x.nl'],
    ['edge dot', '.jan@x.nl'],
    ['no top-level domain', 'jan@localhost'],
    ['numeric top-level domain', 'jan@plek.123'],
    ['hyphen at label edge', 'jan@-plek.nl'],
    ['empty label', 'jan@plek..nl'],
    ['64-character label', `p@${'a'.repeat(64)}.nl`],
    ['domain over 253 characters', `p@${Array.from({ length: 5 }, () => 'a'.repeat(60)).join('.')}.nl`],
    ['punctuation in domain', 'jan@plek!.nl'],
    // Label and domain lengths count the octets of the punycode form, not the characters.
    ['label of 57 characters, 64 octets as punycode', `p@${'ü'.repeat(7)}${'a'.repeat(50)}.de`],
    ['label of 60 umlauts, 66 octets as punycode', `p@${'ä'.repeat(60)}.nl`],
    [
      'domain of 232 characters, 262 octets as punycode',
      `p@${Array.from({ length: 5 }, () => 'ä'.repeat(45)).join('.')}.nl`,
    ],
  ])('refuses %s', (_, email) => expect(isValidEmail(email)).toBe(false));
});

describe('email check in a mapping run', () => {
  it('flags the zero-width and control addresses at their rows and keeps the internationalised ones', () => {
    const parsed = parseMapping({
      version: 1,
      name: 'Gemeente Voorbeeld',
      source: { kind: 'csv', path: 'hr.csv' },
      mappingKey: { attribute: 'Personeelsnummer' },
      fields: {
        'name.givenName': { expression: '[Roepnaam]' },
        'name.familyName': { expression: '[Achternaam]' },
        'emails[type eq "work"].value': { expression: 'Lower(Trim([E-mailadres]))' },
      },
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const compiled = compileMapping(parsed.mapping);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
    const rows: [string, string, string][] = [
      ['Jan', 'Bücher', 'jan@bücher.de'],
      ['Fleur', 'de Wit', 'fleur.dewit\u200B@gemeente.nl'],
      ['Ayşe', 'Yılmaz', 'ayse@xn--bcher-kva.de'],
      ['Daan', "van 't Hek", 'daan\uFEFF@gemeente.nl'],
      ['Chloë', 'de Graaf', 'chloe.degraaf@gemeente.nl'],
    ];
    const r = mapRecords(
      compiled.compiled,
      rows.map(([g, f, e], i) => ({
        row: i + 2,
        values: { Personeelsnummer: String(1000 + i), Roepnaam: g, Achternaam: f, 'E-mailadres': e },
      })),
      { today: '2026-11-23' },
    );
    expect(r.issues.filter((i) => i.code === 'invalid-email').map((i) => i.row)).toEqual([3, 5]);
    expect(r.outcomes.map((o) => o.status)).toEqual(['mapped', 'error', 'mapped', 'error', 'mapped']);
  });
});
