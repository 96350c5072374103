import type { DeviceSetting } from '../config/device-schema.js';
import type { Clock } from '../core/ports.js';
import { LedTestHold } from './device-test-led.js';
import type { PressTimes } from './device-test-presses.js';
import { testPrinter, type TestablePrinter } from './device-test-printer.js';
import { named, type DeviceTestResult } from './device-test-result.js';
import type { LedBoard } from './drivers/led-board.js';
import { slipTime } from './test-slip.js';
import type { DeviceLogger, LinkState } from './transports/transport.js';

export type { DeviceTestResult } from './device-test-result.js';

/** A keypad or survey pad as its driver reports it (KeypadStatus and SurveyPadStatus satisfy it). */
export interface PadLink {
  readonly deviceId: string;
  readonly state: LinkState;
  readonly lastError: string | null;
  readonly path: string | null;
}

/** The screens' side (socket.io rooms), behind an interface so devices never import the realtime adapter. */
export interface ScreenChannel {
  /** Sends `device:test` `{ at }` to a room and answers how many sockets are in it. */
  ping(room: string, at: number): Promise<number>;
}

export interface DeviceTestDeps {
  /** The site's devices as they are now (a screen added by an admin save is testable at once). */
  readonly devices: () => readonly DeviceSetting[];
  readonly printers: readonly TestablePrinter[];
  readonly ledBoards: readonly { readonly deviceId: string; readonly board: LedBoard }[];
  readonly keypads: () => readonly PadLink[];
  readonly surveyPads: () => readonly PadLink[];
  readonly presses: PressTimes;
  /** Why each device the hub could not open at start was left out. */
  readonly notStarted: ReadonlyMap<string, string>;
  readonly screens: ScreenChannel;
  readonly officeName: () => string;
  readonly clock: Clock;
  readonly logger: DeviceLogger;
  /** How long an LED board shows its 8s (tests shorten it). */
  readonly ledHoldMs?: number;
}

const PAD_WORDS = {
  keypad: { en: 'Keypad', vi: 'Bàn phím' },
  'survey-pad': { en: 'Survey pad', vi: 'Bộ nút đánh giá' },
} as const;

/**
 * "Thử thiết bị" from the admin page: each kind is asked to do what shows it works, through the
 * same driver the hall uses. A printer prints a slip and reports its paper; an LED board lights
 * every segment; a pad says whether it is plugged in and when it was last pressed (a pad cannot be
 * made to press itself); a screen is sent `device:test` and counted in its room. Nothing here
 * throws for a device's fault: a fault is the answer.
 */
export class DeviceTester {
  private readonly leds: LedTestHold;

  constructor(private readonly deps: DeviceTestDeps) {
    this.leds = new LedTestHold(deps.ledHoldMs);
  }

  /** Null when the site has no device with this id. */
  async test(id: string): Promise<DeviceTestResult | null> {
    const device = this.deps.devices().find((d) => d.id === id);
    if (!device) return null;
    const name = device.name;
    switch (device.kind) {
      case 'printer': {
        const target = this.deps.printers.find((p) => p.deviceId === id);
        if (!target) return this.notRunning(device);
        return testPrinter(target, { officeName: this.deps.officeName(), at: this.deps.clock.now(), printerName: name }, this.deps.logger);
      }
      case 'led-board': {
        const started = this.deps.ledBoards.find((b) => b.deviceId === id);
        return started ? this.leds.test(started.board, name) : this.notRunning(device);
      }
      case 'keypad':
      case 'survey-pad': {
        const pads = device.kind === 'keypad' ? this.deps.keypads() : this.deps.surveyPads();
        const pad = pads.find((p) => p.deviceId === id);
        return pad ? this.padAnswer(device.kind, name, pad) : this.notRunning(device);
      }
      case 'kiosk':
      case 'display':
      case 'counter-screen':
      case 'survey':
        return this.pingScreen(device);
      case 'scanner':
        return {
          ok: false,
          message: `Scanner ${name} cannot be tested from the hub: scan a dossier receipt at its kiosk`,
          messageVi: `${named('Máy quét', name)} không thử được từ trang quản trị: hãy quét mã trên một giấy tiếp nhận tại kiosk.`,
        };
    }
  }

