import type { WireSystemError } from '../thread-error';
import type { SandboxProfile, SandboxSeed } from './server';

/** What the sandbox worker starts with (workerData). */
export interface SandboxThreadStart {
  dataDir?: string;
  seed?: SandboxSeed;
  profile?: SandboxProfile;
}

export type ToSandboxThread = { type: 'stop' };

export type FromSandboxThread =
  | { type: 'ready'; url: string; tokenUrl: string; clientId: string; clientSecret: string }
  | { type: 'stopped' }
  | { type: 'failed'; error: WireSystemError };
