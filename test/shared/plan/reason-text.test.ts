import { describe, expect, it } from 'vitest';
import { format } from '../../../src/shared/i18n';
import { reasonText, warningText } from '../../../src/shared/plan/reason-text';

// The Plan and Run steps word the client's warnings with these (the report files too): the Dutch interface must
// not show the English text the SCIM client writes to its log.
describe('target warnings in the interface language', () => {
  it('words a failing /ServiceProviderConfig and a refused /Bulk in Dutch and English', () => {
    const spc = 'GET /ServiceProviderConfig failed: HTTP 500; ETags and /Bulk are off for this run';
    expect(warningText(spc, 'nl')).toBe(
      format('nl', 'report.warning.spcFailed', { detail: 'GET /ServiceProviderConfig failed: HTTP 500' }),
    );
    expect(warningText(spc, 'nl')).not.toContain('are off for this run');
    const bulk = 'POST /Bulk answered HTTP 501: /Bulk refused, accounts are created one by one';
    expect(warningText(bulk, 'nl')).toBe(
      'Plek weigerde /Bulk (POST /Bulk answered HTTP 501): accounts zijn één voor één aangemaakt',
    );
    expect(warningText(bulk, 'en')).toBe(
      'Plek refused /Bulk (POST /Bulk answered HTTP 501): accounts were created one by one',
    );
  });

  it('keeps a warning it does not know as written, and words the plan reasons beside it', () => {
    expect(warningText('something new the client says', 'nl')).toBe('something new the client says');
    expect(reasonText('leaving on 2027-06-30', 'nl')).toBe(
      format('nl', 'report.reason.leavingOn', { date: '30-06-2027' }),
    );
  });
});
