import { refuse } from '../../shared/api/contract';
import type { TaskKind } from '../../shared/api/refusals';
import { newId } from './ids';

export interface Task {
  id: string;
  signal: AbortSignal;
  done(): void;
}

/** Long requests (sampling, validating, planning) the renderer can cancel by id. */
export class TaskRegistry {
  private readonly running = new Map<string, AbortController>();

  /** Starts (or restarts: a new request with the same id cancels the old one) a cancellable task. */
  start(taskId: string | undefined): Task {
    const id = taskId ?? newId('task');
    this.running.get(id)?.abort();
    const controller = new AbortController();
    this.running.set(id, controller);
    return {
      id,
      signal: controller.signal,
      done: () => {
        if (this.running.get(id) === controller) this.running.delete(id);
      },
    };
  }

  /**
   * Runs `work` as a task; a failure after cancellation becomes a `cancelled` answer saying what stopped, so
   * the renderer never shows an error for something the consultant asked for.
   */
  async run<T>(taskId: string | undefined, what: TaskKind, work: (task: Task) => Promise<T>): Promise<T> {
    const task = this.start(taskId);
    try {
      return await work(task);
    } catch (e) {
      if (task.signal.aborted)
        throw refuse('cancelled', `${what} was cancelled`, 'refusal.cancelled', { task: what });
      throw e;
    } finally {
      task.done();
    }
  }

  cancel(taskId: string): boolean {
    const c = this.running.get(taskId);
    if (!c) return false;
    c.abort();
    this.running.delete(taskId);
    return true;
  }

  cancelAll(): void {
    for (const c of this.running.values()) c.abort();
    this.running.clear();
  }
}
