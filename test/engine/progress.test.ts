import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { match, matchAsync, type ProgressEvent } from '../../src/index';

const participants: unknown = JSON.parse(readFileSync(new URL('../fixtures/participants.sample.json', import.meta.url), 'utf8'));
const program: unknown = JSON.parse(readFileSync(new URL('../fixtures/program.sample.json', import.meta.url), 'utf8'));

/** Checks the contract of a run's events and returns them grouped by phase. */
function checkEvents(events: readonly ProgressEvent[]): Map<string, ProgressEvent[]> {
  const order = ['validate', 'score', 'solve', 'explain', 'diagnose'];
  const phases = new Map<string, ProgressEvent[]>();
  let last = -1;
  for (const event of events) {
    const at = order.indexOf(event.phase);
    expect(at).toBeGreaterThanOrEqual(last);
    last = at;
    const list = phases.get(event.phase) ?? [];
    if (list.length > 0) expect(event.done).toBeGreaterThanOrEqual(list[list.length - 1]!.done);
    else expect(event.done).toBe(0);
    list.push(event);
    phases.set(event.phase, list);
  }
  for (const list of phases.values()) {
    const end = list[list.length - 1]!;
    expect(end.total).toBe(end.done);
  }
  return phases;
}

describe('onProgress', () => {
  test('reports every phase in order, each from 0 to its total', () => {
    const events: ProgressEvent[] = [];
    const result = match({ participants, program: { ...(program as object), quotas: [] } }, { onProgress: (e) => events.push(e) });
    const phases = checkEvents(events);
    expect([...phases.keys()]).toEqual(['validate', 'score', 'solve', 'explain']);
    const volunteers = result.stats.volunteers.juniors;
    expect(phases.get('score')!.at(-1)).toEqual({ phase: 'score', done: volunteers, total: volunteers });
    expect(phases.get('explain')!.at(-1)).toEqual({ phase: 'explain', done: result.pairs.length, total: result.pairs.length });
  });

  test('reports the solve of a programme with rules, and the diagnosis of an infeasible one', async () => {
    const events: ProgressEvent[] = [];
    await matchAsync({ participants, program }, { onProgress: (e) => events.push(e) });
    const solve = checkEvents(events).get('solve')!;
    expect(solve.length).toBeGreaterThanOrEqual(2);

    const strict = { ...(program as object), quotas: [{ id: 'all-cross', kind: 'minShare', where: 'differentSite', share: 1 }, { id: 'none-cross', kind: 'maxShare', where: 'differentSite', share: 0 }, { id: 'some', kind: 'minPairs', per: { side: 'junior', field: 'department' }, count: 1 }] };
    const seen: ProgressEvent[] = [];
    const result = match({ participants, program: strict }, { onProgress: (e) => seen.push(e) });
    expect(result.status).toBe('infeasible');
    expect([...checkEvents(seen).keys()]).toContain('diagnose');
  });

  test('an exception thrown by the callback aborts the call', () => {
    const stop = new Error('stop');
    expect(() => match({ participants, program }, { onProgress: (e) => { if (e.phase === 'solve') throw stop; } })).toThrow(stop);
  });
});
