import { expect } from 'vitest';
import type { Ack } from '../../common/contract/errors.js';
import type { RatingTotals, ServiceStats, WaitStats } from '../../common/contract/report.js';
import type { Principal } from '../../server/services/principal.js';
import type { ManualClock } from './manual-clock.js';
import { seededRandom } from './seeded-random.js';
import { newCommandId, type TestHub } from './test-hub.js';

/**
 * Two service days of a small hall driven through the hall service's commands with a manual clock
 * (whole seconds) by a seeded simulation, and the tally the test keeps of what it did and what the
 * hub answered; the expected report figures are computed from that tally (nearest-rank medians and
 * p90: the ceil(p·n)-th smallest), never from the event log. Used by reports-figures.test.ts.
 */
export const DAY1 = '2026-11-19';
export const DAY2 = '2026-11-20';
export const SEC = 1000;
/** 07:30 in Asia/Ho_Chi_Minh (UTC+7) on a day. */
export const openingOf = (day: string) => Date.parse(`${day}T00:30:00Z`);
const OVERALL = 'giai-quyet-tthc';
const LEVELS = ['rat-hai-long', 'hai-long', 'khong-hai-long'] as const;
const SATISFIED = new Set(['rat-hai-long', 'hai-long']);
const FAR = Date.parse('2030-01-01T00:00:00Z');

// ---- the test's own tally -------------------------------------------------------------------

export interface Tk {
  id: string;
  /** The queue that issued it (its row in the report), and the one it waits in now. */
  queue: string;
  queueNow: string;
  day: string;
  issuedAt: number;
  predictedSec: number;
  firstCall: { at: number; counter: string; officer: string } | null;
  outcome: 'open' | 'served' | 'noShow' | 'cancelled' | 'expired';
  lastCounter: string | null;
  lastOfficer: string | null;
  serviceSec: number | null;
  transfers: number;
}
interface Desk {
  officer: string;
  current: { id: string; calledAt: number; startedAt: number | null; dossier: boolean } | null;
}
interface Act {
  day: string;
  counter: string;
  officer: string;
}

export class Tally {
  readonly tickets = new Map<string, Tk>();
  readonly desks = new Map<string, Desk>();
  readonly transfers: Act[] = [];
  readonly dossiers: (Act & { code: string })[] = [];
  readonly ratings: (Act & { ticketId: string; level: string })[] = [];
  readonly chances = new Map<string, Act>();
  readonly lapsed: (Act & { ticketId: string })[] = [];

  /** The desk's ticket finished now: the id, whose chance to rate is open. */
  finish(counter: string, at: number): string {
    const desk = this.desks.get(counter)!;
    const cur = desk.current!;
    const t = this.tickets.get(cur.id)!;
    t.outcome = 'served';
    t.lastCounter = counter;
    t.lastOfficer = desk.officer;
    t.serviceSec = Math.max(0, Math.round((at - (cur.startedAt ?? cur.calledAt)) / 1000));
    this.chances.set(t.id, { day: t.day, counter, officer: desk.officer });
    desk.current = null;
    return t.id;
  }

  called(counter: string, id: string, at: number): void {
    const desk = this.desks.get(counter)!;
    const t = this.tickets.get(id)!;
    t.firstCall ??= { at, counter, officer: desk.officer };
    desk.current = { id, calledAt: at, startedAt: null, dossier: false };
  }

  waiting(): Tk[] {
    const held = new Set([...this.desks.values()].map((d) => d.current?.id));
    return [...this.tickets.values()].filter((t) => t.outcome === 'open' && !held.has(t.id));
  }
}

// ---- driving the hub ---------------------------------------------------------------------------

const officer = (id: string): Principal => ({
  kind: 'officer',
  officerId: id,
  role: 'officer',
  name: id,
  sessionExpiresAt: FAR,
});
const KIOSK: Principal = { kind: 'device', deviceId: 'kiosk-1', deviceKind: 'kiosk', counterId: null };
const pad = (counter: string): Principal => ({
  kind: 'device',
  deviceId: `survey-${counter.slice(5)}`,
  deviceKind: 'survey',
  counterId: counter,
});

