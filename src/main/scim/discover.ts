import {
  CORE_TARGET_FIELDS,
  ENTERPRISE_USER_SCHEMA,
  PLEK_PROFILE_SCHEMA,
  customFieldPath,
  type TargetField,
} from '../../shared/scim/fields';
import type { ScimClient } from './client';

/**
 * The target's mapping fields: the core and enterprise fields it declares in /Schemas plus Plek's custom
 * profile fields (the extension schema), which become mapping targets with their Dutch description as label.
 */
export async function discoverTargetFields(client: ScimClient, signal?: AbortSignal): Promise<TargetField[]> {
  const schemas = await client.schemas(signal);
  const ids = new Set(schemas.map((s) => String(s.id)));
  const fields: TargetField[] = CORE_TARGET_FIELDS.filter(
    (f) =>
      !f.path.startsWith(`${ENTERPRISE_USER_SCHEMA}:`) || ids.size === 0 || ids.has(ENTERPRISE_USER_SCHEMA),
  ).map((f) => ({ ...f }));
  const profile = schemas.find((s) => s.id === PLEK_PROFILE_SCHEMA);
  const attributes = Array.isArray(profile?.attributes)
    ? (profile.attributes as Record<string, unknown>[])
    : [];
  for (const a of attributes) {
    if (typeof a.name !== 'string' || a.type === 'complex' || a.multiValued === true) continue;
    if (a.mutability === 'readOnly') continue;
    const label = typeof a.description === 'string' && a.description ? a.description : a.name;
    fields.push({
      path: customFieldPath(a.name),
      label: { nl: label, en: a.name },
      type: a.type === 'boolean' ? 'boolean' : 'string',
    });
  }
  return fields;
}
