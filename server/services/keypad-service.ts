import { ACTION_COMMANDS, type CounterAction } from '../../common/contract/counter-actions.js';
import type { CommandName } from '../../common/contract/commands.js';
import { errorBody, type ErrorBody } from '../../common/contract/errors.js';
import type { Clock, IdSource } from '../core/ports.js';
import type { KeypadPress } from '../devices/drivers/hid-keypad.js';
import type { HallService } from './hall-service.js';
import type { Logger } from './logger.js';
import type { Principal } from './principal.js';

/** What became of one keypad press: for the console ("Bàn phím: …") and for logs. */
export interface KeypadResult {
  readonly deviceId: string;
  readonly counterId: string;
  readonly action: CounterAction;
  /** The command the press ran; null when it was refused before any command. */
  readonly command: CommandName | null;
  readonly ok: boolean;
  readonly error?: ErrorBody;
}

export interface KeypadServiceDeps {
  readonly hall: Pick<HallService, 'currentState' | 'execute' | 'ensureDay'>;
  /** An enabled officer's role and name by id; undefined for an unknown or disabled one. */
  readonly officer: (officerId: string) => { role: 'officer' | 'supervisor' | 'admin'; name: string } | undefined;
  readonly ids: IdSource;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** The pause reason a keypad gives: the console shows it, and the pad has no way to type one. */
export const KEYPAD_PAUSE_REASON = 'Tạm ngưng (bàn phím)';

type ResultListener = (result: KeypadResult) => void;

/**
 * Runs a keypad press as the command its action means, on the keypad's counter, as the officer
 * serving there: the same command, permissions, core rules and event log as the console's button,
 * with a fresh command id per press (a press is a new intent; repeats are already dropped by the
 * driver). A keypad is not a person: with nobody at the counter (closed) the press is refused here
 * and changes nothing, and whatever the hub refuses (nothing to recall, paused) is logged and told.
 */
export class KeypadService {
  private readonly listeners = new Set<ResultListener>();

  constructor(private readonly deps: KeypadServiceDeps) {}

  /** Told of every press and its outcome; returns the function that unsubscribes. */
  onResult(listener: ResultListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    this.listeners.clear();
  }

  press(press: KeypadPress): KeypadResult {
    const { hall } = this.deps;
    // A press just after the rollover hour must meet today's (closed) counters, not yesterday's.
    hall.ensureDay();
    const counter = hall.currentState.counters.get(press.counterId);
    if (!counter) return this.done(press, null, errorBody('COUNTER_NOT_FOUND'));
    if (counter.status === 'closed' || counter.officerId === null) return this.done(press, null, errorBody('COUNTER_CLOSED'));
    const officer = this.deps.officer(counter.officerId);
    if (!officer) return this.done(press, null, errorBody('FORBIDDEN'), `officer ${counter.officerId} is unknown or disabled`);
    const command = commandFor(press.action, counter.status === 'paused');
    if (!command)
      return this.done(press, null, errorBody('VALIDATION_FAILED'), `${press.action} needs the console, not a keypad`);
    const principal: Principal = {
      kind: 'officer',
      officerId: counter.officerId,
      role: officer.role,
      name: officer.name,
      sessionExpiresAt: this.deps.clock.now(),
    };
    const input = { commandId: `keypad-${this.deps.ids.next()}`, counterId: press.counterId, ...command.extra };
    const ack = hall.execute(command.name, input, principal);
    return this.done(press, command.name, ack.ok ? undefined : ack.error);
  }

  private done(press: KeypadPress, command: CommandName | null, error?: ErrorBody, detail?: string): KeypadResult {
    const result: KeypadResult = { ...press, command, ok: !error, ...(error ? { error } : {}) };
    const log = { deviceId: press.deviceId, counterId: press.counterId, action: press.action, command };
    if (error) this.deps.logger.warn({ ...log, code: error.code, reason: detail ?? error.message }, 'keypad press refused');
    else this.deps.logger.info(log, 'keypad press done');
    for (const listener of this.listeners) {
      try {
        listener(result);
      } catch (err) {
        this.deps.logger.error({ err }, 'keypad result listener failed');
      }
    }
    return result;
  }
}

function commandFor(action: CounterAction, paused: boolean): { name: CommandName; extra: Record<string, string> } | null {
  if (action === 'pause-toggle')
    return paused ? { name: 'counter:resume', extra: {} } : { name: 'counter:pause', extra: { reason: KEYPAD_PAUSE_REASON } };
  if (action === 'transfer' || action === 'call-specific') return null;
  return { name: ACTION_COMMANDS[action], extra: {} };
}
