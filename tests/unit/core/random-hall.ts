/**
 * Random days in the hall for the property tests: steps are data, resolved against the state when
 * they run (a ticket "pick" is an index into the tickets of the moment), so most steps are valid and
 * the rest exercise refusals.
 */
import fc from 'fast-check';
import type { PriorityMode } from '../../../common/domain/priority.js';
import { callNext } from '../../../server/core/commands/call-next.js';
import { callSpecific } from '../../../server/core/commands/call-specific.js';
import { cancel } from '../../../server/core/commands/cancel.js';
import { closeCounter, openCounter, pauseCounter, resumeCounter } from '../../../server/core/commands/counter-status.js';
import { finish } from '../../../server/core/commands/finish.js';
import { issueTicket } from '../../../server/core/commands/issue-ticket.js';
import { recall } from '../../../server/core/commands/recall.js';
import { returnTicket } from '../../../server/core/commands/return-ticket.js';
import { rollDay } from '../../../server/core/commands/roll-day.js';
import { skip } from '../../../server/core/commands/skip.js';
import { startService } from '../../../server/core/commands/start-service.js';
import { transfer } from '../../../server/core/commands/transfer.js';
import { rateService } from '../../../server/core/commands/rate-service.js';
import { lapseSurveys } from '../../../server/core/commands/lapse-surveys.js';
import { THREE_LEVEL_SCALE } from '../../../common/domain/survey-scale.js';
import { SYSTEM_ACTOR, type Actor, type Decision } from '../../../server/core/decision.js';
import type { HallConfig, HallState, Ticket } from '../../../server/core/hall-state.js';
import {
  COUNTERS,
  KIOSK,
  MINUTE,
  PRIORITY_CLASSES,
  QUEUES,
  hallConfig,
  nextDay,
  officer,
  priorityPolicy,
  queueDef,
  supervisor,
  type Command,
  type Hall,
} from '../../helpers/core-fixtures.js';

export const COUNTER_IDS = Object.keys(COUNTERS);
const QUEUE_IDS = Object.values(QUEUES).map((q) => q.id);
const OFFICERS = ['lan', 'minh', 'hoa', 'tuan', 'son'];

/** Who presses the button: mostly the counter's own officer, sometimes a stranger or a supervisor. */
export type Who = 'own' | 'other' | 'supervisor';

export type Step =
  | { readonly kind: 'issue'; readonly queue: number; readonly priority: number | null }
  | { readonly kind: 'open'; readonly counter: number; readonly officer: number }
  | {
      readonly kind: 'close' | 'resume' | 'next' | 'recall' | 'start' | 'finish' | 'skip';
      readonly counter: number;
      readonly who: Who;
    }
  | { readonly kind: 'pause'; readonly counter: number; readonly who: Who }
  | { readonly kind: 'specific'; readonly counter: number; readonly pick: number; readonly who: Who }
  | { readonly kind: 'return'; readonly pick: number }
  | {
      readonly kind: 'transfer';
      readonly counter: number;
      readonly toQueue: number | null;
      readonly toCounter: number | null;
      readonly who: Who;
    }
  | { readonly kind: 'cancel'; readonly pick: number; readonly who: Who }
  | { readonly kind: 'cancelCurrent'; readonly counter: number; readonly who: Who }
  | { readonly kind: 'advance'; readonly minutes: number }
  | { readonly kind: 'rate'; readonly pick: number; readonly level: number; readonly fromCounter: number }
  | { readonly kind: 'lapse' }
  | { readonly kind: 'rollDay' };

/** Mostly a real one; now and then one past the end, which names nothing. */
function index(length: number): fc.Arbitrary<number> {
  return fc.oneof({ weight: 15, arbitrary: fc.nat({ max: length - 1 }) }, { weight: 1, arbitrary: fc.constant(length) });
}
/**
 * A counter as a number resolved when the step runs: below L, the n-th counter that is open or paused
 * (so most steps act where something can happen); L to 2L-1, a counter by position, open or not;
 * 2L, a counter that does not exist.
 */
