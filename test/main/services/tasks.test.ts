import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../src/shared/api/contract';
import { PlanStore } from '../../../src/main/services/run-state';
import { TaskRegistry } from '../../../src/main/services/tasks';
import type { StoredPlan } from '../../../src/main/services/run-state';

describe('TaskRegistry', () => {
  it('cancels a running task by id, and a failure after cancelling becomes a cancelled answer', async () => {
    const tasks = new TaskRegistry();
    let seen: AbortSignal | undefined;
    const running = tasks.run('t-1', 'validation', async (task) => {
      seen = task.signal;
      await new Promise((_, reject) =>
        task.signal.addEventListener('abort', () => reject(new Error('boom'))),
      );
    });
    expect(tasks.cancel('t-1')).toBe(true);
    await expect(running).rejects.toMatchObject({ code: 'cancelled', message: 'validation was cancelled' });
    expect(seen?.aborted).toBe(true);
    expect(tasks.cancel('t-1')).toBe(false);
  });

  it('a new request with the same id cancels the old one; a finished task is forgotten', async () => {
    const tasks = new TaskRegistry();
    const first = tasks.start('same');
    const second = tasks.start('same');
    expect(first.signal.aborted).toBe(true);
    expect(second.signal.aborted).toBe(false);
    first.done(); // the old task finishing must not forget the new one
    expect(tasks.cancel('same')).toBe(true);
    expect(second.signal.aborted).toBe(true);
  });

  it('passes real failures through unchanged', async () => {
    const tasks = new TaskRegistry();
    const failure = new ApiFailure('source-failed', 'cannot read hr.csv');
    await expect(
      tasks.run(undefined, 'sampling', async () => {
        throw failure;
      }),
    ).rejects.toBe(failure);
  });
});

describe('PlanStore', () => {
  it('keeps only the newest plans', () => {
    const store = new PlanStore(2);
    const plan = (n: number) => ({ plan: { n } }) as unknown as StoredPlan;
    store.set('a', plan(1));
    store.set('b', plan(2));
    store.set('c', plan(3));
    expect(store.get('a')).toBeUndefined();
    expect(store.get('b')).toEqual(plan(2));
    expect(store.get('c')).toEqual(plan(3));
  });
});
