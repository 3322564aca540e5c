import { describe, expect, it } from 'vitest';
import { bulkResourceId } from '../../../src/main/scim/client';

describe('bulkResourceId: the new account’s id from a /Bulk result', () => {
  it('takes response.id, else the last segment of location (without query, fragment or trailing slashes)', () => {
    const id = '2819c223-7f76-453a-919d-413861904646';
    expect(
      bulkResourceId({ response: { id: 'uit-response' }, location: `https://plek.nl/Users/${id}` }),
    ).toBe('uit-response');
    expect(bulkResourceId({ location: `https://plek.nl/scim/v2/Users/${id}` })).toBe(id);
    expect(bulkResourceId({ location: `https://plek.nl/scim/v2/Users/${id}/` })).toBe(id);
    expect(bulkResourceId({ location: `https://plek.nl/scim/v2/Users/${id}//?attributes=id#x` })).toBe(id);
    expect(bulkResourceId({ location: 'https://plek.nl/scim/v2/Users/jan%20de%20vries' })).toBe(
      'jan de vries',
    );
    expect(bulkResourceId({ location: 'https://plek.nl/scim/v2/Users/%C3%ABl' })).toBe('ël');
    expect(bulkResourceId({ location: id })).toBe(id);
    expect(bulkResourceId({ location: '///' })).toBeUndefined();
    expect(bulkResourceId({ location: '' })).toBeUndefined();
    expect(bulkResourceId({ location: 42 })).toBeUndefined();
    expect(bulkResourceId({})).toBeUndefined();
  });
});
