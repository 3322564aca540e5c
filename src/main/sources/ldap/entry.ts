import type { Entry } from 'ldapts';
import {
  accountExpiresToDate,
  filetimeToDate,
  generalizedTimeToDate,
  guidToString,
  isAccountDisabled,
  sidToString,
} from '../../../shared/ad';
import type { SourceValue } from '../../../shared/source/types';

export type Flavor = 'ad' | 'openldap';

/** Photos are never synced (Plek product rule) and never read into records. */
export const PHOTO_ATTRIBUTES = ['thumbnailPhoto', 'jpegPhoto', 'photo'];

/** Binary attributes with a text form we can show. */
const GUID_ATTRIBUTES = ['objectGUID', 'mS-DS-ConsistencyGuid', 'msExchMailboxGuid', 'msExchArchiveGUID'];
const SID_ATTRIBUTES = ['objectSid', 'sIDHistory', 'msExchMasterAccountSid', 'securityIdentifier'];

/**
 * Attributes that must arrive as bytes. ldapts decodes everything else as UTF-8 and only falls back to bytes when
 * decoding fails, so a GUID whose bytes happen to be valid UTF-8 would be corrupted without this list. Kept short
 * on purpose: ldapts scans it for every attribute of every entry, and other binary values (certificates,
 * security descriptors) are never valid UTF-8 in practice, so they arrive as bytes anyway and are left out.
 */
const BINARY_ATTRIBUTES = [...GUID_ATTRIBUTES, ...SID_ATTRIBUTES, ...PHOTO_ATTRIBUTES, 'userCertificate'];

const LOWER_BINARY = new Set(BINARY_ATTRIBUTES.map((a) => a.toLowerCase()));
const LOWER_GUID = new Set(GUID_ATTRIBUTES.map((a) => a.toLowerCase()));
const LOWER_SID = new Set(SID_ATTRIBUTES.map((a) => a.toLowerCase()));
const LOWER_PHOTO = new Set(PHOTO_ATTRIBUTES.map((a) => a.toLowerCase()));

/** ldapts compares attribute names case-sensitively, so hand it every spelling we might get back. */
export function explicitBufferAttributes(requested: readonly string[] | undefined): string[] {
  const names = new Set<string>();
  for (const a of BINARY_ATTRIBUTES) {
    names.add(a);
    names.add(a.toLowerCase());
  }
  for (const r of requested ?? []) if (LOWER_BINARY.has(r.toLowerCase())) names.add(r);
  return [...names];
}

/**
 * Attributes that are lists by nature. They are always `string[]`, even with one value, so an expression sees the
 * same shape on every record. (Any other attribute that arrives with several values is a list on that record.)
 */
const MULTI_VALUED = [
  'objectClass',
  'memberOf',
  'member',
  'uniqueMember',
  'memberUid',
  'proxyAddresses',
  'otherTelephone',
  'otherMobile',
  'otherHomePhone',
  'otherIpPhone',
  'otherPager',
  'otherFacsimileTelephoneNumber',
  'otherMailbox',
  'directReports',
  'servicePrincipalName',
  'url',
  'sIDHistory',
  'showInAddressBook',
  'altSecurityIdentities',
  'mailAlternateAddress',
  'msExchExtensionCustomAttribute1',
  'msExchExtensionCustomAttribute2',
  'msExchExtensionCustomAttribute3',
  'msExchExtensionCustomAttribute4',
  'msExchExtensionCustomAttribute5',
];
const LOWER_MULTI = new Set(MULTI_VALUED.map((a) => a.toLowerCase()));

export function isKnownMultiValued(name: string): boolean {
  return LOWER_MULTI.has(name.toLowerCase());
}

/** Derived attribute → the directory attribute it is computed from (so asking for one reads the other). */
export const DERIVED_FROM: Readonly<Record<string, string>> = {
  accountDisabled: 'userAccountControl',
  managerDn: 'manager',
  managerResolved: 'manager',
};

/** Default attribute lists: all user attributes, plus the operational ones OpenLDAP hides from `*`. */
export function requestedAttributes(flavor: Flavor, configured: readonly string[] | undefined): string[] {
  if (!configured || configured.length === 0) {
    return flavor === 'openldap'
      ? ['*', 'memberOf', 'entryUUID', 'createTimestamp', 'modifyTimestamp']
      : ['*'];
  }
  const out = new Set<string>();
  for (const a of configured) {
    const base = a.endsWith('.raw') ? a.slice(0, -4) : a;
    out.add(DERIVED_FROM[base] ?? base);
  }
  return [...out];
}

