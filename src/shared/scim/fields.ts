/**
 * Plek's mapping targets: SCIM 2.0 attribute paths (RFC 7643 core User + enterprise extension) plus Plek's
 * custom profile fields, which live in an extension schema that the target declares in /Schemas.
 */
export const CORE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const PLEK_PROFILE_SCHEMA = 'urn:plek:params:scim:schemas:extension:profile:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';

export type FieldType = 'string' | 'boolean' | 'reference';

export interface TargetField {
  path: string;
  label: { nl: string; en: string };
  type: FieldType;
  /** Needed to create an account in Plek. */
  requiredForCreate?: boolean;
  multiValuedParent?: boolean;
}

const E = ENTERPRISE_USER_SCHEMA;

export const CORE_TARGET_FIELDS: readonly TargetField[] = [
  {
    path: 'userName',
    label: { nl: 'Gebruikersnaam', en: 'User name' },
    type: 'string',
    requiredForCreate: true,
  },
  {
    path: 'name.givenName',
    label: { nl: 'Voornaam', en: 'Given name' },
    type: 'string',
    requiredForCreate: true,
  },
  {
    path: 'name.familyName',
    label: { nl: 'Achternaam', en: 'Family name' },
    type: 'string',
    requiredForCreate: true,
  },
  { path: 'name.middleName', label: { nl: 'Tussenvoegsel', en: 'Middle name / prefix' }, type: 'string' },
  { path: 'name.formatted', label: { nl: 'Volledige naam', en: 'Formatted name' }, type: 'string' },
  { path: 'displayName', label: { nl: 'Weergavenaam', en: 'Display name' }, type: 'string' },
  { path: 'nickName', label: { nl: 'Roepnaam', en: 'Nickname' }, type: 'string' },
  {
    path: 'emails[type eq "work"].value',
    label: { nl: 'E-mail (werk)', en: 'Email (work)' },
    type: 'string',
    requiredForCreate: true,
    multiValuedParent: true,
  },
  {
    path: 'phoneNumbers[type eq "work"].value',
    label: { nl: 'Telefoon (werk)', en: 'Phone (work)' },
    type: 'string',
    multiValuedParent: true,
  },
  {
    path: 'phoneNumbers[type eq "mobile"].value',
    label: { nl: 'Mobiel', en: 'Mobile phone' },
    type: 'string',
    multiValuedParent: true,
  },
  { path: 'title', label: { nl: 'Functie', en: 'Job title' }, type: 'string' },
  { path: 'userType', label: { nl: 'Soort medewerker', en: 'User type' }, type: 'string' },
  { path: 'preferredLanguage', label: { nl: 'Voorkeurstaal', en: 'Preferred language' }, type: 'string' },
  { path: 'locale', label: { nl: 'Landinstelling', en: 'Locale' }, type: 'string' },
  { path: 'active', label: { nl: 'Actief', en: 'Active' }, type: 'boolean' },
  { path: `${E}:employeeNumber`, label: { nl: 'Personeelsnummer', en: 'Employee number' }, type: 'string' },
  { path: `${E}:costCenter`, label: { nl: 'Kostenplaats', en: 'Cost center' }, type: 'string' },
  { path: `${E}:organization`, label: { nl: 'Organisatie', en: 'Organization' }, type: 'string' },
  { path: `${E}:division`, label: { nl: 'Divisie', en: 'Division' }, type: 'string' },
  { path: `${E}:department`, label: { nl: 'Afdeling', en: 'Department' }, type: 'string' },
  { path: `${E}:manager`, label: { nl: 'Leidinggevende', en: 'Manager' }, type: 'reference' },
];

/**
 * Fields Plek does not synchronise, with the reason from Plek's product notes. They are refused as targets.
 * "We bieden geen synchronisatieondersteuning voor (geboorte)datums en profielfoto's voor Plek-profielen."
 */
export const UNSUPPORTED_TARGETS: readonly {
  pattern: RegExp;
  reason: string;
  code: 'photos' | 'birthDates';
}[] = [
  {
    pattern: /^(?:photos|thumbnailphoto|photo|profilephoto|avatar)\b/i,
    code: 'photos',
    reason:
      "Plek does not synchronise profile photos (Plek: 'geen synchronisatieondersteuning voor profielfoto's').",
  },
  {
    pattern: /(?:birth|geboorte)/i,
    code: 'birthDates',
    reason:
      "Plek does not synchronise (birth) dates to profiles (Plek: 'geen synchronisatieondersteuning voor (geboorte)datums').",
  },
];

/** Short aliases consultants type, resolved to the canonical SCIM path. */
export const FIELD_ALIASES: Readonly<Record<string, string>> = {
  email: 'emails[type eq "work"].value',
  mobile: 'phoneNumbers[type eq "mobile"].value',
  phone: 'phoneNumbers[type eq "work"].value',
  employeeNumber: `${E}:employeeNumber`,
  department: `${E}:department`,
  manager: `${E}:manager`,
  costCenter: `${E}:costCenter`,
  organization: `${E}:organization`,
  division: `${E}:division`,
};

export const WORK_EMAIL = 'emails[type eq "work"].value';

export interface CustomFieldDecl {
  name: string;
  label?: string;
  type?: 'string' | 'boolean';
}

/** The custom profile field's SCIM path: `<PLEK_PROFILE_SCHEMA>:<name>`. */
export function customFieldPath(name: string): string {
  return `${PLEK_PROFILE_SCHEMA}:${name}`;
}

export function canonicalTargetPath(path: string): string {
  return FIELD_ALIASES[path] ?? path;
}

/**
 * A target field, or why not: the English `reason` for logs and the CLI, and `code` (`problem.target.<code>` in the
 * catalogues) for the screens.
 */
export type TargetLookup =
  { ok: true; field: TargetField } | { ok: false; reason: string; code: 'photos' | 'birthDates' | 'unknown' };

/** Finds a target field by path or alias among the core fields and the declared custom fields. */
export function lookupTargetField(path: string, customFields: readonly CustomFieldDecl[] = []): TargetLookup {
  const canonical = canonicalTargetPath(path);
  for (const u of UNSUPPORTED_TARGETS) {
    if (u.pattern.test(canonical.split(':').pop() ?? canonical))
      return { ok: false, reason: u.reason, code: u.code };
  }
  const core = CORE_TARGET_FIELDS.find((f) => f.path === canonical);
  if (core) return { ok: true, field: core };
  for (const c of customFields) {
    if (canonical === customFieldPath(c.name) || canonical === c.name) {
      return {
        ok: true,
        field: {
          path: customFieldPath(c.name),
          label: { nl: c.label ?? c.name, en: c.label ?? c.name },
          type: c.type ?? 'string',
        },
      };
    }
  }
  return {
    ok: false,
    reason: `unknown target field "${path}": use a SCIM path such as name.givenName or declare it under customFields`,
    code: 'unknown',
  };
}
