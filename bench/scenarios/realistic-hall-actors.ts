import type { Socket } from 'socket.io-client';
import type { SurveyChanceView } from '../../common/contract/survey-schemas.js';
import type { CallResultView, IssueResult } from '../../common/contract/view-schemas.js';
import { OVERALL_QUESTION } from '../../common/domain/survey-scale.js';
import { DEFAULT_PRIORITY_CLASSES } from '../../server/config/priority-schema.js';
import type { Random } from '../sim/prng.js';
import { freshCommandId, sendCommand, type CommandOutcome } from '../lib/hub-sockets.js';
import type { LoopbackClient } from '../lib/loopback-http.js';
import type { StaffedCounter } from '../lib/staffed-counters.js';

/**
 * The people of the compressed day: officers calling, serving and finishing in a loop with short
 * pauses, citizens answering the survey pad at about half the counters' services, and kiosks
 * taking numbers. Times are in units of `unitMs`, one counter's share of the day per ticket, so
 * the day keeps its shape whatever its length.
 */
export class HallRecorder {
  readonly issue: number[] = [];
  /** call-next acks that called someone; those that found nobody are timed apart. */
  readonly callNext: number[] = [];
  /** performance.now() each of `callNext` was sent: to see when in the day the slow ones were. */
  readonly callNextAt: number[] = [];
  readonly callEmpty: number[] = [];
  readonly start: number[] = [];
  readonly finish: number[] = [];
  readonly rate: number[] = [];
  /** ticketId -> performance.now() when the call-next that called it was sent. */
  readonly callSentAt = new Map<string, number>();
  /** "<what>:<code>" -> count; code TIMEOUT when no answer came. */
  readonly failures: Record<string, number> = {};
  pending = 0;

  fail(what: string, code: string): void {
    const key = `${what}:${code}`;
    this.failures[key] = (this.failures[key] ?? 0) + 1;
  }

  failureCount(): number {
    return Object.values(this.failures).reduce((a, b) => a + b, 0);
  }

  /** Commands sent, answered or not. */
  sent = 0;

  /**
   * Sends a command on a socket, times it, counts a refusal or a timeout against `what`; a refusal
   * with an `expected` code is an answer, not a failure (Next with nobody waiting).
   */
  async command<T>(
    socket: Socket,
    what: string,
    input: Record<string, unknown>,
    timeoutMs: number,
    expected?: string,
  ): Promise<CommandOutcome<T>> {
    this.pending++;
    this.sent++;
    try {
      const o = await sendCommand<T>(socket, what, { commandId: freshCommandId(), ...input }, timeoutMs);
      if (o.kind === 'refused' && o.code !== expected) this.fail(what, o.code);
      else if (o.kind === 'timeout') this.fail(what, 'TIMEOUT');
      return o;
    } finally {
      this.pending--;
    }
  }
}

