import type { CallView } from '../../common/contract/hall-view.js';
import type { SurveyChanceView } from '../../common/contract/survey-schemas.js';
import type { SurveyScale } from '../../common/domain/survey-scale.js';
import type { WorkCalendar } from '../../common/dossier/appointment.js';
import type { CounterDef, CounterStatus } from '../../common/domain/counter.js';
import type { PriorityPolicy } from '../../common/domain/priority.js';
import type { QueueDef } from '../../common/domain/queue.js';
import type { TicketState } from '../../common/domain/ticket.js';

export interface Ticket {
  readonly id: string;
  /** Service day "YYYY-MM-DD" whose numbering gave this ticket its number. */
  readonly day: string;
  /** The queue that issued the number; `queueId` may differ after a transfer. */
  readonly issuedQueueId: string;
  readonly queueId: string;
  readonly seqNo: number;
  readonly number: string;
  readonly priorityClass: string | null;
  readonly state: TicketState;
  readonly issuedAt: number;
  /** The counter calling or serving it, or the last one that did. */
  readonly counterId: string | null;
  readonly officerId: string | null;
  /** A transfer to one counter: only that counter may call it, and calls it first. */
  readonly targetCounterId: string | null;
  readonly targetedAt: number | null;
  readonly firstCalledAt: number | null;
  readonly calledAt: number | null;
  /** Calls at the current counter, the first call included; recalls add to it. */
  readonly calls: number;
  readonly startedAt: number | null;
  readonly finishedAt: number | null;
  readonly transfers: number;
  readonly procedureCode: string | null;
  /** Personal data: kept for the officer and reminders, never broadcast to the hall. */
  readonly phone: string | null;
  /** The wait the kiosk predicted when the ticket was issued, so accuracy can be measured. */
  readonly predictedWaitSec: number;
  readonly peopleAhead: number;
  readonly note: string | null;
}

export interface CounterRuntime {
  readonly id: string;
  readonly status: CounterStatus;
  readonly pauseReason: string | null;
  readonly officerId: string | null;
  readonly currentTicketId: string | null;
  /** Normal tickets called since this counter last called a priority one (interleave mode). */
  readonly normalsSincePriority: number;
  readonly since: number | null;
}

export interface HallConfig {
  readonly queues: readonly QueueDef[];
  readonly counters: readonly CounterDef[];
  readonly priority: PriorityPolicy;
  /** Recalls allowed after the first call before the officer must mark a no-show. */
  readonly maxRecalls: number;
  readonly rolloverHour: number;
  readonly survey: SurveyConfig;
  readonly dossier: DossierConfig;
}

/** How dossiers are numbered and dated: the agency's code (in every dossier code) and its calendar. */
export interface DossierConfig {
  readonly agencyCode: string;
  readonly calendar: WorkCalendar;
}

/** How citizens rate the service: the window, the scales by date, the counters that have a terminal or pad. */
export interface SurveyConfig {
  readonly windowSec: number;
  readonly scales: readonly SurveyScale[];
  /** Only these counters offer a rating: elsewhere a finished ticket opens no chance that could only lapse. */
  readonly counterIds: readonly string[];
  /** The reasons a citizen may give after a poor rating. */
  readonly reasonIds: readonly string[];
}

/** An open chance to rate a service just finished, with what a rating is tied to. */
export interface SurveyChance extends SurveyChanceView {
  readonly queueId: string;
}

export interface HallState {
  readonly day: string;
  readonly config: HallConfig;
  readonly tickets: ReadonlyMap<string, Ticket>;
  readonly counters: ReadonlyMap<string, CounterRuntime>;
  /** Last sequence number given today, per queue. */
  readonly lastSeqNo: Readonly<Record<string, number>>;
  /** Recent service durations per queue, newest last, for the estimate. */
  readonly recentServiceSec: Readonly<Record<string, readonly number[]>>;
  /** The hall TV's list of latest calls, newest first, kept in event order. */
  readonly recentCalls: readonly CallView[];
  /** Open chances to rate, by ticket id: removed when rated or when the window closes. */
  readonly surveys: ReadonlyMap<string, SurveyChance>;
  /** Tickets rated today, so a second rating is told "already rated" rather than "too late". */
  readonly rated: ReadonlySet<string>;
  /** The last dossier number given: its calendar day and sequence (0001-9999, never repeated in a day). */
  readonly lastDossier: { readonly day: string; readonly sequence: number } | null;
}

export const RECENT_SERVICE_WINDOW = 20;

/**
 * A "service" shorter than this is an officer pressing Next straight after a call (the citizen did
 * not come, or the call was a mistake): counting it would make every later estimate too short.
 */
export const MIN_SERVICE_SAMPLE_SEC = 15;

export function closedCounter(id: string): CounterRuntime {
  return {
    id,
    status: 'closed',
    pauseReason: null,
    officerId: null,
    currentTicketId: null,
    normalsSincePriority: 0,
    since: null,
  };
}

export function initialHallState(config: HallConfig, day: string): HallState {
  return {
    day,
    config,
    tickets: new Map(),
    counters: new Map(config.counters.map((c) => [c.id, closedCounter(c.id)])),
    lastSeqNo: {},
    recentServiceSec: {},
    recentCalls: [],
    surveys: new Map(),
    rated: new Set(),
    lastDossier: null,
  };
}

export function queueOf(state: HallState, queueId: string): QueueDef | undefined {
  return state.config.queues.find((q) => q.id === queueId);
}

export function counterDefOf(state: HallState, counterId: string): CounterDef | undefined {
  return state.config.counters.find((c) => c.id === counterId);
}
