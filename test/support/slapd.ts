import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'ldapts';
import { makeTestCertificates } from './certs';
import { dutchUsers, type DirectoryUser, FAKE_JPEG } from './directory-data';

/** Finds an executable on PATH or in the sbin folders (Debian puts slapd and samba in /usr/sbin). */
export function findBinary(name: string): string | null {
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/bin', '/sbin', '/usr/local/sbin'];
  for (const d of dirs) {
    if (d && existsSync(join(d, name))) return join(d, name);
  }
  return null;
}

/**
 * Why a directory-server test file cannot run here, or null when it can. Under CI the caller must not skip:
 * `describeIfServer` turns a missing binary into a failing test there.
 */
export function missingBinaries(names: string[]): string | null {
  const missing = names.filter((n) => findBinary(n) === null);
  return missing.length === 0 ? null : `not installed: ${missing.join(', ')} (apt-get install, see .ci/run)`;
}

/** True when a test file should skip (binary absent and not under CI); prints the reason once. */
export function shouldSkip(names: string[], what: string): boolean {
  const reason = missingBinaries(names);
  if (reason === null) return false;
  if (process.env.CI) return false; // under CI the server start fails loudly instead
  console.warn(`[skip] ${what}: ${reason}`);
  return true;
}

/** A free TCP port on the address (bind to port 0, read it, close). */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Waits until something accepts TCP connections on host:port. */
export async function waitForPort(
  host: string,
  port: number,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, host);
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => {
        socket.destroy();
        resolve(false);
      });
    });
    if (ok) return;
    if (Date.now() > deadline)
      throw new Error(`${what} did not listen on ${host}:${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Kills a child on process exit too, so a crashed test run leaves no server behind. */
export function killOnExit(child: ChildProcess): () => void {
  const kill = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', kill);
  return () => process.removeListener('exit', kill);
}

export async function stopChild(child: ChildProcess, timeoutMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export interface SlapdGroup {
  dn: string;
  cn: string;
  memberIndexes: number[];
}

export interface SlapdServer {
  /** ldap://127.0.0.1:port (StartTLS available). */
  url: string;
  ldapsUrl: string;
  host: string;
  port: number;
  ldapsPort: number;
  caPem: string;
  caPath: string;
  /** The server certificate (PEM), to compare fingerprints. */
  certPem: string;
  baseDn: string;
  peopleDn: string;
  /** A bind DN with the 500-entry size limit (paged searches unlimited). */
  readerDn: string;
  readerPassword: string;
  /** A reader whose paged searches are capped at `pagedTotalLimit` entries in total (same password). */
  cappedReaderDn: string;
  pagedTotalLimit: number;
  adminDn: string;
  adminPassword: string;
  users: DirectoryUser[];
  /** DN of each generated user, same order as `users`. */
  userDns: string[];
  groups: SlapdGroup[];
  /** The limit a non-paged search by the reader hits. */
  sizeLimit: number;
  stop(): Promise<void>;
}

export interface SlapdOptions {
  users: number;
  /** Add department groups online (memberOf); default true. Off for the 50k bench. */
  groups?: boolean;
  /** Give every n-th user a jpegPhoto (0 = none); default 25. */
  photoEvery?: number;
}

const SUFFIX = 'dc=example,dc=test';

function ldifValue(name: string, value: string | Buffer): string {
  if (Buffer.isBuffer(value)) return `${name}:: ${value.toString('base64')}`;
  // LDIF wants base64 for anything outside printable ASCII or starting with a space, colon or '<'.
  if (/[^\x20-\x7e]/.test(value) || /^[ :<]/.test(value)) {
    return `${name}:: ${Buffer.from(value, 'utf8').toString('base64')}`;
  }
  return `${name}: ${value}`;
}

function entry(dn: string, attrs: [string, string | Buffer][]): string {
  return [ldifValue('dn', dn), ...attrs.map(([k, v]) => ldifValue(k, v))].join('\n') + '\n\n';
}

/** Escapes a DN attribute value (RFC 4514) for the few characters our generated names can contain. */
export function escapeDnValue(value: string): string {
  return value.replace(/[,+"\\<>;=]/g, (c) => `\\${c}`).replace(/^[ #]/, (c) => `\\${c}`);
}

/**
 * Starts a throw-away OpenLDAP in a temp dir: users loaded offline with slapadd, TLS + StartTLS with its own CA,
 * a reader DN limited to 500 entries per non-paged search, memberOf via the overlay (groups added online).
 */
export async function startSlapd(options: SlapdOptions): Promise<SlapdServer> {
  const slapd = findBinary('slapd');
  const slapadd = findBinary('slapadd');
  if (!slapd || !slapadd) throw new Error('slapd/slapadd not installed: apt-get install slapd ldap-utils');
  const host = '127.0.0.1';
  const dir = mkdtempSync(join(tmpdir(), 'plek-slapd-'));
  try {
    const certs = makeTestCertificates(join(dir, 'tls'), { ips: [host], serverName: 'ldap.example.test' });
    const dbDir = join(dir, 'db');
    mkdirSync(dbDir);
    const adminDn = `cn=admin,${SUFFIX}`;
    const adminPassword = 'Beheer-Wachtwoord-7!';
    const readerDn = `cn=plek-reader,ou=Services,${SUFFIX}`;
    const readerPassword = 'Lees-Alleen-Geheim-42!';
    const peopleDn = `ou=Medewerkers,${SUFFIX}`;
    const sizeLimit = 500;
    const cappedReaderDn = `cn=plek-beperkt,ou=Services,${SUFFIX}`;
    const pagedTotalLimit = 1000;
    const conf = `
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/nis.schema
include /etc/ldap/schema/inetorgperson.schema
pidfile ${dir}/slapd.pid
argsfile ${dir}/slapd.args
modulepath /usr/lib/ldap
moduleload back_mdb
moduleload memberof
TLSCACertificateFile ${certs.caCertPath}
TLSCertificateFile ${certs.certPath}
TLSCertificateKeyFile ${certs.keyPath}
database mdb
maxsize 2147483648
suffix "${SUFFIX}"
rootdn "${adminDn}"
rootpw ${adminPassword}
directory ${dbDir}
index objectClass eq
index uid eq
limits dn.exact="${readerDn}" size.soft=${sizeLimit} size.hard=${sizeLimit} size.pr=1000 size.prtotal=unlimited
limits dn.exact="${cappedReaderDn}" size.soft=${sizeLimit} size.hard=${sizeLimit} size.pr=1000 size.prtotal=${pagedTotalLimit}
access to attrs=userPassword by anonymous auth by self read by * none
access to * by * read
overlay memberof
`;
    const confPath = join(dir, 'slapd.conf');
    writeFileSync(confPath, conf);

    const users = dutchUsers(options.users);
    const userDns = users.map((u) => `uid=${u.login},${peopleDn}`);
    const photoEvery = options.photoEvery ?? 25;
    const parts: string[] = [
      entry(SUFFIX, [
        ['objectClass', 'dcObject'],
        ['objectClass', 'organization'],
        ['dc', 'example'],
        ['o', 'Zorggroep Voorbeeld'],
      ]),
      entry(peopleDn, [
        ['objectClass', 'organizationalUnit'],
        ['ou', 'Medewerkers'],
      ]),
      entry(`ou=Groepen,${SUFFIX}`, [
        ['objectClass', 'organizationalUnit'],
        ['ou', 'Groepen'],
      ]),
      entry(`ou=Services,${SUFFIX}`, [
        ['objectClass', 'organizationalUnit'],
        ['ou', 'Services'],
      ]),
      entry(readerDn, [
        ['objectClass', 'organizationalRole'],
        ['objectClass', 'simpleSecurityObject'],
        ['cn', 'plek-reader'],
        ['userPassword', readerPassword],
      ]),
      entry(cappedReaderDn, [
        ['objectClass', 'organizationalRole'],
        ['objectClass', 'simpleSecurityObject'],
        ['cn', 'plek-beperkt'],
        ['userPassword', readerPassword],
      ]),
    ];
    for (const u of users) {
      const attrs: [string, string | Buffer][] = [
        ['objectClass', 'inetOrgPerson'],
        ['uid', u.login],
        ['cn', u.cn],
        ['sn', u.sn],
        ['givenName', u.givenName],
        ['displayName', u.displayName],
        ['mail', u.mail],
        ['employeeNumber', u.employeeNumber],
        ['title', u.title],
        ['departmentNumber', u.department],
        ['telephoneNumber', u.telephoneNumber],
        ['mobile', u.mobile],
      ];
      if (u.managerIndex !== null) attrs.push(['manager', userDns[u.managerIndex] as string]);
      if (photoEvery > 0 && u.index % photoEvery === 3) attrs.push(['jpegPhoto', FAKE_JPEG]);
      parts.push(entry(userDns[u.index] as string, attrs));
    }
    const ldifPath = join(dir, 'users.ldif');
    writeFileSync(ldifPath, parts.join(''));
    execFileSync(slapadd, ['-q', '-f', confPath, '-l', ldifPath], { stdio: ['ignore', 'ignore', 'pipe'] });

    const port = await freePort(host);
    let ldapsPort = await freePort(host);
    while (ldapsPort === port) ldapsPort = await freePort(host);
    const url = `ldap://${host}:${port}`;
    const ldapsUrl = `ldaps://${host}:${ldapsPort}`;
    // -d 0 keeps slapd in the foreground, so this process owns it and can always kill it.
    const child = spawn(slapd, ['-d', '0', '-f', confPath, '-h', `${url}/ ${ldapsUrl}/`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    const forget = killOnExit(child);
    const stop = async (): Promise<void> => {
      await stopChild(child);
      forget();
      rmSync(dir, { recursive: true, force: true });
    };
    try {
      await Promise.race([
        waitForPort(host, port, 15_000, 'slapd'),
        new Promise((_, reject) =>
          child.once('exit', (code) => reject(new Error(`slapd exited with ${code}: ${stderr}`))),
        ),
      ]);
      await waitForPort(host, ldapsPort, 5_000, 'slapd (ldaps)');
    } catch (error) {
      await stop();
      throw error;
    }

    const groups: SlapdGroup[] = [];
    if (options.groups ?? true) {
      const byDepartment = new Map<string, number[]>();
      for (const u of users)
        byDepartment.set(u.department, [...(byDepartment.get(u.department) ?? []), u.index]);
      const client = new Client({ url, timeout: 30_000 });
      try {
        await client.bind(adminDn, adminPassword);
        for (const [department, memberIndexes] of byDepartment) {
          const cn = `Afdeling ${department}`;
          const dn = `cn=${cn},ou=Groepen,${SUFFIX}`;
          await client.add(dn, {
            objectClass: 'groupOfNames',
            cn,
            member: memberIndexes.map((i) => userDns[i] as string),
          });
          groups.push({ dn, cn, memberIndexes });
        }
        // Everybody with a manager role is also in a second group, so some users have two memberOf values.
        const managers = users.filter((u) => u.title === 'Teamleider').map((u) => u.index);
        const dn = `cn=Leidinggevenden,ou=Groepen,${SUFFIX}`;
        await client.add(dn, {
          objectClass: 'groupOfNames',
          cn: 'Leidinggevenden',
          member: managers.map((i) => userDns[i] as string),
        });
        groups.push({ dn, cn: 'Leidinggevenden', memberIndexes: managers });
      } catch (error) {
        await stop();
        throw error;
      } finally {
        await client.unbind();
      }
    }

    return {
      url,
      ldapsUrl,
      host,
      port,
      ldapsPort,
      caPem: certs.caPem,
      caPath: certs.caCertPath,
      certPem: certs.certPem,
      baseDn: SUFFIX,
      peopleDn,
      readerDn,
      readerPassword,
      cappedReaderDn,
      pagedTotalLimit,
      adminDn,
      adminPassword,
      users,
      userDns,
      groups,
      sizeLimit,
      stop,
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
