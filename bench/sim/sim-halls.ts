import type { CounterDef } from '../../common/domain/counter.js';
import { demoSiteConfig } from '../../server/config/demo-office.js';
import { toHallConfig } from '../../server/config/to-hall-config.js';
import type { HallConfig } from '../../server/core/hall-state.js';

/** A hall to simulate: the core's config, which queues citizens come for, and how many come. */
export interface SimHall {
  readonly name: string;
  readonly label: string;
  readonly config: HallConfig;
  /** Queue id and relative weight: the share of citizens who take a number in that queue. */
  readonly queueMix: readonly (readonly [string, number])[];
  readonly expectedPerDay: number;
  /** A weekday, "YYYY-MM-DD" (the date only matters to the day's numbering). */
  readonly day: string;
}

/**
 * What a commune centre's citizens come for: civil status and residence lead, land files are fewer
 * but long, result collection is frequent and short. With the demo's service times this loads each
 * of the demo's three counter pairs (1+6, 2+5, 3+4) about equally.
 */
const QUEUE_MIX: readonly (readonly [string, number])[] = [
  ['ho-tich-chung-thuc', 0.28],
  ['dat-dai-xay-dung', 0.12],
  ['cu-tru-can-cuoc', 0.22],
  ['nguoi-co-cong-bao-tro', 0.1],
  ['ho-kinh-doanh-nong-nghiep', 0.1],
  ['nhan-ket-qua', 0.18],
];

/**
 * Citizens per counter per day. With the mix below, about 63 % of a counter's day is spent serving
 * (70 % with walking up, recalls and pauses), more than its capacity at the 8:30 peak: a busy day.
 */
export const CITIZENS_PER_COUNTER_DAY = 25;
const SIM_DAY = '2026-03-02';

function demoConfig(): HallConfig {
  let n = 0;
  return toHallConfig(demoSiteConfig(() => `sim-key-${++n}-abcdefghijklmnopqrstuvwxyz`));
}

/** The demo office as shipped: 6 counters, 6 queues, interleave 1 priority per 3 normal, 45 min age cap. */
export function demoHall(citizensPerCounter = CITIZENS_PER_COUNTER_DAY): SimHall {
  const config = demoConfig();
  return {
    name: 'demo-6',
    label: 'demo office, 6 counters',
    config,
    queueMix: QUEUE_MIX,
    expectedPerDay: citizensPerCounter * config.counters.length,
    day: SIM_DAY,
  };
}

/**
 * The demo office grown to `counters` counters (a centre after a merger of communes, or a district's):
 * each queue gets counters
 * in proportion to its load (mix share times service time, largest remainder), each keeping the
 * demo's secondary queue for its primary one; the same citizens per counter.
 */
export function bigHall(counters = 20, citizensPerCounter = CITIZENS_PER_COUNTER_DAY): SimHall {
  const demo = demoConfig();
  const load = QUEUE_MIX.map(([id, share]) => share * (demo.queues.find((q) => q.id === id)?.defaultServiceMinutes ?? 10));
  const total = load.reduce((a, b) => a + b, 0);
  const exact = load.map((l) => (l / total) * counters);
  const seats = exact.map((x) => Math.max(1, Math.floor(x)));
  const byRemainder = exact.map((x, i) => [i, x - Math.floor(x)] as const).sort((a, b) => b[1] - a[1]);
  for (let k = 0; seats.reduce((a, b) => a + b, 0) < counters; k++) {
    const i = byRemainder[k % byRemainder.length]?.[0] ?? 0;
    seats[i] = (seats[i] ?? 0) + 1;
  }
  const defs: CounterDef[] = [];
  QUEUE_MIX.forEach(([queueId], i) => {
    const secondary = demo.counters.find((c) => c.queues[0]?.queueId === queueId)?.queues[1]?.queueId;
    for (let k = 0; k < (seats[i] ?? 0); k++) {
      const number = defs.length + 1;
      defs.push({
        id: `quay-${number}`,
        number,
        name: `Quầy ${number}`,
        queues: [{ queueId, role: 'primary' }, ...(secondary ? [{ queueId: secondary, role: 'secondary' as const }] : [])],
        priorityCounter: false,
      });
    }
  });
  return {
    name: `big-${defs.length}`,
    label: `demo queues, ${defs.length} counters`,
    config: { ...demo, counters: defs },
    queueMix: QUEUE_MIX,
    expectedPerDay: citizensPerCounter * defs.length,
    day: SIM_DAY,
  };
}
