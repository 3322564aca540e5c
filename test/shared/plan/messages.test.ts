import { describe, expect, it } from 'vitest';
import {
  CATALOGUES,
  flattenMessage,
  formatMessage,
  formatMessages,
  formatRef,
  said,
  type CodedMessage,
} from '../../../src/shared/i18n';
import type { CodedParam } from '../../../src/shared/i18n/message';
import { issueMessage, reasonText, warningTexts } from '../../../src/shared/plan/messages';

/**
 * Every reason the plan gives, every warning the plan, the client and apply give, and every way an operation can
 * fail, worded from its code and parameters in Dutch and in English. A code added to the catalogue without a row
 * here fails the last test.
 */
const TEXTS: [code: string, params: Record<string, CodedParam>, nl: string, en: string][] = [
  [
    'report.reason.endDate',
    { date: '2026-03-31', today: '2026-11-23' },
    'einddatum 31-03-2026 is verstreken',
    'end date 31-03-2026 has passed',
  ],
  ['report.reason.leavingOn', { date: '2027-06-30' }, 'vertrekt op 30-06-2027', 'leaving on 30-06-2027'],
  [
    'report.reason.startsOn',
    { date: '2027-01-01' },
    'begint op 01-01-2027: nog niet aangemaakt',
    'starts on 01-01-2027: not created yet',
  ],
  ['report.reason.new', {}, 'nieuw in de bron', 'new in the source'],
  ['report.reason.upToDate', {}, 'al actueel', 'up to date'],
  ['report.reason.fieldsChanged', { n: 2 }, '2 velden gewijzigd', '2 fields changed'],
  ['report.reason.activeAgain', {}, 'weer actief in de bron', 'active again in the source'],
  ['report.reason.inactive', {}, 'inactief in de bron', 'inactive in the source'],
  [
    'report.reason.activeFalse',
    {},
    'de mapping zet het veld active op onwaar',
    'the mapping sets the field active to false',
  ],
  [
    'report.reason.linked',
    { by: 'email' },
    'eerste import: bestaand account gekoppeld op e-mailadres',
    'initial import: existing account linked by e-mail address',
  ],
  [
    'report.reason.notCreatedInactive',
    { why: [{ code: 'report.reason.inactiveWhen', params: { rule: '[Status] = "Uit dienst"' } }] },
    'niet aangemaakt: inactief in de bron (gedeactiveerd omdat [Status] = "Uit dienst")',
    'not created: inactive in the source (deactivated because [Status] = "Uit dienst")',
  ],
  [
    'report.reason.inactiveWhen',
    { rule: '[Status] = "Uit dienst"' },
    'gedeactiveerd omdat [Status] = "Uit dienst"',
    'deactivated because [Status] = "Uit dienst"',
  ],
  [
    'report.reason.outOfScope',
    { rule: '[Contract] <> "Stagiair"' },
    'overgeslagen: buiten de scope ([Contract] <> "Stagiair")',
    'skipped because out of scope: [Contract] <> "Stagiair"',
  ],
  [
    'report.reason.error',
    { message: [{ code: 'issue.invalid-email.text', params: { row: 12, email: 'jan@@zorg' } }] },
    'overgeslagen door een fout: rij 12: "jan@@zorg" is geen geldig e-mailadres',
    'skipped because of an error: row 12: "jan@@zorg" is not a valid email address',
  ],
  ['report.reason.rowErrors', {}, 'de rij bevat fouten (zie Valideren)', 'the row has errors (see Validate)'],
  [
    'report.reason.noSourceUser',
    { by: 'userName' },
    'niemand in de bron heeft deze login',
    'no one in the source has this login',
  ],
  [
    'report.reason.inactiveNeverLinked',
    {},
    'inactief Plek-account: wordt nooit automatisch gekoppeld',
    'inactive Plek account: never linked automatically',
  ],
  [
    'report.reason.managerUnknown',
    { key: '100099' },
    'leidinggevende "100099" staat niet in Plek en niet in deze run: niet gewijzigd',
    'manager "100099" is not in Plek nor in this run: left unchanged',
  ],
  [
    'report.reason.duplicateKey',
    { key: '100014', rows: '4, 17' },
    'mapping key "100014" staat in de rijen 4, 17: er gebeurt niets tot die uniek is',
    'mapping key "100014" occurs on rows 4, 17: nothing is done until it is unique',
  ],
  [
    'report.reason.externalIdAmbiguous',
    { key: '100014', n: 2, ids: 'a1, b2' },
    'mapping key "100014" hoort bij 2 Plek-accounts (a1, b2): verwijder eerst de dubbele in Plek',
    'mapping key "100014" belongs to 2 Plek accounts (a1, b2): remove the duplicates in Plek first',
  ],
  [
    'report.reason.linkAmbiguous',
    { by: 'email', value: 'j.jansen@zorg.nl', n: 2, ids: 'a1, b2' },
    'e-mailadres j.jansen@zorg.nl past bij 2 Plek-accounts zonder mapping key (a1, b2): koppel er één met de hand',
    'e-mail address j.jansen@zorg.nl matches 2 Plek accounts without a key (a1, b2): link one by hand',
  ],
  [
    'report.reason.linkClaimed',
    { rows: '4, 17', id: 'a1', by: 'email' },
    'de rijen 4, 17 passen allemaal op e-mailadres bij Plek-account a1: koppel het met de hand',
    'rows 4, 17 all match Plek account a1 by e-mail address: link it by hand',
  ],
  [
    'report.reason.loginExhausted',
    { login: 'jjansen@zorg.nl' },
    'elke variant van de login jjansen@zorg.nl is al in gebruik in Plek of in deze run',
    'every variant of the login jjansen@zorg.nl is already taken in Plek or in this run',
  ],
  [
    'report.reason.userNameTaken',
    { value: 'jjansen@zorg.nl', kind: 'account', holder: 'a1 (jjansen@zorg.nl)' },
    'login jjansen@zorg.nl is al in gebruik bij Plek-account a1 (jjansen@zorg.nl)',
    'login jjansen@zorg.nl is already used by Plek account a1 (jjansen@zorg.nl)',
  ],
  [
    'report.reason.emailTaken',
    { value: 'j.jansen@zorg.nl', kind: 'new', holder: '100077' },
    'e-mailadres j.jansen@zorg.nl is al in gebruik bij het nieuwe account van "100077" in deze run',
    'e-mail address j.jansen@zorg.nl is already used by the new account of "100077" in this run',
  ],
  [
    'report.reason.noLogin',
    {},
    'geen login of werk-e-mailadres om het account mee aan te maken',
    'no login or work e-mail address to create the account with',
  ],
  ['report.reason.groupRule', {}, 'een groepsregel is van toepassing', 'a group rule matches'],
  [
    'report.reason.groupRuleNewGroup',
    {},
    'een groepsregel is van toepassing; de groep wordt eerst aangemaakt',
    'a group rule matches; the group is created first',
  ],
  [
    'report.reason.groupMissing',
    {},
    'de groep bestaat nog niet in Plek',
    'the group does not exist in Plek yet',
  ],
  [
    'report.warning.managerFailed',
    {
      key: '100014',
      row: 4,
      error: [{ code: 'report.failure.server', params: { status: 502, detail: 'Bad Gateway' } }],
    },
    'leidinggevende niet ingesteld omdat rij 4 (100014) niet kon worden aangemaakt: Plek had een serverfout (HTTP 502: Bad Gateway)',
    'manager not set because row 4 (100014) could not be created: Plek had a server error (HTTP 502: Bad Gateway)',
  ],
  [
    'report.warning.managerNotCreated',
    { key: '100014', row: 4, interrupted: 'yes' },
    'leidinggevende niet ingesteld omdat rij 4 (100014) niet is aangemaakt (de run werd onderbroken)',
    'manager not set because row 4 (100014) was not created (the run was interrupted)',
  ],
  [
    'report.warning.managerNotPlanned',
    {
      key: '100014',
      row: 4,
      why: [
        {
          code: 'report.reason.userNameTaken',
          params: {
            value: 'niels.dekker@gemeente-voorbeeld.nl',
            kind: 'account',
            holder: 'u9 (niels.dekker@gemeente-voorbeeld.nl)',
          },
        },
      ],
    },
    'leidinggevende niet ingesteld omdat rij 4 (100014) in deze run niet wordt aangemaakt: login niels.dekker@gemeente-voorbeeld.nl is al in gebruik bij Plek-account u9 (niels.dekker@gemeente-voorbeeld.nl)',
    'manager not set because row 4 (100014) is not created in this run: login niels.dekker@gemeente-voorbeeld.nl is already used by Plek account u9 (niels.dekker@gemeente-voorbeeld.nl)',
  ],
  [
    'report.warning.loginTaken',
    { plain: 'jjansen@zorg.nl', given: 'jjansen2@zorg.nl' },
    'login jjansen@zorg.nl is al in gebruik, daarom krijgt dit account jjansen2@zorg.nl',
    'login jjansen@zorg.nl is already taken, so this account gets jjansen2@zorg.nl',
  ],
  [
    'report.warning.spcFailed',
    {
      detail: [
        { code: 'report.failure.network', params: { detail: 'GET /ServiceProviderConfig: ECONNRESET' } },
      ],
    },
    'De /ServiceProviderConfig van Plek kon niet worden gelezen — Plek was niet bereikbaar of gaf geen antwoord (GET /ServiceProviderConfig: ECONNRESET). ETags en /Bulk stonden uit voor deze run',
    "Plek's /ServiceProviderConfig could not be read — Plek could not be reached or did not answer (GET /ServiceProviderConfig: ECONNRESET). ETags and /Bulk were off for this run",
  ],
  [
    'report.warning.spcMissing',
    { status: 501 },
    'Plek publiceert geen /ServiceProviderConfig (HTTP 501): ETags en /Bulk stonden uit voor deze run, dus elke wijziging ging als een eigen verzoek',
    'Plek publishes no /ServiceProviderConfig (HTTP 501): ETags and /Bulk were off for this run, so every change went as a request of its own',
  ],
  [
    'report.warning.spcEmpty',
    { status: 204 },
    'De /ServiceProviderConfig van Plek gaf HTTP 204 zonder configuratie: ETags en /Bulk stonden uit voor deze run',
    "Plek's /ServiceProviderConfig answered HTTP 204 without a configuration: ETags and /Bulk were off for this run",
  ],
  [
    'report.warning.pagingRecovered',
    { path: '/Users', n: 1, why: [{ code: 'report.paging.echo', params: { asked: 101, echoed: 100 } }] },
    'Plek sloeg bij het bladeren door /Users 1 account over (gevraagd om startindex 101, antwoord met startindex 100); opnieuw vanaf het begin gelezen, de lijst is volledig',
    "Plek's paging of /Users skipped 1 account (it answered start index 100 when asked for 101); read again from the start, the listing is complete",
  ],
  [
    'report.paging.echo',
    { asked: 101, echoed: 100 },
    'gevraagd om startindex 101, antwoord met startindex 100',
    'it answered start index 100 when asked for 101',
  ],
  [
    'report.paging.short',
    { listed: 1499, total: 1500 },
    'het gaf er 1.499 van de 1.500 die het zelf opgeeft',
    'it listed 1,499 of the 1,500 it reports',
  ],
  [
    'report.warning.wholeAttributes',
    {
      detail: [
        {
          code: 'report.failure.invalidValue',
          params: { scimType: 'invalidPath', detail: 'value filters are not supported' },
        },
      ],
    },
    'Plek weigerde een pad met waardefilter — Plek weigerde een waarde (HTTP 400 invalidPath: value filters are not supported). E-mailadressen en telefoonnummers zijn als geheel geschreven',
    'Plek refused a value-filter path — Plek refused a value (HTTP 400 invalidPath: value filters are not supported). E-mail addresses and phone numbers were written as whole attributes',
  ],
  [
    'report.warning.bulkRefused',
    { detail: [{ code: 'report.failure.refused', params: { status: 405, detail: 'POST /Bulk' } }] },
    'Plek weigerde /Bulk — Plek weigerde het verzoek (HTTP 405: POST /Bulk). Accounts zijn één voor één aangemaakt',
    'Plek refused /Bulk — Plek refused the request (HTTP 405: POST /Bulk). Accounts were created one by one',
  ],
  [
    'report.failure.conflict',
    { detail: 'userName "jjansen@zorg.nl" is already in use' },
    'Plek heeft al een account met deze login of dit e-mailadres (HTTP 409: userName "jjansen@zorg.nl" is already in use)',
    'Plek already has an account with this login or e-mail address (HTTP 409: userName "jjansen@zorg.nl" is already in use)',
  ],
  [
    'report.failure.invalidValue',
    { scimType: 'invalidValue', detail: 'phoneNumbers[0].value: not E.164' },
    'Plek weigerde een waarde (HTTP 400 invalidValue: phoneNumbers[0].value: not E.164)',
    'Plek refused a value (HTTP 400 invalidValue: phoneNumbers[0].value: not E.164)',
  ],
  [
    'report.failure.refused',
    { status: 422, detail: 'PATCH /Users/a1: HTTP 422' },
    'Plek weigerde het verzoek (HTTP 422: PATCH /Users/a1: HTTP 422)',
    'Plek refused the request (HTTP 422: PATCH /Users/a1: HTTP 422)',
  ],
  [
    'report.failure.access',
    { status: 403, detail: 'PATCH /Users/a1: HTTP 403' },
    'Plek weigerde de toegang (HTTP 403: PATCH /Users/a1: HTTP 403)',
    'Plek refused access (HTTP 403: PATCH /Users/a1: HTTP 403)',
  ],
  [
    'report.failure.notFound',
    { detail: 'GET /Users/a1' },
    'het account of de groep bestaat niet meer in Plek (GET /Users/a1)',
    'the account or group no longer exists in Plek (GET /Users/a1)',
  ],
  [
    'report.failure.rateLimited',
    { detail: 'too many requests' },
    'Plek bleef vragen om langzamer te gaan; de bewerking is opgegeven (too many requests)',
    'Plek kept asking to slow down; the operation was given up (too many requests)',
  ],
  [
    'report.failure.server',
    { status: 503, detail: 'try again later' },
    'Plek had een serverfout (HTTP 503: try again later)',
    'Plek had a server error (HTTP 503: try again later)',
  ],
  [
    'report.failure.network',
    { detail: 'POST /Users: ETIMEDOUT' },
    'Plek was niet bereikbaar of gaf geen antwoord (POST /Users: ETIMEDOUT)',
    'Plek could not be reached or did not answer (POST /Users: ETIMEDOUT)',
  ],
  [
    'report.failure.ambiguous',
    { n: 2, detail: 'externalId 100014 matches a1, b2' },
    '2 Plek-accounts passen bij deze persoon, dus er is niets gewijzigd (externalId 100014 matches a1, b2)',
    '2 Plek accounts match this person, so nothing was changed (externalId 100014 matches a1, b2)',
  ],
  [
    'report.failure.noId',
    {},
    'Plek maakte het account aan maar stuurde geen id terug',
    'Plek created the account but sent no id back',
  ],
  [
    'report.failure.notCreated',
    {},
    'niet uitgevoerd, omdat het account niet is aangemaakt',
    'not done, because the account was not created',
  ],
  [
    'report.failure.notCreatedGroup',
    {},
    'niet aan de groep toegevoegd, omdat het account niet is aangemaakt',
    'not added to the group, because the account was not created',
  ],
  [
    'report.failure.groupMissing',
    { group: 'Zorg' },
    'groep "Zorg" bestaat niet, omdat het aanmaken ervan mislukte',
    'group "Zorg" does not exist, because creating it failed',
  ],
  [
    'report.failure.other',
    { detail: 'no Plek account id in the plan' },
    'de bewerking is mislukt (no Plek account id in the plan)',
    'the operation failed (no Plek account id in the plan)',
  ],
];

