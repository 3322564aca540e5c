import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { MappingTarget } from '../../shared/mapping/schema';
import { defaultDataDir, defaultSandboxDir } from '../data-dir';
import { startSandbox, type SandboxSeed } from '../sandbox';
import { startSandboxThread, type ThreadSandboxHandle } from '../sandbox/thread';
import { ScimClient, type ScimClientOptions } from '../scim';
import { checkHttpsUrl, checkMappingPath, decideTokenUrl } from '../../shared/api/validators';
import { said } from '../../shared/i18n/message';
import { UserError } from '../user-error';

export interface TargetRequest {
  /** `--target`: a SCIM base URL, `sandbox` or `sandbox:DIR`; absent = the mapping's `target`. */
  target?: string;
  mappingTarget?: MappingTarget;
  clientId?: string;
  tokenUrl?: string;
  env?: Record<string, string | undefined>;
  /** Seed a new sandbox with the demo accounts (resources/demo/sandbox-seed.json). */
  seedFile?: string;
  client?: Partial<ScimClientOptions>;
  /**
   * Run the embedded sandbox in a worker thread when the build has its entry (the CLI: a rehearsal's Plek is
   * another machine, here the other core). Otherwise, and by default, in this thread.
   */
  sandboxThread?: boolean;
}

export interface ResolvedTarget {
  client: ScimClient;
  /** What the plan records as its target: the base URL, or `sandbox:<dir>` (the port changes per start). */
  label: string;
  sandbox?: ThreadSandboxHandle;
  /** Closes the client and stops an embedded sandbox (saving its state); a second call waits for the first. */
  close(): Promise<void>;
}

/**
 * Refuses URLs that would send a secret in the clear or are not SCIM base URLs at all: the same rule
 * (`checkHttpsUrl`) the app and the mapping schema apply.
 */
export function checkTargetUrl(raw: string, role: 'target' | 'token' = 'target'): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UserError(said('cli.error.targetForm', { target: JSON.stringify(raw) }));
  }
  const checked = checkHttpsUrl(raw, role);
  if (!checked.ok)
    throw new UserError(
      /user name or password/.test(checked.reason)
        ? said('cli.error.targetCredentials')
        : said(checked.refusal.id, checked.refusal.values),
    );
  return url;
}

/**
 * The sandbox state folder a mapping may name (`target.dataDir`): only a relative folder inside the
 * workbench's data folder, because the state holds HR personal data. Any other folder comes from the command
 * line (`--target sandbox:DIR`).
 */
export function mappingSandboxDir(dataDir: string, env: Record<string, string | undefined>): string {
  const checked = checkMappingPath(dataDir, 'target.dataDir');
  if (!checked.ok)
    throw new UserError(
      said('cli.error.sandboxDir', { reason: [said(checked.refusal.id, checked.refusal.values)] }),
    );
  return join(defaultDataDir(env), ...checked.segments);
}

/**
 * Connects to the sync target: an in-process sandbox (`sandbox[:DIR]`) or a SCIM server with OAuth2 client
 * credentials (client id from the flag or the mapping, secret from PLEK_CLIENT_SECRET) or a bearer token
 * (PLEK_TOKEN). Secrets only come from the environment and never appear in messages.
 */
export async function resolveTarget(req: TargetRequest): Promise<ResolvedTarget> {
  const env = req.env ?? process.env;
  const spec = req.target;
  const mt = req.mappingTarget;
  const wantsSandbox = spec ? spec === 'sandbox' || spec.startsWith('sandbox:') : mt?.kind === 'sandbox';
  if (wantsSandbox) {
    const dir = spec?.startsWith('sandbox:')
      ? resolve(spec.slice('sandbox:'.length))
      : mt?.kind === 'sandbox' && mt.dataDir
        ? mappingSandboxDir(mt.dataDir, env)
        : defaultSandboxDir(env);
    let seed: SandboxSeed | undefined;
    if (req.seedFile) seed = JSON.parse(await readFile(req.seedFile, 'utf8')) as SandboxSeed;
    const options = { dataDir: dir, ...(seed ? { seed } : {}) };
    const sandbox: ThreadSandboxHandle = await ((req.sandboxThread ? startSandboxThread(options) : null) ??
      startSandbox(options));
    let closing: Promise<void> | null = null;
    const client = new ScimClient({
      baseUrl: sandbox.url,
      auth: { kind: 'oauth', clientId: sandbox.clientId, clientSecret: sandbox.clientSecret },
      writeStrategy: mt?.writeStrategy ?? 'wholeAttribute',
      ...req.client,
    });
    return {
      client,
      label: `sandbox:${dir}`,
      sandbox,
      close() {
        // Once: the CLI stops the sandbox as soon as the apply is done, and again in its `finally`.
        closing ??= (async () => {
          client.close();
          await sandbox.stop();
        })();
        return closing;
      },
    };
  }
  const base = spec ?? (mt?.kind === 'scim' ? mt.baseUrl : undefined);
  if (!base) throw new UserError(said('cli.error.noTarget'));
  const url = checkTargetUrl(base);
  // The client secret goes to the token URL: on another origin than the target only when the consultant
  // confirmed that host on the command line (--token-url), never because the mapping file says so.
  const mappingTokenUrl = mt?.kind === 'scim' ? mt.tokenUrl : undefined;
  const tokenUrl = req.tokenUrl ?? mappingTokenUrl;
  if (tokenUrl) {
    checkTargetUrl(tokenUrl, 'token');
    const decision = decideTokenUrl(url.href, tokenUrl, req.tokenUrl ? tokenUrl : null);
    if (decision.kind === 'invalid') throw new UserError(said(decision.refusal.id, decision.refusal.values));
    if (decision.kind === 'needs-confirmation')
      throw new UserError(
        said('cli.error.tokenHost', { origin: decision.origin, baseOrigin: decision.baseOrigin, tokenUrl }),
      );
  }
  const token = env.PLEK_TOKEN;
  const secret = env.PLEK_CLIENT_SECRET;
  const clientId = req.clientId ?? (mt?.kind === 'scim' ? mt.clientId : undefined);
  let auth: ScimClientOptions['auth'];
  if (token) auth = { kind: 'bearer', token };
  else if (secret && clientId)
    auth = { kind: 'oauth', clientId, clientSecret: secret, ...(tokenUrl ? { tokenUrl } : {}) };
  else if (secret) throw new UserError(said('cli.error.noClientId'));
  else throw new UserError(said('cli.error.noCredentials'));
  const baseUrl = url.toString().replace(/\/+$/, '');
  // Plek cannot process value-filter paths (its SCIM product note): whole attributes unless the mapping says so.
  const client = new ScimClient({
    baseUrl,
    auth,
    writeStrategy: (mt?.kind === 'scim' ? mt.writeStrategy : undefined) ?? 'wholeAttribute',
    ...req.client,
  });
  return {
    client,
    label: baseUrl,
    async close() {
      client.close();
    },
  };
}
