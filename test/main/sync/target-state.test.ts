import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../src/main/sandbox';
import { readTargetState } from '../../../src/main/sync/plan';
import { ENTERPRISE_USER_SCHEMA } from '../../../src/shared/scim/fields';
import { client } from '../../support/scim-fixtures';

const handles: SandboxHandle[] = [];
afterEach(async () => {
  for (const h of handles.splice(0)) await h.stop();
});

describe('the target as the plan reads it', () => {
  it('keeps every attribute and the version, not the timestamps, location or schema list', async () => {
    const h = await startSandbox({
      seed: {
        users: [
          {
            userName: 'anouk.vandenberg@gemeente-voorbeeld.nl',
            externalId: '100042',
            name: { givenName: 'Anouk', familyName: 'van den Berg' },
            emails: [{ type: 'work', value: 'anouk.vandenberg@gemeente-voorbeeld.nl', primary: true }],
            active: false,
            [ENTERPRISE_USER_SCHEMA]: { department: 'Zorg & Welzijn' },
          },
        ],
      },
    });
    handles.push(h);
    const c = client(h);
    try {
      const { users } = await readTargetState(c);
      expect(users).toHaveLength(1);
      const [u] = users;
      const stored = h.snapshot().users[0]!;
      expect(u?.meta).toEqual({ version: stored.meta.version });
      expect(u?.schemas).toEqual([]);
      expect(u).toMatchObject({
        id: stored.id,
        externalId: '100042',
        userName: 'anouk.vandenberg@gemeente-voorbeeld.nl',
        name: { givenName: 'Anouk', familyName: 'van den Berg' },
        active: false,
        [ENTERPRISE_USER_SCHEMA]: { department: 'Zorg & Welzijn' },
      });
    } finally {
      c.close();
    }
  });
});
