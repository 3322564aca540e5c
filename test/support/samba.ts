import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestCertificates } from './certs';
import { aducEndOfDay, dutchUsers, type DirectoryUser, FAKE_JPEG, PAST_EXPIRY } from './directory-data';
import { escapeDnValue, findBinary, killOnExit, stopChild, waitForPort } from './slapd';

/** An account the error tests bind as; each is in a state that makes AD answer with one data code. */
export interface SambaAccount {
  dn: string;
  upn: string;
  password: string;
}

export interface SambaServer {
  host: string;
  /** ldap://host (StartTLS; plain simple binds allowed because `ldap server require strong auth = no`). */
  url: string;
  ldapsUrl: string;
  caPem: string;
  caPath: string;
  certPem: string;
  /** DC=example,DC=test */
  domainDn: string;
  /** OU=Medewerkers,DC=example,DC=test: where the generated users live. */
  usersDn: string;
  readerDn: string;
  readerUpn: string;
  readerPassword: string;
  users: DirectoryUser[];
  userDns: string[];
  /** Index of a user whose manager lives outside OU=Medewerkers (so it cannot be resolved in scope). */
  externalManagerUserIndex: number;
  externalManagerDn: string;
  /** Users with a thumbnailPhoto. */
  photoUserIndexes: number[];
  groups: { dn: string; cn: string; memberIndexes: number[] }[];
  accounts: {
    disabled: SambaAccount;
    expired: SambaAccount;
    mustChange: SambaAccount;
    locked: SambaAccount;
  };
  /** `ldbsearch` straight on sam.ldb: Samba's own rendering of attributes (objectGUID, objectSid). */
  ldbsearch(base: string, attributes: string[]): Record<string, string>;
  stop(): Promise<void>;
}

const DOMAIN_DN = 'DC=example,DC=test';

/** Seeds sam.ldb offline in one transaction: ~4 s for 1,500 users instead of ~8 min with samba-tool. */
const SEED_PY = String.raw`
import sys, json, base64
from samba.samdb import SamDB
from samba.auth import system_session
from samba.param import LoadParm
import ldb

conf, data_path = sys.argv[1], sys.argv[2]
lp = LoadParm()
lp.load(conf)
db = SamDB(url=lp.private_path('sam.ldb'), session_info=system_session(), lp=lp)
data = json.load(open(data_path, encoding='utf-8'))

def conv(v):
    if isinstance(v, dict) and 'b64' in v:
        return base64.b64decode(v['b64'])
    if isinstance(v, dict) and 'pwd' in v:
        return ('"%s"' % v['pwd']).encode('utf-16-le')
    if isinstance(v, list):
        return [conv(x) for x in v]
    return v

db.transaction_start()
try:
    for e in data['entries']:
        msg = dict((k, conv(v)) for k, v in e.items())
        db.add(msg)
    for m in data.get('modify', []):
        msg = ldb.Message()
        msg.dn = ldb.Dn(db, m['dn'])
        for k, v in m['replace'].items():
            msg[k] = ldb.MessageElement(v, ldb.FLAG_MOD_REPLACE, k)
        db.modify(msg, controls=['relax:0'])
    db.transaction_commit()
except Exception:
    db.transaction_cancel()
    raise
`;

function hasAddress(ip: string): boolean {
  try {
    return execFileSync('ip', ['-4', 'addr', 'show', 'dev', 'lo'], { encoding: 'utf8' }).includes(` ${ip}/`);
  } catch {
    return false;
  }
}

async function portFree(host: string, port: number): Promise<boolean> {
  try {
    await waitForPort(host, port, 0, 'probe');
    return false;
  } catch {
    return true;
  }
}

/**
 * Samba's LDAP ports are hard-coded (389/636), so every DC needs an address of its own: a fresh 127.0.0.x on lo,
 * removed again on stop. Falls back to 127.0.0.1 when addresses cannot be added and 389 is free there.
 */
async function claimAddress(): Promise<{ host: string; release: () => void }> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const host = `127.0.${Math.floor(Math.random() * 200) + 20}.${Math.floor(Math.random() * 250) + 2}`;
    if (hasAddress(host)) continue;
    try {
      execFileSync('ip', ['addr', 'add', `${host}/8`, 'dev', 'lo'], { stdio: 'ignore' });
    } catch {
      break;
    }
    if (!(await portFree(host, 389))) continue;
    return {
      host,
      release: () => {
        try {
          execFileSync('ip', ['addr', 'del', `${host}/8`, 'dev', 'lo'], { stdio: 'ignore' });
        } catch {
          // already gone
        }
      },
    };
  }
  if (await portFree('127.0.0.1', 389)) return { host: '127.0.0.1', release: () => undefined };
  throw new Error('no loopback address with a free port 389 for Samba (need root to add 127.0.x.y to lo)');
}

