import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HallFact, HallView } from '../../common/contract/hall-view.js';
import type { CallResultView, IssueResult } from '../../common/contract/view-schemas.js';
import { nextRolloverAt, serviceDayOf, serviceDayStart, vnClock, vnDate } from '../../common/time/vn-time.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { ShiftedWallClock } from '../helpers/fault-wall-clock.js';
import { ManualClock } from '../helpers/manual-clock.js';
import {
  api,
  connectClient,
  eventually,
  issueAtKiosk,
  newCommandId,
  signIn,
  startTestHub,
  type TestClient,
  type TestHub,
} from '../helpers/test-hub.js';
import { deviceKey, testSite } from '../helpers/test-site.js';

const HOUR = 3_600_000;
const MIN = 60_000;
/** An instant given as Vietnam's wall time, e.g. vn('2026-11-24T10:00:00'). */
const vn = (local: string) => Date.parse(`${local}+07:00`);
const OVERALL = 'giai-quyet-tthc';

let t: TestHub | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await t?.dispose();
  t = undefined;
});

/** Every wait and service figure in a report (at any level: totals, queues, counters, hours…), by path. */
function negativeFigures(report: unknown, path = ''): string[] {
  if (report === null || typeof report !== 'object') return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(report as Record<string, unknown>)) {
    const at = `${path}/${k}`;
    if (typeof v === 'number' && /^(mean|median|p90|max|meanAbs)Sec$/.test(k) && v < 0) out.push(`${at} = ${v}`);
    else out.push(...negativeFigures(v, at));
  }
  return out;
}

