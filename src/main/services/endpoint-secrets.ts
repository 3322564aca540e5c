import {
  refuse,
  type ApiFailure,
  type Confirmation,
  type SecretEndpointInput,
  type SecretName,
} from '../../shared/api/contract';
import { refusal, type Refusal } from '../../shared/api/refusals';
import {
  checkHttpsUrl,
  checkLdapServerUrl,
  decideTokenUrl,
  endpointHost,
  isPlainLdap,
  parseOrigin,
  secretEndpointKey,
  type SecretEndpoint,
} from '../../shared/api/validators';
import type { SecretRedactor, SecretStore } from './secret-store';

/** Marker keys kept beside the secrets (no secret in them): what the consultant confirmed. */
const PLAIN_LDAP_OK = 'confirmed-plain-ldap@';
const TOKEN_HOST = 'confirmed-token-host@';

/** The endpoint a secret of `name` belongs to, from what the renderer or a mapping names. */
export function endpointOf(name: SecretName, input: SecretEndpointInput): SecretEndpoint {
  if (name === 'ldap-bind-password') {
    if (!input.bindDn)
      throw refuse(
        'invalid-request',
        'a directory password belongs to a bind DN: give endpoint.bindDn',
        'refusal.secret.bindDn',
      );
    return { kind: 'ldap', url: input.url, startTls: input.startTls ?? true, bindDn: input.bindDn };
  }
  return { kind: 'scim', baseUrl: input.url };
}

function keyOf(endpoint: SecretEndpoint): string {
  const key = secretEndpointKey(endpoint);
  if (key === null) {
    // The URL check's own refusal says exactly what is wrong with it (missing, user-info, not https…).
    const check =
      endpoint.kind === 'ldap'
        ? checkLdapServerUrl(endpoint.url)
        : checkHttpsUrl(
            endpoint.kind === 'scim' ? endpoint.baseUrl : endpoint.tokenUrl,
            endpoint.kind === 'scim' ? 'target' : 'token',
          );
    const why = check.ok ? refusal('refusal.url.notPlain', { role: 'url' }) : check.refusal;
    throw refuse(
      'invalid-request',
      endpoint.kind === 'ldap'
        ? 'the directory URL must be ldap://host[:port] or ldaps://host[:port]'
        : 'the target URL must use https (plain http only for 127.0.0.1/localhost), without a user name or password',
      why.id,
      why.values,
    );
  }
  return key;
}

/** `ldap://dc1.example:389|tls=starttls|bind=…` → `ldap://dc1.example:389`: what a confirmation shows. */
function hostOfKey(key: string): string {
  const origin = key.split('|')[0] ?? key;
  return parseOrigin(origin)?.origin ?? origin;
}

/**
 * Secrets bound to endpoints, for the app (Electron and browser mode). A secret is stored for one endpoint —
 * scheme, host and port; for a directory also its TLS mode and bind DN — and handed out only for exactly that
 * endpoint. When a project names another endpoint while a secret exists for a different one (a mapping that came
 * back pointing elsewhere), the answer is `needs-confirmation` with the new host, before anything is sent. The
 * environment (PLEK_LDAP_PASSWORD, PLEK_CLIENT_SECRET) is never read here: that is for the headless CLI.
 */
export class EndpointSecrets {
  constructor(
    private readonly store: SecretStore,
    private readonly redactor: SecretRedactor,
  ) {}

  async set(name: SecretName, input: SecretEndpointInput, value: string): Promise<void> {
    this.redactor.remember(value);
    await this.store.set(`${name}@${keyOf(endpointOf(name, input))}`, value);
  }

  async has(name: SecretName, input: SecretEndpointInput): Promise<boolean> {
    return this.store.has(`${name}@${keyOf(endpointOf(name, input))}`);
  }

  async delete(name: SecretName, input: SecretEndpointInput): Promise<boolean> {
    return this.store.delete(`${name}@${keyOf(endpointOf(name, input))}`);
  }