  stop(): void {
    this.leds.stop();
  }

  private padAnswer(kind: keyof typeof PAD_WORDS, name: string, pad: PadLink): DeviceTestResult {
    const words = PAD_WORDS[kind];
    const at = this.deps.presses.lastAt(pad.deviceId);
    const pressEn = at === null ? 'no press since the hub started' : `last press ${new Date(at).toISOString()}`;
    const pressVi =
      at === null ? 'Chưa có lần bấm nào từ khi hub khởi động: bấm một nút rồi thử lại.' : `Lần bấm gần nhất: ${slipTime(at)}.`;
    if (pad.state === 'up') {
      return {
        ok: true,
        message: `${words.en} ${name} is connected${pad.path ? ` (${pad.path})` : ''}; ${pressEn}`,
        messageVi: `${named(words.vi, name)} đang kết nối. ${pressVi}`,
      };
    }
    return {
      ok: false,
      message: `${words.en} ${name} is not connected (${pad.state}${pad.lastError ? `: ${pad.lastError}` : ''}); ${pressEn}`,
      messageVi: `${named(words.vi, name)} chưa kết nối: kiểm tra cáp USB (hoặc cắm lại). ${at === null ? '' : pressVi}`.trim(),
    };
  }

  private async pingScreen(device: DeviceSetting): Promise<DeviceTestResult> {
    const count = await this.deps.screens.ping(`${device.kind}:${device.id}`, this.deps.clock.now());
    if (count === 0) {
      return {
        ok: false,
        message: `Screen ${device.name} is not connected`,
        messageVi: `${named('Màn hình', device.name)} chưa kết nối: mở trang của nó trên thiết bị (với khóa thiết bị) và kiểm tra mạng.`,
      };
    }
    // Only the hall TV draws the banner today; the other screens are counted, which is the test.
    const shows = device.kind === 'display' ? ' Màn hình hiện dòng “Kiểm tra màn hình” trong 5 giây.' : '';
    return {
      ok: true,
      message: `Screen ${device.name} is connected (${count} socket${count === 1 ? '' : 's'}); device:test sent`,
      messageVi: `${named('Màn hình', device.name)} đang kết nối (${count} trình duyệt).${shows}`,
    };
  }

  private notRunning(device: DeviceSetting): DeviceTestResult {
    const problem = this.deps.notStarted.get(device.id);
    if (problem === undefined && !device.link) {
      // A pad without a link is a keyboard-wedge one, typing into the page that has focus: the hub never sees it.
      return device.kind === 'keypad' || device.kind === 'survey-pad'
        ? {
            ok: false,
            message: `${device.name} has no link: it types into its counter's page, so test it there by pressing a key`,
            messageVi: `${device.name} gõ phím thẳng vào trang của quầy (không qua hub): hãy thử bằng cách bấm phím trên trang đó.`,
          }
        : {
            ok: false,
            message: `${device.name} has no link (e.g. tcp://10.0.0.9:9100), so the hub cannot reach it`,
            messageVi: `${device.name} chưa có Kết nối (ví dụ tcp://10.0.0.9:9100) nên hub không liên lạc được.`,
          };
    }
    return problem !== undefined
      ? {
          ok: false,
          message: `${device.name} (${device.id}) was not opened when the hub started: ${problem}`,
          messageVi: `Thiết bị ${device.name} chưa hoạt động: hub không mở được thiết bị khi khởi động (${problem}). Sửa cấu hình rồi khởi động lại hub.`,
        }
      : {
          ok: false,
          message: `${device.name} (${device.id}) is not open: a device added or changed since the hub started opens after a restart`,
          messageVi: `Thiết bị ${device.name} chưa được mở: thiết bị mới thêm hoặc vừa đổi chỉ hoạt động sau khi khởi động lại hub.`,
        };
  }
}
