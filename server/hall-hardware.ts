import type { Server } from 'socket.io';
import type { ScreenConfig } from '../common/contract/screen-config.js';
import type { SiteConfig } from './config/site-config-schema.js';
import type { Clock, IdSource } from './core/ports.js';
import { CounterPrinters } from './devices/counter-printers.js';
import { firmwareConfigsDir } from './devices/catalogue/firmware-configs-dir.js';
import { loadKeypadModels } from './devices/catalogue/load-keypad-models.js';
import { loadLedBoardModels } from './devices/catalogue/load-led-board-models.js';
import { loadPrinterModels } from './devices/catalogue/load-printer-models.js';
import type { KeypadStatus } from './devices/drivers/hid-keypad.js';
import { startKeypads } from './devices/site-keypads.js';
import { ledBoardHealth, startLedBoards, type LedBoardHealth } from './devices/site-led-boards.js';
import { startKioskPrinters } from './devices/site-printers.js';
import type { HidBackend } from './devices/transports/hid/hid-backend.js';
import { nodeHidBackend } from './devices/transports/hid/node-hid-backend.js';
import type { HealthPrinter } from './http/routes/health.js';
import { CounterBoardService } from './services/counter-board-service.js';
import type { HallService } from './services/hall-service.js';
import { KeypadService } from './services/keypad-service.js';
import type { Logger } from './services/logger.js';
import { TicketPrintService } from './services/ticket-print-service.js';
import { join } from 'node:path';
import { THREE_LEVEL_SCALE } from '../common/domain/survey-scale.js';
import { loadSurveyPadModels } from './devices/catalogue/load-survey-pad-models.js';
import { startSurveyPads } from './devices/site-survey-pads.js';
import { SurveyPadService, type SurveyPadHealth } from './services/survey-pad-service.js';
import type { DeviceSetting } from './config/device-schema.js';
import { DeviceTester, type DeviceTestResult } from './devices/device-test.js';
import { PressTimes } from './devices/device-test-presses.js';

export interface HallHardware {
  readonly printers: () => readonly HealthPrinter[];
  readonly keypads: () => readonly KeypadStatus[];
  readonly ledBoards: () => readonly LedBoardHealth[];
  readonly surveyPads: () => readonly SurveyPadHealth[];
  /** The counters' receipt printers (options.counterId), for the dossier forms an officer prints. */
  readonly counterPrinters: CounterPrinters;
  /** "Thử thiết bị" from the admin page (devices/device-test.ts); null when the site has no such device. */
  testDevice(id: string): Promise<DeviceTestResult | null>;
  stop(): Promise<void>;
}

/**
 * The hall's hardware (ticket printers, keypads, survey pads, LED boards), composed the same way for each kind: load the models (firmware-configs),
 * open the devices the site config declares (a device that cannot open is reported and left out:
 * the hall runs without it), and attach the service that drives them from the hall: ticket printers
 * print what kiosks issue, keypads act for the officer at their counter, LED boards follow their
 * counter's calls. Part of the composition root (app.ts), kept apart so each stays readable.
 */
