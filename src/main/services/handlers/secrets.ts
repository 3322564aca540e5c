import { refuse, type SecretEndpointInput, type WorkbenchHandlers } from '../../../shared/api/contract';
import { clearWorkbenchData, DAY_MS } from '../../security/data-protection';
import type { ServiceContext } from '../context';

/** The endpoint of a request: `endpoint`, or for a SCIM secret the `scope` URL. */
function endpointOfRequest(r: { scope?: string | undefined; endpoint?: SecretEndpointInput | undefined }) {
  const endpoint = r.endpoint ?? (r.scope ? { url: r.scope } : undefined);
  if (!endpoint)
    throw refuse(
      'invalid-request',
      'a secret belongs to one endpoint: give the directory (URL, TLS mode, bind DN) or the target URL',
      'refusal.secret.noEndpoint',
    );
  return endpoint;
}

/**
 * Secrets (bind password, ClientSecret): written, checked and confirmed per endpoint, never read back by the
 * renderer, never taken from the environment.
 */
export function secretHandlers(
  ctx: ServiceContext,
): Pick<
  WorkbenchHandlers,
  'secrets:set' | 'secrets:has' | 'secrets:delete' | 'secrets:confirm' | 'data:clear'
> {
  return {
    'data:clear': async ({ olderThanDays, includeProjects }) => {
      // The sandbox keeps its state in memory and writes it back: stop it before its folder goes.
      if (olderThanDays === undefined) await ctx.sandbox.stop();
      const removed = await clearWorkbenchData(ctx.folders, {
        now: ctx.now().getTime(),
        ...(olderThanDays !== undefined ? { olderThanMs: olderThanDays * DAY_MS } : {}),
        ...(includeProjects ? { includeProjects: true } : {}),
      });
      return { removed };
    },
    'secrets:set': async (r) => {
      await ctx.secrets.set(r.name, endpointOfRequest(r), r.value);
      return { stored: true as const };
    },
    'secrets:has': async (r) => {
      const present = await ctx.secrets.has(r.name, endpointOfRequest(r));
      return { present, source: present ? ('store' as const) : null };
    },
    'secrets:delete': async (r) => ({ deleted: await ctx.secrets.delete(r.name, endpointOfRequest(r)) }),
    'secrets:confirm': async (c) => {
      await ctx.secrets.confirm(c);
      return { confirmed: true as const };
    },
  };
}
