import type { SourceAttribute, SourceRecord } from '../../../src/shared/source/types';

const ROEPNAMEN = ['Jan', 'Jürgen', 'Fleur', 'Sanne', 'Daan', 'Anouk', 'Ömer', 'Lieke', 'Bram', 'Zoë'];
const TUSSENVOEGSELS = ['van der', '', 'de', '', 'van', "'t", '', 'van den', '', ''];
const ACHTERNAMEN = ['Berg', 'Müller', 'Vries', 'Jansen', 'Dijk', 'Hart', 'Yılmaz', 'Bosch', 'Smit', 'Meer'];
const AFDELINGEN = ['Burgerzaken', 'ICT', 'Sociaal Domein', 'Financiën'];

/** A Dutch HR export sample: `n` rows, row numbers from 2 (header = 1), dd-mm-yyyy dates. */
export function dutchSample(n: number): { attributes: SourceAttribute[]; records: SourceRecord[] } {
  const records: SourceRecord[] = [];
  for (let i = 0; i < n; i++) {
    const roep = ROEPNAMEN[i % ROEPNAMEN.length]!;
    const tv = TUSSENVOEGSELS[i % TUSSENVOEGSELS.length]!;
    const achter = ACHTERNAMEN[(i * 7) % ACHTERNAMEN.length]!;
    records.push({
      row: i + 2,
      values: {
        Personeelsnummer: String(10000 + i),
        Roepnaam: roep,
        Tussenvoegsel: tv,
        Achternaam: achter,
        'E-mail': `${roep.toLowerCase()}.${achter.toLowerCase()}${i}@gemeente-ede.nl`,
        Afdeling: AFDELINGEN[i % AFDELINGEN.length]!,
        'Datum uit dienst': i % 13 === 0 ? '31-01-2026' : '',
      },
    });
  }
  const names = Object.keys(records[0]?.values ?? {});
  const attributes = names.map((name) => {
    const filled = records.filter((r) => (r.values[name] ?? '') !== '');
    return {
      name,
      fillRate: filled.length / Math.max(1, records.length),
      examples: filled.slice(0, 3).map((r) => String(r.values[name])),
    };
  });
  return { attributes, records };
}
