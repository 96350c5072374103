import type { HallEventOf, HallEventType } from '../../common/contract/hall-events.js';
import type { DossierRecord } from '../../common/dossier/dossier-record.js';
import type { Ticket } from './hall-state.js';

/**
 * What happened in the hall, as recorded: each event is appended to the event log with a monotonic
 * `seq`, and broadcast under its `type` (area:past-participle) with the public view of its ticket.
 */
export type HallEvent = HallEventOf<Ticket, DossierRecord>;
export type { HallEventType };
export type EventOf<T extends HallEventType> = Extract<HallEvent, { type: T }>;

/** The tickets and counters an event changes, so storage rewrites only those rows. */
export function touchedBy(event: HallEvent): { tickets: readonly string[]; counters: readonly string[] } {
  switch (event.type) {
    case 'ticket:issued':
      return { tickets: [event.ticket.id], counters: [] };
    case 'ticket:returned':
      return { tickets: [event.ticketId], counters: [] };
    case 'ticket:cancelled':
      // The counter holding it (if any) is freed; storage rewrites every counter whose row changed.
      return { tickets: [event.ticketId], counters: [] };
    case 'ticket:transferred':
      return { tickets: [event.ticketId], counters: [event.fromCounterId] };
    case 'ticket:called':
    case 'ticket:recalled':
    case 'ticket:started':
    case 'ticket:finished':
    case 'ticket:skipped':
      return { tickets: [event.ticketId], counters: [event.counterId] };
    case 'counter:opened':
    case 'counter:paused':
    case 'counter:resumed':
    case 'counter:closed':
      return { tickets: [], counters: [event.counterId] };
    case 'survey:rated':
    case 'survey:lapsed':
    case 'dossier:received':
    case 'dossier:progressed':
      // Ratings and dossiers have their own tables, written from these events.
      return { tickets: [], counters: [] };
    case 'day:rolled':
      return { tickets: event.expiredTicketIds, counters: [] };
  }
}
