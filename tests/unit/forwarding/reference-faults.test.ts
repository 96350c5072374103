import { describe, expect, it } from 'vitest';
import { NO_FAULTS, pickFault, readFaults } from '../../../server/forwarding/reference-province/reference-faults.js';

describe('reference province faults', () => {
  it('reads a partial setting over no faults', () => {
    expect(readFaults({ failRate: 0.25, slowMs: 100 })).toEqual({
      ok: true,
      faults: { ...NO_FAULTS, failRate: 0.25, slowMs: 100 },
    });
    expect(readFaults({})).toEqual({ ok: true, faults: NO_FAULTS });
  });

  it('refuses unknown faults, rates outside 0-1, and rates adding up past 1', () => {
    const problems = (v: unknown) => (readFaults(v) as { problems?: string[] }).problems ?? [];
    expect(problems({ failrate: 0.1 })).toEqual(["unknown fault 'failrate'"]);
    expect(problems({ failRate: 1.5 })).toEqual(['failRate must be a number from 0 to 1']);
    expect(problems({ timeoutRate: '0.1' })).toEqual(['timeoutRate must be a number from 0 to 1']);
    expect(problems({ slowMs: -1 })).toEqual(['slowMs must be a number from 0 to 120000']);
    expect(problems({ failRate: 0.6, timeoutRate: 0.6 })).toEqual(['the rates add up to 1.2; at most 1']);
    expect(problems(null)).toEqual(['faults must be an object']);
    expect(problems([1])).toEqual(['faults must be an object']);
  });

  it('gives each fault its share of the draws, and none beyond them', () => {
    const f = {
      ...NO_FAULTS,
      timeoutRate: 0.125,
      failRate: 0.25,
      dropAfterCommitRate: 0.125,
      garbageRate: 0.125,
      duplicateRate: 0.125,
    };
    const counts = new Map<string, number>();
    for (let i = 0; i < 1000; i++) {
      const fault = pickFault(f, i / 1000) ?? 'none';
      counts.set(fault, (counts.get(fault) ?? 0) + 1);
    }
    expect(Object.fromEntries(counts)).toEqual({ timeout: 125, fail: 250, drop: 125, garbage: 125, duplicate: 125, none: 250 });
    expect(pickFault(NO_FAULTS, 0)).toBeNull();
  });
});
