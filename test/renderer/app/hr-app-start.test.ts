import { describe, expect, it } from 'vitest';
import { hrAppSource, type HrAppForm } from '../../../src/renderer/src/app/HrAppStart';
import { apiSourceFromOptions, type ApiInitOptions } from '../../../src/main/cli/commands/init-api';
import { mappingSourceSchema, restSourceSchema } from '../../../src/shared/mapping/schema';

const form = { kind: 'personio' as const, url: '', clientId: '', connector: '', recordsPath: 'data' };

describe('New project from an HR application: the source block and where its secret belongs', () => {
  it('Personio needs a client ID; the base URL defaults, and the secret is bound to it', () => {
    expect(hrAppSource(form)).toBeNull();
    const built = hrAppSource({ ...form, clientId: ' papi-77 ' })!;
    expect(built.source).toEqual({
      kind: 'personio',
      baseUrl: 'https://api.personio.de',
      clientId: 'papi-77',
    });
    expect(built).toMatchObject({
      secretName: 'source-client-secret',
      endpointUrl: 'https://api.personio.de',
    });
    expect(mappingSourceSchema.safeParse(built.source).success).toBe(true);
  });

  it('AFAS needs the environment URL and a connector; the token is bound to that environment', () => {
    expect(
      hrAppSource({ ...form, kind: 'afas', url: 'https://12345.rest.afas.online/ProfitRestServices' }),
    ).toBeNull();
    const built = hrAppSource({
      ...form,
      kind: 'afas',
      url: 'https://12345.rest.afas.online/ProfitRestServices',
      connector: 'Plek_Medewerkers',
    })!;
    expect(built.secretName).toBe('source-token');
    expect(mappingSourceSchema.safeParse(built.source).success).toBe(true);
  });

  it('refuses plain http to a real host in the schema (the one URL rule)', () => {
    const built = hrAppSource({ ...form, kind: 'rest', url: 'http://hr.example.nl/api/people' })!;
    expect(mappingSourceSchema.safeParse(built.source).success).toBe(false);
  });
});

describe('REST in the Start form: every auth kind and paging style of `init --source rest`', () => {
  const url = 'https://api.hr2day.example.nl/v1/employees';
  const rest = { ...form, kind: 'rest' as const, url, recordsPath: 'data' };
  const cases: { name: string; form: Partial<HrAppForm>; cli: Partial<ApiInitOptions>; endpoint: string }[] =
    [
      {
        name: 'OAuth2 client credentials with token URL, client ID and scope; offset/limit',
        form: {
          auth: 'oauth2',
          tokenUrl: 'https://api.hr2day.example.nl/oauth/token',
          clientId: ' plek ',
          scope: 'employees.read',
          paging: 'offset',
          pageSize: '250',
          totalPath: 'meta.total',
        },
        cli: {
          auth: 'oauth2',
          tokenUrl: 'https://api.hr2day.example.nl/oauth/token',
          sourceClientId: 'plek',
          scope: 'employees.read',
          paging: 'offset',
          pageSize: 250,
          totalPath: 'meta.total',
        },
        endpoint: 'https://api.hr2day.example.nl/oauth/token',
      },
      {
        name: 'API key in a named header; page number',
        form: { auth: 'apiKey', keyHeader: 'X-Loket-Key', paging: 'page' },
        cli: { auth: 'api-key', apiKeyHeader: 'X-Loket-Key', paging: 'page' },
        endpoint: url,
      },
      {
        name: 'bearer token; cursor with its own parameter',
        form: {
          auth: 'bearer',
          paging: 'cursor',
          cursorPath: 'meta.next_cursor',
          cursorParam: 'after',
          pageSize: '50',
        },
        cli: {
          auth: 'bearer',
          paging: 'cursor',
          cursorPath: 'meta.next_cursor',
          cursorParam: 'after',
          pageSize: 50,
        },
        endpoint: url,
      },
      {
        name: 'bearer token; next link',
        form: { auth: 'bearer', paging: 'nextLink', nextPath: 'links.next' },
        cli: { auth: 'bearer', paging: 'next-link', nextPath: 'links.next' },
        endpoint: url,
      },
    ];

  it.each(cases)('$name: the same source block as the CLI builds, secret bound to where it is sent', (c) => {
    const built = hrAppSource({ ...rest, ...c.form })!;
    expect(built).not.toBeNull();
    const cli = apiSourceFromOptions({ source: 'rest', sourceUrl: url, recordsPath: 'data', ...c.cli });
    expect(restSourceSchema.parse(built.source)).toEqual(cli);
    expect(built.secretName).toBe('source-client-secret');
    expect(built.endpointUrl).toBe(c.endpoint);
  });

  it('an open API needs no secret; OAuth2, cursor and next link wait for what they need', () => {
    expect(hrAppSource({ ...rest, auth: 'none' })).toMatchObject({ secretName: null });
    expect(hrAppSource({ ...rest, auth: 'oauth2', clientId: 'plek' })).toBeNull();
    expect(hrAppSource({ ...rest, auth: 'oauth2', tokenUrl: `${url}/token` })).toBeNull();
    expect(hrAppSource({ ...rest, paging: 'cursor' })).toBeNull();
    expect(hrAppSource({ ...rest, paging: 'nextLink' })).toBeNull();
  });

  it('refuses a header name the schema refuses (the same rule as the mapping file)', () => {
    const built = hrAppSource({ ...rest, auth: 'apiKey', keyHeader: 'X-Key: injected' })!;
    expect(mappingSourceSchema.safeParse(built.source).success).toBe(false);
  });
});
