import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIVE_LEVEL_SCALE, THREE_LEVEL_SCALE } from '../../common/domain/survey-scale.js';
import type { SiteConfig } from '../../server/config/site-config-schema.js';
import { firmwareConfigsDir } from '../../server/devices/catalogue/firmware-configs-dir.js';
import { loadSurveyPadModelsOrThrow } from '../../server/devices/catalogue/load-survey-pad-models.js';
import type { HidSurveyPad } from '../../server/devices/drivers/hid-survey-pad.js';
import { startSurveyPads } from '../../server/devices/site-survey-pads.js';
import { randomIds } from '../../server/services/system-ports.js';
import { levelAt, SurveyPadService, type SurveyPadResult } from '../../server/services/survey-pad-service.js';
import { FakeHid, type FakeHidDevice } from '../helpers/fake-hid.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { connectClient, issueAtKiosk, newCommandId, signIn, startTestHub, type TestClient } from '../helpers/test-hub.js';
import { testSite } from '../helpers/test-site.js';
import { waitFor } from './helpers/bounded.js';

const FAST_HID = { pollMs: 20, retryMinMs: 20, retryMaxMs: 100, openTimeoutMs: 2_000 };
const QMK_BOX = { vendorId: 0x1209, productId: 0x4d53, usagePage: 0xff60, usage: 0x61, interface: 1, product: 'motcua survey 5' };
const CH552 = {
  vendorId: 0x1189,
  productId: 0x8890,
  usagePage: 0x01,
  usage: 0x06,
  interface: 0,
  serialNumber: 'MS01',
  product: 'MacroPad',
};
/** 10:00 in Hà Nội, a weekday of 2026: well inside one service day. */
const START = Date.parse('2026-03-10T03:00:00Z');

/** A QMK raw HID report of the survey box: "MS", the button's position, zeroes to 32 bytes. */
const ms = (n: number) => Uint8Array.from({ length: 32 }, (_, i) => [0x4d, 0x53, n][i] ?? 0);
const RELEASE = ms(0);
/** The CH552 pad's numbered keyboard report (id 1) with one key down, or none. */
const digitKey = (usage: number) => [0x01, 0, 0, usage, 0, 0, 0, 0, 0];

