import { fitStatusRule } from '../engine/propose';
import type { LdapSource, MappingFileInput } from '../mapping/schema';
import { ENTERPRISE_USER_SCHEMA, WORK_EMAIL } from '../scim/fields';
import type { SourceAttribute } from '../source/types';

const E = ENTERPRISE_USER_SCHEMA;

/**
 * Attributes that identify a person but can change (re-hire, marriage, rename, typo fix): the English warning for
 * the CLI, and the catalogue id (`key.stability.<name>`) the screens word it by.
 */
const UNSTABLE_KEYS: Readonly<Record<string, { text: string; id: KeyStabilityId }>> = {
  employeeid: {
    text: 'employeeID can change (re-hire under a new number, a fixed typo) and is often empty for external staff; when it changes Plek sees a new person and deactivates the old one. objectGUID never changes.',
    id: 'key.stability.employeeID',
  },
  employeenumber: {
    text: 'employeeNumber can change (re-hire under a new number, a fixed typo); when it changes Plek sees a new person. objectGUID never changes.',
    id: 'key.stability.employeeNumber',
  },
  mail: {
    text: 'mail changes with a name change (marriage, a corrected spelling); when it changes Plek sees a new person. objectGUID never changes.',
    id: 'key.stability.mail',
  },
  samaccountname: {
    text: 'sAMAccountName is renamed with the person (marriage, naming convention changes) and can be reused for a new colleague; objectGUID never changes.',
    id: 'key.stability.sAMAccountName',
  },
  userprincipalname: {
    text: 'userPrincipalName changes with a name or domain change; objectGUID never changes.',
    id: 'key.stability.userPrincipalName',
  },
  cn: {
    text: 'cn changes whenever the account is renamed; objectGUID never changes.',
    id: 'key.stability.cn',
  },
  distinguishedname: {
    text: 'the DN changes whenever the account moves to another OU or is renamed; objectGUID never changes.',
    id: 'key.stability.distinguishedName',
  },
};

/** The catalogue ids of the key-stability warnings (src/shared/i18n). */
export type KeyStabilityId =
  | 'key.stability.employeeID'
  | 'key.stability.employeeNumber'
  | 'key.stability.mail'
  | 'key.stability.sAMAccountName'
  | 'key.stability.userPrincipalName'
  | 'key.stability.cn'
  | 'key.stability.distinguishedName';

/**
 * A warning when a mapping key is an attribute that can change, in the consultant's words (English, for the
 * CLI); null for stable keys (objectGUID, entryUUID, objectSid) and attributes we know nothing about.
 */
export function keyStabilityWarning(attribute: string): string | null {
  return unstableKey(attribute)?.text ?? null;
}

/** The same warning as a catalogue id, for a screen to word in its language; null when the key looks stable. */
export function keyStabilityMessage(attribute: string): KeyStabilityId | null {
  return unstableKey(attribute)?.id ?? null;
}

// Own keys only: a key column called "constructor" is not a warning.
function unstableKey(attribute: string): { text: string; id: KeyStabilityId } | undefined {
  const k = attribute.toLowerCase();
  return Object.hasOwn(UNSTABLE_KEYS, k) ? UNSTABLE_KEYS[k] : undefined;
}

function ref(name: string): string {
  return `[${name.replace(/\]/g, ']]')}]`;
}

/**
 * A first mapping for a directory, from the attributes sampling found (only attributes that exist are used):
 * key objectGUID (entryUUID for OpenLDAP), names, mail (or the primary SMTP: proxy address), phones in E.164, job
 * title, department, employee number, manager; deactivation from the derived `accountDisabled` and `accountExpires`.
 * The consultant reviews it in the graph editor; nothing here is final.
 */
