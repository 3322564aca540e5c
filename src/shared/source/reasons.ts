import type { MessageId } from '../i18n/en';

/**
 * Why the reader settled on an encoding, in the consultant's words (a catalogue id). The reader's rule: a
 * byte-order mark wins, else strict UTF-8 if the bytes decode, else Windows-1252 (what Excel writes on a Dutch
 * Windows). The Source step and `plek-sync init` both word it.
 */
export function encodingReason(requested: string | undefined, detected: string): MessageId {
  if (requested && requested !== 'auto') return 'source.reason.chosen';
  const d = detected.toLowerCase();
  if (d.startsWith('utf-16')) return 'source.reason.bom';
  if (d === 'utf-8-bom' || d.includes('bom')) return 'source.reason.bom';
  if (d === 'utf-8' || d === 'utf8') return 'source.reason.utf8';
  return 'source.reason.cp1252';
}

/** Why the reader settled on a delimiter (a catalogue id). */
export function delimiterReason(requested: string | undefined): MessageId {
  return requested && requested !== 'auto' ? 'source.reason.chosen' : 'source.reason.delimiter';
}
