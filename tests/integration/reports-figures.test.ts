import ExcelJS from 'exceljs';
import Fastify, { type FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../common/contract/errors.js';
import type { HallReport, RatingTotals, ServiceStats, WaitStats } from '../../common/contract/report.js';
import { THREE_LEVEL_SCALE } from '../../common/domain/survey-scale.js';
import { ErrorEnvelope } from '../../server/http/envelope-schemas.js';
import { registerErrorEnvelope } from '../../server/http/error-envelope.js';
import { registerAdminReportRoutes } from '../../server/http/routes/admin-reports.js';
import { createReportEngine } from '../../server/reports/report-engine.js';
import { ReportRunner } from '../../server/reports/report-runner.js';
import { siteReportNames } from '../../server/reports/report-names.js';
import { reportTable } from '../../server/reports/report-tables.js';
import { silentLogger } from '../../server/services/logger.js';
import type { Principal } from '../../server/services/principal.js';
import { outboxRepository } from '../../server/storage/repositories/outbox.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { newCommandId, signIn, startTestHub, type TestHub } from '../helpers/test-hub.js';
import { testSite } from '../helpers/test-site.js';

/**
 * Two service days of a small hall driven through the hall service's commands with a manual clock
 * (whole seconds) by a seeded simulation: kiosk issues, counters call, recall, start, skip,
 * transfer, finish and receive dossiers, citizens come back or cancel, survey pads rate some
 * services. The test keeps its own tally of what it did and what the hub answered, and computes the
 * figures from that tally (nearest-rank medians and p90: the ceil(p·n)-th smallest), never from the
 * event log; the report must agree exactly.
 */

const DAY1 = '2026-11-19';
const DAY2 = '2026-11-20';
const SEC = 1000;
/** 07:30 in Asia/Ho_Chi_Minh (UTC+7) on a day. */
const openingOf = (day: string) => Date.parse(`${day}T00:30:00Z`);
const OVERALL = 'giai-quyet-tthc';
const LEVELS = ['rat-hai-long', 'hai-long', 'khong-hai-long'] as const;
const SATISFIED = new Set(['rat-hai-long', 'hai-long']);
const FAR = Date.parse('2030-01-01T00:00:00Z');

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- the test's own tally -------------------------------------------------------------------

interface Tk {
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

class Tally {
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

const officer = (id: string): Principal => ({ kind: 'officer', officerId: id, role: 'officer', name: id, sessionExpiresAt: FAR });
const KIOSK: Principal = { kind: 'device', deviceId: 'kiosk-1', deviceKind: 'kiosk', counterId: null };
const pad = (counter: string): Principal => ({
  kind: 'device',
  deviceId: `survey-${counter.slice(5)}`,
  deviceKind: 'survey',
  counterId: counter,
});

function simulate(t: TestHub, clock: ManualClock, tally: Tally): void {
  const hall = t.hub.hall;
  const rnd = seeded(20261119);
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

function waitOf(secs: number[]): WaitStats {
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
function ratingsOf(r: { level: string }[], lapsed: number): RatingTotals {
  const satisfied = r.filter((x) => SATISFIED.has(x.level)).length;
  return { rated: r.length, notRated: lapsed, satisfied, satisfactionRate: r.length === 0 ? null : satisfied / r.length };
}
const waitSec = (x: Tk) => (x.firstCall ? (x.firstCall.at - x.issuedAt) / 1000 : null);
const present = <T>(xs: (T | null)[]): T[] => xs.filter((x): x is T => x !== null);

function cohort(tally: Tally, ts: Tk[]) {
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

function staff(tally: Tally, ts: Tk[], days: Set<string>, key: 'counter' | 'officer', id: string) {
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

// ---- the running hub, and its report routes ---------------------------------------------------

describe('the report agrees with a tally kept while driving a hub through two days', () => {
  const clock = new ManualClock(openingOf(DAY1));
  const tally = new Tally();
  let t: TestHub;
  let app: FastifyInstance;
  let url: string;
  let supervisor: string;
  let catalogue: string;
  let runner: ReportRunner;

  beforeAll(async () => {
    catalogue = mkdtempSync(join(tmpdir(), 'motcua-report-catalogue-'));
    mkdirSync(join(catalogue, 'records'));
    writeFileSync(
      join(catalogue, 'catalogue.csv'),
      'Mã số,Tên,Cơ quan ban hành,Cơ quan thực hiện,Lĩnh vực,URL\n1.000001,Đăng ký khai sinh,,UBND cấp xã,Hộ tịch,\n',
    );
    const site = testSite();
    // No kiosk printer: rendering 100 tickets would only slow the test down.
    t = await startTestHub({
      clock,
      catalogueDir: catalogue,
      site: { ...site, devices: site.devices.filter((d) => d.kind !== 'printer') },
    });
    simulate(t, clock, tally);
    // One dossier reached the province system: the outbox worker's own repository marks it sent.
    const owed = outboxRepository(t.hub.db)
      .list('pending', 1000)
      .filter((i) => i.kind === 'dossier');
    outboxRepository(t.hub.db).markDone(owed[0]!.id, clock.now());

    // As the hub makes them: on the report thread, over its own read-only connection.
    runner = new ReportRunner({
      dbFile: join(t.dir, 'hall.db'),
      clock,
      names: () => siteReportNames(t.site),
      scales: () => [THREE_LEVEL_SCALE],
      logger: silentLogger,
    });
    app = Fastify({ logger: false, ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true } } });
    app.addSchema(ErrorEnvelope);
    registerErrorEnvelope(app);
    registerAdminReportRoutes(app, { auth: t.hub.auth, reports: runner, weekly: { list: () => [], file: () => null } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    supervisor = await signIn(t.url, 'giamsat');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await runner?.close();
    await t?.dispose();
    if (catalogue) rmSync(catalogue, { recursive: true, force: true });
  });

  const get = async (path: string, token?: string) => {
    const res = await fetch(`${url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    return res;
  };
  const report = async (from: string, to: string): Promise<HallReport> => {
    const res = await get(`/api/admin/reports?from=${from}&to=${to}`, supervisor);
    const body = (await res.json()) as Ack<HallReport>;
    if (!body.ok) throw new Error(`report refused: ${body.error.code}`);
    return body.data;
  };

  it('drove a day worth reporting: every outcome happened', () => {
    const all = [...tally.tickets.values()];
    for (const o of ['served', 'noShow', 'cancelled', 'expired', 'open'] as const) {
      expect(all.filter((x) => x.outcome === o).length, o).toBeGreaterThan(0);
    }
    expect(tally.transfers.length).toBeGreaterThan(0);
    expect(tally.ratings.length).toBeGreaterThan(0);
    expect(tally.lapsed.length).toBeGreaterThan(0);
    expect(tally.dossiers.length).toBeGreaterThan(1);
    expect(all.some((x) => x.firstCall && x.firstCall.at - x.issuedAt > 30 * 60 * SEC)).toBe(true);
  });

  for (const [from, to] of [
    [DAY1, DAY1],
    [DAY2, DAY2],
    [DAY1, DAY2],
  ] as const) {
    it(`totals, queues, counters, officers, days and hours for ${from}..${to}`, async () => {
      const r = await report(from, to);
      const days = new Set(from === to ? [from] : [DAY1, DAY2]);
      const ts = [...tally.tickets.values()].filter((x) => days.has(x.day));
      const dossiers = tally.dossiers.filter((d) => days.has(d.day));
      expect(r).toMatchObject({ from, to, days: days.size });

      const { ratings, ...counts } = cohort(tally, ts);
      expect(r.summary).toEqual({
        ...counts,
        ratings,
        dossiers: {
          received: dossiers.length,
          forwarded: dossiers.filter((d) => d.code === tally.dossiers[0]!.code).length,
          waiting: dossiers.filter((d) => d.code !== tally.dossiers[0]!.code).length,
        },
      });
      // The outcomes are exclusive and account for every ticket.
      const s = r.summary;
      expect(s.served + s.noShow + s.cancelled + s.expired + s.inProgress).toBe(s.issued);

      for (const q of r.queues) {
        expect(q, q.id).toEqual({
          id: q.id,
          name: t.site.queues.find((x) => x.id === q.id)!.name,
          removed: false,
          ...cohort(
            tally,
            ts.filter((x) => x.queue === q.id),
          ),
        });
      }
      expect(r.queues.map((q) => q.id)).toEqual(t.site.queues.map((q) => q.id));

      for (const c of r.counters) {
        const def = t.site.counters.find((x) => x.id === c.id)!;
        expect(c, c.id).toEqual({
          id: c.id,
          name: def.name,
          number: def.number,
          removed: false,
          ...staff(tally, ts, days, 'counter', c.id),
        });
      }
      const officers = t.site.officers.filter((o) => o.role === 'officer');
      expect(r.officers.map((o) => o.id)).toEqual(officers.map((o) => o.id));
      for (const o of r.officers) {
        expect(o, o.id).toEqual({
          id: o.id,
          name: officers.find((x) => x.id === o.id)!.name,
          number: null,
          removed: false,
          ...staff(tally, ts, days, 'officer', o.id),
        });
      }

      expect(r.daily.map((d) => d.day)).toEqual([...days]);
      for (const d of r.daily) {
        const { estimate: _e, ...c } = cohort(
          tally,
          ts.filter((x) => x.day === d.day),
        );
        expect(d).toEqual({ day: d.day, ...c, dossiers: dossiers.filter((x) => x.day === d.day).length });
      }
      expect(r.hourly.map((h) => h.hour)).toEqual(Array.from({ length: 24 }, (_, h) => h));
      for (const h of r.hourly) {
        const inHour = ts.filter((x) => new Date(x.issuedAt + 7 * 3600 * SEC).getUTCHours() === h.hour);
        expect(h).toEqual({ hour: h.hour, arrivals: inHour.length, wait: waitOf(present(inHour.map(waitSec))) });
      }

      const rated = tally.ratings.filter((x) => days.has(x.day));
      expect(r.ratings).toEqual([
        {
          scaleId: THREE_LEVEL_SCALE.id,
          name: THREE_LEVEL_SCALE.name,
          levels: THREE_LEVEL_SCALE.levels.map((l) => ({
            levelId: l.id,
            name: l.name,
            nameEn: l.nameEn,
            satisfied: l.satisfied,
            count: rated.filter((x) => x.level === l.id).length,
          })),
          ...ratingsOf(rated, tally.lapsed.filter((x) => days.has(x.day)).length),
        },
      ]);
      const rate = ratings.satisfactionRate!;
      expect(r.qd766).toEqual({
        name: 'Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC',
        nameEn: expect.any(String),
        rate,
        threshold: 0.9,
        met: rate >= 0.9,
        ratings: rated.length,
      });
    });
  }

  it('names a counter since removed from the config by its id, and still counts it', async () => {
    const engine = createReportEngine({
      db: t.hub.db,
      clock,
      names: () => siteReportNames({ ...t.site, counters: t.site.counters.filter((c) => c.id !== 'quay-2') }),
      scales: () => [THREE_LEVEL_SCALE],
    });
    const r = engine.compute(DAY1, DAY2);
    const gone = r.counters.find((c) => c.id === 'quay-2');
    const full = await report(DAY1, DAY2);
    expect(gone).toEqual({ ...full.counters.find((c) => c.id === 'quay-2'), name: 'quay-2', number: null, removed: true });
    expect(r.counters.at(-1)?.id).toBe('quay-2');
  });

  it('refuses bad ranges and anyone below supervisor, and changes nothing', async () => {
    const events = () => (t.hub.db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
    const before = events();
    for (const [q, field] of [
      [`from=${DAY2}&to=${DAY1}`, '/querystring/to'],
      ['from=2025-11-01&to=2026-11-02', '/querystring/to'],
      ['from=2026-02-30&to=2026-03-01', '/querystring/from'],
    ] as const) {
      for (const path of ['/api/admin/reports', '/api/admin/reports/export.xlsx', '/api/admin/reports/export.csv']) {
        const res = await get(`${path}?${q}`, supervisor);
        expect(res.status, `${path}?${q}`).toBe(400);
        expect(await res.json()).toMatchObject({
          ok: false,
          error: { code: 'REPORT_RANGE_INVALID', details: [{ path: field }] },
        });
      }
    }
    const malformed = await get('/api/admin/reports?from=2026-11-1&to=2026-11-20', supervisor);
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const badTable = await get(`/api/admin/reports/export.csv?from=${DAY1}&to=${DAY1}&table=secrets`, supervisor);
    expect(badTable.status).toBe(400);
    expect(await badTable.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    // 366 days is a year with its leap day: allowed. Every body here is read to its end: one left
    // unread (a year's report is large) holds its connection busy, and closing the server waits on it.
    const year = await get('/api/admin/reports?from=2027-03-01&to=2028-02-29', supervisor);
    expect(year.status).toBe(200);
    expect(((await year.json()) as Ack<HallReport>).ok).toBe(true);

    const officerToken = await signIn(t.url, 'canbo1');
    for (const path of [
      `/api/admin/reports?from=${DAY1}&to=${DAY1}`,
      `/api/admin/reports/export.csv?from=${DAY1}&to=${DAY1}`,
      `/api/admin/reports/export.xlsx?from=${DAY1}&to=${DAY1}`,
      '/api/admin/reports/weekly',
      '/api/admin/reports/weekly/1.xlsx',
    ]) {
      const asOfficer = await get(path, officerToken);
      expect(asOfficer.status, path).toBe(403);
      expect(await asOfficer.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const anonymous = await get(path);
      expect(anonymous.status, path).toBe(401);
      expect(await anonymous.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }
    const kiosk = await fetch(`${url}/api/admin/reports?from=${DAY1}&to=${DAY1}`, {
      headers: { 'x-device-key': t.site.devices.find((d) => d.kind === 'kiosk')!.key! },
    });
    expect(kiosk.status).toBe(403);
    expect(await kiosk.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(events()).toBe(before);
  });

  it('exports a table as CSV: BOM, Vietnamese headers, CRLF, quoted where needed, and it reads back', async () => {
    const r = await report(DAY1, DAY2);
    const res = await get(`/api/admin/reports/export.csv?from=${DAY1}&to=${DAY2}&table=queues`, supervisor);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(`filename="bao-cao-theo-hang-doi-${DAY1}-${DAY2}.csv"`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const rows = parseCsv(text);
    expect(rows[0]?.slice(0, 4)).toEqual(['Mã hàng đợi', 'Hàng đợi', 'Số phiếu cấp', 'Đã phục vụ']);
    expect(rows.slice(1).map((row) => row[1])).toEqual(t.site.queues.map((q) => q.name));
    const first = r.queues[0]!;
    const header = rows[0]!;
    const row = rows[1]!;
    expect(Number(row[header.indexOf('Số phiếu cấp')])).toBe(first.issued);
    expect(row[header.indexOf('Chờ trung bình (phút)')]).toBe((first.wait.meanSec! / 60).toFixed(1));
    expect(row[header.indexOf('Tỷ lệ hài lòng (%)')]).toBe(
      first.ratings.satisfactionRate === null ? '' : (first.ratings.satisfactionRate * 100).toFixed(1),
    );
    // The summary's labels hold commas and quotes: quoted, and read back whole.
    const summary = parseCsv(
      (await (await get(`/api/admin/reports/export.csv?from=${DAY1}&to=${DAY2}`, supervisor)).text()).replace(/^\uFEFF/, ''),
    );
    expect(summary.map((x) => x[0])).toContain('Vắng mặt (bỏ qua, không quay lại)');
    expect(summary.map((x) => x[0])).toContain('Đánh giá “Rất hài lòng” – Đánh giá theo hồ sơ (3 mức)');
    expect(summary.find((x) => x[0] === 'Số phiếu đã cấp')?.[1]).toBe(String(r.summary.issued));
  });

  it('exports the workbook: one sheet per table, numbers as numbers, frozen headers, the same figures', async () => {
    const r = await report(DAY1, DAY2);
    const res = await get(`/api/admin/reports/export.xlsx?from=${DAY1}&to=${DAY2}`, supervisor);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`filename="bao-cao-${DAY1}-${DAY2}.xlsx"`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Tổng hợp',
      'Theo hàng đợi',
      'Theo quầy',
      'Theo cán bộ',
      'Theo ngày',
      'Chỉ số QĐ 766',
    ]);
    for (const key of ['summary', 'queues', 'counters', 'officers', 'days'] as const) {
      const table = reportTable(r, key);
      const ws = wb.getWorksheet(table.title)!;
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(table.columns.map((c) => c.header));
      expect(ws.getColumn(1).width).toBe(table.columns[0]!.width);
      table.rows.forEach((cells, i) => {
        cells.forEach((cell, j) => {
          const got = ws.getRow(i + 2).getCell(j + 1);
          const v = cell.value;
          if (v === null) return expect(got.value, `${key} ${i} ${j}`).toBeNull();
          switch (cell.kind) {
            case 'text':
              return expect(got.value).toBe(v);
            case 'day':
              return expect((got.value as Date).toISOString().slice(0, 10)).toBe(v);
            case 'count':
              return expect(got.value).toBe(v);
            case 'minutes':
              expect(got.numFmt).toBe('0.0');
              return expect(got.value).toBe(Math.round((Number(v) / 60) * 10) / 10);
            case 'percent':
              expect(got.numFmt).toBe('0.0%');
              return expect(got.value).toBe(v);
          }
        });
      });
    }
    const qd = wb.getWorksheet('Chỉ số QĐ 766')!.getRow(2);
    expect(qd.getCell(1).value).toBe('Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC');
    expect(qd.getCell(2).value).toBe(r.qd766.rate);
    expect(qd.getCell(3).value).toBe(0.9);
    expect(qd.getCell(4).value).toBe(r.qd766.met ? 'Đạt điểm tối đa' : 'Chưa đạt điểm tối đa');
  });
});

/** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}
