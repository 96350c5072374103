/**
 * Builders for the pure domain core: a small hall (queues, counters, priority classes), a decide
 * context with a fixed clock and counting ids, and a driver that decides a command and evolves the
 * state with its events the way the services do.
 */
import type { CounterDef, CounterQueue } from '../../common/domain/counter.js';
import { DEFAULT_REASONS, THREE_LEVEL_SCALE } from '../../common/domain/survey-scale.js';
import { DEFAULT_CALENDAR } from '../../common/dossier/appointment.js';
import type { PriorityPolicy } from '../../common/domain/priority.js';
import type { NumberSeries, QueueDef } from '../../common/domain/queue.js';
import type { ErrorCode } from '../../common/contract/errors.js';
import { serviceDayStart, vnDate } from '../../common/time/vn-time.js';
import type { Actor, DecideContext, Decision } from '../../server/core/decision.js';
import type { HallEvent } from '../../server/core/events.js';
import { evolveAll } from '../../server/core/evolve.js';
import {
  initialHallState,
  type CounterRuntime,
  type HallConfig,
  type HallState,
  type Ticket,
} from '../../server/core/hall-state.js';
import { issueTicket } from '../../server/core/commands/issue-ticket.js';
import { openCounter } from '../../server/core/commands/counter-status.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY_MS = 24 * HOUR;

export const DAY = '2026-03-02';
/** 08:00 in Hà Nội on DAY, when the hall opens. */
export const T0 = serviceDayStart(DAY, 0) + 8 * HOUR;

export function queueDef(id: string, series: NumberSeries, defaultServiceMinutes = 10): QueueDef {
  return { id, name: `Hàng ${id}`, nameEn: `Queue ${id}`, series, defaultServiceMinutes, fields: [id], issuingHours: null };
}

export function counterDef(id: string, number: number, queues: readonly CounterQueue[], priorityCounter = false): CounterDef {
  return { id, number, name: `Quầy ${number}`, queues, priorityCounter };
}

export const primary = (queueId: string): CounterQueue => ({ queueId, role: 'primary' });
export const secondary = (queueId: string): CounterQueue => ({ queueId, role: 'secondary' });

/**
 * A prefix-letter series (A001), a leading-digit series (1001–1999) and a narrow one, served by two
 * ordinary counters that help each other as secondary, one more counter, and a dedicated priority
 * counter. Every queue has at least one counter serving it.
 */
export const QUEUES = {
  hoTich: queueDef('ho-tich', { prefix: 'A', start: 1, width: 3 }, 10),
  datDai: queueDef('dat-dai', { prefix: '1', start: 1, width: 3 }, 20),
  ketQua: queueDef('ket-qua', { prefix: 'C', start: 1, width: 2 }, 3),
} as const;

export const COUNTERS = {
  c1: counterDef('c1', 1, [primary('ho-tich'), secondary('dat-dai')]),
  c2: counterDef('c2', 2, [primary('dat-dai'), secondary('ho-tich')]),
  c3: counterDef('c3', 3, [primary('ket-qua')]),
  cp: counterDef('cp', 4, [primary('ho-tich'), primary('dat-dai')], true),
} as const;

export const PRIORITY_CLASSES = [
  { id: 'elderly', name: 'Người cao tuổi', nameEn: 'Elderly' },
  { id: 'disabled', name: 'Người khuyết tật', nameEn: 'Person with a disability' },
  { id: 'pregnant', name: 'Phụ nữ mang thai', nameEn: 'Pregnant woman' },
] as const;

export function priorityPolicy(over: Partial<PriorityPolicy> = {}): PriorityPolicy {
  return { mode: { kind: 'strict' }, ageCapMinutes: 45, classes: PRIORITY_CLASSES, ...over };
}

export function hallConfig(over: Partial<HallConfig> = {}): HallConfig {
  return {
    queues: Object.values(QUEUES),
    counters: Object.values(COUNTERS),
    priority: priorityPolicy(),
    maxRecalls: 2,
    rolloverHour: 0,
    // No counter has a survey device unless a test gives one: finishes then open no chance to rate.
    survey: { windowSec: 60, scales: [THREE_LEVEL_SCALE], counterIds: [], reasonIds: DEFAULT_REASONS.map((r) => r.id) },
    dossier: { agencyCode: '000.00.31.H38', calendar: DEFAULT_CALENDAR },
    ...over,
  };
}

