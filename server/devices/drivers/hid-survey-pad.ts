import type { Clock } from '../../core/ports.js';
import type { SurveyPadModel } from '../catalogue/survey-pad-model-schema.js';
import { hexOf } from '../codecs/hid/keypad-report.js';
import {
  NO_BUTTON_HELD,
  readSurveyPadReport,
  type ButtonsHeld,
  type SurveyPadReportMap,
} from '../codecs/hid/survey-pad-report.js';
import type { HidLink } from '../transports/hid/hid-link.js';
import type { DeviceLogger, LinkState } from '../transports/transport.js';

/** One button press that counts: after the codec's release/repeat rules and the debounce window. */
export interface SurveyPadPress {
  readonly deviceId: string;
  readonly counterId: string;
  /** 1 = the best level of the scale, as the button is wired or programmed. */
  readonly position: number;
}

/** A survey pad as /api/health shows it (the service adds what became of the presses). */
export interface SurveyPadStatus {
  readonly deviceId: string;
  readonly counterId: string;
  readonly model: string;
  readonly url: string;
  readonly state: LinkState;
  readonly lastError: string | null;
  /** The device node open now (/dev/hidraw3), if any. */
  readonly path: string | null;
  /** Presses passed on to be rated. */
  readonly presses: number;
  /** Presses dropped inside the debounce window after a counted one. */
  readonly debounced: number;
  /** Reports that mapped to nothing (logged with their bytes). */
  readonly refused: number;
}

export interface HidSurveyPadOptions {
  readonly deviceId: string;
  readonly counterId: string;
  readonly model: SurveyPadModel & { report: SurveyPadReportMap['report'] };
  readonly link: HidLink;
  readonly debounceMs: number;
  readonly clock: Clock;
  readonly logger: DeviceLogger;
  readonly onPress: (press: SurveyPadPress) => void;
}

/**
 * A raw HID survey pad: reports from its link, read by its model, become presses. The codec already
 * counts a held button once; here any press within debounceMs of the last counted one is dropped,
 * whichever button it is: a bouncing switch, or a hand brushing the next button, is not a second
 * opinion. (Once a ticket is rated the hub refuses more anyway; this keeps a flood off the hub.)
 */
export class HidSurveyPad {
  private held: ButtonsHeld = NO_BUTTON_HELD;
  private lastAt: number | undefined;
  private presses = 0;
  private debounced = 0;
  private refused = 0;

  constructor(private readonly opts: HidSurveyPadOptions) {
    opts.link.on('report', (bytes) => this.onReport(bytes));
    // A button held while the cable was pulled is not held on the next plug.
    opts.link.on('down', () => (this.held = NO_BUTTON_HELD));
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

  status(): SurveyPadStatus {
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
      debounced: this.debounced,
      refused: this.refused,
    };
  }

  private onReport(bytes: Uint8Array): void {
    const { reading, held } = readSurveyPadReport(bytes, this.opts.model, this.held);
    this.held = held;
    if (reading.kind === 'ignored') return;
    const { deviceId, counterId } = this.opts;
    if (reading.kind === 'refused') {
      this.refused++;
      this.opts.logger.warn(
        { deviceId, counterId, report: hexOf(bytes), reason: reading.reason },
        'survey pad report maps to nothing; ignored',
      );
      return;
    }
    const now = this.opts.clock.now();
    // now >= lastAt: a wall clock set back must not mute the pad until it catches up.
    if (this.lastAt !== undefined && now >= this.lastAt && now - this.lastAt < this.opts.debounceMs) {
      this.debounced++;
      return;
    }
    this.lastAt = now;
    this.presses++;
    this.opts.onPress({ deviceId, counterId, position: reading.position });
  }
}