describe('the clock set back an hour in the middle of the day (an NTP correction)', () => {
  it('numbering goes on, the day stays, the call order and every wait stay sane, ratings are still taken', async () => {
    const clock = new ManualClock(vn('2026-11-24T10:00:00'));
    t = await startTestHub({ clock });
    const counter = t.site.counters[0]!;
    const queueId = counter.queues[0]!.queueId;
    const token = await signIn(t.url, 'canbo1');
    const act = async (action: string) => {
      const res = await api<CallResultView>(t!.url, 'POST', `/api/counters/${counter.id}/${action}`, { token }, { commandId: newCommandId() });
      if (!res.body.ok) throw new Error(`${action} refused: ${res.body.error.code}`);
      return res.body.data;
    };
    const display = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'display') });
    const survey = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'survey', counter.id) });
    clients.push(display, survey);
    const facts: HallFact[] = [];
    for (const type of ['ticket:issued', 'ticket:called', 'ticket:finished', 'day:rolled'] as const) {
      display.socket.on(type, (f: HallFact) => facts.push(f));
    }
    await act('open');

    const before: IssueResult[] = [];
    for (let i = 0; i < 3; i++) {
      before.push(await issueAtKiosk(t, queueId)); // 10:00, 10:05, 10:10
      clock.advance(5 * MIN);
    }
    clock.advance(-3 * MIN); // 10:12
    expect((await act('call-next')).ticket?.id).toBe(before[0]!.ticket.id);
    clock.advance(8 * MIN); // 10:20
    await act('finish');

    clock.advance(-HOUR); // 09:20: the hall has run an hour fast, and NTP has just put it right
    const after = await issueAtKiosk(t, queueId);
    expect(Number(after.ticket.number.slice(1))).toBe(Number(before[2]!.ticket.number.slice(1)) + 1);
    expect(after.estimate.minSec).toBeGreaterThanOrEqual(0);
    // The citizen served at 10:20 rates half a minute later, as the terminal still asks.
    clock.advance(30_000);
    const rated = await survey.send('survey:rate', { commandId: newCommandId(), ticketId: before[0]!.ticket.id, answers: { [OVERALL]: 'hai-long' } });
    expect(rated.ok).toBe(true);

    // Those who took their number before the correction are called before the one who took it after.
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      clock.advance(3 * MIN);
      order.push((await act('call-next')).ticket?.id ?? '');
    }
    expect(order).toEqual([before[1]!.ticket.id, before[2]!.ticket.id, after.ticket.id]);
    clock.advance(4 * MIN);
    await act('finish');

    const snap = t.hub.hall.snapshot();
    expect(snap.day).toBe('2026-11-24');
    await eventually(() => display.mirror.view?.seq === snap.seq, 3000, 'the display current');
    expect(display.mirror.view).toEqual(snap);
    // The screens were told of no call before its ticket's issue, and the newest call is the one the
    // hall TV puts on top (it sorts by the time of the call).
    const issuedAt = new Map(facts.flatMap((f) => (f.type === 'ticket:issued' ? [[f.ticket.id, f.at] as const] : [])));
    const early = facts.filter((f) => f.type === 'ticket:called' && f.at < (issuedAt.get(f.ticketId) ?? 0));
    expect(early).toEqual([]);
    const callTimes = snap.recentCalls.map((c) => c.at);
    expect(callTimes).toEqual([...callTimes].sort((a, b) => b - a));
    expect(snap.recentCalls[0]?.ticketId).toBe(after.ticket.id);
    expect(facts.filter((f) => f.type === 'day:rolled')).toEqual([]);
    expect(facts.filter((f) => f.type === 'ticket:finished' && f.serviceSec < 0)).toEqual([]);

    // The day's report: every wait and service time is zero or more.
    const supervisor = await signIn(t.url, 'giamsat');
    const report = await api<unknown>(t.url, 'GET', '/api/admin/reports?from=2026-11-24&to=2026-11-24', { token: supervisor });
    if (!report.body.ok) throw new Error(`report refused: ${report.body.error.code}`);
    expect(negativeFigures(report.body.data)).toEqual([]);
    expect(JSON.stringify(report.body.data)).toContain('"issued":4');

    // The chances opened since are closed as not rated once the clock has passed their window.
    expect(snap.surveys.map((s) => s.ticketId)).not.toContain(before[0]!.ticket.id);
    clock.set(vn('2026-11-24T10:22:00'));
    t.hub.hall.closeLapsedSurveys();
    expect(t.hub.hall.snapshot().surveys).toEqual([]);
    const ratings = t.hub.db.prepare('SELECT ticket_id AS id, status FROM survey_ratings').all() as { id: string; status: string }[];
    expect(ratings.find((r) => r.id === before[0]!.ticket.id)?.status).toBe('rated');
    expect(ratings.filter((r) => r.status === 'lapsed').length).toBe(3);
  });

  it('keeps its order across a restart made while the clock is still behind', async () => {
    const clock = new ManualClock(vn('2026-11-24T15:00:00'));
    t = await startTestHub({ clock });
    const counter = t.site.counters[1]!;
    const queueId = counter.queues[0]!.queueId;
    const first = await issueAtKiosk(t, queueId);
    clock.advance(-HOUR);
    t = await t.restart();
    const second = await issueAtKiosk(t, queueId);
    expect(second.ticket.issuedAt).toBeGreaterThanOrEqual(first.ticket.issuedAt);
    const token = await signIn(t.url, 'canbo2');
    await api(t.url, 'POST', `/api/counters/${counter.id}/open`, { token }, { commandId: newCommandId() });
    const call = await api<CallResultView>(t.url, 'POST', `/api/counters/${counter.id}/call-next`, { token }, { commandId: newCommandId() });
    expect(call.body.ok && call.body.data.ticket?.id).toBe(first.ticket.id);
  });
});

describe('the clock set back by more than the hall waits out', () => {
  it('follows a clock hours behind the record (it was wrong before), and still keeps the day', async () => {
    const clock = new ManualClock(vn('2026-11-24T16:00:00'));
    t = await startTestHub({ clock });
    const queueId = t.site.queues[2]!.id;
    const first = await issueAtKiosk(t, queueId);
    clock.advance(-5 * HOUR); // 11:00: a box whose clock ran five hours fast, put right
    const second = await issueAtKiosk(t, queueId);
    expect(second.ticket.issuedAt).toBe(clock.now());
    expect(Number(second.ticket.number.slice(1))).toBe(Number(first.ticket.number.slice(1)) + 1);
    expect(t.hub.hall.snapshot().day).toBe('2026-11-24');
  });
});