describe('coded messages in Dutch and English', () => {
  it.each(TEXTS)('%s', (code, params, nl, en) => {
    const m: CodedMessage = Object.keys(params).length ? { code, params } : { code };
    expect(formatMessage('nl', m)).toBe(nl);
    expect(formatMessage('en', m)).toBe(en);
  });

  it('has a row above for every reason, warning and failure code in the catalogue', () => {
    const codes = Object.keys(CATALOGUES.en).filter((id) =>
      /^report\.(?:reason|warning|failure|paging)\./.test(id),
    );
    expect(codes.filter((c) => !TEXTS.some(([code]) => code === c))).toEqual([]);
    expect(TEXTS.filter(([code]) => !codes.includes(code)).map(([code]) => code)).toEqual([]);
  });

  it('says plurals as each language does', () => {
    const one = said('report.reason.fieldsChanged', { n: 1 });
    expect(formatMessage('nl', one)).toBe('1 veld gewijzigd');
    expect(formatMessage('en', one)).toBe('1 field changed');
    const many = said('report.warning.pagingRecovered', {
      path: '/Users',
      n: 1200,
      why: [said('report.paging.short', { listed: 3800, total: 5000 })],
    });
    expect(formatMessage('nl', many)).toContain('1.200 accounts over (het gaf er 3.800 van de 5.000');
    expect(formatMessage('en', many)).toContain('skipped 1,200 accounts (it listed 3,800 of the 5,000');
  });

  it('shows a code it does not know (a plan file from a newer workbench) with its values, never an empty text', () => {
    expect(formatMessage('nl', { code: 'report.reason.fromTheFuture', params: { key: '100014' } })).toBe(
      'report.reason.fromTheFuture (key=100014)',
    );
  });
});