const L = COUNTER_IDS.length;
const counterIx = fc.oneof(
  { weight: 10, arbitrary: fc.nat({ max: L - 1 }) },
  { weight: 4, arbitrary: fc.integer({ min: L, max: 2 * L - 1 }) },
  { weight: 1, arbitrary: fc.constant(2 * L) },
);
/** A quarter of citizens in a priority class. */
const priorityIx = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: index(PRIORITY_CLASSES.length) },
);
const who = fc.constantFrom<Who>('own', 'own', 'own', 'own', 'other', 'supervisor');
const pick = fc.nat({ max: 1000 });

/** A day of up to `max` commands, opening a few counters first so that calls happen early. */
export function dayArb(max = 60, opts: { rollDay: boolean } = { rollDay: true }): fc.Arbitrary<Step[]> {
  const opening = fc
    .subarray(
      COUNTER_IDS.map((_, counter) => counter),
      { minLength: 1 },
    )
    .map((counters) => counters.map((counter): Step => ({ kind: 'open', counter, officer: counter })));
  return fc
    .tuple(opening, fc.array(stepArb(opts), { minLength: 1, maxLength: max, size: 'max' }))
    .map(([open, steps]) => [...open, ...steps]);
}

export function stepArb(opts: { rollDay: boolean } = { rollDay: true }): fc.Arbitrary<Step> {
  const advance = fc.record({ kind: fc.constant('advance' as const), minutes: fc.integer({ min: 1, max: 40 }) });
  const w = (weight: number, arbitrary: fc.Arbitrary<Step>) => ({ weight, arbitrary });
  const onCounter = (kind: 'close' | 'resume' | 'next' | 'recall' | 'start' | 'finish' | 'skip') =>
    fc.record({ kind: fc.constant(kind), counter: counterIx, who });
  return fc.oneof(
    w(10, fc.record({ kind: fc.constant('issue' as const), queue: index(QUEUE_IDS.length), priority: priorityIx })),
    w(5, fc.record({ kind: fc.constant('open' as const), counter: counterIx, officer: fc.nat({ max: OFFICERS.length - 1 }) })),
    w(1, onCounter('close')),
    w(1, fc.record({ kind: fc.constant('pause' as const), counter: counterIx, who })),
    w(3, onCounter('resume')),
    w(10, onCounter('next')),
    w(3, onCounter('recall')),
    w(3, onCounter('start')),
    w(3, onCounter('finish')),
    w(5, onCounter('skip')),
    w(3, fc.record({ kind: fc.constant('specific' as const), counter: counterIx, pick, who })),
    w(3, fc.record({ kind: fc.constant('return' as const), pick })),
    w(
      4,
      fc.record({
        kind: fc.constant('transfer' as const),
        counter: counterIx,
        toQueue: fc.option(index(QUEUE_IDS.length), { freq: 3, nil: null }),
        toCounter: fc.option(counterIx, { freq: 2, nil: null }),
        who,
      }),
    ),
    w(1, fc.record({ kind: fc.constant('cancel' as const), pick, who })),
    w(2, fc.record({ kind: fc.constant('cancelCurrent' as const), counter: counterIx, who })),
    w(6, advance),
    // A citizen rating (mostly a chance that is open, from its own counter's terminal) and the sweep.
    w(
      3,
      fc.record({
        kind: fc.constant('rate' as const),
        pick,
        level: fc.nat({ max: THREE_LEVEL_SCALE.levels.length }),
        fromCounter: fc.oneof({ weight: 5, arbitrary: fc.constant(-1) }, { weight: 1, arbitrary: fc.nat({ max: L - 1 }) }),
      }),
    ),
    w(1, fc.constant({ kind: 'lapse' as const })),
    // Roughly one run in four crosses a day: enough to test rollover, not so often that days stay empty.
    w(1, opts.rollDay ? fc.oneof(fc.constant({ kind: 'rollDay' as const }), advance) : advance),
  );
}

