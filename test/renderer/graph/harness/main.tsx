/**
 * A page that hosts only the graph editor, for the browser end-to-end test and the benchmark: Dutch sample rows,
 * the mapping kept in localStorage (so a reload shows what was saved), render counts from the React Profiler.
 */
import { StrictMode, useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { MappingEditor } from '../../../../src/renderer/src/graph';
import { stringifyMapping } from '../../../../src/shared/mapping/load';
import type { MappingFileInput } from '../../../../src/shared/mapping/schema';
import type { SourceAttribute } from '../../../../src/shared/source/types';
import { dutchSample } from '../../../shared/graph/sample';

const STORAGE_KEY = 'graph-harness:mapping';

declare global {
  interface Window {
    __renders: Record<string, number>;
    /** Summed React Profiler actualDuration (ms) per pane, for the benchmark. */
    __renderMs: Record<string, number>;
    __saved: string | null;
    __changes: number;
  }
}
window.__renders = {};
window.__renderMs = {};
window.__saved = localStorage.getItem(STORAGE_KEY);
window.__changes = 0;

const params = new URLSearchParams(location.search);
const rows = Number(params.get('rows') ?? 1000);
const extraAttributes = Number(params.get('attributes') ?? 0);
const { attributes: base, records } = dutchSample(rows);
const attributes: SourceAttribute[] = [...base];
for (let i = 0; i < extraAttributes; i++) {
  attributes.push({ name: `Extra veld ${i + 1}`, fillRate: (i % 10) / 10, examples: [`waarde ${i}`] });
}

const START: MappingFileInput = {
  version: 1,
  name: 'Gemeente Ede — HR export',
  source: { kind: 'csv', encoding: 'windows-1252', delimiter: ';' },
  mappingKey: { attribute: 'Personeelsnummer' },
  fields: {
    'name.givenName': { expression: '[Roepnaam]' },
    'emails[type eq "work"].value': { expression: 'Lower([E-mail])' },
  },
};

function initial(): MappingFileInput {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved ? (JSON.parse(saved) as MappingFileInput) : START;
}

function onProfile(id: string, _phase: unknown, actualDuration: number): void {
  window.__renders[id] = (window.__renders[id] ?? 0) + 1;
  window.__renderMs[id] = (window.__renderMs[id] ?? 0) + actualDuration;
}

function Harness() {
  const [mapping, setMapping] = useState(initial);
  const onChange = useCallback((m: MappingFileInput) => {
    const text = stringifyMapping(m as Record<string, unknown>);
    localStorage.setItem(STORAGE_KEY, text);
    window.__saved = text;
    window.__changes++;
    setMapping(m);
  }, []);
  return (
    <div style={{ height: '100vh' }}>
      <MappingEditor
        mapping={mapping}
        attributes={attributes}
        sampleRecords={records}
        today="2026-11-23"
        onChange={onChange}
        onProfile={onProfile}
      />
    </div>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(
  <StrictMode>
    <Harness />
  </StrictMode>,
);
