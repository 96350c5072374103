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
    expect(hall.queues).toEqual(site.queues);
    expect(hall.counters).toEqual(site.counters);
    expect(hall.queues[0]).not.toBe(site.queues[0]);
    expect(hall.queues[0]?.fields).not.toBe(site.queues[0]?.fields);
    expect(hall.counters[0]?.queues).not.toBe(site.counters[0]?.queues);
  });

  it('refuses an interleave mode without every (a config that skipped validation)', () => {
    const site = demo();
    delete site.priority.every;
    expect(() => toHallConfig(site)).toThrow(/every/);
  });
});
