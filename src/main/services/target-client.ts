import { refuse } from '../../shared/api/contract';
import type { MappingFile } from '../../shared/mapping/schema';
import type { ScimAuth, ScimClient } from '../scim/client';
import type { ServiceContext } from './context';

export interface TargetConnection {
  /** What plans and reports name as the target: `sandbox` or the SCIM base URL. */
  label: string;
  baseUrl: string;
  auth: ScimAuth;
  client: ScimClient;
}

/** A SCIM client for the mapping's target: the embedded sandbox, or a Plek tenant with its stored secret. */
export async function connectTarget(ctx: ServiceContext, mapping: MappingFile): Promise<TargetConnection> {
  const { ScimClient } = await import('../scim/client');
  const target = mapping.target ?? { kind: 'sandbox' as const };
  // Plek cannot process value-filter paths (its SCIM note): whole attributes unless the mapping says otherwise.
  const writeStrategy = target.writeStrategy ?? 'wholeAttribute';
  if (target.kind === 'sandbox') {
    const sb = await ctx.sandbox.ensure();
    ctx.sandbox.announce();
    const auth: ScimAuth = {
      kind: 'oauth',
      clientId: sb.clientId,
      clientSecret: sb.clientSecret,
      tokenUrl: sb.tokenUrl,
    };
    return {
      label: 'sandbox',
      baseUrl: sb.url,
      auth,
      client: new ScimClient({ baseUrl: sb.url, auth, writeStrategy }),
    };
  }
  // Bound to the target's origin: a secret stored for another tenant is not sent here without a confirmation.
  const endpoint = { url: target.baseUrl };
  const clientSecret = target.clientId ? await ctx.secrets.get('scim-client-secret', endpoint) : null;
  const token = clientSecret ? null : await ctx.secrets.get('scim-token', endpoint);
  let auth: ScimAuth;
  if (target.clientId && clientSecret) {
    // The client secret goes to the token URL: another origin only after the consultant confirmed it.
    await ctx.secrets.checkTokenUrl(target.baseUrl, target.tokenUrl);
    auth = {
      kind: 'oauth',
      clientId: target.clientId,
      clientSecret,
      ...(target.tokenUrl ? { tokenUrl: target.tokenUrl } : {}),
    };
  } else if (token) auth = { kind: 'bearer', token };
  else
    throw refuse(
      'invalid-request',
      `enter the ClientSecret for ${target.baseUrl} first (kept in the secret store)`,
      'error.scimSecretMissing',
      { url: target.baseUrl },
    );
  return {
    label: target.baseUrl,
    baseUrl: target.baseUrl,
    auth,
    client: new ScimClient({ baseUrl: target.baseUrl, auth, writeStrategy }),
  };
}
