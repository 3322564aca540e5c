import type { CountryCode } from 'libphonenumber-js/min';
import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/min';
import metadata from 'libphonenumber-js/metadata.min.json';
import { failAt } from '../runtime';
import type { Value } from '../value';
import { isWhitespaceCode } from '../whitespace';
import type { FunctionDef } from './define';
import { compileError, literalText, mapText } from './define';

// Parsing a number costs microseconds, and the live preview evaluates the same sample rows again after every
// edit (recompiling the expression), so valid results are remembered across compilations. Pure: same input, same
// output; bounded by clearing.
const CACHE_SIZE = 5000;

/** Scratch for fastDutchE164's digits (longer numbers are not plain Dutch numbers). */
const DIGITS_MAX = 24;
const DIGITS = new Uint8Array(DIGITS_MAX);

/**
 * The Dutch numbering plan from the same metadata libphonenumber-js/min validates with: calling code, IDD and
 * national prefix, the national-number pattern and the possible lengths. Undefined when the metadata no longer
 * has the shape this reads (the fast path is then simply off).
 */
const DUTCH_PLAN = ((): { national: RegExp; lengths: Uint8Array } | undefined => {
  const entry: unknown = (metadata.countries as unknown as Record<string, unknown>)['NL'];
  if (!Array.isArray(entry)) return undefined;
  const [callingCode, idd, pattern, lengths, , nationalPrefix] = entry as unknown[];
  if (callingCode !== '31' || idd !== '00' || nationalPrefix !== '0') return undefined;
  if (typeof pattern !== 'string' || !Array.isArray(lengths)) return undefined;
  try {
    // The possible lengths as a table (1 for a possible length of the national number): one read per number.
    const possible = new Uint8Array(DIGITS_MAX + 1);
    for (const n of lengths as unknown[])
      if (typeof n === 'number' && n >= 0 && n <= DIGITS_MAX) possible[n] = 1;
    // Sticky, to be matched from the national number's first digit in the E.164 text (lastIndex 3).
    return { national: new RegExp(`(?:${pattern})$`, 'y'), lengths: possible };
  } catch {
    return undefined;
  }
})();

/**
 * The E.164 form of a plainly written Dutch number ("06-12345678", "+31 6 1234 5678", "0031 20 1234567"), or
 * undefined to let libphonenumber decide. A number is only accepted when libphonenumber would accept it with the
 * same result (a property test compares the two); everything unusual — "(0)", other countries, extensions,
 * letters, invalid numbers — goes to libphonenumber, which costs microseconds per number.
 */
export function fastDutchE164(text: string): string | undefined {
  if (DUTCH_PLAN === undefined) return undefined;
  // One pass over the characters: an optional "+", then digits and separators (whitespace, "-", ".", "(", ")"), the
  // digits kept in a scratch array: the only string made is the result (two numbers on every row of a bulk run).
  const n = text.length;
  const plus = text.charCodeAt(0) === 0x2b;
  let count = 0;
  for (let i = plus ? 1 : 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      if (count === DIGITS.length) return undefined;
      DIGITS[count++] = c;
    } else if (c === 0x28) {
      // "(0)": the trunk prefix written beside the country code, which libphonenumber reads its own way.
      if (text.charCodeAt(i + 1) === 0x30 && text.charCodeAt(i + 2) === 0x29) return undefined;
    } else if (!(c === 0x2d || c === 0x2e || c === 0x29 || isWhitespaceCode(c))) return undefined;
  }
  // Where the national number starts: after "+31", "0031" or the trunk prefix "0" (not "00").
  let from: number;
  if (plus) from = count >= 2 && DIGITS[0] === 0x33 && DIGITS[1] === 0x31 ? 2 : -1;
  else if (count >= 4 && DIGITS[0] === 0x30 && DIGITS[1] === 0x30 && DIGITS[2] === 0x33 && DIGITS[3] === 0x31)
    from = 4;
  else from = count >= 1 && DIGITS[0] === 0x30 && (count === 1 || DIGITS[1] !== 0x30) ? 1 : -1;
  if (from < 0) return undefined;
  const length = count - from;
  // The national number's first digit is never 0.
  if (length === 0 || DIGITS[from] === 0x30 || DUTCH_PLAN.lengths[length] !== 1) return undefined;
  const d = DIGITS;
  const f = from;
  const e164 =
    length === 9
      ? String.fromCharCode(
          43,
          51,
          49,
          d[f]!,
          d[f + 1]!,
          d[f + 2]!,
          d[f + 3]!,
          d[f + 4]!,
          d[f + 5]!,
          d[f + 6]!,
          d[f + 7]!,
          d[f + 8]!,
        )
      : `+31${String.fromCharCode(...d.subarray(f, count))}`;
  // The plan's pattern on the national number, read in place after "+31".
  DUTCH_PLAN.national.lastIndex = 3;
  return DUTCH_PLAN.national.test(e164) ? e164 : undefined;
}

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
    const region = args[1] === undefined ? 'NL' : literalText('PhoneE164', args[1], 'region');
    if (!isSupportedCountry(region))
      throw compileError(
        `unknown phone region ${JSON.stringify(region)} (use a two-letter country code such as "NL")`,
        args[1]!,
        'phoneRegion',
        { region },
      );
    const country = region as CountryCode;
    const phone = args[0]!.evaluate;
    const dutch = country === 'NL';
    const each = (t: string): Value => {
      if (t.trim() === '') return null;
      if (dutch) {
        const fast = fastDutchE164(t);
        if (fast !== undefined) return fast;
      }
      const key = `${country}|${t}`;
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
      const parsed = parsePhoneNumberFromString(t, country);
      if (parsed === undefined || !parsed.isValid())
        throw failAt(
          call,
          'invalid-phone',
          `${JSON.stringify(t)} is not a valid phone number for ${region}`,
          {
            id: 'eval.invalidPhone',
            text: JSON.stringify(t),
            region,
          },
        );
      if (cache.size >= CACHE_SIZE) cache.clear();
      cache.set(key, parsed.number);
      return parsed.number;
    };
    return (env) => mapText(phone(env), each);
  },
};

export const PHONE_FUNCTIONS = [PhoneE164];
