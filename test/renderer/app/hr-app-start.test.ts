import { describe, expect, it } from 'vitest';
import { hrAppSource } from '../../../src/renderer/src/app/HrAppStart';
import { mappingSourceSchema } from '../../../src/shared/mapping/schema';

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