/**
 * Halls vary in what the rules depend on: the priority mode, the age cap, the recall limit, and one
 * queue with a one-digit series so that SERIES_EXHAUSTED happens within a run.
 */
export const configArb: fc.Arbitrary<HallConfig> = fc
  .record({
    mode: fc.oneof(
      fc.constant<PriorityMode>({ kind: 'strict' }),
      fc.integer({ min: 1, max: 3 }).map((every): PriorityMode => ({ kind: 'interleave', every })),
    ),
    ageCapMinutes: fc.integer({ min: 5, max: 60 }),
    maxRecalls: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ mode, ageCapMinutes, maxRecalls }) =>
    hallConfig({
      queues: [QUEUES.hoTich, QUEUES.datDai, queueDef('ket-qua', { prefix: 'C', start: 7, width: 1 }, 3)],
      priority: priorityPolicy({ mode, ageCapMinutes }),
      maxRecalls,
      // Two counters with a survey terminal, two without.
      survey: { windowSec: 120, scales: [THREE_LEVEL_SCALE], counterIds: ['c1', 'c3'], reasonIds: ['cho-lau'] },
    }),
  );

function at<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

function actorFor(state: HallState, counterId: string, w: Who): Actor {
  if (w === 'supervisor') return supervisor();
  const own = state.counters.get(counterId)?.officerId ?? null;
  if (w === 'own' && own !== null) return officer(own);
  return officer(OFFICERS.find((o) => o !== own) ?? 'stranger');
}

function resolveCounter(state: HallState, n: number): string {
  if (n < L) {
    const active = COUNTER_IDS.filter((id) => state.counters.get(id)?.status !== 'closed');
    return active.length > 0 ? (active[n % active.length] ?? 'no-such-counter') : (COUNTER_IDS[n] ?? 'no-such-counter');
  }
  return COUNTER_IDS[n - L] ?? 'no-such-counter';
}

function tickets(state: HallState, filter: (t: Ticket) => boolean = () => true): Ticket[] {
  return [...state.tickets.values()].filter(filter);
}

