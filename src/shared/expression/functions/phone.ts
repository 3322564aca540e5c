import type { CountryCode } from 'libphonenumber-js/min';
import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { failAt } from '../runtime';
import type { Value } from '../value';
import type { FunctionDef } from './define';
import { compileError, literalText, mapText } from './define';

// Parsing a number costs microseconds, and the live preview evaluates the same sample rows again after every
// edit (recompiling the expression), so valid results are remembered across compilations. Pure: same input, same
// output; bounded by clearing.
const CACHE_SIZE = 5000;
const cache = new Map<string, string>();

export const PhoneE164: FunctionDef = {
  name: 'PhoneE164',
  params: [
    { name: 'phone', type: 'text' },
    { name: 'region', type: 'text', optional: true, literalOnly: true },
  ],
  returns: 'text',
  description: {
    en: 'The phone number in international E.164 form (+31612345678). National numbers are read for the region (default NL); an impossible number is an invalid-phone error; empty gives null.',
    nl: 'Het telefoonnummer internationaal (+31612345678); een ongeldig nummer geeft een fout, leeg geeft null.',
  },
  example: 'PhoneE164("06-12345678") → "+31612345678"',
  compile: (args, _ctx, call) => {
    const region = args[1] === undefined ? 'NL' : literalText('PhoneE164', args[1], 'the region');
    if (!isSupportedCountry(region))
      throw compileError(
        `unknown phone region ${JSON.stringify(region)} (use a two-letter country code such as "NL")`,
        args[1]!,
      );
    const country = region as CountryCode;
    const phone = args[0]!.evaluate;
    const each = (t: string): Value => {
      if (t.trim() === '') return null;
      const key = `${country}|${t}`;
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
      const parsed = parsePhoneNumberFromString(t, country);
      if (parsed === undefined || !parsed.isValid())
        throw failAt(call, 'invalid-phone', `${JSON.stringify(t)} is not a valid phone number for ${region}`);
      if (cache.size >= CACHE_SIZE) cache.clear();
      cache.set(key, parsed.number);
      return parsed.number;
    };
    return (env) => mapText(phone(env), each);
  },
};

export const PHONE_FUNCTIONS = [PhoneE164];