export function suggestAdMapping(
  attributes: readonly SourceAttribute[],
  options: { name: string; source: LdapSource },
): MappingFileInput {
  const present = new Map(
    attributes.filter((a) => a.fillRate > 0).map((a) => [a.name.toLowerCase(), a.name]),
  );
  const has = (name: string): string | undefined => present.get(name.toLowerCase());
  const fields: NonNullable<MappingFileInput['fields']> = {};
  const add = (target: string, expression: string, description?: string): void => {
    fields[target] = description ? { expression, description } : { expression };
  };

  const upn = has('userPrincipalName');
  const mail = has('mail');
  const proxy = has('proxyAddresses');
  const uid = has('uid');
  if (upn) add('userName', ref(upn));
  else if (mail) add('userName', ref(mail));
  else if (uid) add('userName', ref(uid));

  const given = has('givenName');
  if (given) add('name.givenName', ref(given));
  const sn = has('sn');
  if (sn) {
    add(
      'name.familyName',
      ref(sn),
      'Dutch AD tenants usually keep the tussenvoegsel in sn ("van der Berg"); some put it in middleName. Check the examples before mapping name.middleName as well, or the prefix appears twice.',
    );
  }
  const middle = has('middleName');
  if (middle) {
    add(
      'name.middleName',
      ref(middle),
      'Only when sn holds the family name without the prefix; otherwise remove this field.',
    );
  }
  const display = has('displayName');
  if (display) add('displayName', ref(display));

  if (mail) add(WORK_EMAIL, ref(mail));
  else if (proxy)
    add(WORK_EMAIL, `FindPrefix(${ref(proxy)}, "SMTP:")`, 'The primary address (SMTP: in capitals).');

  const title = has('title');
  if (title) add('title', ref(title));
  const department = has('department') ?? has('departmentNumber');
  if (department) add(`${E}:department`, ref(department));
  const company = has('company');
  if (company) add(`${E}:organization`, ref(company));
  const phone = has('telephoneNumber');
  if (phone) add('phoneNumbers[type eq "work"].value', `PhoneE164(${ref(phone)})`);
  const mobile = has('mobile');
  if (mobile) add('phoneNumbers[type eq "mobile"].value', `PhoneE164(${ref(mobile)})`);
  const employee = has('employeeID') ?? has('employeeNumber');
  if (employee) add(`${E}:employeeNumber`, ref(employee));
  const manager = has('manager');
  if (manager) {
    add(
      `${E}:manager`,
      ref(manager),
      "The directory source replaces the manager's DN with the manager's mapping key when the manager is read too; otherwise the DN stays (see managerDn).",
    );
  }

  const isAd = options.source.flavor === 'ad';
  const key = has('objectGUID') ?? (isAd ? 'objectGUID' : (has('entryUUID') ?? 'entryUUID'));
  const deactivation: NonNullable<MappingFileInput['deactivation']> = {};
  if (isAd || has('accountDisabled')) deactivation.inactiveWhen = '[accountDisabled] = "true"';
  if (isAd || has('accountExpires')) deactivation.endDate = 'ParseDate([accountExpires], "yyyy-MM-dd")';
  // An OpenLDAP directory fed by HR has no disabled flag; a leaver keeps the entry with employeeType "Uit dienst"
  // (or the like). The rule is fitted the way the CSV proposal fits a status column.
  const employeeType = isAd ? undefined : has('employeeType');
  if (employeeType && deactivation.inactiveWhen === undefined) {
    const examples = attributes.find((a) => a.name === employeeType)?.examples ?? [];
    deactivation.inactiveWhen = fitStatusRule(employeeType, examples).expression;
  }

  return {
    version: 1,
    name: options.name,
    description: isAd
      ? 'Suggested from Active Directory: key objectGUID (never changes); accounts are deactivated when disabled in AD or after accountExpires.'
      : `Suggested from an LDAP directory: key entryUUID (never changes)${deactivation.inactiveWhen ? '; accounts are deactivated by employeeType' : ''}.`,
    source: options.source,
    mappingKey: { attribute: key },
    fields,
    deactivation,
  };
}