  /**
   * The secret for exactly this endpoint; null when none was ever stored for this name. Throws
   * `needs-confirmation` when one exists for another endpoint only, or when the endpoint is plain LDAP that the
   * consultant has not chosen — so nothing is sent anywhere the consultant did not see.
   */
  async get(name: SecretName, input: SecretEndpointInput): Promise<string | null> {
    const endpoint = endpointOf(name, input);
    const key = keyOf(endpoint);
    if (endpoint.kind === 'ldap' && isPlainLdap(endpoint) && !(await this.store.has(PLAIN_LDAP_OK + key)))
      throw this.#confirm(
        `${endpointHost(endpoint)} would receive the bind password unencrypted (StartTLS is off); confirm plain LDAP or switch StartTLS on`,
        { kind: 'plain-ldap', endpoint: input, host: endpointHost(endpoint) },
        refusal('refusal.confirm.plainLdap', { host: endpointHost(endpoint) }),
      );
    const value = await this.store.get(`${name}@${key}`);
    if (value) {
      this.redactor.remember(value);
      return value;
    }
    const others = (await this.store.keys()).filter((k) => k.startsWith(`${name}@`));
    const from = others.at(-1);
    if (from !== undefined) {
      const previousHost = hostOfKey(from.slice(name.length + 1));
      const host = endpointHost(endpoint);
      const what = name === 'ldap-bind-password' ? 'bind password' : 'secret';
      throw this.#confirm(
        host === previousHost
          ? `the project binds to ${host} differently than when the ${what} was stored (bind DN or TLS mode changed); confirm before it is sent`
          : `the project now points at ${host}; the ${what} was stored for ${previousHost}. Confirm before it is sent to ${host}`,
        { kind: 'secret-endpoint', name, endpoint: input, host, previousHost, from },
        refusal(host === previousHost ? 'refusal.confirm.sameHost' : 'refusal.confirm.newHost', {
          host,
          previousHost,
          secret: name === 'ldap-bind-password' ? 'bindPassword' : 'secret',
        }),
      );
    }
    return null;
  }

  /**
   * Whether the OAuth client secret may go to `tokenUrl`: on the target's origin always; elsewhere only when the
   * consultant confirmed that exact origin for this target. Throws `needs-confirmation` otherwise.
   */
  async checkTokenUrl(baseUrl: string, tokenUrl: string | undefined): Promise<void> {
    const baseKey = keyOf({ kind: 'scim', baseUrl });
    const confirmed = await this.store.get(TOKEN_HOST + baseKey);
    const d = decideTokenUrl(baseUrl, tokenUrl, confirmed);
    if (d.kind === 'invalid') throw refuse('invalid-request', d.reason, d.refusal.id, d.refusal.values);
    if (d.kind === 'needs-confirmation')
      throw this.#confirm(
        `the mapping sends the client secret to ${d.origin}, not to the target ${d.baseOrigin}; confirm that token server before anything is sent`,
        { kind: 'token-host', baseUrl, tokenUrl: tokenUrl as string, host: d.origin, baseHost: d.baseOrigin },
        refusal('refusal.confirm.tokenHost', { host: d.origin, baseHost: d.baseOrigin }),
      );
  }

  /** Records what the consultant confirmed; re-checks everything (the request comes from the renderer). */
  async confirm(c: Confirmation): Promise<void> {
    if (c.kind === 'plain-ldap') {
      const endpoint = endpointOf('ldap-bind-password', c.endpoint);
      if (endpoint.kind !== 'ldap' || !isPlainLdap(endpoint))
        throw refuse(
          'invalid-request',
          'this directory does not use plain LDAP',
          'refusal.secret.notPlainLdap',
        );
      await this.store.set(PLAIN_LDAP_OK + keyOf(endpoint), '1');
      return;
    }
    if (c.kind === 'token-host') {
      const d = decideTokenUrl(c.baseUrl, c.tokenUrl);
      if (d.kind === 'invalid') throw refuse('invalid-request', d.reason, d.refusal.id, d.refusal.values);
      if (d.kind === 'needs-confirmation')
        await this.store.set(TOKEN_HOST + keyOf({ kind: 'scim', baseUrl: c.baseUrl }), d.origin);
      return;
    }
    // secret-endpoint: the consultant agreed that the secret stored for `from` may go to the new endpoint.
    if (!c.from.startsWith(`${c.name}@`))
      throw refuse('invalid-request', 'that stored secret does not exist any more', 'refusal.secret.gone');
    const value = await this.store.get(c.from);
    if (!value)
      throw refuse(
        'not-found',
        'that stored secret does not exist any more; enter it again',
        'refusal.secret.gone',
      );
    await this.store.set(`${c.name}@${keyOf(endpointOf(c.name, c.endpoint))}`, value);
  }

  #confirm(message: string, confirmation: Confirmation, why: Refusal): ApiFailure {
    return refuse('needs-confirmation', message, why.id, why.values, confirmation);
  }
}
