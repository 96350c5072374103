import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteConfig } from '../../server/config/site-config-schema.js';
import { firmwareConfigsDir } from '../../server/devices/catalogue/firmware-configs-dir.js';
import type { KeypadModel } from '../../server/devices/catalogue/keypad-model-schema.js';
import { loadKeypadModelsOrThrow } from '../../server/devices/catalogue/load-keypad-models.js';
import type { HidKeypad } from '../../server/devices/drivers/hid-keypad.js';
import { startKeypads, type KeypadDeps, type StartedKeypads } from '../../server/devices/site-keypads.js';
import { nodeHidBackend } from '../../server/devices/transports/hid/node-hid-backend.js';
import { KEYPAD_PAUSE_REASON, KeypadService, type KeypadResult } from '../../server/services/keypad-service.js';
import { randomIds } from '../../server/services/system-ports.js';
import { FakeHid, type FakeHidDevice } from '../helpers/fake-hid.js';
import { ManualClock } from '../helpers/manual-clock.js';
import {
  connectClient,
  issueAtKiosk,
  newCommandId,
  signIn,
  startTestHub,
  type TestClient,
  type TestHub,
} from '../helpers/test-hub.js';
import { testSite } from '../helpers/test-site.js';
import { waitFor } from './helpers/bounded.js';

const FAST_HID = { pollMs: 20, retryMinMs: 20, retryMaxMs: 100, openTimeoutMs: 2_000 };
const MACRO_PAD = { vendorId: 0x1209, productId: 0x4d43, usagePage: 0xff60, usage: 0x61, interface: 1, product: 'motcua pad' };
const NUMPAD = { vendorId: 0x1a2c, productId: 0x0b2a, usagePage: 0x01, usage: 0x06, interface: 0, product: 'USB Numpad' };

/** A QMK raw HID report of the macro pad: "MC", the action number, zeroes to 32 bytes. */
const mc = (n: number) => Uint8Array.from({ length: 32 }, (_, i) => [0x4d, 0x43, n][i] ?? 0);
const NEXT = mc(1);
const RELEASE = mc(0);
const numpadKey = (usage: number) => [0, 0, usage, 0, 0, 0, 0, 0];

