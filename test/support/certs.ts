import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A throw-away certificate authority and one server certificate it signed, as files and PEM text. */
export interface TestCertificates {
  dir: string;
  caCertPath: string;
  caPem: string;
  certPath: string;
  certPem: string;
  keyPath: string;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

/**
 * Makes a CA and a server certificate with the given IP addresses / DNS names as subject alternative names,
 * so that Node's hostname check passes for `ldaps://127.0.0.x`. RSA keys: GnuTLS (Samba) and OpenSSL (slapd)
 * both take them without extra configuration.
 */
export function makeTestCertificates(
  dir: string,
  options: { ips?: string[]; dnsNames?: string[]; caName?: string; serverName?: string } = {},
): TestCertificates {
  mkdirSync(dir, { recursive: true });
  const caName = options.caName ?? 'Plek Test CA';
  const serverName = options.serverName ?? 'dc1.example.test';
  const sans = [
    ...(options.ips ?? ['127.0.0.1']).map((ip) => `IP:${ip}`),
    ...(options.dnsNames ?? [serverName]).map((n) => `DNS:${n}`),
  ].join(',');
  openssl(['genrsa', '-out', 'ca.key', '2048'], dir);
  openssl(
    [
      'req',
      '-x509',
      '-new',
      '-key',
      'ca.key',
      '-sha256',
      '-days',
      '30',
      '-subj',
      `/O=Plek Test/CN=${caName}`,
      '-out',
      'ca.pem',
    ],
    dir,
  );
  openssl(['genrsa', '-out', 'server.key', '2048'], dir);
  openssl(
    ['req', '-new', '-key', 'server.key', '-subj', `/O=Plek Test/CN=${serverName}`, '-out', 'server.csr'],
    dir,
  );
  writeFileSync(
    join(dir, 'server.ext'),
    `basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=${sans}\n`,
  );
  openssl(
    [
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '30',
      '-sha256',
      '-extfile',
      'server.ext',
      '-out',
      'server.pem',
    ],
    dir,
  );
  // GnuTLS (Samba) refuses a private key readable by others.
  execFileSync('chmod', ['600', join(dir, 'server.key'), join(dir, 'ca.key')]);
  return {
    dir,
    caCertPath: join(dir, 'ca.pem'),
    caPem: readFileSync(join(dir, 'ca.pem'), 'utf8'),
    certPath: join(dir, 'server.pem'),
    certPem: readFileSync(join(dir, 'server.pem'), 'utf8'),
    keyPath: join(dir, 'server.key'),
  };
}
