import type { ErrorBody, ErrorCode } from '../../common/contract/errors.js';
import { scaleOn, type SurveyLevel, type SurveyScale } from '../../common/domain/survey-scale.js';
import type { IdSource } from '../core/ports.js';
import type { HallState, Ticket } from '../core/hall-state.js';
import type { SurveyPadPress, SurveyPadStatus } from '../devices/drivers/hid-survey-pad.js';
import type { HallService } from './hall-service.js';
import type { Logger } from './logger.js';
import type { Principal } from './principal.js';

/** What became of one press: for logs, health and tests. */
export interface SurveyPadResult {
  readonly deviceId: string;
  readonly counterId: string;
  readonly position: number;
  readonly outcome: 'rated' | 'nothing-to-rate' | 'no-level' | 'refused';
  /** The ticket the press was for, when there was one. */
  readonly ticketId: string | null;
  readonly levelId: string | null;
  readonly error?: ErrorBody;
}

/** Presses of one pad by outcome, since the hub started. */
export interface SurveyPadTally {
  readonly rated: number;
  /** Nothing finished at the counter yet today: a citizen pressing before the officer finished. */
  readonly nothingToRate: number;
  /** The button's position has no level on the scale (button 5 on a three-level scale). */
  readonly noLevel: number;
  /** The ticket was rated already: the rest of a flood of presses, or the tablet was quicker. */
  readonly alreadyRated: number;
  /** The window had closed. */
  readonly late: number;
  /** Any other refusal by the hub (logged as a warning: a fault, not a citizen's doing). */
  readonly failed: number;
}

/** A survey pad as /api/health shows it: its link and reports, and what its presses became. */
export type SurveyPadHealth = SurveyPadStatus & SurveyPadTally;

export interface SurveyPadServiceDeps {
  readonly hall: Pick<HallService, 'currentState' | 'execute' | 'ensureDay'>;
  /** The site's rating scales (site.survey?.scales, else the three-level one): a chance names one by id. */
  readonly scales: readonly SurveyScale[];
  readonly ids: IdSource;
  readonly logger: Logger;
}

const ZERO: SurveyPadTally = { rated: 0, nothingToRate: 0, noLevel: 0, alreadyRated: 0, late: 0, failed: 0 };
/** Refusals a citizen causes in the normal run of things: told at info, not as a fault. */
const EXPECTED: ReadonlySet<ErrorCode> = new Set(['ALREADY_RATED', 'SURVEY_CLOSED']);

/**
 * Runs a survey pad press as 'survey:rate' for the last ticket finished at the pad's counter, as the
 * pad (a survey device bound to that counter): the same command, permission, core rules and event log
 * as the survey tablet's buttons, with a fresh command id per press. The button's position picks the
 * level of the ticket's scale, and answers the overall question (the scale's first criterion).
 *
 * Only the LAST finished ticket: if it is rated already (a flood of presses) or its window has passed,
 * the hub is still asked and refuses (ALREADY_RATED, SURVEY_CLOSED), rather than the press falling
 * back to an older ticket still open: that one's citizen has left, and the press is not theirs.
 */
export class SurveyPadService {
  private readonly tallies = new Map<string, SurveyPadTally>();

  constructor(private readonly deps: SurveyPadServiceDeps) {}

  /** What the presses of a pad became, by outcome. */
  tally(deviceId: string): SurveyPadTally {
    return this.tallies.get(deviceId) ?? ZERO;
  }

  /** A pad's driver status with its tally, as /api/health shows it. */
  health(status: SurveyPadStatus): SurveyPadHealth {
    return { ...status, ...this.tally(status.deviceId) };
  }

  press(press: SurveyPadPress): SurveyPadResult {
    const { hall } = this.deps;
    // A press just after the rollover hour must meet today's tickets, not yesterday's.
    hall.ensureDay();
    const state = hall.currentState;
    const ticket = lastFinishedAt(state, press.counterId);
    if (!ticket) return this.done(press, 'nothing-to-rate', null, null);
    const chance = state.surveys.get(ticket.id);
    // Without an open chance the hub refuses whatever the answer; the scale in force still tells
    // whether the button means anything at all.
    const scale = chance ? this.deps.scales.find((s) => s.id === chance.scaleId) : scaleOn(this.deps.scales, state.day);
    const level = scale ? levelAt(scale, press.position) : null;
    const criterion = scale?.criteria[0];
    if (!scale || !level || !criterion) return this.done(press, 'no-level', ticket.id, null, undefined, scale ?? undefined);
    const principal: Principal = { kind: 'device', deviceId: press.deviceId, deviceKind: 'survey', counterId: press.counterId };
    const input = { commandId: `survey-pad-${this.deps.ids.next()}`, ticketId: ticket.id, answers: { [criterion.id]: level.id } };
    const ack = hall.execute('survey:rate', input, principal);
    return ack.ok ? this.done(press, 'rated', ticket.id, level.id) : this.done(press, 'refused', ticket.id, level.id, ack.error);
  }

  private done(
    press: SurveyPadPress,
    outcome: SurveyPadResult['outcome'],
    ticketId: string | null,
    levelId: string | null,
    error?: ErrorBody,
    scale?: SurveyScale,
  ): SurveyPadResult {
    const result: SurveyPadResult = { ...press, outcome, ticketId, levelId, ...(error ? { error } : {}) };
    const key = outcome === 'refused' ? refusalKey(error?.code) : outcomeKey[outcome];
    const tally = this.tally(press.deviceId);
    this.tallies.set(press.deviceId, { ...tally, [key]: tally[key] + 1 });
    const log = { deviceId: press.deviceId, counterId: press.counterId, position: press.position, ticketId };
    const { logger } = this.deps;
    if (outcome === 'rated') logger.info({ ...log, levelId }, 'survey pad rating recorded');
    else if (outcome === 'nothing-to-rate') logger.info(log, 'survey pad press with nothing to rate; ignored');
    else if (outcome === 'no-level') {
      const levels = scale?.levels.length ?? 0;
      logger.warn(
        { ...log, scaleId: scale?.id ?? null, reason: `button ${press.position} has no level on a ${levels}-level scale` },
        'survey pad button has no level on the scale; nothing rated',
      );
    } else {
      const code = error?.code ?? 'INTERNAL';
      const line = { ...log, code, reason: error?.message };
      if (EXPECTED.has(code)) logger.info(line, 'survey pad press refused');
      else logger.warn(line, 'survey pad press refused');
    }
    return result;
  }
}

/** The level at a button's position, 1 = best; null when the scale has fewer levels. Never the nearest. */
export function levelAt(scale: SurveyScale, position: number): SurveyLevel | null {
  return Number.isInteger(position) && position >= 1 ? (scale.levels[position - 1] ?? null) : null;
}

function lastFinishedAt(state: HallState, counterId: string): Ticket | undefined {
  let last: Ticket | undefined;
  for (const t of state.tickets.values()) {
    if (t.state !== 'done' || t.counterId !== counterId || t.finishedAt === null) continue;
    if (!last || t.finishedAt > (last.finishedAt ?? 0)) last = t;
  }
  return last;
}

const outcomeKey = { rated: 'rated', 'nothing-to-rate': 'nothingToRate', 'no-level': 'noLevel' } as const;

function refusalKey(code: ErrorCode | undefined): keyof SurveyPadTally {
  if (code === 'ALREADY_RATED') return 'alreadyRated';
  if (code === 'SURVEY_CLOSED') return 'late';
  return 'failed';
}