type RawValue = string | Buffer | string[] | Buffer[];

function asList(v: RawValue): (string | Buffer)[] {
  return Array.isArray(v) ? v : [v];
}

/** What converting one entry produced, besides the values: which attributes were binary and left out. */
export interface ConvertedEntry {
  dn: string;
  values: Record<string, SourceValue>;
  /** Binary attributes without a text form (left out of `values`), with their size for sampling notes. */
  binary: { name: string; bytes: number; photo: boolean }[];
}

/** Generalized-time attributes turned into dates (raw kept as `<name>.raw`). */
const GENERALIZED_TIME = new Set(['whencreated', 'whenchanged', 'createtimestamp', 'modifytimestamp']);
/** FILETIME attributes turned into dates (raw kept as `<name>.raw`). */
const FILETIME = new Set(['lastlogontimestamp', 'pwdlastset', 'lastlogon', 'badpasswordtime', 'lockouttime']);

/**
 * One directory entry → source values. Binary identifiers get their text form (objectGUID, objectSid), photos
 * and other binary attributes are left out, AD dates become yyyy-MM-dd with the raw value beside them, and
 * `accountDisabled` is derived from userAccountControl. `names` maps lower-case names to the spelling the
 * consultant configured, so records use the names the mapping refers to.
 */
export function convertEntry(entry: Entry, names: ReadonlyMap<string, string>): ConvertedEntry {
  const values: Record<string, SourceValue> = {};
  const binary: ConvertedEntry['binary'] = [];
  for (const [rawName, rawValue] of Object.entries(entry)) {
    if (
      rawName === 'dn' ||
      rawName === '*' ||
      rawName === '+' ||
      rawValue === undefined ||
      rawValue === null
    ) {
      continue;
    }
    const lower = rawName.toLowerCase();
    const name = names.get(lower) ?? rawName;
    const list = asList(rawValue as RawValue);
    if (list.length === 0) {
      values[name] = null;
      continue;
    }
    if (LOWER_PHOTO.has(lower)) {
      binary.push({ name, bytes: list.reduce((n, v) => n + v.length, 0), photo: true });
      continue;
    }
    if (LOWER_GUID.has(lower) || LOWER_SID.has(lower)) {
      const convert = LOWER_GUID.has(lower) ? guidToString : sidToString;
      const texts = list
        .map((v) => (Buffer.isBuffer(v) ? convert(v) : null))
        .filter((t): t is string => t !== null);
      if (texts.length !== list.length) {
        binary.push({ name, bytes: list.reduce((n, v) => n + v.length, 0), photo: false });
        continue;
      }
      values[name] = texts.length === 1 && !isKnownMultiValued(name) ? texts[0]! : texts;
      continue;
    }
    if (list.some((v) => Buffer.isBuffer(v))) {
      binary.push({ name, bytes: list.reduce((n, v) => n + v.length, 0), photo: false });
      continue;
    }
    const texts = list as string[];
    values[name] = texts.length === 1 && !isKnownMultiValued(name) ? texts[0]! : [...texts];

    if (GENERALIZED_TIME.has(lower) && typeof values[name] === 'string') {
      const raw = values[name] as string;
      values[`${name}.raw`] = raw;
      values[name] = generalizedTimeToDate(raw);
    } else if (FILETIME.has(lower) && typeof values[name] === 'string') {
      const raw = values[name] as string;
      values[`${name}.raw`] = raw;
      values[name] = filetimeToDate(raw);
    } else if (lower === 'accountexpires' && typeof values[name] === 'string') {
      const raw = values[name] as string;
      values[`${name}.raw`] = raw;
      values[name] = accountExpiresToDate(raw);
    } else if (lower === 'useraccountcontrol' && typeof values[name] === 'string') {
      const disabled = isAccountDisabled(values[name] as string);
      values.accountDisabled = disabled === null ? null : String(disabled);
    }
  }
  return { dn: entry.dn, values, binary };
}

/** DNs compare case-insensitively and without the optional spaces around separators. */
export function normalizeDn(dn: string): string {
  return dn
    .trim()
    .replace(/\s*([,=+])\s*/g, '$1')
    .toLowerCase();
}