function recordingLogger() {
  const lines: { level: 'info' | 'warn' | 'error'; obj: Record<string, unknown>; msg: string }[] = [];
  const at =
    (level: 'info' | 'warn' | 'error') =>
    (obj: object, msg = '') =>
      void lines.push({ level, obj: obj as Record<string, unknown>, msg });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

/**
 * Keypads drive a real hub: reports from a fake HID device (behind node-hid's interface) become
 * presses, commands run through the hall service as the officer at the counter, and the event log
 * shows exactly what happened, or nothing when the press is refused.
 */
describe('USB keypads at the counter', () => {
  let t: TestHub;
  let officer: TestClient;
  let officer2: TestClient;
  let started: StartedKeypads;
  let service: KeypadService;
  let models: ReadonlyMap<string, KeypadModel>;
  const hid = new FakeHid();
  const clock = new ManualClock(Date.now());
  const logger = recordingLogger();
  const results: KeypadResult[] = [];
  let pad: FakeHidDevice;
  let site: SiteConfig;

  const eventCount = () => (t.hub.db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
  const counter = (id: string) => t.hub.hall.currentState.counters.get(id)!;
  const keypad = (id: string) => started.keypads.find((k) => k.deviceId === id) as HidKeypad;
  const c1 = () => site.counters[0]!.id;
  const c2 = () => site.counters[1]!.id;

  beforeAll(async () => {
    site = testSite();
    site.devices.push(
      {
        id: 'keypad-1',
        kind: 'keypad',
        name: 'Bàn phím quầy 1',
        model: 'qmk/raw-hid-macropad',
        link: 'hid://1209:4d43',
        counterId: site.counters[0]!.id,
      },
      {
        id: 'keypad-2',
        kind: 'keypad',
        name: 'Bàn phím số quầy 2',
        model: 'generic/usb-numpad',
        link: 'hid://1a2c:0b2a',
        counterId: site.counters[1]!.id,
      },
    );
    t = await startTestHub({ site });
    models = await loadKeypadModelsOrThrow(join(firmwareConfigsDir(), 'keypads'));
    service = new KeypadService({
      hall: t.hub.hall,
      officer: (id) => {
        const o = site.officers.find((x) => x.id === id && !x.disabled);
        return o ? { role: o.role, name: o.name } : undefined;
      },
      ids: randomIds,
      clock,
      logger,
    });
    service.onResult((r) => results.push(r));
    started = await startKeypads(site, {
      backend: hid,
      models,
      clock,
      logger,
      onPress: (p) => service.press(p),
      timing: FAST_HID,
    });
    officer = await connectClient(t.url, { token: await signIn(t.url, site.officers[0]!.username) });
    officer2 = await connectClient(t.url, { token: await signIn(t.url, site.officers[1]!.username) });
  });
  afterAll(async () => {
    await started?.stop();
    service?.stop();
    officer?.close();
    officer2?.close();
    await t?.dispose();
  });

  it('starts with the pads unplugged and says so, without stopping the hub', () => {
    expect(started.problems).toEqual([]);
    expect(keypad('keypad-1').status()).toMatchObject({
      state: 'down',
      lastError: 'no HID device 1209:4d43 usagePage=0xff60 usage=0x61 is plugged in',
      counterId: c1(),
      model: 'qmk/raw-hid-macropad',
    });
  });

  it('a press of "next" calls the next ticket, as the officer serving at the counter', async () => {
    const opened = await officer.send('counter:open', { commandId: newCommandId(), counterId: c1() });
    expect(opened.ok).toBe(true);
    const queueId = site.counters[0]!.queues[0]!.queueId;
    const tickets: { id: string }[] = [];
    for (let i = 0; i < 3; i++) tickets.push((await issueAtKiosk(t, queueId)).ticket);

    pad = hid.plug(MACRO_PAD);
    await waitFor(() => keypad('keypad-1').link.state === 'up', 'the macro pad to come up');
    expect(pad.send(NEXT)).toBe(1);
    pad.send(RELEASE);

    expect(results).toEqual([{ deviceId: 'keypad-1', counterId: c1(), action: 'next', command: 'ticket:call-next', ok: true }]);
    expect(counter(c1()).currentTicketId).toBe(tickets[0]!.id);
    const last = t.hub.db
      .prepare('SELECT type, actor, command_id AS commandId FROM events ORDER BY seq DESC LIMIT 1')
      .get() as Record<string, string>;
    expect(last).toMatchObject({ type: 'ticket:called', actor: `officer:${site.officers[0]!.id}` });
    expect(last['commandId']).toMatch(/^keypad-/);
    // The officer's console hears it like any call.
    await waitFor(
      () => officer.mirror.view?.counters.find((c) => c.id === c1())?.currentTicketId === tickets[0]!.id,
      'the console to see the call',
    );
  });

  it('survives unplug and replug with no restart, and the next press works', async () => {
    pad.unplug();
    expect(keypad('keypad-1').status()).toMatchObject({ state: 'down', path: null });
    expect(keypad('keypad-1').status().lastError).toContain('could not read from HID device');
    pad = pad.replug();
    await waitFor(() => keypad('keypad-1').link.state === 'up', 'the macro pad to come back');
    expect(keypad('keypad-1').status().path).toBe(pad.path);
    clock.advance(1_000);
    const before = results.length;
    pad.send(NEXT);
    pad.send(RELEASE);
    expect(results.slice(before).map((r) => [r.command, r.ok])).toEqual([['ticket:call-next', true]]);
    expect(t.hub.hall.ticket(counter(c1()).currentTicketId ?? '')?.number).toBeDefined();
  });

  it('a double report within the debounce window acts once', async () => {
    clock.advance(1_000);
    const current = counter(c1()).currentTicketId;
    const before = results.length;
    const events = eventCount();
    pad.send(NEXT);
    pad.send(RELEASE);
    clock.advance(120); // the switch bounced: a second press 120 ms later
    pad.send(NEXT);
    pad.send(RELEASE);
    pad.send(NEXT); // and a report repeated while held
    expect(results.length - before).toBe(1);
    // One "next": the current ticket finished and one ticket called.
    expect(eventCount() - events).toBe(2);
    expect(counter(c1()).currentTicketId).not.toBe(current);
    expect(keypad('keypad-1').status().presses).toBe(3);
  });

  it('a report that maps to nothing is logged with its bytes and changes nothing', () => {
    clock.advance(1_000);
    const events = eventCount();
    const before = results.length;
    const state = t.hub.hall.currentState;
    pad.send(mc(9));
    pad.send(RELEASE);
    pad.send([0xff, 0xff]);
    expect(results.length).toBe(before);
    expect(eventCount()).toBe(events);
    expect(t.hub.hall.currentState).toBe(state);
    const warned = logger.lines.filter((l) => l.msg === 'keypad report maps to nothing; ignored');
    expect(warned.map((l) => [l.obj['report'], l.obj['reason']])).toEqual([
      [`4d 43 09 ${'00 '.repeat(28)}00`, 'no key of this model matches the report'],
      ['ff ff', '2 bytes, expected 32'],
    ]);
    expect(keypad('keypad-1').status().refused).toBe(2);
  });

  it('a press the hub refuses (nothing to finish) is logged, told, and changes nothing', () => {
    clock.advance(1_000);
    pad.send(mc(5)); // finish the current ticket
    pad.send(RELEASE);
    clock.advance(1_000);
    const events = eventCount();
    pad.send(mc(5)); // finish again: nothing is being served
    pad.send(RELEASE);
    expect(results.slice(-2).map((r) => [r.action, r.ok, r.error?.code])).toEqual([
      ['finish', true, undefined],
      ['finish', false, 'NO_CURRENT_TICKET'],
    ]);
    expect(eventCount()).toBe(events);
    expect(logger.lines.at(-1)).toMatchObject({ level: 'warn', msg: 'keypad press refused', obj: { code: 'NO_CURRENT_TICKET' } });
  });

  it('pause-toggle pauses with a Vietnamese reason, and resumes', () => {
    clock.advance(1_000);
    pad.send(mc(6));
    pad.send(RELEASE);
    expect(counter(c1())).toMatchObject({ status: 'paused', pauseReason: KEYPAD_PAUSE_REASON });
    expect(KEYPAD_PAUSE_REASON).toBe('Tạm ngưng (bàn phím)');
    clock.advance(1_000);
    pad.send(mc(6));
    pad.send(RELEASE);
    expect(counter(c1()).status).toBe('open');
    expect(results.slice(-2).map((r) => r.command)).toEqual(['counter:pause', 'counter:resume']);
  });

  it('a press with the counter closed is refused and changes nothing', async () => {
    const closed = await officer.send('counter:close', { commandId: newCommandId(), counterId: c1() });
    expect(closed.ok).toBe(true);
    await issueAtKiosk(t, site.counters[0]!.queues[0]!.queueId);
    clock.advance(1_000);
    const events = eventCount();
    pad.send(NEXT);
    pad.send(RELEASE);
    expect(results.at(-1)).toMatchObject({ action: 'next', command: null, ok: false, error: { code: 'COUNTER_CLOSED' } });
    expect(eventCount()).toBe(events);
    expect(counter(c1())).toMatchObject({ status: 'closed', currentTicketId: null });
  });

  it('a plain numpad read as boot keyboard reports: one press of + calls once, however long it is held', async () => {
    const opened = await officer2.send('counter:open', { commandId: newCommandId(), counterId: c2() });
    expect(opened.ok).toBe(true);
    const ticket = (await issueAtKiosk(t, site.counters[1]!.queues[0]!.queueId)).ticket;
    const numpad = hid.plug(NUMPAD);
    await waitFor(() => keypad('keypad-2').link.state === 'up', 'the numpad to come up');
    clock.advance(1_000);
    const before = results.length;
    numpad.send(numpadKey(0x57));
    clock.advance(600); // held past the debounce window: the keyboard repeats its report
    numpad.send(numpadKey(0x57));
    numpad.send(numpadKey(0));
    expect(results.slice(before)).toEqual([
      { deviceId: 'keypad-2', counterId: c2(), action: 'next', command: 'ticket:call-next', ok: true },
    ]);
    expect(counter(c2()).currentTicketId).toBe(ticket.id);
    expect(counter(c2()).officerId).toBe(site.officers[1]!.id);
  });
});

describe('startKeypads on a machine or a config that cannot run them', () => {
  const clock = new ManualClock(0);

  async function start(devices: SiteConfig['devices'], backend: KeypadDeps['backend']) {
    const site = { ...testSite(), devices };
    const models = await loadKeypadModelsOrThrow(join(firmwareConfigsDir(), 'keypads'));
    const logger = recordingLogger();
    const started = await startKeypads(site, { backend, models, clock, logger, onPress: () => undefined, timing: FAST_HID });
    return { started, logger };
  }

  it('without a HID library the keypad starts down with the reason, and the hub goes on', async () => {
    const backend = nodeHidBackend({
      load: () => Promise.reject(new Error('libusb-1.0.so.0: cannot open shared object file: No such file or directory')),
    });
    const { started, logger } = await start(
      [
        {
          id: 'keypad-1',
          kind: 'keypad',
          name: 'Bàn phím',
          model: 'generic/usb-numpad',
          link: 'hid://1a2c:0b2a',
          counterId: 'quay-1',
        },
      ],
      backend,
    );
    try {
      expect(started.problems).toEqual([]);
      expect(started.keypads[0]?.status()).toMatchObject({
        state: 'down',
        lastError: 'HID unavailable: libusb-1.0.so.0: cannot open shared object file: No such file or directory',
      });
      expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', msg: 'keypad not connected' }));
    } finally {
      await started.stop();
    }
  });

  it('reports each keypad it cannot run, and runs the others', async () => {
    const counterId = testSite().counters[0]!.id;
    const { started } = await start(
      [
        { id: 'k-unknown', kind: 'keypad', name: 'a', model: 'acme/nothing', link: 'hid://1209:0001', counterId },
        { id: 'k-wedge', kind: 'keypad', name: 'b', model: 'generic/usb-numpad-wedge', link: 'hid://1209:0002', counterId },
        { id: 'k-nolink', kind: 'keypad', name: 'c', model: 'generic/usb-numpad', counterId },
        {
          id: 'k-debounce',
          kind: 'keypad',
          name: 'd',
          model: 'generic/usb-numpad',
          link: 'hid://1209:0003',
          counterId,
          options: { debounceMs: -5 },
        },
        {
          id: 'k-badlink',
          kind: 'keypad',
          name: 'e',
          model: 'generic/usb-numpad',
          link: 'hid://1209:0004?usagePage=keyboard',
          counterId,
        },
        { id: 'k-wedge-ok', kind: 'keypad', name: 'f', model: 'generic/usb-numpad-wedge', counterId },
        { id: 'k-good', kind: 'keypad', name: 'g', model: 'generic/usb-numpad', link: 'hid://1209:0005', counterId },
      ],
      new FakeHid(),
    );
    try {
      expect(started.problems).toEqual([
        { deviceId: 'k-unknown', problem: 'unknown keypad model "acme/nothing"' },
        {
          deviceId: 'k-wedge',
          problem:
            'model generic/usb-numpad-wedge types into the officer console (keyboard wedge); the hub reads no link for it, remove the link',
        },
        { deviceId: 'k-nolink', problem: 'model generic/usb-numpad is read by the hub: give the keypad a link hid://VID:PID' },
        { deviceId: 'k-debounce', problem: 'options.debounceMs must be a whole number of milliseconds from 0 to 5000, got -5' },
        {
          deviceId: 'k-badlink',
          problem: expect.stringContaining("usagePage must be a number from 0 to 65535 (decimal or 0x-hex), got 'keyboard'"),
        },
      ]);
      expect(started.keypads.map((k) => k.deviceId)).toEqual(['k-good']);
    } finally {
      await started.stop();
    }
  });
});
