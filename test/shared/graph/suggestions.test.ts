import { describe, expect, it } from 'vitest';
import { pendingSuggestions } from '../../../src/shared/graph/suggestions';

const HEADERS = [
  'Personeelsnummer',
  'Roepnaam',
  'Tussenvoegsel',
  'Achternaam',
  'E-mailadres werk',
  'Functie',
  'Kleur',
];

describe('auto-wire suggestions', () => {
  it('proposes fields for recognised Dutch headers, never for unknown ones', () => {
    const s = pendingSuggestions(HEADERS, {}, []);
    const byTarget = Object.fromEntries(s.map((x) => [x.target, x.expression]));
    expect(byTarget['name.familyName']).toContain('[Achternaam]');
    expect(byTarget.title).toContain('[Functie]');
    expect(s.some((x) => x.header === 'Kleur')).toBe(false);
    expect(new Set(s.map((x) => x.target)).size).toBe(s.length);
  });

  it('leaves out fields already mapped and suggestions the consultant rejected', () => {
    const s = pendingSuggestions(HEADERS, { 'name.familyName': { expression: '[Achternaam]' } }, ['title']);
    expect(s.map((x) => x.target)).not.toContain('name.familyName');
    expect(s.map((x) => x.target)).not.toContain('title');
    expect(s.length).toBeGreaterThan(0);
  });
});
