import type { CounterAction } from '../../../common/contract/counter-actions.js';
import type { Clock } from '../../core/ports.js';
import type { KeypadModel } from '../catalogue/keypad-model-schema.js';
import { hexOf, NOTHING_HELD, readKeypadReport, type KeypadReportMap, type KeysHeld } from '../codecs/hid/keypad-report.js';
import type { HidLink } from '../transports/hid/hid-link.js';
import type { DeviceLogger, LinkState } from '../transports/transport.js';

/** One key press that counts: after the codec's release/repeat rules and the debounce window. */
export interface KeypadPress {
  readonly deviceId: string;
  readonly counterId: string;
  readonly action: CounterAction;
}

/** A keypad as /api/health shows it. */
export interface KeypadStatus {
  readonly deviceId: string;
  readonly counterId: string;
  readonly model: string;
  readonly url: string;
  readonly state: LinkState;
  readonly lastError: string | null;
  /** The device node open now (/dev/hidraw3), if any. */
  readonly path: string | null;
  readonly presses: number;
  /** Reports that mapped to nothing (logged with their bytes). */
  readonly refused: number;
}

export interface HidKeypadOptions {
  readonly deviceId: string;
  readonly counterId: string;
  readonly model: KeypadModel & { report: KeypadReportMap['report'] };
  readonly link: HidLink;
  readonly debounceMs: number;
  readonly clock: Clock;
  readonly logger: DeviceLogger;
  readonly onPress: (press: KeypadPress) => void;
}

/**
 * A raw HID counter keypad: reports from its link, read by its model, become presses. The codec
 * already counts a held or auto-repeating key once; here a second press of the same action within
 * debounceMs is dropped too (a bouncing switch, a nervous double tap), since a double "next" would
 * finish the citizen just called and call another. Different actions in quick succession all count.
 */
export class HidKeypad {
  private held: KeysHeld = NOTHING_HELD;
  private last: { action: CounterAction; at: number } | undefined;
  private presses = 0;
  private refused = 0;

  constructor(private readonly opts: HidKeypadOptions) {
    opts.link.on('report', (bytes) => this.onReport(bytes));
    // A key held while the cable was pulled is not held on the next plug.
    opts.link.on('down', () => (this.held = NOTHING_HELD));
  }

  get deviceId(): string {
    return this.opts.deviceId;
  }

  get counterId(): string {
    return this.opts.counterId;
  }

  get link(): HidLink {
    return this.opts.link;
  }

  /** Starts watching for the pad; resolves after the first look, also when it is not plugged in. */
  start(): Promise<void> {
    return this.opts.link.open();
  }

  stop(): Promise<void> {
    return this.opts.link.close();
  }

  status(): KeypadStatus {
    const { link } = this.opts;
    return {
      deviceId: this.opts.deviceId,
      counterId: this.opts.counterId,
      model: this.opts.model.id,
      url: link.url,
      state: link.state,
      lastError: link.lastError ?? null,
      path: link.device?.path ?? null,
      presses: this.presses,
      refused: this.refused,
    };
  }

  private onReport(bytes: Uint8Array): void {
    const { reading, held } = readKeypadReport(bytes, this.opts.model, this.held);
    this.held = held;
    if (reading.kind === 'ignored') return;
    const { deviceId, counterId } = this.opts;
    if (reading.kind === 'refused') {
      this.refused++;
      this.opts.logger.warn(
        { deviceId, counterId, report: hexOf(bytes), reason: reading.reason },
        'keypad report maps to nothing; ignored',
      );
      return;
    }
    const now = this.opts.clock.now();
    const last = this.last;
    // now >= last.at: a wall clock set back must not mute the key until it catches up.
    if (last && last.action === reading.action && now >= last.at && now - last.at < this.opts.debounceMs) return;
    this.last = { action: reading.action, at: now };
    this.presses++;
    this.opts.onPress({ deviceId, counterId, action: reading.action });
  }
}
