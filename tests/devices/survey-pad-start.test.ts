import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SiteConfig } from '../../server/config/site-config-schema.js';
import { firmwareConfigsDir } from '../../server/devices/catalogue/firmware-configs-dir.js';
import { loadSurveyPadModelsOrThrow } from '../../server/devices/catalogue/load-survey-pad-models.js';
import type { SurveyPadModel } from '../../server/devices/catalogue/survey-pad-model-schema.js';
import { startSurveyPads, type StartedSurveyPads, type SurveyPadDeps } from '../../server/devices/site-survey-pads.js';
import { nodeHidBackend } from '../../server/devices/transports/hid/node-hid-backend.js';
import { FakeHid } from '../helpers/fake-hid.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { testSite } from '../helpers/test-site.js';

const FAST_HID = { pollMs: 20, retryMinMs: 20, retryMaxMs: 100, openTimeoutMs: 2_000 };

function recordingLogger() {
  const lines: { level: 'info' | 'warn'; obj: Record<string, unknown>; msg: string }[] = [];
  const at =
    (level: 'info' | 'warn') =>
    (obj: object, msg = '') =>
      void lines.push({ level, obj: obj as Record<string, unknown>, msg });
  return { lines, info: at('info'), warn: at('warn') };
}

/** What the site config asks of the survey pads that the hub cannot do is reported, never fatal. */
describe('startSurveyPads on a machine or a config that cannot run them', () => {
  const clock = new ManualClock(0);
  const counterId = testSite().counters[0]!.id;
  let models: ReadonlyMap<string, SurveyPadModel>;

  beforeAll(async () => {
    models = await loadSurveyPadModelsOrThrow(join(firmwareConfigsDir(), 'survey-pads'));
  });

  async function start(
    devices: SiteConfig['devices'],
    backend: SurveyPadDeps['backend'],
  ): Promise<{ started: StartedSurveyPads; logger: ReturnType<typeof recordingLogger> }> {
    const logger = recordingLogger();
    const started = await startSurveyPads(
      { ...testSite(), devices },
      { backend, models, clock, logger, onPress: () => undefined, timing: FAST_HID },
    );
    return { started, logger };
  }

  it('without a HID library the pad starts down with the reason, and the hub goes on', async () => {
    const backend = nodeHidBackend({
      load: () => Promise.reject(new Error('libusb-1.0.so.0: cannot open shared object file: No such file or directory')),
    });
    const { started, logger } = await start(
      [{ id: 'pad-1', kind: 'survey-pad', name: 'Hộp', model: 'qmk/raw-hid-survey-5', link: 'hid://1209:4d53', counterId }],
      backend,
    );
    try {
      expect(started.problems).toEqual([]);
      expect(started.pads[0]?.status()).toMatchObject({
        state: 'down',
        lastError: 'HID unavailable: libusb-1.0.so.0: cannot open shared object file: No such file or directory',
      });
      expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', msg: 'survey pad not connected' }));
    } finally {
      await started.stop();
    }
  });

  it('reports each pad it cannot run, and runs the others', async () => {
    const pad = (id: string, extra: Partial<SiteConfig['devices'][number]>): SiteConfig['devices'][number] => ({
      id,
      kind: 'survey-pad',
      name: id,
      model: 'qmk/raw-hid-survey-5',
      counterId,
      ...extra,
    });
    const { started } = await start(
      [
        pad('p-unknown', { model: 'acme/nothing', link: 'hid://1209:0001' }),
        pad('p-wedge', { model: 'generic/survey-keys-wedge', link: 'hid://1209:0002' }),
        pad('p-nolink', {}),
        pad('p-debounce', { link: 'hid://1209:0003', options: { debounceMs: 'soon' } }),
        pad('p-badlink', { link: 'hid://1209:0004?usage=mouse' }),
        { id: 'p-nocounter', kind: 'survey-pad', name: 'x', model: 'qmk/raw-hid-survey-5', link: 'hid://1209:0006' },
        pad('p-wedge-ok', { model: 'generic/survey-keys-wedge' }),
        { id: 'keypad-1', kind: 'keypad', name: 'k', model: 'qmk/raw-hid-survey-5', link: 'hid://1209:0007', counterId },
        pad('p-good', { link: 'hid://1209:0005' }),
      ],
      new FakeHid(),
    );
    try {
      expect(started.problems).toEqual([
        { deviceId: 'p-unknown', problem: 'unknown survey pad model "acme/nothing"' },
        {
          deviceId: 'p-wedge',
          problem:
            'model generic/survey-keys-wedge types into the survey page (keyboard wedge); the hub reads no link for it, remove the link',
        },
        {
          deviceId: 'p-nolink',
          problem: 'model qmk/raw-hid-survey-5 is read by the hub: give the survey pad a link hid://VID:PID',
        },
        {
          deviceId: 'p-debounce',
          problem: 'options.debounceMs must be a whole number of milliseconds from 0 to 5000, got "soon"',
        },
        {
          deviceId: 'p-badlink',
          problem: expect.stringContaining("usage must be a number from 0 to 65535 (decimal or 0x-hex), got 'mouse'"),
        },
        { deviceId: 'p-nocounter', problem: 'not bound to a counter (counterId)' },
      ]);
      expect(started.pads.map((p) => p.deviceId)).toEqual(['p-good']);
    } finally {
      await started.stop();
    }
  });
});
