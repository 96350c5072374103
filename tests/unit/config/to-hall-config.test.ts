import { describe, expect, it } from 'vitest';
import { toHallConfig } from '../../../server/config/to-hall-config.js';
import { demo } from './site-config-fixtures.js';

describe('toHallConfig', () => {
  it('maps interleave mode with its every', () => {
    const hall = toHallConfig(demo());
    expect(hall.priority.mode).toEqual({ kind: 'interleave', every: 3 });
    expect(hall.priority.ageCapMinutes).toBe(45);
    expect(hall.priority.classes.map((c) => c.id)).toContain('nguoi-cao-tuoi');
    expect(hall.maxRecalls).toBe(2);
    expect(hall.rolloverHour).toBe(0);
  });

  it('maps strict mode and ignores a leftover every', () => {
    const site = demo();
    site.priority.mode = 'strict';
    expect(toHallConfig(site).priority.mode).toEqual({ kind: 'strict' });
  });

  it('carries queues and counters field by field, sharing nothing with the settings', () => {
    const site = demo();
    const hall = toHallConfig(site);
    // A queue without issuing hours in the file gives numbers at any time (null in the hall).
    expect(hall.queues).toEqual(site.queues.map((q) => ({ ...q, issuingHours: q.issuingHours ?? null })));
    expect(hall.counters).toEqual(site.counters);
    expect(hall.queues[0]).not.toBe(site.queues[0]);
    expect(hall.queues[0]?.fields).not.toBe(site.queues[0]?.fields);
    expect(hall.counters[0]?.queues).not.toBe(site.counters[0]?.queues);
  });

  it('carries issuing hours, copied', () => {
    const site = demo();
    const hours = { from: '07:30', to: '16:30', days: [1, 2, 3, 4, 5] };
    site.queues[0] = { ...site.queues[0]!, issuingHours: hours };
    const hall = toHallConfig(site);
    expect(hall.queues[0]?.issuingHours).toEqual(hours);
    expect(hall.queues[0]?.issuingHours?.days).not.toBe(hours.days);
    expect(hall.queues[1]?.issuingHours).toBeNull();
  });

  it('refuses an interleave mode without every (a config that skipped validation)', () => {
    const site = demo();
    delete site.priority.every;
    expect(() => toHallConfig(site)).toThrow(/every/);
  });
});