export async function startHallHardware(deps: {
  readonly site: SiteConfig;
  readonly hall: HallService;
  readonly io: Server;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly logger: Logger;
  readonly dataDir: string;
  readonly publicUrl: string;
  readonly screenConfig: () => ScreenConfig;
  readonly hid: HidBackend | undefined;
  /** The devices as settings saves change them (for "Thử thiết bị"); the start-time ones when absent. */
  readonly devices?: () => readonly DeviceSetting[];
  /** How long a tested LED board shows its 8s; 5 s when absent (tests shorten it). */
  readonly ledTestHoldMs?: number;
}): Promise<HallHardware> {
  const { site, hall, io, clock, logger } = deps;
  const models = firmwareConfigsDir();
  const presses = new PressTimes(clock);

  const printerModels = await loadPrinterModels(join(models, 'printers'));
  for (const e of printerModels.errors) logger.error(e, 'printer model not loaded');
  const printers = await startKioskPrinters(site, { dataDir: deps.dataDir, clock, models: printerModels.models, logger });
  for (const p of printers.problems) logger.error(p, 'printer not started');
  const printing = new TicketPrintService({
    printers: printers.printers,
    snapshot: () => hall.snapshot(),
    screenConfig: deps.screenConfig,
    followUrl: (ticketId) => `${deps.publicUrl}/t/${encodeURIComponent(ticketId)}`,
    notify: (kioskId, printed) => io.to(`kiosk:${kioskId}`).emit('ticket:printed', printed),
    logger,
  });
  hall.onCommitted((name, principal, data) => printing.onCommitted(name, principal, data));
  const counterPrinters = new CounterPrinters(printers.counterPrinters, logger);

  // A keypad press acts as the officer serving at its counter; that counter's console hears of it.
  const keypadModels = await loadKeypadModels(join(models, 'keypads'));
  for (const e of keypadModels.errors) logger.error(e, 'keypad model not loaded');
  const keypadService = new KeypadService({
    hall,
    officer: (id) => {
      const o = site.officers.find((x) => x.id === id && !x.disabled);
      return o ? { role: o.role, name: o.name } : undefined;
    },
    ids: deps.ids,
    clock,
    logger,
  });
  keypadService.onResult((result) => io.to(`counter:${result.counterId}`).emit('keypad:pressed', result));
  // One node-hid backend for keypads and survey pads: loaded once, its driver type set first.
  const hid = deps.hid ?? nodeHidBackend();
  const keypads = await startKeypads(site, {
    backend: hid,
    models: keypadModels.models,
    clock,
    logger,
    onPress: (press) => {
      presses.note(press.deviceId);
      keypadService.press(press);
    },
  });
  for (const p of keypads.problems) logger.error(p, 'keypad not started');

  // A survey pad press rates the last ticket finished at its counter, as that counter's survey device.
  const surveyPadModels = await loadSurveyPadModels(join(models, 'survey-pads'));
  for (const e of surveyPadModels.errors) logger.error(e, 'survey pad model not loaded');
  const surveyPadService = new SurveyPadService({
    hall,
    scales: site.survey?.scales ?? [THREE_LEVEL_SCALE],
    ids: deps.ids,
    logger,
  });
  const surveyPads = await startSurveyPads(site, {
    backend: hid,
    models: surveyPadModels.models,
    clock,
    logger,
    onPress: (press) => {
      presses.note(press.deviceId);
      void surveyPadService.press(press);
    },
  });
  for (const p of surveyPads.problems) logger.error(p, 'survey pad not started');

  const ledModels = await loadLedBoardModels(join(models, 'led-boards'));
  for (const e of ledModels.errors) logger.error(e, 'LED board model not loaded');
  const boards = await startLedBoards(site, { dataDir: deps.dataDir, clock, models: ledModels.models, logger });
  for (const p of boards.problems) logger.error(p, 'LED board not started');
  const counterBoards = new CounterBoardService({ boards: boards.boards, source: hall, logger });
  await counterBoards.start();

  const tester = new DeviceTester({
    devices: deps.devices ?? (() => site.devices),
    printers: [...printers.printers, ...printers.counterPrinters],
    ledBoards: boards.boards,
    keypads: () => keypads.keypads.map((k) => k.status()),
    surveyPads: () => surveyPads.pads.map((p) => p.status()),
    presses,
    notStarted: new Map(
      [...printers.problems, ...keypads.problems, ...surveyPads.problems, ...boards.problems].map((p) => [p.deviceId, p.problem]),
    ),
    screens: {
      async ping(room, at) {
        io.to(room).emit('device:test', { at });
        return (await io.in(room).fetchSockets()).length;
      },
    },
    officeName: () => deps.screenConfig().office.name,
    clock,
    logger,
    ...(deps.ledTestHoldMs !== undefined ? { ledHoldMs: deps.ledTestHoldMs } : {}),
  });

  return {
    printers: () =>
      printers.printers.map((p) => ({
        deviceId: p.deviceId,
        kioskId: p.kioskId,
        url: p.printer.url,
        status: p.printer.lastStatus ?? null,
      })),
    keypads: () => keypads.keypads.map((k) => k.status()),
    ledBoards: () => ledBoardHealth(boards.boards),
    surveyPads: () => surveyPads.pads.map((p) => surveyPadService.health(p.status())),
    counterPrinters,
    testDevice: (id) => tester.test(id),
    async stop() {
      tester.stop();
      await printing.stop();
      await counterPrinters.stop();
      await keypads.stop();
      await surveyPads.stop();
      keypadService.stop();
      counterBoards.stop();
      await Promise.all(boards.boards.map((b) => b.board.stop()));
    },
  };
}