function userEntry(
  u: DirectoryUser,
  dn: string,
  managerDn: string | null,
  photo: boolean,
): Record<string, unknown> {
  const e: Record<string, unknown> = {
    dn,
    objectClass: 'user',
    sAMAccountName: u.login,
    userPrincipalName: `${u.login}@example.test`,
    givenName: u.givenName,
    sn: u.sn,
    displayName: u.displayName,
    mail: u.mail,
    employeeID: u.employeeNumber,
    title: u.title,
    department: u.department,
    company: 'Zorggroep Voorbeeld',
    telephoneNumber: u.telephoneNumber,
    mobile: u.mobile,
    proxyAddresses: u.proxyAddresses,
    userAccountControl: u.disabled ? '514' : '512',
  };
  if (u.prefix) e.middleName = u.prefix;
  if (managerDn) e.manager = managerDn;
  if (u.expires) e.accountExpires = aducEndOfDay(u.expires);
  if (photo) e.thumbnailPhoto = { b64: FAKE_JPEG.toString('base64') };
  return e;
}

/** FILETIME of now, for lockoutTime. */
function filetimeNow(): string {
  return (BigInt(Date.now()) * 10000n + 116444736000000000n).toString();
}

/**
 * Provisions a throw-away Samba AD DC (realm EXAMPLE.TEST) into a temp dir on its own loopback address, with TLS
 * from a throw-away CA, seeds Dutch users offline and starts it. Needs root. ≈10 s.
 */