/** Runs one step on the hall; the decision says whether it was accepted and with which events. */
export function runStep(hall: Hall, step: Step): Decision<unknown> {
  const s = hall.state;
  switch (step.kind) {
    case 'issue': {
      const priorityClass = step.priority === null ? null : (PRIORITY_CLASSES[step.priority]?.id ?? 'no-such-class');
      const withContact = step.queue % 2 === 0 ? { phone: '0912345678', procedureCode: '1.000894' } : {};
      return hall.try(issueTicket, { queueId: QUEUE_IDS[step.queue] ?? 'no-such-queue', priorityClass, ...withContact }, KIOSK);
    }
    case 'open':
      return hall.try(
        openCounter,
        { counterId: COUNTER_IDS[step.counter % (L + 1)] ?? 'no-such-counter' },
        officer(OFFICERS[step.officer] ?? 'lan'),
      );
    case 'close':
      return hall.try(
        closeCounter,
        { counterId: resolveCounter(s, step.counter) },
        actorFor(s, resolveCounter(s, step.counter), step.who),
      );
    case 'pause':
      return hall.try(
        pauseCounter,
        { counterId: resolveCounter(s, step.counter), reason: 'nghỉ' },
        actorFor(s, resolveCounter(s, step.counter), step.who),
      );
    case 'resume':
      return hall.try(
        resumeCounter,
        { counterId: resolveCounter(s, step.counter) },
        actorFor(s, resolveCounter(s, step.counter), step.who),
      );
    case 'next':
    case 'recall':
    case 'start':
    case 'finish':
    case 'skip': {
      const commands: Record<typeof step.kind, Command<{ counterId: string }, unknown>> = {
        next: callNext,
        recall,
        start: startService,
        finish,
        skip,
      };
      const command = commands[step.kind];
      return hall.try(
        command,
        { counterId: resolveCounter(s, step.counter) },
        actorFor(s, resolveCounter(s, step.counter), step.who),
      );
    }
    case 'specific': {
      // Mostly a ticket that could be called, sometimes any ticket at all.
      const callable = tickets(s, (t) => t.state === 'waiting' || t.state === 'no_show');
      const t = at(step.pick % 4 === 0 ? tickets(s) : callable, step.pick);
      return hall.try(
        callSpecific,
        { counterId: resolveCounter(s, step.counter), ticketId: t?.id ?? 'no-such-ticket' },
        actorFor(s, resolveCounter(s, step.counter), step.who),
      );
    }
    case 'return': {
      const t = at(step.pick % 4 === 0 ? tickets(s) : tickets(s, (x) => x.state === 'no_show'), step.pick);
      return hall.try(returnTicket, { ticketId: t?.id ?? 'no-such-ticket' }, KIOSK);
    }
    case 'transfer':
      return hall.try(
        transfer,
        {
          counterId: resolveCounter(s, step.counter),
          toQueueId: step.toQueue === null ? null : (QUEUE_IDS[step.toQueue] ?? 'no-such-queue'),
          toCounterId: step.toCounter === null ? null : (COUNTER_IDS[step.toCounter % (L + 1)] ?? 'no-such-counter'),
          note: step.toQueue === 0 ? null : 'chuyển',
        },
        actorFor(s, resolveCounter(s, step.counter), step.who),
      );
    case 'cancel': {
      const t = at(tickets(s), step.pick);
      const actor = step.who === 'supervisor' ? supervisor() : officer(at(OFFICERS, step.pick) ?? 'lan');
      return hall.try(cancel, { ticketId: t?.id ?? 'no-such-ticket', reason: step.pick % 2 === 0 ? 'bỏ về' : null }, actor);
    }
    case 'cancelCurrent': {
      const current = s.counters.get(resolveCounter(s, step.counter))?.currentTicketId ?? 'no-such-ticket';
      return hall.try(cancel, { ticketId: current }, actorFor(s, resolveCounter(s, step.counter), step.who));
    }
    case 'rate': {
      // Mostly an open chance, sometimes any ticket at all (rated, lapsed, never served).
      const chance = at([...s.surveys.values()], step.pick);
      const ticketId =
        step.pick % 5 === 0 ? (at(tickets(s), step.pick)?.id ?? 'no-such-ticket') : (chance?.ticketId ?? 'no-such-ticket');
      const counterId = step.fromCounter < 0 ? (chance?.counterId ?? 'c1') : (COUNTER_IDS[step.fromCounter] ?? 'c1');
      const level = THREE_LEVEL_SCALE.levels[step.level]?.id ?? 'no-such-level';
      const device: Actor = { kind: 'device', officerId: null, role: 'survey', counterId, deviceId: `survey-${counterId}` };
      return hall.try(rateService, { ticketId, answers: { 'giai-quyet-tthc': level } }, device);
    }
    case 'lapse':
      return hall.try(lapseSurveys, null, SYSTEM_ACTOR);
    case 'advance':
      hall.now += step.minutes * MINUTE;
      return { ok: true, events: [], result: null };
    case 'rollDay':
      hall.now += 12 * 60 * MINUTE;
      return hall.try(rollDay, { to: nextDay(s.day) }, SYSTEM_ACTOR);
  }
}

/** Every counter open and not paused, each with an officer of its own (for the liveness phase). */
export function openEveryCounter(hall: Hall): void {
  for (const id of COUNTER_IDS) {
    const c = hall.counter(id);
    if (c.status === 'closed') hall.do(openCounter, { counterId: id }, officer(`drain-${id}`));
    else if (c.status === 'paused') hall.do(resumeCounter, { counterId: id }, supervisor());
  }
}

export function stateSnapshot(state: HallState): string {
  return JSON.stringify({
    ...state,
    tickets: [...state.tickets.entries()],
    counters: [...state.counters.entries()],
    surveys: [...state.surveys.entries()],
    rated: [...state.rated],
  });
}
