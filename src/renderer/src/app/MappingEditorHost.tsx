import { useShallow } from 'zustand/react/shallow';
import type { MappingFileInput } from '../../../shared/mapping/schema';
import type { SourceAttribute, SourceRecord } from '../../../shared/source/types';
import { CORE_TARGET_FIELDS } from '../../../shared/scim/fields';
import { useApp, useT } from './store/context';

export interface MappingEditorProps {
  mapping: MappingFileInput;
  attributes: SourceAttribute[];
  sampleRecords: SourceRecord[];
  today: string;
  onChange(mapping: MappingFileInput): void;
}

/**
 * Hosts the mapping editor. Until the graph editor lands this is the text view of the mapping: one expression
 * per Plek field, which is also what a consultant falls back to for a quick edit.
 */
export default function MappingEditorHost(props: MappingEditorProps) {
  return <TextMappingEditor {...props} />;
}

function TextMappingEditor({ mapping, attributes, onChange }: MappingEditorProps) {
  const t = useT();
  const lang = useApp(useShallow((s) => s.lang));
  const fields = mapping.fields ?? {};
  return (
    <div className="text-editor" data-testid="text-mapping-editor">
      <div className="row" style={{ marginBottom: 8 }}>
        <span className="field-label">{t('mapping.key')}</span>
        <select
          className="input"
          style={{ width: 'auto' }}
          value={mapping.mappingKey?.attribute ?? ''}
          onChange={(e) => onChange({ ...mapping, mappingKey: { attribute: e.target.value } })}
        >
          {attributes.map((a) => (
            <option key={a.name} value={a.name}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <table className="table">
        <tbody>
          {Object.entries(fields).map(([path, f]) => {
            const label =
              CORE_TARGET_FIELDS.find((x) => x.path === path)?.label[lang] ?? path.split(':').pop();
            return (
              <tr key={path}>
                <th scope="row" style={{ width: 200, position: 'static' }} title={path}>
                  {label}
                </th>
                <td>
                  <input
                    className="input mono"
                    aria-label={`${label}: expression`}
                    value={f.expression}
                    onChange={(e) =>
                      onChange({
                        ...mapping,
                        fields: { ...fields, [path]: { ...f, expression: e.target.value } },
                      })
                    }
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
