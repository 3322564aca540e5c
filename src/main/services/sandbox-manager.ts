import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SandboxStatus } from '../../shared/api/contract';
import type { SandboxHandle, SandboxSeed } from '../sandbox/server';
import type { ServiceContext } from './context';
import type { SecretRedactor } from './secret-store';

interface SandboxManagerOptions {
  dataDir: string;
  resourcesDir: string;
  redactor: SecretRedactor;
  emit: ServiceContext['emit'];
}

/** The embedded Plek sandbox of this service: started once on first use, its state in the data folder. */
export class SandboxManager {
  private handle: SandboxHandle | null = null;
  private starting: Promise<SandboxHandle> | null = null;

  constructor(private readonly o: SandboxManagerOptions) {}

  /** The running sandbox, starting it (seeded with the demo accounts unless `seed` is 'empty') if needed. */
  async ensure(port?: number, seed: 'empty' | 'demo' = 'demo'): Promise<SandboxHandle> {
    if (this.handle) return this.handle;
    this.starting ??= this.start(port, seed).finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  status(): SandboxStatus {
    const sb = this.handle;
    if (!sb) return { running: false, url: null, users: null };
    return { running: true, url: sb.url, users: sb.stats().users };
  }

  /** Tells the renderer the sandbox's current state (after a start, a stop or a run). */
  announce(): SandboxStatus {
    const status = this.status();
    this.o.emit('sandbox:status', status);
    return status;
  }

  get running(): boolean {
    return this.handle !== null;
  }

  async stop(): Promise<void> {
    const sb = this.handle;
    this.handle = null;
    if (sb) await sb.stop();
  }

  private async start(port: number | undefined, seed: 'empty' | 'demo'): Promise<SandboxHandle> {
    const { startSandbox } = await import('../sandbox/server');
    let seedData: SandboxSeed | undefined;
    if (seed === 'demo') {
      try {
        seedData = JSON.parse(await readFile(join(this.o.resourcesDir, 'demo', 'sandbox-seed.json'), 'utf8'));
      } catch {
        seedData = undefined;
      }
    }
    const handle = await startSandbox({
      ...(port ? { port } : {}),
      dataDir: this.o.dataDir,
      ...(seedData ? { seed: seedData } : {}),
    });
    this.o.redactor.remember(handle.clientSecret);
    this.handle = handle;
    return handle;
  }
}
