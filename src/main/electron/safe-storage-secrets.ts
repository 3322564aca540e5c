import { refuse } from '../../shared/api/contract';
import type { SecretStore } from '../services/secret-store';

/** The part of Electron's safeStorage we use (injected, so the store is testable without Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  /** Linux only: which keyring backs the encryption (`basic_text` is a hard-coded key, not a keyring). */
  getSelectedStorageBackend?(): string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** Where the encrypted values live (an electron-store key in the app; a Map in tests). */
export interface EncryptedValues {
  get(): Record<string, string>;
  set(values: Record<string, string>): void;
}

/**
 * Whether safeStorage really protects a secret. On Linux without a keyring (no gnome-keyring/kwallet) Electron
 * falls back to `basic_text`: "encrypted" with a key that is the same on every machine, so anyone who copies the
 * file can read it. That counts as not available: the app then keeps secrets for the session only.
 */
export function isSecureStorageAvailable(
  safeStorage: SafeStorageLike,
  platform: string = process.platform,
): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend?.();
    if (backend === undefined || backend === 'basic_text' || backend === 'unknown') return false;
  }
  return true;
}

/**
 * Secrets encrypted with the operating system's keychain (DPAPI on Windows, Keychain on macOS, libsecret on
 * Linux) through Electron's safeStorage; only the ciphertext (base64) is written to disk. When the OS offers no
 * encryption the store refuses to keep secrets rather than writing them in plain text.
 */
export class SafeStorageSecretStore implements SecretStore {
  /** False when the OS offers no encryption: the app then says secrets must be entered each session. */
  get persistent(): boolean {
    return isSecureStorageAvailable(this.safeStorage, this.platform);
  }

  constructor(
    private readonly safeStorage: SafeStorageLike,
    private readonly values: EncryptedValues,
    private readonly platform: string = process.platform,
  ) {}

  async set(key: string, value: string): Promise<void> {
    if (!this.persistent)
      throw refuse(
        'unsupported',
        'this system offers no encrypted storage, so the secret was not saved; enter it again when needed',
        'refusal.secret.noEncryption',
      );
    const all = { ...this.values.get() };
    all[key] = this.safeStorage.encryptString(value).toString('base64');
    this.values.set(all);
  }

  async get(key: string): Promise<string | null> {
    const stored = this.values.get()[key];
    if (!stored || !this.persistent) return null;
    try {
      return this.safeStorage.decryptString(Buffer.from(stored, 'base64'));
    } catch {
      // Encrypted under another OS account or keychain: as good as absent.
      return null;
    }
  }

  async has(key: string): Promise<boolean> {
    return Object.hasOwn(this.values.get(), key);
  }

  async keys(): Promise<string[]> {
    return Object.keys(this.values.get());
  }

  async delete(key: string): Promise<boolean> {
    const all = { ...this.values.get() };
    if (!Object.hasOwn(all, key)) return false;
    delete all[key];
    this.values.set(all);
    return true;
  }
}