export interface DayState {
  arrivalsDone: boolean;
  /** performance.now() after which officers stop, served or not. */
  readonly deadline: number;
  readonly unitMs: number;
  readonly ackTimeoutMs: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
/** A pause of about `units` (half to one and a half of it). */
const pause = (day: DayState, rng: Random, units: number) => sleep(day.unitMs * units * (0.5 + rng()));

// The hub refuses Next at a counter whose queues are empty; the officer simply looks again later.
const NOBODY_WAITING = 'NO_WAITING_TICKET';

/**
 * One officer's day: Next, the citizen walks up (Bắt đầu), the service, Hoàn thành, a breath, and
 * again. With nobody waiting the officer looks up again a little later; after the last arrival,
 * nobody waiting means the day is done. About 0.75 of a unit per citizen, so the hall keeps up with
 * arrivals at about 80 % busy, as a well-staffed centre does.
 */
export async function serveCounter(c: StaffedCounter, day: DayState, rec: HallRecorder, rng: Random): Promise<void> {
  const at = { counterId: c.counterId };
  while (performance.now() < day.deadline) {
    const called = await rec.command<CallResultView>(c.socket, 'ticket:call-next', at, day.ackTimeoutMs, NOBODY_WAITING);
    const nobody = called.kind === 'refused' && called.code === NOBODY_WAITING;
    if (called.kind !== 'ok' && !nobody) {
      await pause(day, rng, 0.5);
      continue;
    }
    const ticket = called.kind === 'ok' ? called.data.ticket : null;
    if (!ticket) {
      rec.callEmpty.push(called.latencyMs);
      if (day.arrivalsDone) return;
      await pause(day, rng, 0.5);
      continue;
    }
    rec.callNext.push(called.latencyMs);
    rec.callNextAt.push(called.sentAt);
    rec.callSentAt.set(ticket.id, called.sentAt);
    await pause(day, rng, 0.1);
    const started = await rec.command(c.socket, 'ticket:start', at, day.ackTimeoutMs);
    if (started.kind === 'ok') rec.start.push(started.latencyMs);
    await pause(day, rng, 0.55);
    const finished = await rec.command(c.socket, 'ticket:finish', at, day.ackTimeoutMs);
    if (finished.kind === 'ok') rec.finish.push(finished.latencyMs);
    await pause(day, rng, 0.1);
  }
}

/**
 * A counter's survey terminal: when a service at its counter finishes with a chance to rate, the
 * citizen answers (or not) after a moment. Mostly satisfied, as the centres' figures are.
 */
export function answerSurveys(
  pad: Socket,
  counterId: string,
  day: DayState,
  rec: HallRecorder,
  rng: Random,
  ratedShare: number,
  inFlight: Set<Promise<unknown>>,
): void {
  pad.on('ticket:finished', (fact: { counterId?: string; survey?: SurveyChanceView | null }) => {
    const chance = fact.survey;
    if (fact.counterId !== counterId || !chance || chance.counterId !== counterId) return;
    if (rng() >= ratedShare) return;
    const r = rng();
    const level = r < 0.6 ? 'rat-hai-long' : r < 0.92 ? 'hai-long' : 'khong-hai-long';
    const answer = async () => {
      await pause(day, rng, 0.15);
      const o = await rec.command(
        pad,
        'survey:rate',
        {
          ticketId: chance.ticketId,
          answers: { [OVERALL_QUESTION.id]: level },
          ...(level === 'khong-hai-long' ? { reasonId: 'cho-lau' } : {}),
        },
        day.ackTimeoutMs,
      );
      if (o.kind === 'ok') rec.rate.push(o.latencyMs);
    };
    const p = answer();
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  });
}

/** Which queue the next citizen takes a number for: a counter's primary queue, so load follows staffing. */
export function queuePicker(counters: readonly StaffedCounter[], rng: Random): () => string {
  return () => counters[Math.floor(rng() * counters.length)]!.queueIds[0]!;
}

/** One citizen at a kiosk: POST /api/tickets with the kiosk's key, from the kiosk's address. */
export async function issueAtKiosk(
  kiosk: { client: LoopbackClient; key: string },
  queueId: string,
  rng: Random,
  priorityShare: number,
  rec: HallRecorder,
  timeoutMs: number,
): Promise<void> {
  rec.pending++;
  rec.sent++;
  try {
    const priority = rng() < priorityShare ? DEFAULT_PRIORITY_CLASSES[Math.floor(rng() * DEFAULT_PRIORITY_CLASSES.length)] : null;
    const r = await kiosk.client.post<IssueResult>(
      '/api/tickets',
      { commandId: freshCommandId(), queueId, ...(priority ? { priorityClass: priority.id } : {}) },
      { 'x-device-key': kiosk.key },
      timeoutMs,
    );
    if (r.status === 200 && r.body?.ok) rec.issue.push(r.latencyMs);
    else if (r.error) rec.fail('ticket:issue', r.error === 'timeout' ? 'TIMEOUT' : 'CONNECTION');
    else rec.fail('ticket:issue', r.body && !r.body.ok ? r.body.error.code : `HTTP_${r.status}`);
  } finally {
    rec.pending--;
  }
}