export function simulate(t: TestHub, clock: ManualClock, tally: Tally): void {
  const hall = t.hub.hall;
  const rnd = seededRandom(20261119);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const queues = t.site.queues.map((q) => q.id);
  const counters = t.site.counters.map((c) => c.id);
  const run = (name: Parameters<typeof hall.execute>[0], input: Record<string, unknown>, who: Principal) => {
    const ack = hall.execute(name, { commandId: newCommandId(), ...input }, who);
    return ack as Ack<Record<string, unknown>>;
  };
  const must = (ack: Ack<Record<string, unknown>>, what: string) => {
    if (!ack.ok) throw new Error(`${what} refused: ${ack.error.code}`);
    return ack.data;
  };

  for (const [d, day] of [DAY1, DAY2].entries()) {
    clock.set(openingOf(day));
    hall.ensureDay();
    // The rollover closed yesterday's unfinished tickets as expired.
    if (d > 0) expireDay(tally, DAY1);
    // Day 2 rotates the officers, so an officer's figures differ from their counter's.
    counters.forEach((c, i) => {
      const who = `canbo${((i + d) % counters.length) + 1}`;
      must(run('counter:open', { counterId: c }, officer(who)), `open ${c}`);
      tally.desks.set(c, { officer: who, current: null });
    });
    for (let step = 0; step < 170; step++) {
      clock.advance((5 + Math.floor(rnd() * 110)) * SEC);
      const now = clock.now();
      const roll = rnd();
      if (roll < 0.36 || tally.waiting().length === 0) {
        const data = must(run('ticket:issue', { queueId: pick(queues) }, KIOSK), 'issue');
        const tv = data['ticket'] as { id: string; queueId: string };
        const est = data['estimate'] as { predictedSec: number };
        tally.tickets.set(tv.id, {
          id: tv.id,
          queue: tv.queueId,
          queueNow: tv.queueId,
          day,
          issuedAt: now,
          predictedSec: est.predictedSec,
          firstCall: null,
          outcome: 'open',
          lastCounter: null,
          lastOfficer: null,
          serviceSec: null,
          transfers: 0,
        });
        continue;
      }
      if (roll < 0.39) {
        const noShows = [...tally.tickets.values()].filter((x) => x.outcome === 'noShow' && x.day === day);
        if (noShows.length > 0) {
          const x = pick(noShows);
          must(run('ticket:return', { ticketId: x.id }, officer('canbo1')), 'return');
          x.outcome = 'open';
        }
        continue;
      }
      if (roll < 0.42) {
        const x = pick(tally.waiting());
        must(run('ticket:cancel', { ticketId: x.id, reason: 'Công dân về trước' }, officer('canbo2')), 'cancel');
        x.outcome = 'cancelled';
        continue;
      }
      const counter = pick(counters);
      const desk = tally.desks.get(counter)!;
      const who = officer(desk.officer);
      const cur = desk.current;
      const r = rnd();
      let servedId: string | null = null;
      if (!cur || r < 0.2) {
        // "Next": finishes the ticket at the desk (if any) and calls the next one.
        const ack = run('ticket:call-next', { counterId: counter }, who);
        if (!ack.ok) {
          expect(ack.error.code).toBe('NO_WAITING_TICKET');
          continue;
        }
        if (ack.data['finishedTicketId']) servedId = tally.finish(counter, now);
        const next = ack.data['ticket'] as { id: string } | null;
        if (next) tally.called(counter, next.id, now);
      } else if (cur.startedAt === null && r < 0.35) {
        must(run('ticket:skip', { counterId: counter }, who), 'skip');
        const x = tally.tickets.get(cur.id)!;
        x.outcome = 'noShow';
        x.lastCounter = counter;
        x.lastOfficer = desk.officer;
        desk.current = null;
      } else if (cur.startedAt === null && r < 0.45) {
        must(run('ticket:recall', { counterId: counter }, who), 'recall');
        cur.calledAt = now;
      } else if (cur.startedAt === null && r < 0.7) {
        must(run('ticket:start', { counterId: counter }, who), 'start');
        cur.startedAt = now;
      } else if (cur.startedAt === null ? r < 0.78 : r < 0.32) {
        const x = tally.tickets.get(cur.id)!;
        const toCounter = rnd() < 0.3 ? pick(counters.filter((c) => c !== counter)) : null;
        const toQueue = toCounter ? null : pick(queues.filter((q) => q !== x.queueNow));
        must(run('ticket:transfer', { counterId: counter, toQueueId: toQueue, toCounterId: toCounter }, who), 'transfer');
        x.transfers++;
        x.queueNow = toQueue ?? x.queueNow;
        tally.transfers.push({ day, counter, officer: desk.officer });
        desk.current = null;
      } else if (cur.startedAt !== null && !cur.dossier && r < 0.5) {
        const data = must(
          run(
            'dossier:receive',
            {
              counterId: counter,
              ticketId: cur.id,
              procedureCode: '1.000001',
              applicant: { name: 'Nguyễn Văn An', idNumber: '079203001234' },
              documents: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0 }],
              dossierSets: 1,
              channel: 1,
              resultDelivery: 'tai-bo-phan',
              workingDays: 3,
            },
            who,
          ),
          'dossier',
        );
        cur.dossier = true;
        tally.dossiers.push({ day, counter, officer: desk.officer, code: (data['dossier'] as { code: string }).code });
      } else {
        must(run('ticket:finish', { counterId: counter }, who), 'finish');
        servedId = tally.finish(counter, now);
      }
      // The pad at the counter: two in three citizens rate, ten seconds after the finish.
      if (servedId !== null && rnd() < 0.66) {
        clock.advance(10 * SEC);
        const level = rnd() < 0.5 ? LEVELS[0] : rnd() < 0.6 ? LEVELS[1] : LEVELS[2];
        must(run('survey:rate', { ticketId: servedId, answers: { [OVERALL]: level } }, pad(counter)), 'rate');
        const chance = tally.chances.get(servedId)!;
        tally.ratings.push({ ...chance, ticketId: servedId, level });
        tally.chances.delete(servedId);
      }
    }
    // Every chance not taken runs out: recorded as not rated, on this day.
    clock.advance(2 * 60 * SEC);
    hall.closeLapsedSurveys();
    for (const [ticketId, c] of tally.chances) tally.lapsed.push({ ...c, ticketId });
    tally.chances.clear();
  }
}