export async function startSambaAd(options: { users: number }): Promise<SambaServer> {
  const sambaTool = findBinary('samba-tool');
  const samba = findBinary('samba');
  const ldbsearchBin = findBinary('ldbsearch');
  if (!sambaTool || !samba || !ldbsearchBin) {
    throw new Error(
      'samba not installed: apt-get install samba samba-ad-dc samba-ad-provision samba-dsdb-modules ldb-tools',
    );
  }
  if (process.getuid && process.getuid() !== 0) throw new Error('Samba AD provisioning needs root');
  const dir = mkdtempSync(join(tmpdir(), 'plek-samba-'));
  const { host, release } = await claimAddress();
  const cleanup = (): void => {
    rmSync(dir, { recursive: true, force: true });
    release();
  };
  try {
    const certs = makeTestCertificates(join(dir, 'tls'), { ips: [host], serverName: 'dc1.example.test' });
    const adminPassword = 'Adm1n-Plek-Test!';
    execFileSync(
      sambaTool,
      [
        'domain',
        'provision',
        `--targetdir=${dir}`,
        '--realm=EXAMPLE.TEST',
        '--domain=EXAMPLE',
        '--host-name=dc1',
        `--host-ip=${host}`,
        `--adminpass=${adminPassword}`,
        '--server-role=dc',
        '--dns-backend=NONE',
        `--option=interfaces=${host}`,
        '--option=bind interfaces only=yes',
        '--option=server services=ldap',
        `--option=pid directory=${join(dir, 'run')}`,
        `--option=log file=${join(dir, 'log.samba')}`,
        '--option=tls enabled=yes',
        `--option=tls keyfile=${certs.keyPath}`,
        `--option=tls certfile=${certs.certPath}`,
        `--option=tls cafile=${certs.caCertPath}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const confPath = join(dir, 'etc', 'smb.conf');
    // Provisioning drops this option; without it simple binds over plain ldap:// are refused.
    const conf = readFileSync(confPath, 'utf8').replace(
      '[global]\n',
      '[global]\n\tldap server require strong auth = no\n',
    );
    writeFileSync(confPath, conf);

    const usersDn = `OU=Medewerkers,${DOMAIN_DN}`;
    const servicesDn = `OU=Services,${DOMAIN_DN}`;
    const testDn = `OU=Testaccounts,${DOMAIN_DN}`;
    const externDn = `OU=Externen,${DOMAIN_DN}`;
    const groupsDn = `OU=Groepen,${DOMAIN_DN}`;
    const users = dutchUsers(options.users);
    const userDns = users.map((u) => `CN=${escapeDnValue(u.cn)},${usersDn}`);
    const externalManagerDn = `CN=Extern Manager,${externDn}`;
    const externalManagerUserIndex = Math.min(42, users.length - 1);
    const photoUserIndexes = users.filter((u) => u.index % 25 === 3).map((u) => u.index);

    const readerPassword = 'Lees-Alleen-Geheim-42!';
    const readerDn = `CN=svc-plek-reader,${servicesDn}`;
    const account = (login: string, password: string): SambaAccount => ({
      dn: `CN=${login},${testDn}`,
      upn: `${login}@example.test`,
      password,
    });
    const accounts = {
      disabled: account('test.uitgeschakeld', 'Uitgeschakeld-Wachtwoord-1!'),
      expired: account('test.verlopen', 'Verlopen-Account-Wachtwoord-2!'),
      mustChange: account('test.wijzigen', 'Moet-Wijzigen-Wachtwoord-3!'),
      locked: account('test.geblokkeerd', 'Geblokkeerd-Wachtwoord-4!'),
    };
    const accountEntry = (a: SambaAccount, extra: Record<string, unknown>): Record<string, unknown> => {
      const login = a.upn.split('@')[0] as string;
      return {
        dn: a.dn,
        objectClass: 'user',
        sAMAccountName: login,
        userPrincipalName: a.upn,
        displayName: login,
        unicodePwd: { pwd: a.password },
        userAccountControl: '512',
        ...extra,
      };
    };

    const entries: Record<string, unknown>[] = [
      ...[usersDn, servicesDn, testDn, externDn, groupsDn].map((dn) => ({
        dn,
        objectClass: 'organizationalUnit',
      })),
      {
        dn: readerDn,
        objectClass: 'user',
        sAMAccountName: 'svc-plek-reader',
        userPrincipalName: 'svc-plek-reader@example.test',
        unicodePwd: { pwd: readerPassword },
        userAccountControl: '66048', // normal account, password never expires
      },
      {
        dn: externalManagerDn,
        objectClass: 'user',
        sAMAccountName: 'extern.manager',
        givenName: 'Extern',
        sn: 'Manager',
        userAccountControl: '514',
      },
      accountEntry(accounts.disabled, { userAccountControl: '514' }),
      accountEntry(accounts.expired, { accountExpires: aducEndOfDay(PAST_EXPIRY) }),
      accountEntry(accounts.mustChange, { pwdLastSet: '0' }),
      accountEntry(accounts.locked, {}),
    ];
    users.forEach((u, i) => {
      const managerDn =
        i === externalManagerUserIndex
          ? externalManagerDn
          : u.managerIndex === null
            ? null
            : (userDns[u.managerIndex] as string);
      entries.push(userEntry(u, userDns[i] as string, managerDn, photoUserIndexes.includes(i)));
    });
    const groups: SambaServer['groups'] = [];
    const byDepartment = new Map<string, number[]>();
    for (const u of users)
      byDepartment.set(u.department, [...(byDepartment.get(u.department) ?? []), u.index]);
    for (const [department, memberIndexes] of byDepartment) {
      const cn = `GG_${department}`;
      groups.push({ dn: `CN=${cn},${groupsDn}`, cn, memberIndexes });
    }
    const managers = users.filter((u) => u.title === 'Teamleider').map((u) => u.index);
    groups.push({
      dn: `CN=GG_Leidinggevenden,${groupsDn}`,
      cn: 'GG_Leidinggevenden',
      memberIndexes: managers,
    });
    for (const g of groups) {
      entries.push({
        dn: g.dn,
        objectClass: 'group',
        sAMAccountName: g.cn,
        member: g.memberIndexes.map((i) => userDns[i] as string),
      });
    }
    // Lockout: a high threshold so no test locks anybody by accident, and one account locked "just now".
    const modify = [
      { dn: DOMAIN_DN, replace: { lockoutThreshold: '1000' } },
      { dn: accounts.locked.dn, replace: { lockoutTime: filetimeNow() } },
    ];
    const dataPath = join(dir, 'seed.json');
    writeFileSync(dataPath, JSON.stringify({ entries, modify }));
    const scriptPath = join(dir, 'seed.py');
    writeFileSync(scriptPath, SEED_PY);
    execFileSync('/usr/bin/python3', [scriptPath, confPath, dataPath], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    rmSync(dataPath); // holds test passwords

    const child = spawn(samba, ['-i', '-M', 'single', '-s', confPath], {
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
      cleanup();
    };
    try {
      await Promise.race([
        waitForPort(host, 636, 30_000, 'samba'),
        new Promise((_, reject) =>
          child.once('exit', (code) => reject(new Error(`samba exited with ${code}: ${stderr}`))),
        ),
      ]);
      await waitForPort(host, 389, 5_000, 'samba (ldap)');
    } catch (error) {
      await stop();
      throw error;
    }

    const ldbsearch = (base: string, attributes: string[]): Record<string, string> => {
      const out = execFileSync(
        ldbsearchBin,
        ['-H', join(dir, 'private', 'sam.ldb'), '-s', 'base', '-b', base, ...attributes],
        { encoding: 'utf8' },
      );
      const result: Record<string, string> = {};
      for (const line of out.split('\n')) {
        const m = /^(\w+): (.*)$/.exec(line);
        if (m && m[1] && m[2] !== undefined) result[m[1]] = m[2];
      }
      return result;
    };

    return {
      host,
      url: `ldap://${host}`,
      ldapsUrl: `ldaps://${host}`,
      caPem: certs.caPem,
      caPath: certs.caCertPath,
      certPem: certs.certPem,
      domainDn: DOMAIN_DN,
      usersDn,
      readerDn,
      readerUpn: 'svc-plek-reader@example.test',
      readerPassword,
      users,
      userDns,
      externalManagerUserIndex,
      externalManagerDn,
      photoUserIndexes,
      groups,
      accounts,
      ldbsearch,
      stop,
    };
  } catch (error) {
    cleanup();
    throw error;
  }
}
