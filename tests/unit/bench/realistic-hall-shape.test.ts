import { describe, expect, it } from 'vitest';
import { validateSiteConfig } from '../../../server/config/validate-site-config.js';
import { hallAddress } from '../../../bench/lib/loopback-http.js';
import { queueCount, realisticHallSite } from '../../../bench/lib/realistic-hall-site.js';
import { readCpuSeconds } from '../../../bench/lib/cpu-sampler.js';
import { kioskKeys, type HallLoadParams } from '../../../bench/scenarios/realistic-hall-params.js';
import { summarizeSize } from '../../../bench/scenarios/realistic-hall-summary.js';
import type { RealisticHallRow } from '../../../bench/scenarios/realistic-hall.js';

/**
 * The load bench's hall must be one the hub would accept from a clerk, or the bench measures a hub
 * that refuses its own settings. Its figures are summarised as medians of whole runs.
 */
describe('the realistic hall the load bench builds', () => {
  it.each([10, 60, 200])('is a valid site config at %i counters, every device on its own key and link', (counters) => {
    const site = realisticHallSite({ counters, displays: 20, kiosks: 21, supervisors: 5, printerPorts: [9101, 9102, 9103] });
    const checked = validateSiteConfig(site);
    expect(checked.ok ? [] : checked.errors).toEqual([]);
    expect(site.counters).toHaveLength(counters);
    expect(site.queues).toHaveLength(queueCount(counters));
    expect(site.devices.filter((d) => d.kind === 'survey')).toHaveLength(counters);
    expect(site.devices.filter((d) => d.kind === 'printer').map((d) => d.link)).toEqual([
      'tcp://127.0.0.1:9101',
      'tcp://127.0.0.1:9102',
      'tcp://127.0.0.1:9103',
    ]);
    const keys = site.devices.flatMap((d) => ('key' in d && d.key ? [d.key] : []));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives every machine of a 200-counter hall its own loopback address', () => {
    const all = (['kiosk', 'officer', 'supervisor', 'survey', 'display'] as const).flatMap((g) =>
      Array.from({ length: 600 }, (_, i) => hallAddress(g, i)),
    );
    expect(new Set(all).size).toBe(all.length);
    for (const a of all) {
      const octets = a.split('.').map(Number);
      expect(octets[0]).toBe(127);
      expect(octets.every((o) => Number.isInteger(o) && o >= 0 && o <= 255)).toBe(true);
      expect(octets[3]).not.toBe(0);
      expect(octets[3]).not.toBe(255);
    }
  });

  it('spreads issuing over enough kiosk keys that none passes its per-minute limit', () => {
    const p = { kiosks: 8, ticketsPerCounter: 25, daySeconds: 180, kioskPerMinute: 24 } as HallLoadParams;
    expect(kioskKeys(p, 10)).toBe(8); // 83 a minute: the hall's 8 kiosks are enough
    const keys = kioskKeys(p, 200); // 1,667 a minute
    expect((200 * 25 * 60) / 180 / keys).toBeLessThanOrEqual(24);
    expect((200 * 25 * 60) / 180 / (keys - 1)).toBeGreaterThan(24);
  });

  it('reads this process’s own CPU time from /proc, and nothing for a process that is not there', () => {
    const before = readCpuSeconds(process.pid);
    const end = Date.now() + 120;
    while (Date.now() < end) Math.sqrt(Math.random());
    const after = readCpuSeconds(process.pid);
    expect(before).not.toBeNull();
    expect(after!).toBeGreaterThan(before!);
    expect(readCpuSeconds(2 ** 22 + 7)).toBeNull();
  });
});

describe('summarizeSize', () => {
  const run = (issueMedian: number, issueP99: number, failed: number, missed: number): RealisticHallRow =>
    ({
      counters: 60,
      sockets: 153,
      kioskKeys: 21,
      tickets: { planned: 1500, issued: 1500 - failed, called: 1500, served: 1500, rated: 700, leftWaiting: 0 },
      issue: { count: 1500, median: issueMedian, p99: issueP99, max: issueP99 },
      callNext: { count: 1500, median: 5, p99: 9, max: 9 },
      callToDisplay: { count: 30000, median: 3, p99: 8, max: 8 },
      rate: { count: 700, median: 4, p99: 7, max: 7 },
      hubCpu: { cpuSeconds: 30, wallSeconds: 200, meanPercent: 15, peakPercent: 25, series: [] },
      rss: { readyMb: 300, startMb: 320, peakMb: 400, endMb: 350, series: [] },
      loadProcess: { cpuPercent: 10, loopDelayP99Ms: 12, loopDelayMaxMs: 20 },
      commands: 6000,
      failed,
      delivery: {
        expected: 30000,
        missed,
        seqGaps: 0,
        disconnects: { displays: 1, kiosks: 0, officers: 0, pads: 0, dashboards: 0 },
      },
      loadAverageAtEnd: failed,
    }) as unknown as RealisticHallRow;

  it('takes the median of each run’s figure, and adds up what failed or went missing', () => {
    const s = summarizeSize([run(4, 40, 0, 0), run(9, 12, 2, 1), run(6, 30, 1, 0)]);
    expect(s.issue).toEqual({ median: 6, p99: 30 });
    expect([s.failed, s.missed, s.disconnects, s.runs]).toEqual([3, 1, 3, 3]);
    expect(s.hubCpuMsPerCommand).toBe(5);
    expect(s.rssGrowthMb).toBe(30);
    expect(s.loadAverageAtEndMax).toBe(2);
  });

  it('refuses to summarise no runs', () => {
    expect(() => summarizeSize([])).toThrow(/no runs/);
  });
});
