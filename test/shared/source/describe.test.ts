import { describe, expect, it } from 'vitest';
import { describeRecordAttributes } from '../../../src/shared/source/describe';
import type { SourceRecord } from '../../../src/shared/source/types';

describe('describeRecordAttributes', () => {
  it('counts fill rate over non-blank values, keeps three distinct examples, marks lists, sorts by name', () => {
    const records: SourceRecord[] = [
      { row: 2, values: { sn: 'de Vries', mail: ' ', memberOf: ['ICT', 'Allen'] } },
      { row: 3, values: { sn: 'Öztürk', mail: 'a.ozturk@gemeente.nl', memberOf: [] } },
      { row: 4, values: { sn: 'de Vries', mail: null, proxyAddresses: 'smtp:x@gemeente.nl' } },
      { row: 5, values: { sn: 'Müller', mail: null } },
      { row: 6, values: { sn: 'Jansen', mail: null } },
    ];
    const byName = Object.fromEntries(
      describeRecordAttributes(records, (n) => n === 'proxyAddresses').map((a) => [a.name, a]),
    );
    expect(Object.keys(byName)).toEqual(['mail', 'memberOf', 'proxyAddresses', 'sn']);
    expect(byName.sn).toEqual({ name: 'sn', fillRate: 1, examples: ['de Vries', 'Öztürk', 'Müller'] });
    expect(byName.mail).toEqual({ name: 'mail', fillRate: 0.2, examples: ['a.ozturk@gemeente.nl'] });
    expect(byName.memberOf).toMatchObject({ fillRate: 0.2, multiValued: true });
    expect(byName.proxyAddresses).toMatchObject({ multiValued: true });
  });
});
