// LDAP source throughput: a throw-away slapd with 50,000 Dutch users (slapadd), read over StartTLS through the
// paged-results control (page size 1,000) by the reader that hits a 500-entry limit without paging. Measures the
// whole source: TLS, BER decoding, conversion to records, manager resolution off (no mapping key).
import { readLdapRecords } from '../src/main/sources/ldap';
import { ldapSourceSchema } from '../src/shared/mapping/schema';
import { missingBinaries, startSlapd } from '../test/support/slapd';
import { measure, type Report } from './support';

const ENTRIES = 50_000;

export async function benchLdap(report: Report): Promise<void> {
  const missing = missingBinaries(['slapd', 'slapadd', 'openssl']);
  if (missing) {
    report('skipped', { reason: missing });
    return;
  }
  const started = await measure(() => startSlapd({ users: ENTRIES, groups: false, photoEvery: 0 }));
  const server = started.result;
  report('slapd start + slapadd', { entries: ENTRIES, seconds: started.seconds.toFixed(2) });
  try {
    const source = ldapSourceSchema.parse({
      kind: 'ldap',
      url: server.url,
      flavor: 'openldap',
      bindDn: server.readerDn,
      baseDn: server.peopleDn,
      pageSize: 1000,
      timeoutMs: 120_000,
    });
    for (const withManagers of [false, true]) {
      const cpuBefore = process.cpuUsage();
      const { result, seconds, peakRssMiB } = await measure(async () => {
        let records = 0;
        let pages = 0;
        for await (const _ of readLdapRecords(source, {
          password: server.readerPassword,
          caPem: server.caPem,
          onProgress: () => pages++,
          ...(withManagers ? { mappingKeyAttribute: 'uid' } : {}),
        })) {
          records++;
        }
        return { records, pages };
      });
      const cpu = process.cpuUsage(cpuBefore);
      // The server runs on the same (shared) cores: client CPU per entry shows what this code costs, apart from
      // the time spent waiting for slapd.
      const cpuMicrosPerEntry = (cpu.user + cpu.system) / result.records;
      report(`paged read, StartTLS, page 1000${withManagers ? ', manager → key (2 passes)' : ''}`, {
        entries: result.records,
        pages: result.pages,
        seconds: seconds.toFixed(2),
        'entries/s': Math.round(result.records / seconds),
        'target entries/s': 5000,
        'peak RSS MiB': peakRssMiB,
        'client CPU µs/entry': cpuMicrosPerEntry.toFixed(1),
        'client-CPU ceiling entries/s': Math.round(1e6 / cpuMicrosPerEntry),
      });
    }
  } finally {
    await server.stop();
  }
}