describe('reasons and warnings of a plan change', () => {
  it('joins a reason’s fragments, and keeps the English text of a change written before codes', () => {
    const c = {
      reason: 'new in the source; manager "100099" is not in Plek nor in this run: left unchanged',
      reasons: [said('report.reason.new'), said('report.reason.managerUnknown', { key: '100099' })],
    };
    expect(reasonText(c, 'nl')).toBe(
      'nieuw in de bron, leidinggevende "100099" staat niet in Plek en niet in deze run: niet gewijzigd',
    );
    expect(reasonText({ reason: 'new in the source' }, 'nl')).toBe('new in the source');
  });

  it('words coded warnings and keeps uncoded ones as written', () => {
    const w = {
      warnings: ['login a@b.nl is already taken, so this account gets a2@b.nl', 'something older'],
      warningMessages: [said('report.warning.loginTaken', { plain: 'a@b.nl', given: 'a2@b.nl' })],
    };
    expect(warningTexts(w, 'nl')).toEqual([
      'login a@b.nl is al in gebruik, daarom krijgt dit account a2@b.nl',
      'something older',
    ]);
  });

  it('turns an issue into the coded message Validate words it with', () => {
    const m = issueMessage({
      code: 'invalid-email',
      severity: 'error',
      row: 12,
      message: 'row 12: "jan@@zorg" is not a valid email address',
      params: { id: 'issue.invalid-email.text', row: 12, email: 'jan@@zorg' },
    });
    expect(formatMessages('nl', [m])).toBe('rij 12: "jan@@zorg" is geen geldig e-mailadres');
  });
});

describe('a coded message inside a log line (flattened to string and number values for the API)', () => {
  it('words the failure inside "{op} failed: {error}" in the reader’s language', () => {
    const failure = said('report.failure.conflict', { detail: 'userName "a@b.nl" is already in use' });
    const ref = {
      id: 'run.log.failed',
      values: {
        op: 'user:100014',
        error: 'POST /Users: HTTP 409 uniqueness',
        ...flattenMessage('error', failure),
      },
    };
    expect(Object.values(ref.values).every((v) => typeof v === 'string' || typeof v === 'number')).toBe(true);
    expect(formatRef('nl', ref)).toBe(
      'user:100014 mislukt: Plek heeft al een account met deze login of dit e-mailadres (HTTP 409: userName "a@b.nl" is already in use)',
    );
    expect(formatRef('en', ref)).toBe(
      'user:100014 failed: Plek already has an account with this login or e-mail address (HTTP 409: userName "a@b.nl" is already in use)',
    );
    // A nested code the catalogue does not know leaves the English text the line carries.
    expect(formatRef('nl', { ...ref, values: { ...ref.values, 'error:id': 'report.failure.later' } })).toBe(
      'user:100014 mislukt: POST /Users: HTTP 409 uniqueness',
    );
  });
});
