import type { MessageId } from '../i18n/en';

/**
 * A catalogue message id (src/shared/i18n) with its parameters: messages cross the boundary as data, and the
 * renderer words them in the consultant's language.
 */
export interface MessageRef {
  id: string;
  values: Record<string, string | number>;
}

/** The ids of the API's and the validators' refusals: `refusal.*` in the catalogues (and the older `error.*`). */
export type RefusalId = Extract<MessageId, `refusal.${string}` | `error.${string}`>;

/** A refusal as data: its catalogue id and values (names of fields, hosts, files, counts — never a secret). */
export interface Refusal extends MessageRef {
  id: RefusalId;
}

export function refusal(id: RefusalId, values: Record<string, string | number> = {}): Refusal {
  return { id, values };
}

/** What a long request was doing when it was cancelled or stopped: `refusal.cancelled`'s `{task}`. */
export type TaskKind = 'sampling' | 'validation' | 'planning' | 'reading' | 'preview' | 'testing';
