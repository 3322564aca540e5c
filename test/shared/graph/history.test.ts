import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, createHistory, pushHistory, redo, undo } from '../../../src/shared/graph/history';

describe('undo/redo history', () => {
  it('undoes and redoes in order and a new edit clears the redo stack', () => {
    let h = createHistory('Achternaam');
    h = pushHistory(h, 'Trim([Achternaam])');
    h = pushHistory(h, 'Join(" ", [Tussenvoegsel], Trim([Achternaam]))');
    expect(canRedo(h)).toBe(false);
    h = undo(h);
    expect(h.present).toBe('Trim([Achternaam])');
    h = undo(h);
    expect(h.present).toBe('Achternaam');
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.present).toBe('Trim([Achternaam])');
    h = pushHistory(h, 'Upper([Achternaam])');
    expect(canRedo(h)).toBe(false);
    expect(redo(h)).toBe(h);
    expect(undo(h).present).toBe('Trim([Achternaam])');
  });

  it('records nothing for the same snapshot and keeps at most `limit` steps', () => {
    const snap = { nodes: [] };
    const h = createHistory(snap);
    expect(pushHistory(h, snap)).toBe(h);
    let n = createHistory(0);
    for (let i = 1; i <= 10; i++) n = pushHistory(n, i, 3);
    expect(n.past).toEqual([7, 8, 9]);
  });
});
