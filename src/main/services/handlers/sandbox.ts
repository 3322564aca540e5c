import type { WorkbenchHandlers } from '../../../shared/api/contract';
import type { ServiceContext } from '../context';

/** The embedded Plek sandbox: start (seeded with the demo accounts or empty), stop, status. */
export function sandboxHandlers(
  ctx: ServiceContext,
): Pick<WorkbenchHandlers, 'sandbox:start' | 'sandbox:stop' | 'sandbox:status'> {
  return {
    'sandbox:start': async ({ port, seed }) => {
      await ctx.sandbox.ensure(port, seed);
      return ctx.sandbox.announce();
    },
    'sandbox:stop': async () => {
      await ctx.sandbox.stop();
      return ctx.sandbox.announce();
    },
    'sandbox:status': async () => ctx.sandbox.status(),
  };
}
