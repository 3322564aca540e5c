import type { CertificateInfo, ConnectionTestResult, SourceSample } from '../../shared/api/contract';
import { formatRef, toRef } from '../../shared/i18n';
import { said } from '../../shared/i18n/message';
import type { LdapSource } from '../../shared/mapping/schema';
import { codedError } from '../error-words';

/**
 * The directory side of the service behind a small interface, so tests can run the service without a
 * directory server and the (heavy) LDAP client is loaded only when a consultant uses it.
 */
export interface LdapBackend {
  sample(
    source: LdapSource,
    options: { password: string; limit: number; caPem?: string; signal: AbortSignal },
  ): Promise<Omit<SourceSample, 'csvPath'>>;
  inspectCertificate(url: string, timeoutMs: number, caPem?: string): Promise<CertificateInfo>;
  testConnection(
    source: LdapSource,
    options: { password: string; caPem?: string; signal?: AbortSignal },
  ): Promise<ConnectionTestResult>;
}

export interface WorkbenchBackends {
  ldap?: LdapBackend;
}

/** The real directory backend over src/main/sources/ldap (ldapts). */
export const ldapBackend: LdapBackend = {
  sample: async (source, o) => {
    const { sampleLdap } = await import('../sources/ldap/index');
    const r = await sampleLdap(source, {
      password: o.password,
      size: o.limit,
      signal: o.signal,
      ...(o.caPem ? { caPem: o.caPem } : {}),
    });
    return { attributes: r.attributes, records: r.records, issues: [], totalRecords: r.records.length };
  },
  inspectCertificate: async (url, timeoutMs, caPem) => {
    const { inspectCertificate } = await import('../sources/ldap/index');
    const c = await inspectCertificate(url, timeoutMs, caPem ? { caPem } : {});
    const sans = (c.subjectAltName ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    return {
      subject: c.subject,
      issuer: c.issuer,
      validFrom: c.validFrom,
      validTo: c.validTo,
      fingerprint256: c.fingerprint256,
      subjectAltNames: sans,
      selfSigned: c.subject === c.issuer,
      trusted: c.trusted,
      ...(c.error ? { trustError: c.error } : {}),
    };
  },
  testConnection: async (source, o) => {
    const { testLdapConnection } = await import('../sources/ldap/index');
    const r = await testLdapConnection(source, {
      password: o.password,
      ...(o.caPem ? { caPem: o.caPem } : {}),
      ...(o.signal ? { signal: o.signal } : {}),
    });
    if (!r.ok) {
      const coded = codedError(r.error);
      return {
        ok: false,
        message: r.error.hint ? `${r.error.message} ${r.error.hint}` : r.error.message,
        ...(coded ? { detail: toRef(coded) } : {}),
      };
    }
    const connected = said('ldap.connected', {
      entries: r.entries,
      more: r.more,
      warned: r.warnings.length > 0,
      ...(r.warnings.length ? { warnings: r.warnings } : {}),
    });
    return {
      ok: true,
      message: formatRef('en', toRef(connected)) ?? '',
      detail: toRef(connected),
      sampleCount: r.entries,
    };
  },
};
