import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { MappingTarget } from '../../shared/mapping/schema';
import { defaultDataDir, defaultSandboxDir } from '../data-dir';
import { startSandbox, type SandboxSeed } from '../sandbox';
import { startSandboxThread, type ThreadSandboxHandle } from '../sandbox/thread';
import { ScimClient, type ScimClientOptions } from '../scim';
import { checkHttpsUrl, checkMappingPath, decideTokenUrl } from '../../shared/api/validators';
import { said } from '../../shared/i18n/message';
import { readReason, systemCode } from '../system-errors';
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
 * A target being connected to: what the plan records as its target (`ResolvedTarget.label`, known at once: the
 * daily state is named by it) and the target once it is ready. An embedded sandbox starts its thread meanwhile
 * (a tenth of a second or more), while the source is read; a SCIM server's target is ready at once.
 */
export interface StartingTarget {
  label: string;
  ready: Promise<ResolvedTarget>;
}

/**
 * Connects to the sync target: an in-process sandbox (`sandbox[:DIR]`) or a SCIM server with OAuth2 client
 * credentials (client id from the flag or the mapping, secret from PLEK_CLIENT_SECRET) or a bearer token
 * (PLEK_TOKEN). Secrets only come from the environment and never appear in messages.
 */
export async function resolveTarget(req: TargetRequest): Promise<ResolvedTarget> {
  return (await startTarget(req)).ready;
}

/**
 * `resolveTarget` without waiting for an embedded sandbox to start: what is wrong with the request (a URL, a
 * folder, missing credentials) is thrown here; a sandbox that cannot start rejects `ready`.
 */
export async function startTarget(req: TargetRequest): Promise<StartingTarget> {
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
    const label = `sandbox:${dir}`;
    const ready = (async (): Promise<ResolvedTarget> => {
      let sandbox: ThreadSandboxHandle;
      try {
        sandbox = await ((req.sandboxThread ? startSandboxThread(options) : null) ?? startSandbox(options));
      } catch (e) {
        // Its state folder cannot be read (a file where a folder is, no permission): said as such, not as a fault.
        if (!systemCode(e) || typeof (e as { syscall?: unknown }).syscall !== 'string') throw e;
        // The message itself says what to do: the reason says only what is wrong (not "give the file inside it").
        const reason = systemCode(e) === 'EISDIR' ? said('sys.read.folderInstead') : readReason(e);
        throw new UserError(said('cli.error.sandboxUnreadable', { dir, reason: [reason] }), 2, {
          technical: systemCode(e),
        });
      }
      let closing: Promise<void> | null = null;
      // The sandbox is this process's own: the client hands it its requests without HTTP (the same answers); it
      // still listens on 127.0.0.1 (its resources' locations name that URL).
      const client = new ScimClient({
        baseUrl: sandbox.url,
        auth: { kind: 'oauth', clientId: sandbox.clientId, clientSecret: sandbox.clientSecret },
        writeStrategy: mt?.writeStrategy ?? 'wholeAttribute',
        local: { origin: new URL(sandbox.url).origin, exchange: (request) => sandbox.exchange(request) },
        ...req.client,
      });
      return {
        client,
        label,
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
    })();
    // Awaited by whoever uses the target; meanwhile a failed start is not an unhandled rejection.
    ready.catch(() => {});
    return { label, ready };
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
    label: baseUrl,
    ready: Promise.resolve({
      client,
      label: baseUrl,
      async close() {
        client.close();
      },
    }),
  };
}
