import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleApiSource } from '../../../../src/main/sources/api/index';
import { compileMapping } from '../../../../src/shared/engine/compile';
import { parseMapping } from '../../../../src/shared/mapping/load';
import {
  afasSourceSchema,
  personioSourceSchema,
  type MappingFileInput,
} from '../../../../src/shared/mapping/schema';
import { isBlankMapping, proposeProject, syncChecklist } from '../../../../src/shared/project/propose';
import { WORK_EMAIL } from '../../../../src/shared/scim/fields';
import {
  startAfasEmulator,
  startPersonioEmulator,
  type EmulatorBase,
} from '../../../support/hr-api-emulators';
import { generateHrPeople } from '../../../support/hr-people';

/**
 * A new project from an HR application in the workbench gets the same first mapping as `plek-sync init --source
 * personio|afas`: Personio's person id / AFAS's Medewerker as the key, names with the prefix, e-mail, manager,
 * joiners and leavers — proposed from the sample the Source step read.
 */
const people = generateHrPeople({ count: 60 }).people;
const TOKEN = '<token><version>1</version><data>ABCDEF0123456789ABCDEF0123456789</data></token>';
let personio: EmulatorBase;
let afas: EmulatorBase;

beforeAll(async () => {
  personio = await startPersonioEmulator({ people, clientId: 'plek', clientSecret: 'geheim' });
  afas = await startAfasEmulator({ people, connector: 'Plek_Medewerkers', token: TOKEN });
});

afterAll(async () => {
  await personio?.stop();
  await afas?.stop();
});

function blank(source: MappingFileInput['source']): MappingFileInput {
  return {
    version: 1,
    name: 'HR',
    source,
    mappingKey: { attribute: '' },
    fields: {},
    target: { kind: 'sandbox' },
  };
}

describe('proposeProject for an HR application API', () => {
  it('Personio: the person id, names, e-mail, manager, start and end dates and status', async () => {
    const source = personioSourceSchema.parse({ kind: 'personio', baseUrl: personio.url, clientId: 'plek' });
    const sample = await sampleApiSource(source, { secret: 'geheim', size: 60 });
    const start = blank({ kind: 'personio', baseUrl: personio.url, clientId: 'plek' });
    expect(isBlankMapping(start)).toBe(true);
    const proposed = proposeProject(start, sample.attributes, sample.records);
    expect(proposed.mappingKey?.attribute).toBe('id');
    expect(proposed.fields?.['name.givenName']?.expression).toContain('[first_name]');
    expect(proposed.fields?.['name.familyName']?.expression).toContain('[last_name]');
    expect(proposed.fields?.[WORK_EMAIL]?.expression).toContain('[email]');
    expect(JSON.stringify(proposed.fields)).toContain('[employment.supervisor.id]');
    expect(proposed.deactivation?.endDate).toContain('[employment.termination.termination_date]');
    expect(proposed.deactivation?.inactiveWhen).toContain('[employment.status]');
    expect(proposed.source).toEqual(start.source);
    const parsed = parseMapping(proposed);
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    if (parsed.ok) expect(() => compileMapping(parsed.mapping)).not.toThrow();
    expect(syncChecklist(proposed, sample.attributes).filter((i) => !i.ok)).toEqual([]);
  });

  it('AFAS: Medewerker as the key and the Dutch field ids, the prefix its own field', async () => {
    const input = {
      kind: 'afas' as const,
      baseUrl: `${afas.url}/ProfitRestServices`,
      connector: 'Plek_Medewerkers',
    };
    const sample = await sampleApiSource(afasSourceSchema.parse(input), { secret: TOKEN, size: 60 });
    const proposed = proposeProject(blank(input), sample.attributes, sample.records);
    expect(proposed.mappingKey?.attribute).toBe('Medewerker');
    expect(proposed.fields?.['name.familyName']?.expression).toContain('[Voorvoegsel]');
    expect(proposed.deactivation?.endDate).toContain('[Datum uit dienst]');
  });
});
