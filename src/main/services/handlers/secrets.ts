import type { WorkbenchHandlers } from '../../../shared/api/contract';
import type { ServiceContext } from '../context';
import { lookupSecret, secretKey } from '../secret-store';

/** Secrets (bind password, ClientSecret): written and checked, never read back by the renderer. */
export function secretHandlers(
  ctx: ServiceContext,
): Pick<WorkbenchHandlers, 'secrets:set' | 'secrets:has' | 'secrets:delete'> {
  const store = ctx.options.secrets;
  return {
    'secrets:set': async ({ name, scope, value }) => {
      ctx.redactor.remember(value);
      await store.set(secretKey(name, scope), value);
      return { stored: true as const };
    },
    'secrets:has': async ({ name, scope }) => {
      const found = await lookupSecret(store, name, scope, ctx.env);
      return { present: found !== null, source: found?.source ?? null };
    },
    'secrets:delete': async ({ name, scope }) => ({ deleted: await store.delete(secretKey(name, scope)) }),
  };
}
