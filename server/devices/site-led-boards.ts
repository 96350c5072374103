import type { SiteConfig } from '../config/site-config-schema.js';
import { sameContent } from '../core/board-content.js';
import type { Clock } from '../core/ports.js';
import type { LedBoardModel } from './catalogue/led-board-model-schema.js';
import { AsciiFrameBoard } from './drivers/ascii-frame-board.js';
import type { LedBoard, LedBoardLogger, LedBoardState } from './drivers/led-board.js';
import { ModbusRtuBoard } from './drivers/modbus-rtu-board.js';
import { createTransport } from './transports/open-transport.js';
import type { LinkTiming } from './transports/transport.js';

export interface StartedLedBoard {
  readonly deviceId: string;
  readonly counterId: string;
  readonly board: LedBoard;
}

export interface LedBoardProblem {
  readonly deviceId: string;
  readonly problem: string;
}

export interface LedBoardDeps {
  /** DATA_DIR, for sim:// boards. */
  readonly dataDir: string;
  readonly clock: Clock;
  readonly models: ReadonlyMap<string, LedBoardModel>;
  readonly logger: LedBoardLogger;
  /** Tests shorten these. */
  readonly timing?: Partial<LinkTiming>;
  readonly resendEveryMs?: number;
  readonly retryMs?: number;
}

/** Driver settings an led-board device may carry in its options; others are refused, not ignored. */
const OPTIONS = ['address'];

/**
 * Starts the LED boards the site config declares (kind 'led-board', bound to a counter). A board
 * with an unknown model, a bad address or a link it cannot use is reported and left out: the hall
 * runs without it, as it does without a printer. A board that is merely absent (unplugged) starts,
 * is 'link-down', and comes up by itself.
 */
export async function startLedBoards(
  site: SiteConfig,
  deps: LedBoardDeps,
): Promise<{ boards: StartedLedBoard[]; problems: LedBoardProblem[] }> {
  const boards: StartedLedBoard[] = [];
  const problems: LedBoardProblem[] = [];
  for (const d of site.devices) {
    if (d.kind !== 'led-board') continue;
    const problem = (text: string) => problems.push({ deviceId: d.id, problem: text });
    const model = d.model ? deps.models.get(d.model) : undefined;
    if (!d.counterId) problem('not bound to a counter (counterId)');
    else if (!d.link) problem('has no link (e.g. serial:///dev/ttyUSB0)');
    else if (!model) problem(`unknown LED board model ${JSON.stringify(d.model ?? '')}`);
    if (!d.counterId || !d.link || !model) continue;
    const address = boardAddress(model, d.options ?? {});
    if (typeof address === 'string') {
      problem(address);
      continue;
    }
    const scheme = d.link.slice(0, Math.max(0, d.link.indexOf('://')));
    const linkProblem = checkLink(model, scheme);
    if (linkProblem) {
      problem(linkProblem);
      continue;
    }
    try {
      const transport = createTransport(scheme === 'serial' ? withBaud(d.link, model.serial.baud) : d.link, {
        dataDir: deps.dataDir,
        logger: deps.logger,
        ...(deps.timing ? { timing: deps.timing } : {}),
      });
      const options = {
        transport,
        model,
        address,
        clock: deps.clock,
        logger: deps.logger,
        ...(deps.resendEveryMs !== undefined ? { resendEveryMs: deps.resendEveryMs } : {}),
        ...(deps.retryMs !== undefined ? { retryMs: deps.retryMs } : {}),
      };
      const board = model.protocol === 'modbus-rtu' ? new ModbusRtuBoard(options) : new AsciiFrameBoard(options);
      await board.start();
      boards.push({ deviceId: d.id, counterId: d.counterId, board });
    } catch (err) {
      problem((err as Error).message);
    }
  }
  return { boards, problems };
}

/** The board's bus address from options.address, or the model's default; a string says what is wrong. */
export function boardAddress(
  model: LedBoardModel,
  options: Readonly<Record<string, string | number | boolean>>,
): number | null | string {
  const unknown = Object.keys(options).filter((k) => !OPTIONS.includes(k));
  if (unknown.length > 0)
    return `unknown option ${unknown.map((k) => `'${k}'`).join(', ')} (an LED board takes: ${OPTIONS.join(', ')})`;
  const given = options['address'];
  if (!model.address) return given === undefined ? null : `model ${model.id} has no address; remove options.address`;
  if (given === undefined) return model.address.default;
  const { min, max } = model.address;
  if (typeof given !== 'number' || !Number.isInteger(given) || given < min || given > max) {
    return `options.address must be a whole number from ${min} to ${max} for ${model.id}, got ${JSON.stringify(given)}`;
  }
  return given;
}

function checkLink(model: LedBoardModel, scheme: string): string | null {
  if (scheme === 'sim') {
    // A simulated link never answers: fine for a board that never does, not for a Modbus one.
    return model.protocol === 'modbus-rtu'
      ? 'a Modbus board needs a link that carries replies (serial:// or tcp://), not sim://'
      : null;
  }
  if (scheme !== 'serial' && scheme !== 'tcp') {
    return `an LED board is reached over serial:// (or tcp:// through a serial device server), not ${scheme}://`;
  }
  if (scheme === 'serial' && model.serial.format !== '8N1') {
    return `model ${model.id} talks ${model.serial.format}, and the hub's serial link opens 8N1 only: set the board to 8N1`;
  }
  return null;
}

/** A serial link without ?baud= gets the model's factory speed, not the transport's 9600. */
export function withBaud(link: string, baud: number): string {
  if (/[?&]baud=/.test(link)) return link;
  return `${link}${link.includes('?') ? '&' : '?'}baud=${baud}`;
}

export interface LedBoardHealth {
  readonly deviceId: string;
  readonly counterId: string;
  readonly url: string;
  readonly model: string;
  readonly state: LedBoardState;
  readonly lastError: string | null;
  /** What the board last took: the number (e.g. A012), 'paused' or 'blank'; null before the first delivery. */
  readonly shown: string | null;
  /** Whether the board shows what the hall wants now (false while it catches up). */
  readonly upToDate: boolean;
  readonly shownAt: number | null;
  readonly ignoredBytes: number;
}

/** For /api/health. */
export function ledBoardHealth(boards: readonly StartedLedBoard[]): LedBoardHealth[] {
  return boards.map(({ deviceId, counterId, board }) => {
    const s = board.status;
    return {
      deviceId,
      counterId,
      url: board.url,
      model: board.model.id,
      state: s.state,
      lastError: s.lastError,
      shown: s.lastShown ? (s.lastShown.kind === 'number' ? s.lastShown.text : s.lastShown.kind) : null,
      upToDate: s.lastShown !== null && sameContent(s.lastShown, s.wanted),
      shownAt: s.shownAt,
      ignoredBytes: s.ignoredBytes,
    };
  });
}
