/**
 * Punycode (RFC 3492) and the ASCII form of a domain name (IDNA's ToASCII, for the length rules): DNS counts a
 * domain's length in the octets of its ASCII form, so `bücher.de` is `xn--bcher-kva.de`, 16 octets, not 9.
 * Pure (no node:punycode, no URL), so the engine in the renderer and the CLI judge an address the same way.
 */

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

function digit(d: number): string {
  return String.fromCharCode(d < 26 ? 97 + d : 22 + d);
}

/** RFC 3492 encoding of one label (without the `xn--`): `bücher` → `bcher-kva`. */
export function punycodeEncode(label: string): string {
  const points = Array.from(label, (c) => c.codePointAt(0)!);
  let out = points
    .filter((c) => c < 0x80)
    .map((c) => String.fromCharCode(c))
    .join('');
  const basic = out.length;
  let handled = basic;
  if (basic > 0) out += '-';
  let n = INITIAL_N;
  let delta = 0;
  let bias = INITIAL_BIAS;
  while (handled < points.length) {
    let m = Infinity;
    for (const c of points) if (c >= n && c < m) m = c;
    delta += (m - n) * (handled + 1);
    n = m;
    for (const c of points) {
      if (c < n) delta++;
      if (c !== n) continue;
      let q = delta;
      for (let k = BASE; ; k += BASE) {
        const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
        if (q < t) break;
        out += digit(t + ((q - t) % (BASE - t)));
        q = Math.floor((q - t) / (BASE - t));
      }
      out += digit(q);
      bias = adapt(delta, handled + 1, handled === basic);
      delta = 0;
      handled++;
    }
    delta++;
    n++;
  }
  return out;
}

/** Longest DNS label, in octets of its ASCII form. */
export const MAX_LABEL_OCTETS = 63;

/**
 * The ASCII form of one domain label: itself when ASCII (lower-cased), otherwise `xn--` + punycode of its
 * lower-cased NFC form. A label longer than 63 characters is returned as is: its ASCII form is only longer.
 */
export function asciiLabel(label: string): string {
  const lower = label.normalize('NFC').toLowerCase();
  // eslint-disable-next-line no-control-regex -- "is this label plain ASCII"
  if (/^[\x00-\x7f]*$/.test(lower) || lower.length > MAX_LABEL_OCTETS) return lower;
  return `xn--${punycodeEncode(lower)}`;
}

/** The ASCII form of a domain, label by label: `bücher.de` → `xn--bcher-kva.de`. */
export function asciiDomain(domain: string): string {
  return domain.split('.').map(asciiLabel).join('.');
}
