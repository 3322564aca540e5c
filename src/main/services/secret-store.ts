import type { SecretName } from '../../shared/api/contract';

/**
 * Where the workbench keeps the LDAP bind password and the SCIM client secret. Values only go in; the service
 * reads them to connect and never returns or logs them. Electron backs it with safeStorage
 * (src/main/electron/safe-storage-secrets.ts); serve mode and tests use the in-memory store.
 */
export interface SecretStore {
  set(key: string, value: string): Promise<void>;
  get(key: string): Promise<string | null>;
  has(key: string): Promise<boolean>;
  delete(key: string): Promise<boolean>;
  /** Every key (never a value): to tell the consultant a secret exists for another host. */
  keys(): Promise<string[]>;
  /** True when values survive a restart (encrypted on disk). */
  readonly persistent: boolean;
}

/**
 * The CLI's environment variables for each secret. The headless CLI reads them; the app never does (a mapping
 * opened in the app could otherwise send them to any host it names).
 */
export const SECRET_ENV: Record<SecretName, string> = {
  'ldap-bind-password': 'PLEK_LDAP_PASSWORD',
  'scim-client-secret': 'PLEK_CLIENT_SECRET',
  'scim-token': 'PLEK_TOKEN',
  'source-client-secret': 'PLEK_SOURCE_SECRET',
  'source-token': 'PLEK_SOURCE_TOKEN',
};

export class MemorySecretStore implements SecretStore {
  readonly persistent = false;
  readonly #values = new Map<string, string>();

  async set(key: string, value: string): Promise<void> {
    this.#values.set(key, value);
  }
  async get(key: string): Promise<string | null> {
    return this.#values.get(key) ?? null;
  }
  async has(key: string): Promise<boolean> {
    return this.#values.has(key);
  }
  async delete(key: string): Promise<boolean> {
    return this.#values.delete(key);
  }
  async keys(): Promise<string[]> {
    return [...this.#values.keys()];
  }
}

/**
 * Removes every known secret value from a text before it leaves the process (error messages from libraries
 * sometimes echo what they were given). Values shorter than 4 characters are left alone to keep messages readable.
 */
export class SecretRedactor {
  readonly #values = new Set<string>();

  remember(value: string): void {
    if (value.length >= 4) this.#values.add(value);
  }

  redact(text: string): string {
    let out = text;
    for (const v of this.#values) if (out.includes(v)) out = out.split(v).join('••••');
    return out;
  }
}