describe("Vietnam's midnight: no daylight saving, whatever the host's time zone", () => {
  const hostZone = process.env.TZ;
  beforeAll(() => {
    // A host set to a zone with DST (and a DST change that very night) must not move the boundary.
    process.env.TZ = 'Europe/Berlin';
  });
  afterAll(() => {
    if (hostZone === undefined) delete process.env.TZ;
    else process.env.TZ = hostZone;
  });

  it('puts 23:59:59.999 in the old day and 00:00:00.000 +07:00 in the new one, every day of the year 24 hours', () => {
    expect(new Date(2026, 2, 29, 12).getTimezoneOffset()).toBe(-120); // the host really is on summer time
    expect(serviceDayOf(vn('2026-03-28T23:59:59.999'), 0)).toBe('2026-03-28');
    expect(serviceDayOf(vn('2026-03-29T00:00:00.000'), 0)).toBe('2026-03-29');
    expect(serviceDayOf(Date.UTC(2026, 2, 28, 17, 0, 0), 0)).toBe('2026-03-29');
    expect(vnClock(vn('2026-10-25T00:00:00'))).toBe('00:00');
    for (let day = serviceDayStart('2026-01-01', 0); day < serviceDayStart('2027-01-01', 0); day = nextRolloverAt(day, 0)) {
      expect(nextRolloverAt(day, 0) - day).toBe(24 * HOUR);
      expect(vnDate(day + 24 * HOUR - 1)).toBe(vnDate(day));
    }
  });

  it('numbers the last second of the day in the old series and the first in a new one', async () => {
    const clock = new ManualClock(vn('2026-03-28T23:59:59.000'));
    t = await startTestHub({ site: { ...testSite(), rolloverHour: 0 }, clock });
    const queueId = t.site.queues[0]!.id;
    await issueAtKiosk(t, queueId);
    clock.set(vn('2026-03-28T23:59:59.999'));
    const last = await issueAtKiosk(t, queueId);
    expect(t.hub.hall.snapshot().day).toBe('2026-03-28');
    clock.set(vn('2026-03-29T00:00:00.000'));
    const first = await issueAtKiosk(t, queueId);
    expect(t.hub.hall.snapshot().day).toBe('2026-03-29');
    expect(last.ticket.number.endsWith('002')).toBe(true);
    expect(first.ticket.number.endsWith('001')).toBe(true);
    expect(t.hub.hall.ticket(last.ticket.id)?.state).toBe('expired');
  });
});

describe('the rollover timer', () => {
  it('rolls the day over at midnight by itself, with no command and no screen asking', async () => {
    const clock = new ShiftedWallClock(vn('2026-03-28T23:59:59.000'), true);
    t = await startTestHub({ site: { ...testSite(), rolloverHour: 0 }, clock });
    const display = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'display') });
    clients.push(display);
    const issued = await issueAtKiosk(t, t.site.queues[0]!.id);
    await eventually(() => display.mirror.view?.tickets.length === 1, 3000, 'the ticket on the display');
    expect(display.mirror.view?.day).toBe('2026-03-28');
    clock.release();
    // The timer re-arms itself while the clock is held; a second after midnight it rolls, with nothing sent.
    await eventually(() => display.mirror.view?.day === '2026-03-29', 6000, 'the day rolled on the display');
    const view = display.mirror.view as HallView;
    expect(view.tickets).toEqual([]);
    expect(t.hub.hall.ticket(issued.ticket.id)?.state).toBe('expired');
  });

  it('fires early after the clock is set back, does not roll, and rolls at the real midnight on the next command', async () => {
    const clock = new ShiftedWallClock(vn('2026-11-24T23:59:58.000'), true);
    t = await startTestHub({ site: { ...testSite(), rolloverHour: 0 }, clock });
    const display = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'display') });
    clients.push(display);
    const rolled: HallFact[] = [];
    display.socket.on('day:rolled', (f: HallFact) => rolled.push(f));
    const queueId = t.site.queues[0]!.id;
    const before = await issueAtKiosk(t, queueId);
    clock.jump(-HOUR); // 22:59:58: the timer armed for midnight (3 s away) now fires an hour early
    clock.release();
    await sleep(3500);
    expect(rolled).toEqual([]);
    const again = await issueAtKiosk(t, queueId);
    expect(t.hub.hall.snapshot().day).toBe('2026-11-24');
    expect(again.ticket.number.endsWith('002')).toBe(true);
    clock.setTo(vn('2026-11-25T00:00:00.500'));
    const fresh = await issueAtKiosk(t, queueId);
    expect(fresh.ticket.number).toBe(before.ticket.number);
    await eventually(() => rolled.length === 1 && display.mirror.view?.day === '2026-11-25', 3000, 'the roll on the display');
  });
});
