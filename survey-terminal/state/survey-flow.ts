import type { Ack, ErrorBody } from '../../common/contract/errors.js';
import type { SurveyChanceView } from '../../common/contract/survey-schemas.js';
import type { SurveyScale } from '../../common/domain/survey-scale.js';
import { chanceDeadline } from './remaining-time.js';

/** After a screen changes, taps are taken only after this long: a finger's bounce answers once. */
export const SETTLE_MS = 400;
/** What has been answered is sent this long before the window closes, so it lands while open. */
export const SEND_MARGIN_MS = 3000;
export const THANKS_MS = 6000;
export const NOTICE_MS = 6000;
/** How many finished chances the page remembers, so one is never asked twice. */
const REMEMBERED = 20;

export type Answers = Readonly<Record<string, string>>;

interface Rating {
  readonly chance: SurveyChanceView;
  readonly scale: SurveyScale;
  readonly answers: Answers;
  readonly reasonId: string | null;
}

export type SurveyStep =
  | { readonly kind: 'idle' }
  | (Rating & {
      readonly kind: 'asking';
      /** The criterion on screen (index into scale.criteria). */
      readonly criterion: number;
      /** True while the one reason question is on screen, after an answer that asks it. */
      readonly askingReason: boolean;
      readonly reasonAsked: boolean;
      readonly hasReasons: boolean;
      readonly deadline: number;
      readonly windowMs: number;
      /** When the screen last changed; null on the first question (nothing to bounce from). */
      readonly since: number | null;
    })
  | (Rating & { readonly kind: 'sending'; readonly commandId: string })
  | (Rating & { readonly kind: 'thanks'; readonly until: number })
  | { readonly kind: 'notice'; readonly notice: 'closed' | 'lost' | ErrorBody; readonly until: number };

export interface SurveyState {
  readonly step: SurveyStep;
  /** Ticket ids rated, refused or lapsed here, newest last. */
  readonly done: readonly string[];
}

export const INITIAL: SurveyState = { step: { kind: 'idle' }, done: [] };

export type SurveyAction =
  /** The newest open chance of this counter as the view has it now, with its scale (null: none). */
  | {
      readonly type: 'chance';
      readonly chance: SurveyChanceView | null;
      readonly scale: SurveyScale | null;
      readonly hasReasons: boolean;
      readonly now: number;
    }
  /** A level chosen for a criterion, by touch (the criterion its button was drawn for) or a pad key. */
  | {
      readonly type: 'choose';
      readonly criterionId: string;
      readonly levelId: string;
      readonly now: number;
      readonly commandId: string;
    }
  | { readonly type: 'press'; readonly index: number; readonly now: number; readonly commandId: string }
  | { readonly type: 'reason'; readonly reasonId: string | null; readonly now: number; readonly commandId: string }
  | { readonly type: 'tick'; readonly now: number; readonly commandId: string }
  | { readonly type: 'answered'; readonly commandId: string; readonly ack: Ack<unknown>; readonly now: number };

/**
 * The citizen's path on the terminal, one question per screen: idle -> each criterion in turn (and
 * one reason after the first answer that asks it) -> one rating sent -> thanks -> idle. Pure: times
 * and command ids come in the actions, so a flood of taps, a late answer or a lapsed window are all
 * plain transitions, tested without a page.
 */
