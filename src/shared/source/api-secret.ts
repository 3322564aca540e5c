import type { ApiSource } from '../mapping/schema';

/** The secret an API source needs: a client secret / bearer token / API key, an AFAS token, or none. */
export function apiSecretName(source: ApiSource): 'source-client-secret' | 'source-token' | null {
  if (source.kind === 'afas') return 'source-token';
  if (source.kind === 'rest' && source.auth.kind === 'none') return null;
  return 'source-client-secret';
}

/**
 * The URL whose endpoint (scheme, host, port) a stored API secret is bound to: where the secret is sent — the
 * token URL for OAuth2, the API itself otherwise. The app's EndpointSecrets hands it out for exactly that endpoint.
 */
export function apiSecretEndpointUrl(source: ApiSource): string {
  if (source.kind === 'rest') return source.auth.kind === 'oauth2' ? source.auth.tokenUrl : source.url;
  return source.baseUrl;
}
