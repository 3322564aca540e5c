import { checkHttpsUrl } from '../api/validators';
import type { ApiSource } from '../mapping/schema';

/** The secret an API source needs: a client secret / bearer token / API key, an AFAS token, or none. */
export function apiSecretName(source: ApiSource): 'source-client-secret' | 'source-token' | null {
  if (source.kind === 'afas') return 'source-token';
  if (source.kind === 'rest' && source.auth.kind === 'none') return null;
  return 'source-client-secret';
}

/**
 * The endpoint a stored API secret is bound to: the origin it is sent to (the token URL for OAuth2, the API
 * otherwise), plus the client ID where there is one. A mapping that points at another host, or names another
 * client, finds no secret and asks the consultant. Null when the URL breaks the one URL rule.
 */
export function apiSecretScope(source: ApiSource): string | null {
  const url =
    source.kind === 'rest'
      ? source.auth.kind === 'oauth2'
        ? source.auth.tokenUrl
        : source.url
      : source.baseUrl;
  const checked = checkHttpsUrl(url);
  if (!checked.ok) return null;
  const origin = checked.origin.origin;
  if (source.kind === 'personio') return `${origin}|client=${source.clientId}`;
  if (source.kind === 'rest' && source.auth.kind === 'oauth2')
    return `${origin}|client=${source.auth.clientId}`;
  if (source.kind === 'rest' && source.auth.kind === 'apiKey')
    return `${origin}|header=${source.auth.header}`;
  return origin;
}