function recordingLogger() {
  const lines: { level: 'info' | 'warn' | 'error'; obj: Record<string, unknown>; msg: string }[] = [];
  const at =
    (level: 'info' | 'warn' | 'error') =>
    (obj: object, msg = '') =>
      void lines.push({ level, obj: obj as Record<string, unknown>, msg });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

/** A started hub with survey pads at its first two counters, driven by a fake HID backend. */
async function hallWithPads(site: SiteConfig, clock: ManualClock, hid: FakeHid) {
  const c1 = site.counters[0]!.id;
  const c2 = site.counters[1]!.id;
  site.devices.push(
    {
      id: 'pad-1',
      kind: 'survey-pad',
      name: 'Hộp đánh giá quầy 1',
      model: 'qmk/raw-hid-survey-5',
      link: 'hid://1209:4d53',
      counterId: c1,
    },
    {
      id: 'pad-2',
      kind: 'survey-pad',
      name: 'Hộp đánh giá quầy 2',
      model: 'wagiminator/ch552-macropad-mini',
      link: 'hid://1189:8890/MS01',
      counterId: c2,
    },
  );
  // The hub runs without the pads: this test opens them itself with short HID timings and watches
  // its own service's results (the hub opening its pads is tests/integration/hid-devices-in-hub).
  const t = await startTestHub({ site: { ...site, devices: site.devices.filter((d) => d.kind !== 'survey-pad') }, clock, hid });
  const models = await loadSurveyPadModelsOrThrow(join(firmwareConfigsDir(), 'survey-pads'));
  const logger = recordingLogger();
  const results: SurveyPadResult[] = [];
  const service = new SurveyPadService({
    hall: t.hub.hall,
    scales: site.survey?.scales ?? [THREE_LEVEL_SCALE],
    ids: randomIds,
    logger,
  });
  const started = await startSurveyPads(site, {
    backend: hid,
    models,
    clock,
    logger,
    onPress: (p) => results.push(service.press(p)),
    timing: FAST_HID,
  });
  const pad = (id: string) => started.pads.find((p) => p.deviceId === id) as HidSurveyPad;
  const officers: TestClient[] = [];
  /** Opens the counter as its own officer (officer i at counter i). */
  const openCounter = async (i: number) => {
    const officer = await connectClient(t.url, { token: await signIn(t.url, site.officers[i]!.username) });
    officers.push(officer);
    const opened = await officer.send('counter:open', { commandId: newCommandId(), counterId: site.counters[i]!.id });
    expect(opened.ok).toBe(true);
    return officer;
  };
  /** A kiosk ticket called and finished at the counter: its chance to rate opens. */
  const serveOne = async (officer: TestClient, i: number) => {
    const { ticket } = await issueAtKiosk(t, site.counters[i]!.queues[0]!.queueId);
    const counterId = site.counters[i]!.id;
    const called = await officer.send('ticket:call-next', { commandId: newCommandId(), counterId });
    expect(called.ok).toBe(true);
    clock.advance(30_000);
    const finished = await officer.send('ticket:finish', { commandId: newCommandId(), counterId });
    expect(finished.ok).toBe(true);
    return ticket.id;
  };
  const rating = (ticketId: string) =>
    t.hub.db
      .prepare('SELECT status, level_id AS levelId, answers, device_id AS deviceId FROM survey_ratings WHERE ticket_id = ?')
      .get(ticketId) as { status: string; levelId: string | null; answers: string | null; deviceId: string | null } | undefined;
  // Lapses are the hub's own timer's doing, at any moment: "nothing changed" means no other event.
  const eventCount = () =>
    (t.hub.db.prepare("SELECT COUNT(*) AS n FROM events WHERE type != 'survey:lapsed'").get() as { n: number }).n;
  const ratedEvents = (ticketId: string) =>
    (
      t.hub.db.prepare("SELECT actor, command_id AS commandId, payload FROM events WHERE type = 'survey:rated'").all() as {
        actor: string;
        commandId: string;
        payload: string;
      }[]
    ).filter((e) => (JSON.parse(e.payload) as { ticketId: string }).ticketId === ticketId);
  const dispose = async () => {
    await started.stop();
    for (const o of officers) o.close();
    await t.dispose();
  };
  return { t, c1, c2, logger, results, service, started, pad, openCounter, serveOne, rating, eventCount, ratedEvents, dispose };
}

describe('USB survey pads rate the service just given at their counter', () => {
  const clock = new ManualClock(START);
  const hid = new FakeHid();
  let h: Awaited<ReturnType<typeof hallWithPads>>;
  let officer: TestClient;
  let box: FakeHidDevice;
  /** Presses a button of the QMK box (press, then release), a second after the last, past the debounce. */
  const press = (position: number, gapMs = 1_000) => {
    clock.advance(gapMs);
    box.send(ms(position));
    box.send(RELEASE);
  };

  beforeAll(async () => {
    h = await hallWithPads(testSite(), clock, hid);
    officer = await h.openCounter(0);
  });
  afterAll(async () => {
    await h?.dispose();
  });

  it('starts with the pads unplugged and says so, without stopping the hub', () => {
    expect(h.started.problems).toEqual([]);
    expect(h.pad('pad-1').status()).toMatchObject({
      state: 'down',
      lastError: 'no HID device 1209:4d53 usagePage=0xff60 usage=0x61 is plugged in',
      counterId: h.c1,
      model: 'qmk/raw-hid-survey-5',
    });
    expect(h.pad('pad-2').status().lastError).toBe(
      'no HID device 1189:8890 serial=MS01 usagePage=0x0001 usage=0x6 is plugged in',
    );
  });

  it('a press records exactly one rating of the last finished ticket, with the level of its position', async () => {
    box = hid.plug(QMK_BOX);
    await waitFor(() => h.pad('pad-1').link.state === 'up', 'the survey box to come up');
    const ticketId = await h.serveOne(officer, 0);
    expect(h.t.hub.hall.snapshot().surveys.map((s) => s.ticketId)).toContain(ticketId);
    const before = h.eventCount();
    press(2);
    expect(h.results).toEqual([
      { deviceId: 'pad-1', counterId: h.c1, position: 2, outcome: 'rated', ticketId, levelId: 'hai-long' },
    ]);
    expect(h.eventCount() - before).toBe(1);
    expect(h.rating(ticketId)).toEqual({
      status: 'rated',
      levelId: 'hai-long',
      answers: '{"giai-quyet-tthc":"hai-long"}',
      deviceId: 'pad-1',
    });
    const [event] = h.ratedEvents(ticketId);
    expect(event?.actor).toBe('device:pad-1');
    expect(event?.commandId).toMatch(/^survey-pad-/);
    expect(h.t.hub.hall.snapshot().surveys.map((s) => s.ticketId)).not.toContain(ticketId);
  });

  it('a flood of 10 presses still gives one rating: the driver drops the bounces, the hub refuses the rest', async () => {
    const ticketId = await h.serveOne(officer, 0);
    const before = {
      events: h.eventCount(),
      results: h.results.length,
      status: h.pad('pad-1').status(),
      tally: h.service.tally('pad-1'),
    };
    // Five presses 50 ms apart (a hand drumming), then five a second apart (a citizen insisting).
    for (let i = 0; i < 10; i++) press(i === 0 ? 1 : 3, i === 0 || i > 4 ? 1_000 : 50);
    expect(h.ratedEvents(ticketId)).toHaveLength(1);
    expect(h.rating(ticketId)).toMatchObject({ status: 'rated', levelId: 'rat-hai-long' });
    expect(h.eventCount() - before.events).toBe(1);
    const outcomes = h.results.slice(before.results).map((r) => [r.outcome, r.error?.code]);
    expect(outcomes).toEqual([['rated', undefined], ...Array.from({ length: 5 }, () => ['refused', 'ALREADY_RATED'])]);
    const status = h.pad('pad-1').status();
    expect(status.presses - before.status.presses).toBe(6);
    expect(status.debounced - before.status.debounced).toBe(4);
    const tally = h.service.tally('pad-1');
    expect([tally.rated - before.tally.rated, tally.alreadyRated - before.tally.alreadyRated]).toEqual([1, 5]);
    // Refusals a citizen causes are told at info, not as faults.
    const refusals = h.logger.lines.filter((l) => l.msg === 'survey pad press refused');
    expect(refusals.length).toBeGreaterThanOrEqual(5);
    expect(refusals.every((l) => l.level === 'info' && l.obj['code'] === 'ALREADY_RATED')).toBe(true);
    expect(h.service.health(status)).toMatchObject({ deviceId: 'pad-1', state: 'up', alreadyRated: tally.alreadyRated });
  });

  it('never falls back to an older ticket still open: the last finished one is the one at the desk', async () => {
    const older = await h.serveOne(officer, 0);
    const newer = await h.serveOne(officer, 0);
    press(1);
    press(2);
    expect(h.results.slice(-2).map((r) => [r.ticketId, r.outcome, r.error?.code])).toEqual([
      [newer, 'rated', undefined],
      [newer, 'refused', 'ALREADY_RATED'],
    ]);
    expect(h.rating(older)).toMatchObject({ status: 'open', levelId: null });
  });

  it('survives unplug and replug with no restart, and a press rates the next finished ticket', async () => {
    box.unplug();
    expect(h.pad('pad-1').status()).toMatchObject({ state: 'down', path: null });
    expect(h.pad('pad-1').status().lastError).toContain('could not read from HID device');
    const ticketId = await h.serveOne(officer, 0);
    box = box.replug();
    await waitFor(() => h.pad('pad-1').link.state === 'up', 'the survey box to come back');
    expect(h.pad('pad-1').status().path).toBe(box.path);
    press(1);
    expect(h.results.at(-1)).toMatchObject({ ticketId, outcome: 'rated', levelId: 'rat-hai-long' });
    expect(h.rating(ticketId)).toMatchObject({ status: 'rated', levelId: 'rat-hai-long', deviceId: 'pad-1' });
  });

  it('button 5 on the three-level scale is refused and logged, and the chance stays open for a right press', async () => {
    const ticketId = await h.serveOne(officer, 0);
    const before = h.eventCount();
    press(5);
    expect(h.results.at(-1)).toMatchObject({ position: 5, outcome: 'no-level', ticketId, levelId: null });
    expect(h.eventCount()).toBe(before);
    expect(h.rating(ticketId)).toMatchObject({ status: 'open' });
    expect(h.logger.lines.at(-1)).toMatchObject({
      level: 'warn',
      msg: 'survey pad button has no level on the scale; nothing rated',
      obj: { scaleId: THREE_LEVEL_SCALE.id, reason: 'button 5 has no level on a 3-level scale' },
    });
    expect(h.service.tally('pad-1').noLevel).toBe(1);
    press(3);
    expect(h.rating(ticketId)).toMatchObject({ status: 'rated', levelId: 'khong-hai-long' });
  });

  it('a press after the window changes nothing', async () => {
    const ticketId = await h.serveOne(officer, 0);
    clock.advance(61_000);
    const before = h.eventCount();
    press(1);
    expect(h.results.at(-1)).toMatchObject({ ticketId, outcome: 'refused', error: { code: 'SURVEY_CLOSED' } });
    expect(h.eventCount()).toBe(before);
    expect(h.ratedEvents(ticketId)).toEqual([]);
    expect(h.rating(ticketId)?.status).not.toBe('rated');
    expect(h.service.tally('pad-1').late).toBe(1);
  });

  it('a report that maps to nothing changes nothing, and is logged with its bytes in hex', async () => {
    await h.serveOne(officer, 0);
    const before = { events: h.eventCount(), results: h.results.length, refused: h.pad('pad-1').status().refused };
    clock.advance(1_000);
    box.send(ms(9));
    box.send([0xff, 0xff]);
    box.send(RELEASE);
    expect(h.results.length).toBe(before.results);
    expect(h.eventCount()).toBe(before.events);
    const warned = h.logger.lines.filter((l) => l.msg === 'survey pad report maps to nothing; ignored');
    expect(warned.slice(-2).map((l) => [l.level, l.obj['report'], l.obj['reason']])).toEqual([
      ['warn', `4d 53 09 ${'00 '.repeat(28)}00`, 'no button of this model matches the report'],
      ['warn', 'ff ff', '2 bytes, expected 32'],
    ]);
    expect(h.pad('pad-1').status().refused - before.refused).toBe(2);
    // Health shows the driver's refused reports beside what the presses became, neither hiding the other.
    expect(h.service.health(h.pad('pad-1').status())).toMatchObject({ refused: before.refused + 2, failed: 0, late: 1 });
  });

  it('a press with nothing finished at the counter yet changes nothing, and is told at info', async () => {
    // Counter 2's pad is the three-key CH552 pad: keyboard reports numbered 1, typing 1, 2, 3.
    const ch552 = hid.plug(CH552);
    await waitFor(() => h.pad('pad-2').link.state === 'up', 'the CH552 pad to come up');
    const officer2 = await h.openCounter(1);
    const before = h.eventCount();
    clock.advance(1_000);
    ch552.send(digitKey(0x1e));
    ch552.send(digitKey(0));
    expect(h.results.at(-1)).toEqual({
      deviceId: 'pad-2',
      counterId: h.c2,
      position: 1,
      outcome: 'nothing-to-rate',
      ticketId: null,
      levelId: null,
    });
    expect(h.eventCount()).toBe(before);
    expect(h.logger.lines.at(-1)).toMatchObject({ level: 'info', msg: 'survey pad press with nothing to rate; ignored' });
    // Then its officer finishes a ticket, and the third key says "not satisfied".
    const ticketId = await h.serveOne(officer2, 1);
    clock.advance(1_000);
    ch552.send(digitKey(0x20));
    ch552.send(digitKey(0x20)); // held: the keyboard repeats its report
    ch552.send(digitKey(0));
    expect(h.results.at(-1)).toMatchObject({ deviceId: 'pad-2', ticketId, outcome: 'rated', levelId: 'khong-hai-long' });
    expect(h.ratedEvents(ticketId)).toHaveLength(1);
  });
});

describe('the same five-button box on the five-level questionnaire scale', () => {
  const clock = new ManualClock(START);
  const hid = new FakeHid();
  let h: Awaited<ReturnType<typeof hallWithPads>>;

  beforeAll(async () => {
    const site = testSite();
    site.survey = { windowSeconds: 60, scales: [structuredClone(FIVE_LEVEL_SCALE) as never], reasons: [] };
    h = await hallWithPads(site, clock, hid);
  });
  afterAll(async () => {
    await h?.dispose();
  });

  it('button 5 is "Rất không hài lòng", answering the scale\'s first criterion', async () => {
    const box = hid.plug(QMK_BOX);
    await waitFor(() => h.pad('pad-1').link.state === 'up', 'the survey box to come up');
    const officer = await h.openCounter(0);
    const ticketId = await h.serveOne(officer, 0);
    clock.advance(1_000);
    box.send(ms(5));
    box.send(RELEASE);
    expect(h.rating(ticketId)).toEqual({
      status: 'rated',
      levelId: 'rat-khong-hai-long',
      answers: '{"tong-the":"rat-khong-hai-long"}',
      deviceId: 'pad-1',
    });
  });

  it('a position maps to the level at that place, best first, and never to the nearest', () => {
    expect([1, 2, 3, 4, 5].map((p) => levelAt(FIVE_LEVEL_SCALE, p)?.id)).toEqual([
      'rat-hai-long',
      'hai-long',
      'binh-thuong',
      'khong-hai-long',
      'rat-khong-hai-long',
    ]);
    expect([0, 3, 4, 1.5].map((p) => levelAt(THREE_LEVEL_SCALE, p)?.id ?? null)).toEqual([null, 'khong-hai-long', null, null]);
  });
});
