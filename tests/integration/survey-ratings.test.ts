import { afterEach, describe, expect, it } from 'vitest';
import type { HallFact } from '../../common/contract/hall-view.js';
import type { CallResultView } from '../../common/contract/view-schemas.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { deviceKey } from '../helpers/test-site.js';
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

const OVERALL = 'giai-quyet-tthc';

describe('rating the service at the counter, on a running hub', () => {
  let t: TestHub;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await t?.dispose();
  });

  async function hub(clock?: ManualClock) {
    t = await startTestHub(clock ? { clock } : {});
    const token = await signIn(t.url, 'canbo3');
    const counter = 'quay-3';
    const queueId = t.site.counters.find((c) => c.id === counter)!.queues[0]!.queueId;
    const open = await api(t.url, 'POST', `/api/counters/${counter}/open`, { token }, { commandId: newCommandId() });
    if (!open.body.ok) throw new Error('open failed');
    const survey3 = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'survey', counter) });
    const survey4 = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'survey', 'quay-4') });
    clients.push(survey3, survey4);
    /** A citizen served and finished at counter 3: the ticket id. */
    const serveOne = async () => {
      const { ticket } = await issueAtKiosk(t, queueId);
      const called = await api<CallResultView>(
        t.url,
        'POST',
        `/api/counters/${counter}/call-next`,
        { token },
        { commandId: newCommandId() },
      );
      if (!called.body.ok || called.body.data.ticket?.id !== ticket.id) throw new Error('call failed');
      const done = await api(t.url, 'POST', `/api/counters/${counter}/finish`, { token }, { commandId: newCommandId() });
      if (!done.body.ok) throw new Error('finish failed');
      return ticket;
    };
    const rows = () =>
      t.hub.db
        .prepare('SELECT ticket_id, status, level_id, officer_id, counter_id FROM survey_ratings ORDER BY finished_at')
        .all();
    const eventCount = () => (t.hub.db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
    return { token, survey3, survey4, serveOne, rows, eventCount };
  }

  it("opens a chance at the finish, takes one rating from the counter's own terminal, and refuses the rest", async () => {
    const { token, survey3, survey4, serveOne, rows, eventCount } = await hub();
    const finished: HallFact[] = [];
    survey3.socket.on('ticket:finished', (f: HallFact) => finished.push(f));
    const ticket = await serveOne();
    await eventually(
      () => survey3.mirror.view?.surveys.some((s) => s.ticketId === ticket.id) === true,
      3000,
      'the chance on the terminal',
    );
    expect(finished[0]).toMatchObject({
      survey: { ticketId: ticket.id, number: ticket.number, counterId: 'quay-3', officerId: 'canbo3' },
    });
    expect(survey4.mirror.view?.surveys.filter((s) => s.counterId === 'quay-4')).toEqual([]);

    const before = eventCount();
    // Another counter's terminal, staff, an answer off the scale, a reason not asked for: refused, nothing changes.
    const rate = { commandId: newCommandId(), ticketId: ticket.id, answers: { [OVERALL]: 'hai-long' } };
    expect(await survey4.send('survey:rate', { ...rate, commandId: newCommandId() })).toMatchObject({
      ok: false,
      error: { code: 'SURVEY_WRONG_COUNTER' },
    });
    const staff = await api(
      t.url,
      'POST',
      `/api/tickets/${ticket.id}/rating`,
      { token },
      { commandId: newCommandId(), answers: rate.answers },
    );
    expect(staff.status).toBe(403);
    expect(
      await survey3.send('survey:rate', { ...rate, commandId: newCommandId(), answers: { [OVERALL]: 'binh-thuong' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'SURVEY_ANSWER_INVALID' },
    });
    expect(await survey3.send('survey:rate', { ...rate, commandId: newCommandId(), reasonId: 'cho-lau' })).toMatchObject({
      ok: false,
      error: { code: 'SURVEY_ANSWER_INVALID' },
    });
    expect(eventCount()).toBe(before);

    // A flood of presses: the same one retried, and new ones: one rating.
    const results = await Promise.all([
      survey3.send('survey:rate', rate),
      survey3.send('survey:rate', rate),
      ...Array.from({ length: 8 }, () =>
        survey3.send('survey:rate', { ...rate, commandId: newCommandId(), answers: { [OVERALL]: 'khong-hai-long' } }),
      ),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(2); // the first, and its retry answered from the record
    expect(results.slice(2).every((r) => !r.ok && r.error.code === 'ALREADY_RATED')).toBe(true);
    expect(eventCount()).toBe(before + 1);
    expect(rows()).toEqual([
      { ticket_id: ticket.id, status: 'rated', level_id: 'hai-long', officer_id: 'canbo3', counter_id: 'quay-3' },
    ]);
    await eventually(() => survey3.mirror.view?.surveys.length === 0, 3000, 'the chance closed on the terminal');
    // Owed to the province system in the same transaction: one rating item, however many presses.
    const owed = t.hub.db.prepare("SELECT kind, idempotency_key, payload FROM outbox WHERE kind = 'rating'").all() as {
      kind: string;
      idempotency_key: string;
      payload: string;
    }[];
    expect(owed).toHaveLength(1);
    expect(owed[0]?.idempotency_key).toBe(`rating:${ticket.id}`);
    expect(JSON.parse(owed[0]?.payload ?? '{}')).toMatchObject({
      SoThuTu: ticket.number,
      MaQuay: 'quay-3',
      MaCanBo: 'canbo3',
      ThangDanhGia: 'theo-ho-so-3-muc',
      MucDo: 'hai-long',
      MaHoSo: null,
    });

    const summary = await api<{
      rows: { counterId: string; levels: Record<string, number>; rated: number; satisfactionRate: number }[];
    }>(t.url, 'GET', '/api/surveys/satisfaction', { token });
    expect(summary.body.ok && summary.body.data.rows).toEqual([
      expect.objectContaining({
        counterId: 'quay-3',
        officerId: 'canbo3',
        rated: 1,
        levels: { 'rat-hai-long': 0, 'hai-long': 1, 'khong-hai-long': 0 },
        satisfactionRate: 1,
      }),
    ]);
  });

  it('keeps an open chance across a restart, and records a lapsed one as not rated', async () => {
    const clock = new ManualClock(Date.now());
    const { serveOne, rows } = await hub(clock);
    const first = await serveOne();
    t = await t.restart();
    const again = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'survey', 'quay-3') });
    clients.push(again);
    expect(again.mirror.view?.surveys.map((s) => s.ticketId)).toEqual([first.id]);
    expect(
      await again.send('survey:rate', { commandId: newCommandId(), ticketId: first.id, answers: { [OVERALL]: 'rat-hai-long' } }),
    ).toMatchObject({ ok: true });

    const token = await signIn(t.url, 'canbo3');
    const queueId = t.site.counters.find((c) => c.id === 'quay-3')!.queues[0]!.queueId;
    const { ticket } = await issueAtKiosk(t, queueId);
    await api(t.url, 'POST', '/api/counters/quay-3/call-next', { token }, { commandId: newCommandId() });
    await api(t.url, 'POST', '/api/counters/quay-3/finish', { token }, { commandId: newCommandId() });
    clock.advance(61_000);
    // The hub's sweep runs every few seconds; run it now rather than wait.
    t.hub.hall.closeLapsedSurveys();
    expect(
      await again.send('survey:rate', { commandId: newCommandId(), ticketId: ticket.id, answers: { [OVERALL]: 'hai-long' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'SURVEY_CLOSED' },
    });
    await eventually(() => again.mirror.view?.surveys.length === 0, 3000, 'the lapsed chance gone from the terminal');
    expect(rows()).toEqual([
      expect.objectContaining({ ticket_id: first.id, status: 'rated' }),
      expect.objectContaining({ ticket_id: ticket.id, status: 'lapsed', level_id: null }),
    ]);
  });
});