export function surveyFlow(state: SurveyState, action: SurveyAction): SurveyState {
  const step = state.step;
  switch (action.type) {
    case 'chance': {
      const { chance, scale } = action;
      if (step.kind === 'idle' || step.kind === 'asking') {
        const same = step.kind === 'asking' && chance?.ticketId === step.chance.ticketId;
        if (same) return state;
        // Gone (lapsed at the hub, or rated by the counter's button pad) or replaced by a newer one.
        const after = step.kind === 'asking' ? remember(state, step.chance.ticketId) : state;
        if (!chance || !scale || scale.criteria.length === 0 || after.done.includes(chance.ticketId))
          return step.kind === 'idle' ? state : { ...after, step: { kind: 'idle' } };
        const deadline = chanceDeadline(chance, action.now);
        return {
          ...after,
          step: {
            kind: 'asking',
            chance,
            scale,
            answers: {},
            reasonId: null,
            criterion: 0,
            askingReason: false,
            reasonAsked: false,
            hasReasons: action.hasReasons,
            deadline,
            windowMs: deadline - action.now,
            since: null,
          },
        };
      }
      return state; // sending, thanks or a notice finish first; the next chance is taken after
    }
    case 'press': {
      if (step.kind !== 'asking' || step.askingReason) return state;
      const criterion = step.scale.criteria[step.criterion];
      const level = step.scale.levels[action.index];
      if (!criterion || !level) return state;
      return surveyFlow(state, { ...action, type: 'choose', criterionId: criterion.id, levelId: level.id });
    }
    case 'choose': {
      if (step.kind !== 'asking' || step.askingReason || !settled(step, action.now)) return state;
      const criterion = step.scale.criteria[step.criterion];
      const level = step.scale.levels.find((l) => l.id === action.levelId);
      if (!criterion || criterion.id !== action.criterionId || !level) return state; // a tap on a screen already gone
      const answers = { ...step.answers, [criterion.id]: level.id };
      if (level.askReason && step.hasReasons && !step.reasonAsked)
        return { ...state, step: { ...step, answers, askingReason: true, reasonAsked: true, since: action.now } };
      return next(state, { ...step, answers }, action.now, action.commandId);
    }
    case 'reason': {
      if (step.kind !== 'asking' || !step.askingReason || !settled(step, action.now)) return state;
      return next(state, { ...step, reasonId: action.reasonId, askingReason: false }, action.now, action.commandId);
    }
    case 'tick': {
      if (step.kind === 'asking' && action.now >= step.deadline - SEND_MARGIN_MS) {
        const overall = step.scale.criteria[0];
        if (overall && overall.id in step.answers) return sending(state, step, action.commandId);
        if (action.now >= step.deadline) return { ...remember(state, step.chance.ticketId), step: { kind: 'idle' } };
        return state;
      }
      if ((step.kind === 'thanks' || step.kind === 'notice') && action.now >= step.until)
        return { ...state, step: { kind: 'idle' } };
      return state;
    }
    case 'answered': {
      if (step.kind !== 'sending' || step.commandId !== action.commandId) return state;
      const after = remember(state, step.chance.ticketId);
      const { ack, now } = action;
      // Already rated: the rating exists (a retry whose first answer was lost, or the button pad).
      if (ack.ok || ack.error.code === 'ALREADY_RATED')
        return { ...after, step: { ...rating(step), kind: 'thanks', until: now + THANKS_MS } };
      const notice = ack.error.code === 'SURVEY_CLOSED' ? 'closed' : ack.error.code === 'INTERNAL' ? 'lost' : ack.error;
      return { ...after, step: { kind: 'notice', notice, until: now + NOTICE_MS } };
    }
  }
}

type Asking = Extract<SurveyStep, { kind: 'asking' }>;

function settled(step: Asking, now: number): boolean {
  return step.since === null || now - step.since >= SETTLE_MS;
}

/** Whether the buttons on screen take a tap yet (the page disables them until then). */
export function takesTaps(step: SurveyStep, now: number): boolean {
  return step.kind === 'asking' && settled(step, now);
}

/** The next criterion, or the rating sent when none is left. */
function next(state: SurveyState, step: Asking, now: number, commandId: string): SurveyState {
  const criterion = step.criterion + 1;
  if (criterion < step.scale.criteria.length) return { ...state, step: { ...step, criterion, since: now } };
  return sending(state, step, commandId);
}

function sending(state: SurveyState, step: Asking, commandId: string): SurveyState {
  return { ...state, step: { ...rating(step), kind: 'sending', commandId } };
}

function rating(step: Rating): Rating {
  return { chance: step.chance, scale: step.scale, answers: step.answers, reasonId: step.reasonId };
}

function remember(state: SurveyState, ticketId: string): SurveyState {
  if (state.done.includes(ticketId)) return state;
  return { ...state, done: [...state.done, ticketId].slice(-REMEMBERED) };
}

/** What the one survey:rate command carries for a rating being sent. */
export function rateInput(step: Extract<SurveyStep, { kind: 'sending' }>): Record<string, unknown> & { commandId: string } {
  return {
    commandId: step.commandId,
    ticketId: step.chance.ticketId,
    answers: { ...step.answers },
    ...(step.reasonId ? { reasonId: step.reasonId } : {}),
  };
}