/** What the rollover did to a day's tickets still waiting, called or being served. */
function expireDay(tally: Tally, day: string): void {
  for (const x of tally.tickets.values()) if (x.day === day && x.outcome === 'open') x.outcome = 'expired';
  for (const d of tally.desks.values()) d.current = null;
}

// ---- the figures, from the tally -------------------------------------------------------------

const tenth = (x: number) => Math.round(x * 10) / 10;
const rank = (sorted: number[], num: number, den: number) => sorted[Math.ceil((num * sorted.length) / den) - 1]!;

export function waitOf(secs: number[]): WaitStats {
  const s = [...secs].sort((a, b) => a - b);
  if (s.length === 0)
    return { count: 0, meanSec: null, medianSec: null, p90Sec: null, maxSec: null, over30Count: 0, over30Share: null };
  const over = s.filter((x) => x > 1800).length;
  return {
    count: s.length,
    meanSec: tenth(s.reduce((a, b) => a + b, 0) / s.length),
    medianSec: rank(s, 1, 2),
    p90Sec: rank(s, 9, 10),
    maxSec: s.at(-1)!,
    over30Count: over,
    over30Share: over / s.length,
  };
}
function serviceOf(secs: number[]): ServiceStats {
  const s = [...secs].sort((a, b) => a - b);
  if (s.length === 0) return { count: 0, meanSec: null, medianSec: null };
  return { count: s.length, meanSec: tenth(s.reduce((a, b) => a + b, 0) / s.length), medianSec: rank(s, 1, 2) };
}
export function ratingsOf(r: { level: string }[], lapsed: number): RatingTotals {
  const satisfied = r.filter((x) => SATISFIED.has(x.level)).length;
  return { rated: r.length, notRated: lapsed, satisfied, satisfactionRate: r.length === 0 ? null : satisfied / r.length };
}
export const waitSec = (x: Tk) => (x.firstCall ? (x.firstCall.at - x.issuedAt) / 1000 : null);
export const present = <T>(xs: (T | null)[]): T[] => xs.filter((x): x is T => x !== null);

export function cohort(tally: Tally, ts: Tk[]) {
  const ids = new Set(ts.map((x) => x.id));
  const waits = present(ts.map(waitSec));
  const errors = present(ts.map((x) => (x.firstCall ? waitSec(x)! - x.predictedSec : null)));
  return {
    issued: ts.length,
    served: ts.filter((x) => x.outcome === 'served').length,
    noShow: ts.filter((x) => x.outcome === 'noShow').length,
    transferred: ts.reduce((n, x) => n + x.transfers, 0),
    cancelled: ts.filter((x) => x.outcome === 'cancelled').length,
    expired: ts.filter((x) => x.outcome === 'expired').length,
    inProgress: ts.filter((x) => x.outcome === 'open').length,
    wait: waitOf(waits),
    service: serviceOf(present(ts.map((x) => x.serviceSec))),
    estimate:
      errors.length === 0
        ? { count: 0, meanAbsSec: null, meanSignedSec: null }
        : {
            count: errors.length,
            meanAbsSec: tenth(errors.reduce((a, b) => a + Math.abs(b), 0) / errors.length),
            meanSignedSec: tenth(errors.reduce((a, b) => a + b, 0) / errors.length),
          },
    ratings: ratingsOf(
      tally.ratings.filter((r) => ids.has(r.ticketId)),
      tally.lapsed.filter((l) => ids.has(l.ticketId)).length,
    ),
  };
}

export function staff(tally: Tally, ts: Tk[], days: Set<string>, key: 'counter' | 'officer', id: string) {
  const mine = (who: string | null | undefined) => who === id;
  const lastBy = (x: Tk) => (key === 'counter' ? x.lastCounter : x.lastOfficer);
  const served = ts.filter((x) => x.outcome === 'served' && mine(lastBy(x)));
  return {
    served: served.length,
    noShow: ts.filter((x) => x.outcome === 'noShow' && mine(lastBy(x))).length,
    transferred: tally.transfers.filter((a) => days.has(a.day) && mine(a[key])).length,
    dossiers: tally.dossiers.filter((a) => days.has(a.day) && mine(a[key])).length,
    wait: waitOf(present(ts.filter((x) => mine(x.firstCall?.[key])).map(waitSec))),
    service: serviceOf(present(served.map((x) => x.serviceSec))),
    ratings: ratingsOf(
      tally.ratings.filter((r) => days.has(r.day) && mine(r[key])),
      tally.lapsed.filter((l) => days.has(l.day) && mine(l[key])).length,
    ),
  };
}
