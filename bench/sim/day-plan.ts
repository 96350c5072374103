import { serviceDayStart } from '../../common/time/vn-time.js';
import type { HallConfig } from '../../server/core/hall-state.js';
import { drawArrivalMinutes, weekdayCurve, type ArrivalCurve } from './arrival-curve.js';
import type { Behaviour } from './citizen-behaviour.js';
import { PAUSE_REASONS } from './citizen-behaviour.js';
import { bernoulli, pickWeighted, poisson, uniform } from './distributions.js';
import { seededRandom } from './prng.js';
import { drawServiceSec, type ServiceModel } from './service-time.js';
import type { SimHall } from './sim-halls.js';

const MIN_MS = 60_000;

/**
 * Everything random about one day, drawn before any policy runs: both policies meet the very same
 * citizens, service times, no-shows, transfers and pauses (common random numbers), so a difference
 * in the figures is the call order's and not the dice's.
 */
export type Fate =
  | { readonly kind: 'served'; readonly serviceSec: number }
  | { readonly kind: 'no-show' }
  /** Served `afterSec` at the first counter, transferred to `toQueueId`, then served `serviceSec` there. */
  | { readonly kind: 'transfer'; readonly afterSec: number; readonly toQueueId: string; readonly serviceSec: number };

export interface PlannedCitizen {
  readonly index: number;
  /** Epoch ms at which the citizen takes a number. */
  readonly at: number;
  readonly queueId: string;
  readonly priorityClass: string | null;
  readonly walkSec: number;
  readonly fate: Fate;
}

export interface PlannedPause {
  readonly counterId: string;
  /** Epoch ms from which the officer wants a pause (taken once the current citizen is done). */
  readonly at: number;
  readonly durationSec: number;
  readonly reason: string;
}

/** A session in epoch ms: numbers are given from `open` to `close`; officers call until `stop`. */
export interface PlannedSession {
  readonly open: number;
  readonly close: number;
  readonly stop: number;
}

export interface DayPlan {
  readonly day: string;
  readonly sessions: readonly PlannedSession[];
  readonly citizens: readonly PlannedCitizen[];
  readonly pauses: readonly PlannedPause[];
}

/** Separate streams per aspect, so each aspect's draws do not depend on how many another used. */
const STREAM = { arrivals: 1, citizens: 2, pauses: 3 } as const;

export function planDay(hall: SimHall, behaviour: Behaviour, service: ServiceModel, seed: number): DayPlan {
  const curve: ArrivalCurve = weekdayCurve(hall.expectedPerDay);
  const dayStart = serviceDayStart(hall.day, hall.config.rolloverHour);
  const at = (minute: number) => dayStart + Math.round(minute * MIN_MS);
  const sessions = curve.sessions.map((s) => ({ open: at(s.from), close: at(s.to), stop: at(s.to + behaviour.overtimeMinutes) }));

  const arrivals = drawArrivalMinutes(curve, seededRandom(seed, STREAM.arrivals));
  const r = seededRandom(seed, STREAM.citizens);
  const citizens = arrivals.map((minute, index) => drawCitizen(hall, behaviour, service, r, index, at(minute)));

  const p = seededRandom(seed, STREAM.pauses);
  const pauses: PlannedPause[] = [];
  for (const counter of hall.config.counters) {
    const count = poisson(p, behaviour.pausesPerCounterDay);
    for (let k = 0; k < count; k++) {
      // Any time in a session except its last quarter hour, when officers are finishing the day's files.
      const session = curve.sessions[Math.floor(p() * curve.sessions.length)] ?? curve.sessions[0];
      if (!session) break;
      pauses.push({
        counterId: counter.id,
        at: at(uniform(p, session.from, session.to - 15)),
        durationSec: Math.round(uniform(p, behaviour.pauseMinutes.min, behaviour.pauseMinutes.max) * 60),
        reason: PAUSE_REASONS[Math.floor(p() * PAUSE_REASONS.length)] ?? 'Nghỉ giải lao',
      });
    }
  }
  pauses.sort((a, b) => a.at - b.at || (a.counterId < b.counterId ? -1 : 1));
  return { day: hall.day, sessions, citizens, pauses };
}

function drawCitizen(
  hall: SimHall,
  b: Behaviour,
  service: ServiceModel,
  r: () => number,
  index: number,
  at: number,
): PlannedCitizen {
  const config = hall.config;
  // Every draw is made for every citizen, used or not, so one citizen's draws never shift the next's.
  const queueId = pickWeighted(r, hall.queueMix);
  const isPriority = bernoulli(r, b.priorityShare);
  const classIndex = Math.floor(r() * config.priority.classes.length);
  const walkSec = Math.round(uniform(r, b.walkSec.min, b.walkSec.max));
  const fateDraw = r();
  const serviceSec = drawServiceSec(r, queueOf(config, queueId), service);
  const toQueueId = pickWeighted(
    r,
    hall.queueMix.filter(([id]) => id !== queueId),
  );
  const afterSec = Math.round(uniform(r, b.transferAfterSec.min, b.transferAfterSec.max));
  const transferServiceSec = drawServiceSec(r, queueOf(config, toQueueId), service);

  const fate: Fate =
    fateDraw < b.noShowShare
      ? { kind: 'no-show' }
      : fateDraw < b.noShowShare + b.transferShare
        ? { kind: 'transfer', afterSec, toQueueId, serviceSec: transferServiceSec }
        : { kind: 'served', serviceSec };
  return {
    index,
    at,
    queueId,
    priorityClass: isPriority ? (config.priority.classes[classIndex]?.id ?? null) : null,
    walkSec,
    fate,
  };
}

function queueOf(config: HallConfig, queueId: string) {
  const q = config.queues.find((x) => x.id === queueId);
  if (!q) throw new Error(`the queue mix names queue ${queueId}, which the hall does not have`);
  return q;
}
