import { useSyncExternalStore } from 'react';

/** The editor's own words, in the app's two languages. Dutch is the default (the app's default too). */
const nl = {
  search: 'Zoek attribuut of veld…',
  undo: 'Ongedaan maken (Ctrl+Z)',
  redo: 'Opnieuw (Ctrl+Shift+Z)',
  layout: 'Ordenen',
  layoutTitle: 'Automatisch ordenen: bronnen links, Plek-velden rechts',
  fit: 'Passend',
  fitTitle: 'Alles in beeld',
  filterFunctions: 'Functie…',
  literalTitle: 'Een vaste waarde',
  refused: 'Verbinding geweigerd:',
  apply: 'Toepassen',
  column: 'Kolom',
  incomplete: 'Graaf onvolledig: {reason}. De opgeslagen expressie blijft ongewijzigd.',
  suggestions: 'Suggesties',
  unsupported: 'Niet beschikbaar in Plek',
  photo: 'Profielfoto',
  birthDate: 'Geboortedatum',
  rows: 'rijen',
  duplicateKeys: '{n} dubbele keys',
  emptyKeys: '{n} lege keys',
  keyMayChange: 'key kan veranderen',
  keyStable: 'key stabiel',
  row: 'rij',
  status: 'status',
  empty: '(leeg)',
  duplicate: 'dubbel',
  emptyTag: 'leeg',
  'status.active': 'actief',
  'status.deactivate': 'deactiveren',
  'status.skipped': 'overgeslagen',
  'status.error': 'fout',
  'status.unknown': '–',
  notInSample: 'niet in steekproef',
  notInSampleTitle: 'Niet in de steekproef: elke rij leest leeg',
  keyBadge: 'Mapping key',
  listTitle: 'Meerwaardig: heeft een keuzefunctie nodig voor een enkel veld',
  requiredTitle: 'Nodig om een account in Plek aan te maken',
  editAsText: 'Als tekst bewerken',
};

type Key = keyof typeof nl;

const en: Record<Key, string> = {
  search: 'Search attribute or field…',
  undo: 'Undo (Ctrl+Z)',
  redo: 'Redo (Ctrl+Shift+Z)',
  layout: 'Arrange',
  layoutTitle: 'Auto-layout: sources left, Plek fields right',
  fit: 'Fit',
  fitTitle: 'Fit everything in view',
  filterFunctions: 'Function…',
  literalTitle: 'A constant value',
  refused: 'Connection refused:',
  apply: 'Apply',
  column: 'Column',
  incomplete: 'Graph incomplete: {reason}. The saved expression is unchanged.',
  suggestions: 'Suggestions',
  unsupported: 'Not available in Plek',
  photo: 'Profile photo',
  birthDate: 'Birth date',
  rows: 'rows',
  duplicateKeys: '{n} duplicate keys',
  emptyKeys: '{n} empty keys',
  keyMayChange: 'key may change',
  keyStable: 'key stable',
  row: 'row',
  status: 'status',
  empty: '(empty)',
  duplicate: 'duplicate',
  emptyTag: 'empty',
  'status.active': 'active',
  'status.deactivate': 'deactivate',
  'status.skipped': 'skipped',
  'status.error': 'error',
  'status.unknown': '–',
  notInSample: 'not in sample',
  notInSampleTitle: 'Not in the sampled source: every row reads empty',
  keyBadge: 'Mapping key',
  listTitle: 'Multi-valued: needs a pick function for a single field',
  requiredTitle: 'Needed to create an account in Plek',
  editAsText: 'Edit as text',
};

export type GraphLang = 'nl' | 'en';
export const GRAPH_TEXT: Readonly<Record<GraphLang, Readonly<Record<Key, string>>>> = { nl, en };
export type GraphText = (key: Key, params?: Record<string, string | number>) => string;

function readLang(): GraphLang {
  return document.documentElement.lang.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  return () => observer.disconnect();
}

export function translate(lang: GraphLang, key: Key, params: Record<string, string | number> = {}): string {
  const text = (lang === 'en' ? en : nl)[key];
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The editor follows the app's language through `<html lang>`, as its theme follows `data-theme`. */
export function useGraphText(): GraphText {
  const lang = useSyncExternalStore(subscribe, readLang, () => 'nl' as const);
  return (key, params) => translate(lang, key, params);
}
