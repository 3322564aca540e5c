import { describe, expect, it } from 'vitest';
import {
  isSecureStorageAvailable,
  SafeStorageSecretStore,
  type SafeStorageLike,
} from '../../../src/main/electron/safe-storage-secrets';

/** A stand-in for Electron's safeStorage: reversible, but never the plain text. */
function fakeSafeStorage(available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: (s) => Buffer.from([...Buffer.from(s, 'utf8')].map((b) => b ^ 0x5a)),
    decryptString: (b) => Buffer.from([...b].map((x) => x ^ 0x5a)).toString('utf8'),
  };
}

function memory() {
  let values: Record<string, string> = {};
  return {
    get: () => values,
    set: (v: Record<string, string>) => (values = v),
    raw: () => JSON.stringify(values),
  };
}

describe('SafeStorageSecretStore', () => {
  it('stores only ciphertext and reads the value back', async () => {
    const disk = memory();
    const store = new SafeStorageSecretStore(fakeSafeStorage(), disk);
    await store.set('ldap-bind-password@ldaps://dc1.gemeente-ede.local', 'Zomer2026!Ühbung');
    expect(disk.raw()).not.toContain('Zomer2026');
    expect(await store.get('ldap-bind-password@ldaps://dc1.gemeente-ede.local')).toBe('Zomer2026!Ühbung');
    expect(await store.has('ldap-bind-password@ldaps://dc1.gemeente-ede.local')).toBe(true);
    expect(await store.delete('ldap-bind-password@ldaps://dc1.gemeente-ede.local')).toBe(true);
    expect(await store.has('ldap-bind-password@ldaps://dc1.gemeente-ede.local')).toBe(false);
    expect(await store.delete('ldap-bind-password@ldaps://dc1.gemeente-ede.local')).toBe(false);
  });

  it('refuses to store when the OS offers no encryption (never plain text)', async () => {
    const disk = memory();
    const store = new SafeStorageSecretStore(fakeSafeStorage(false), disk);
    expect(store.persistent).toBe(false);
    await expect(store.set('scim-client-secret', 'geheim-geheim')).rejects.toThrow(/no encrypted storage/);
    expect(disk.raw()).toBe('{}');
  });

  it('treats an undecryptable value as absent', async () => {
    const disk = memory();
    disk.set({ 'scim-client-secret': 'bm90LWVuY3J5cHRlZA==' });
    const broken: SafeStorageLike = {
      ...fakeSafeStorage(),
      decryptString: () => {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      },
    };
    expect(await new SafeStorageSecretStore(broken, disk).get('scim-client-secret')).toBeNull();
  });
});

describe('isSecureStorageAvailable', () => {
  const backed = (backend: string): SafeStorageLike => ({
    ...fakeSafeStorage(),
    getSelectedStorageBackend: () => backend,
  });
  it('counts Linux basic_text (a fixed key, no keyring) as not available', async () => {
    expect(isSecureStorageAvailable(backed('basic_text'), 'linux')).toBe(false);
    expect(isSecureStorageAvailable(backed('unknown'), 'linux')).toBe(false);
    expect(isSecureStorageAvailable(backed('gnome_libsecret'), 'linux')).toBe(true);
    expect(isSecureStorageAvailable(backed('kwallet5'), 'linux')).toBe(true);
    expect(isSecureStorageAvailable(fakeSafeStorage(), 'win32')).toBe(true);
    expect(isSecureStorageAvailable(fakeSafeStorage(false), 'win32')).toBe(false);
    const store = new SafeStorageSecretStore(backed('basic_text'), memory(), 'linux');
    expect(store.persistent).toBe(false);
    await expect(store.set('scim-client-secret@https://x.plek.co:443', 'geheim')).rejects.toThrow(
      /no encrypted/,
    );
  });
});
