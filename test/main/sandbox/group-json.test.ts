import { describe, expect, it } from 'vitest';
import { SandboxStore } from '../../../src/main/sandbox/store';
import { mulberry32 } from '../../../src/shared/random';

const BASE = 'http://127.0.0.1:1/scim/v2';
const add = (ids: string[]) => ({
  schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
  Operations: [{ op: 'add', path: 'members', value: ids.map((value) => ({ value })) }],
});

describe('sandbox store: a group as JSON', () => {
  it('is the text JSON.stringify gives after every change to its members, by any route', () => {
    const random = mulberry32(3);
    let t = Date.parse('2026-11-23T08:00:00Z');
    const s = new SandboxStore(() => (t += Math.floor(random() * 2)));
    const users = Array.from({ length: 300 }, (_, i) =>
      s.create(
        'Users',
        { userName: `medewerker${i}@gemeente-voorbeeld.nl`, externalId: String(100000 + i) },
        BASE,
      ),
    );
    let g = s.create('Groups', { displayName: 'Wijkteam "Noord" \\ Zuid', members: [] }, BASE);
    const same = () => expect(s.toJson(s.get('Groups', g.id))).toBe(JSON.stringify(s.get('Groups', g.id)));
    same();
    for (let batch = 0; batch < 12; batch++) {
      // Batches of members with repeats, as the sync sends them (an id already in is not added twice).
      const ids = Array.from({ length: 25 }, () => users[Math.floor(random() * users.length)]!.id);
      g = s.patch('Groups', g.id, add(ids));
      same();
      if (batch === 4) {
        // A member leaves through a general PATCH, a member's account is deleted, the group is renamed.
        const first = (g.members as { value: string }[])[0]!.value;
        g = s.patch('Groups', g.id, {
          Operations: [{ op: 'remove', path: `members[value eq "${first}"]` }],
        });
        same();
        s.delete('Users', (g.members as { value: string }[])[0]!.value);
        same();
        g = s.patch('Groups', g.id, {
          Operations: [{ op: 'replace', path: 'displayName', value: 'Wijkteam Oost' }],
        });
        same();
      }
      if (batch === 8) {
        g = s.replace('Groups', g.id, {
          displayName: 'Wijkteam Oost',
          members: (g.members as { value: string }[]).slice(3),
        });
        same();
      }
    }
    // A member with more than its id (display, $ref) is written as it was given.
    g = s.patch('Groups', g.id, {
      Operations: [
        { op: 'add', path: 'members', value: [{ value: users[7]!.id, display: 'Zoë', $ref: 'x' }] },
      ],
    });
    same();
    expect(new Set((g.members as { value: string }[]).map((m) => m.value)).size).toBe(
      (g.members as unknown[]).length,
    );
    // Other answers are JSON.stringify's.
    expect(s.toJson({ a: 1, members: 'x' })).toBe('{"a":1,"members":"x"}');
    expect(s.toJson(users[0])).toBe(JSON.stringify(users[0]));
  });
});
