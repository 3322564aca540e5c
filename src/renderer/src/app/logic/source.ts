import type { MessageKey } from '../i18n';

/**
 * Why the reader settled on an encoding, in the consultant's words. The reader's rule: a byte-order mark wins,
 * else strict UTF-8 if the bytes decode, else Windows-1252 (what Excel writes on a Dutch Windows).
 */
export function encodingReason(requested: string | undefined, detected: string): MessageKey {
  if (requested && requested !== 'auto') return 'source.reason.chosen';
  const d = detected.toLowerCase();
  if (d.startsWith('utf-16')) return 'source.reason.bom';
  if (d === 'utf-8-bom' || d.includes('bom')) return 'source.reason.bom';
  if (d === 'utf-8' || d === 'utf8') return 'source.reason.utf8';
  return 'source.reason.cp1252';
}

export function delimiterReason(requested: string | undefined): MessageKey {
  return requested && requested !== 'auto' ? 'source.reason.chosen' : 'source.reason.delimiter';
}