export function officer(officerId: string): Actor {
  return { kind: 'officer', officerId, role: 'officer' };
}

export function supervisor(officerId = 'sup'): Actor {
  return { kind: 'officer', officerId, role: 'supervisor' };
}

export const KIOSK: Actor = { kind: 'device', officerId: null, role: 'kiosk' };

/** t1, t2, … in the order asked: deterministic ids, so a failing run can be replayed. */
export function countingIds(prefix = 't'): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

export function fixedContext(now: number, actor: Actor, newId: () => string = countingIds()): DecideContext {
  return { now, actor, newId };
}

export type Command<I, R> = (state: HallState, input: I, ctx: DecideContext) => Decision<R>;

/** The next calendar day after "YYYY-MM-DD". */
export function nextDay(day: string): string {
  return vnDate(serviceDayStart(day, 0) + DAY_MS);
}

export function applyDecision<R>(state: HallState, decision: Decision<R>): HallState {
  return decision.ok ? evolveAll(state, decision.events) : state;
}

/**
 * A hall as the services drive it: decide against the current state, then evolve with the events
 * (only when accepted). Keeps the full event log so tests can replay it.
 */
export class Hall {
  state: HallState;
  now: number;
  readonly log: HallEvent[] = [];
  private readonly newId: () => string;

  constructor(config: HallConfig = hallConfig(), opts: { day?: string; now?: number; ids?: () => string } = {}) {
    this.state = initialHallState(config, opts.day ?? DAY);
    this.now = opts.now ?? T0;
    this.newId = opts.ids ?? countingIds();
  }

  ctx(actor: Actor): DecideContext {
    return fixedContext(this.now, actor, this.newId);
  }

  /** Decides and, when accepted, records the events; the decision comes back either way. */
  try<I, R>(command: Command<I, R>, input: I, actor: Actor): Decision<R> {
    const decision = command(this.state, input, this.ctx(actor));
    if (decision.ok) {
      this.state = evolveAll(this.state, decision.events);
      this.log.push(...decision.events);
    }
    return decision;
  }

  /** Like try, for steps a test expects to be accepted: a refusal fails the test with its code. */
  do<I, R>(command: Command<I, R>, input: I, actor: Actor): { result: R; events: readonly HallEvent[] } {
    const decision = this.try(command, input, actor);
    if (!decision.ok) throw new Error(`${command.name} refused with ${decision.code}`);
    return { result: decision.result, events: decision.events };
  }

  /** The refusal code of a step that must be refused; the state must not move. */
  refusal<I, R>(command: Command<I, R>, input: I, actor: Actor): ErrorCode {
    const before = this.state;
    const decision = command(this.state, input, this.ctx(actor));
    if (decision.ok) throw new Error(`${command.name} was accepted with ${decision.events.length} event(s)`);
    if (Object.keys(decision).sort().join() !== 'code,ok') throw new Error('a refusal carries more than its code');
    if (this.state !== before) throw new Error('a refusal changed the state');
    return decision.code;
  }

  advance(minutes: number): this {
    this.now += minutes * MINUTE;
    return this;
  }

  issue(queueId: string, priorityClass: string | null = null): Ticket {
    return this.do(issueTicket, { queueId, priorityClass }, KIOSK).result.ticket;
  }

  /** Opens a counter for its own officer, "o-<counterId>", and returns that officer. */
  open(counterId: string, officerId = `o-${counterId}`): Actor {
    this.do(openCounter, { counterId }, officer(officerId));
    return officer(officerId);
  }

  ticket(id: string): Ticket {
    const t = this.state.tickets.get(id);
    if (!t) throw new Error(`no ticket ${id} in the working set`);
    return t;
  }

  counter(id: string): CounterRuntime {
    const c = this.state.counters.get(id);
    if (!c) throw new Error(`no counter ${id}`);
    return c;
  }

  /** The officer holding a counter, as an actor. */
  officerAt(counterId: string): Actor {
    const id = this.counter(counterId).officerId;
    if (id === null) throw new Error(`counter ${counterId} has no officer`);
    return officer(id);
  }
}
