import { counterMayServe } from '../../server/core/call-order.js';
import type { HallEvent } from '../../server/core/events.js';
import { counterDefOf, type HallState, type Ticket } from '../../server/core/hall-state.js';

/** What became of one ticket over the day, taken from the core's events. */
export interface TicketOutcome {
  readonly ticketId: string;
  readonly citizenIndex: number;
  readonly queueId: string;
  readonly priority: boolean;
  readonly issuedAt: number;
  /** The wait announced at issue (the kiosk's estimate), seconds. */
  readonly predictedSec: number;
  readonly firstCalledAt: number | null;
  /** ticket:finished events for this ticket: 1 for a served citizen, never more. */
  readonly finishes: number;
  readonly noShow: boolean;
  readonly expired: boolean;
  readonly transfers: number;
  /**
   * A normal ticket that had already waited past the age cap when a counter able to serve it called
   * a priority ticket issued after it.
   */
  readonly passedOverPastCap: boolean;
  /**
   * The same, by a priority ticket that had itself waited less than the cap. The core lets a priority
   * ticket past the cap go ahead of normal ones issued up to a cap before it (call-order.ts), so
   * only these would break its promise to normal citizens.
   */
  readonly passedOverByUnderCap: boolean;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Collects outcomes by watching the core's accepted events, like the hub's reports read the event
 * log: waits are issue -> first call, a transfer keeps the ticket's first wait.
 */
export class DayOutcomes {
  private readonly byTicket = new Map<string, Mutable<TicketOutcome>>();

  constructor(private readonly ageCapMs: number) {}

  issued(ticket: Ticket, citizenIndex: number, predictedSec: number): void {
    this.byTicket.set(ticket.id, {
      ticketId: ticket.id,
      citizenIndex,
      queueId: ticket.queueId,
      priority: ticket.priorityClass !== null,
      issuedAt: ticket.issuedAt,
      predictedSec,
      firstCalledAt: null,
      finishes: 0,
      noShow: false,
      expired: false,
      transfers: 0,
      passedOverPastCap: false,
      passedOverByUnderCap: false,
    });
  }

  /** Fed with the state after each accepted decision and that decision's events. */
  observe(state: HallState, events: readonly HallEvent[]): void {
    for (const e of events) {
      switch (e.type) {
        case 'ticket:called': {
          const o = this.get(e.ticketId);
          o.firstCalledAt ??= e.at;
          if (o.priority) this.markPassedOver(state, e.counterId, o, e.at);
          break;
        }
        case 'ticket:finished':
          this.get(e.ticketId).finishes++;
          break;
        case 'ticket:skipped':
          this.get(e.ticketId).noShow = true;
          break;
        case 'ticket:transferred':
          this.get(e.ticketId).transfers++;
          break;
        case 'day:rolled':
          for (const id of e.expiredTicketIds) this.get(id).expired = true;
          break;
        default:
          break;
      }
    }
  }

  list(): readonly TicketOutcome[] {
    return [...this.byTicket.values()];
  }

  private get(ticketId: string): Mutable<TicketOutcome> {
    const o = this.byTicket.get(ticketId);
    if (!o) throw new Error(`the core reported ticket ${ticketId}, which the simulation never issued`);
    return o;
  }

  private markPassedOver(state: HallState, counterId: string, called: TicketOutcome, at: number): void {
    const def = counterDefOf(state, counterId);
    if (!def) return;
    const calledUnderCap = at - called.issuedAt < this.ageCapMs;
    for (const t of state.tickets.values()) {
      if (t.state !== 'waiting' || t.priorityClass !== null || t.issuedAt >= called.issuedAt) continue;
      if (at - t.issuedAt < this.ageCapMs || !counterMayServe(state, def, t)) continue;
      const passed = this.get(t.id);
      passed.passedOverPastCap = true;
      if (calledUnderCap) passed.passedOverByUnderCap = true;
    }
  }
}
