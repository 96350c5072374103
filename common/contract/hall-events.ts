import type { SurveyChanceView } from './survey-schemas.js';

/**
 * The facts of the hall, generic in the ticket they carry: the core records them with the full
 * ticket (`HallEvent` in server/core/events.ts), screens receive them with the public view of it
 * (`HallFact`), which leaves out personal data such as the phone number. Likewise a received
 * dossier: recorded with the applicant's particulars (`R`), broadcast with none (`null`).
 */
export type HallEventOf<T, R = null> =
  | { readonly type: 'ticket:issued'; readonly at: number; readonly ticket: T }
  | {
      readonly type: 'ticket:called';
      readonly at: number;
      readonly ticketId: string;
      readonly counterId: string;
      readonly officerId: string | null;
      /** Called by number rather than by the call order. */
      readonly specific: boolean;
    }
  | { readonly type: 'ticket:recalled'; readonly at: number; readonly ticketId: string; readonly counterId: string }
  | { readonly type: 'ticket:started'; readonly at: number; readonly ticketId: string; readonly counterId: string }
  | {
      readonly type: 'ticket:finished';
      readonly at: number;
      readonly ticketId: string;
      readonly counterId: string;
      readonly serviceSec: number;
      /** The citizen's chance to rate the service, where the counter has a survey terminal or pad. */
      readonly survey: SurveyChanceView | null;
    }
  | { readonly type: 'ticket:skipped'; readonly at: number; readonly ticketId: string; readonly counterId: string }
  | { readonly type: 'ticket:returned'; readonly at: number; readonly ticketId: string }
  | {
      readonly type: 'ticket:transferred';
      readonly at: number;
      readonly ticketId: string;
      readonly fromCounterId: string;
      readonly toQueueId: string;
      readonly toCounterId: string | null;
      readonly note: string | null;
    }
  | { readonly type: 'ticket:cancelled'; readonly at: number; readonly ticketId: string; readonly reason: string | null }
  | { readonly type: 'counter:opened'; readonly at: number; readonly counterId: string; readonly officerId: string }
  | { readonly type: 'counter:paused'; readonly at: number; readonly counterId: string; readonly reason: string }
  | { readonly type: 'counter:resumed'; readonly at: number; readonly counterId: string }
  | { readonly type: 'counter:closed'; readonly at: number; readonly counterId: string }
  | {
      readonly type: 'survey:rated';
      readonly at: number;
      readonly ticketId: string;
      readonly counterId: string;
      readonly officerId: string | null;
      readonly queueId: string;
      readonly scaleId: string;
      readonly answers: Readonly<Record<string, string>>;
      readonly reasonId: string | null;
      /** The survey terminal's or button pad's device id. */
      readonly deviceId: string | null;
    }
  | {
      readonly type: 'dossier:received';
      readonly at: number;
      readonly code: string;
      /** The calendar day in the code (Asia/Ho_Chi_Minh) and the day's sequence number in it. */
      readonly day: string;
      readonly sequence: number;
      readonly ticketId: string | null;
      readonly counterId: string;
      readonly officerId: string | null;
      readonly procedureCode: string;
      readonly appointmentAt: number;
      readonly record: R;
    }
  | {
      /** A step the one-stop counter takes on a dossier: more papers asked (5), refused (3), result handed over (10). */
      readonly type: 'dossier:progressed';
      readonly at: number;
      readonly code: string;
      readonly from: number;
      readonly to: number;
      readonly counterId: string;
      readonly officerId: string | null;
      /** What was asked or why: for the province system; not broadcast (R = null on screens). */
      readonly note: string | null;
    }
  /** Chances whose window closed unanswered: recorded as not rated. */
  | { readonly type: 'survey:lapsed'; readonly at: number; readonly ticketIds: readonly string[] }
  | {
      readonly type: 'day:rolled';
      readonly at: number;
      readonly from: string;
      readonly to: string;
      readonly expiredTicketIds: readonly string[];
    };

export type HallEventType = HallEventOf<unknown, unknown>['type'];

export const HALL_EVENT_TYPES: readonly HallEventType[] = [
  'ticket:issued',
  'ticket:called',
  'ticket:recalled',
  'ticket:started',
  'ticket:finished',
  'ticket:skipped',
  'ticket:returned',
  'ticket:transferred',
  'ticket:cancelled',
  'counter:opened',
  'counter:paused',
  'counter:resumed',
  'counter:closed',
  'survey:rated',
  'survey:lapsed',
  'dossier:received',
  'dossier:progressed',
  'day:rolled',
];
