import type { WireSystemError } from '../thread-error';
import type { SandboxAnswer, SandboxProfile, SandboxSeed } from './server';

/** What the sandbox worker starts with (workerData). */
export interface SandboxThreadStart {
  dataDir?: string;
  seed?: SandboxSeed;
  profile?: SandboxProfile;
}

/** A request of the CLI's own client, handed over without HTTP (`SandboxHandle.exchange`), and its answer. */
export interface WireRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export type ToSandboxThread = { type: 'stop' } | { type: 'exchange'; id: number; request: WireRequest };

export type FromSandboxThread =
  | { type: 'ready'; url: string; tokenUrl: string; clientId: string; clientSecret: string }
  /** `answer` absent: the request failed as a broken connection would (the HTTP server closes it). */
  | { type: 'answer'; id: number; answer?: SandboxAnswer }
  | { type: 'stopped' }
  | { type: 'failed'; error: WireSystemError };
