/**
 * Authentication for HR application APIs: OAuth2 client credentials (Personio, many REST APIs), a fixed bearer
 * token or API key header, and AFAS's `AfasToken <base64 of the token XML>`. Secrets stay inside these closures;
 * nothing here logs or returns them except as the header value sent to the endpoint they were given for.
 */
import { ApiSourceError, type ApiVendor } from './errors';
import { requestJson, type Authenticator, type HttpContext } from './http';

/** A fixed header (bearer token, API key, AFAS token): it cannot be renewed, so a 401 is final. */
export function fixedHeader(name: string, value: string): Authenticator {
  return {
    headers: async () => ({ headers: { [name]: value }, generation: 0 }),
    invalidate: () => false,
  };
}

export function bearer(token: string): Authenticator {
  return fixedHeader('authorization', `Bearer ${token.trim()}`);
}

export function apiKey(header: string, key: string): Authenticator {
  return fixedHeader(header, key.trim());
}

/**
 * AFAS wants `AfasToken ` + base64 of the whole `<token><version>1</version><data>…</data></token>` text. The
 * consultant may paste that XML, only the data part, or an already encoded value: all three are accepted.
 */
export function afasAuthorization(token: string): string {
  const t = token.trim();
  if (t.startsWith('<')) return `AfasToken ${Buffer.from(t, 'utf8').toString('base64')}`;
  if (/^[\dA-F]{16,}$/i.test(t)) {
    const xml = `<token><version>1</version><data>${t}</data></token>`;
    return `AfasToken ${Buffer.from(xml, 'utf8').toString('base64')}`;
  }
  const decoded = Buffer.from(t, 'base64').toString('utf8');
  if (decoded.trimStart().startsWith('<token>')) return `AfasToken ${t}`;
  throw new ApiSourceError(
    'missing-secret',
    'The AFAS token is not in a form AFAS accepts.',
    'Paste the whole token as AFAS hands it out: <token><version>1</version><data>…</data></token>.',
  );
}

export function afasToken(token: string): Authenticator {
  return fixedHeader('authorization', afasAuthorization(token));
}

interface TokenAnswer {
  access_token?: unknown;
  expires_in?: unknown;
  token_type?: unknown;
}

/**
 * OAuth2 client credentials: posts client_id, client_secret and grant_type as a form to the token URL, keeps the
 * access token until shortly before it expires, and fetches a new one when the API says it expired (401). All
 * requests in flight share one token request.
 */
export function oauth2ClientCredentials(
  ctx: HttpContext,
  settings: { tokenUrl: string; clientId: string; clientSecret: string; scope?: string; vendor: ApiVendor },
  now: () => number = Date.now,
): Authenticator {
  let token: string | null = null;
  let expiresAt = 0;
  let generation = 0;
  let pending: Promise<void> | null = null;

  async function fetchToken(): Promise<void> {
    const answer = (await requestJson(ctx, {
      url: settings.tokenUrl,
      method: 'POST',
      phase: 'token',
      form: {
        grant_type: 'client_credentials',
        client_id: settings.clientId,
        client_secret: settings.clientSecret,
        ...(settings.scope ? { scope: settings.scope } : {}),
      },
    })) as TokenAnswer | null;
    const access = answer?.access_token;
    if (typeof access !== 'string' || access === '') {
      throw new ApiSourceError(
        'bad-response',
        'The token endpoint answered without an access token.',
        'Check the token URL: it must be the OAuth2 token endpoint of the API.',
      );
    }
    const seconds = typeof answer?.expires_in === 'number' ? answer.expires_in : 3600;
    token = access;
    // Renew a little early so a page is never sent with a token that expires on the way.
    expiresAt = now() + Math.max(1, seconds - 30) * 1000;
    generation++;
  }

  return {
    async headers() {
      if (!token || now() >= expiresAt) {
        pending ??= fetchToken().finally(() => {
          pending = null;
        });
        await pending;
      }
      return { headers: { authorization: `Bearer ${token}` }, generation };
    },
    invalidate(used) {
      // Another request already renewed the token: just try again with the new one.
      if (used === generation) token = null;
      return true;
    },
  };
}
