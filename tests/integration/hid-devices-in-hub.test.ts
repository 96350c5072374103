import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteConfig } from '../../server/config/site-config-schema.js';
import { validateSiteConfig } from '../../server/config/validate-site-config.js';
import { FakeHid } from '../helpers/fake-hid.js';
import { api, eventually, issueAtKiosk, newCommandId, signIn, startTestHub, type TestHub } from '../helpers/test-hub.js';
import { testSite } from '../helpers/test-site.js';

/**
 * The hub as an office sets it up: a keypad and a survey button box beside counter 3, declared in the
 * site config and opened by the hub itself (through a fake HID backend: no USB HID exists here). The
 * officer works the counter from the keypad; the citizen rates on the box.
 */
describe('keypad and survey pad started by the hub from the site config', () => {
  let t: TestHub;
  const hid = new FakeHid();
  const blank = (bytes: number[]) => [...bytes, ...new Array<number>(32 - bytes.length).fill(0)];

  beforeAll(async () => {
    const site: SiteConfig = testSite();
    site.devices.push(
      {
        id: 'keypad-3',
        kind: 'keypad',
        name: 'Bàn phím quầy 3',
        model: 'qmk/raw-hid-macropad',
        link: 'hid://1209:4d43',
        counterId: 'quay-3',
      },
      {
        id: 'pad-3',
        kind: 'survey-pad',
        name: 'Hộp đánh giá quầy 3',
        model: 'qmk/raw-hid-survey-5',
        link: 'hid://1209:4d53',
        counterId: 'quay-3',
      },
    );
    expect(validateSiteConfig(site)).toMatchObject({ ok: true });
    t = await startTestHub({ site, hid });
  });
  afterAll(async () => t?.dispose());

  const health = async () =>
    (await api<{ keypads: { state: string }[]; surveyPads: { state: string; rated: number }[] }>(t.url, 'GET', '/api/health', {}))
      .body;

  it('calls and finishes from the keypad, rates from the box, and reports both in /api/health', async () => {
    const keypad = hid.plug({ vendorId: 0x1209, productId: 0x4d43, usagePage: 0xff60, usage: 0x61 });
    const pad = hid.plug({ vendorId: 0x1209, productId: 0x4d53, usagePage: 0xff60, usage: 0x61 });
    const up = async () => {
      const h = await health();
      return h.ok && h.data.keypads[0]?.state === 'up' && h.data.surveyPads[0]?.state === 'up';
    };
    for (let i = 0; i < 100 && !(await up()); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await up()).toBe(true);

    const token = await signIn(t.url, 'canbo3');
    await api(t.url, 'POST', '/api/counters/quay-3/open', { token }, { commandId: newCommandId() });
    const queueId = t.site.counters.find((c) => c.id === 'quay-3')!.queues[0]!.queueId;
    const { ticket } = await issueAtKiosk(t, queueId);

    keypad.send(blank([0x4d, 0x43, 0x01])); // Gọi tiếp
    keypad.send(blank([0x4d, 0x43, 0x00]));
    await eventually(
      () => t.hub.hall.currentState.counters.get('quay-3')?.currentTicketId === ticket.id,
      3000,
      'called from the keypad',
    );
    await new Promise((r) => setTimeout(r, 450)); // past the keypad's debounce window
    keypad.send(blank([0x4d, 0x43, 0x05])); // Xong
    keypad.send(blank([0x4d, 0x43, 0x00]));
    await eventually(() => t.hub.hall.currentState.surveys.has(ticket.id), 3000, 'finished from the keypad');

    pad.send(blank([0x4d, 0x53, 0x02])); // Hài lòng
    pad.send(blank([0x4d, 0x53, 0x00]));
    await eventually(() => t.hub.hall.currentState.rated.has(ticket.id), 3000, 'rated on the box');
    const row = t.hub.db.prepare('SELECT status, level_id, device_id FROM survey_ratings WHERE ticket_id = ?').get(ticket.id);
    expect(row).toEqual({ status: 'rated', level_id: 'hai-long', device_id: 'pad-3' });
    const h = await health();
    expect(h.ok && h.data.surveyPads[0]?.rated).toBe(1);
  });
});
