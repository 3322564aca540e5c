import type { EventName } from '../../shared/api/channels';
import type { EventMap } from '../../shared/api/contract';

export type AnyEventListener = (event: EventName, payload: unknown) => void;

/** Fans service events out to the transports (one IPC sender per window, one SSE stream per browser tab). */
export class EventHub {
  readonly #listeners = new Set<AnyEventListener>();

  subscribe(listener: AnyEventListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  emit<E extends EventName>(event: E, payload: EventMap[E]): void {
    for (const l of [...this.#listeners]) {
      try {
        l(event, payload);
      } catch {
        // A broken subscriber (closed window, dropped stream) must not stop the others or the run.
      }
    }
  }

  get size(): number {
    return this.#listeners.size;
  }
}
