import type { CommandName } from '../../common/contract/commands.js';
import type { HallView } from '../../common/contract/hall-view.js';
import type { ScreenConfig } from '../../common/contract/screen-config.js';
import type { IssueResult } from '../../common/contract/view-schemas.js';
import type { KioskPrinter } from '../devices/site-printers.js';
import type { Logger } from './logger.js';
import type { Principal } from './principal.js';
import { ticketData, ticketJob } from './ticket-print-job.js';

/** What a kiosk hears about the paper copy of a ticket it issued. */
export interface TicketPrinted {
  readonly ticketId: string;
  readonly ok: boolean;
  /** offline | paper-out | cover-open | error | no-printer */
  readonly reason: string | null;
}

export interface TicketPrintDeps {
  readonly printers: readonly KioskPrinter[];
  readonly snapshot: () => HallView;
  readonly screenConfig: () => ScreenConfig;
  readonly followUrl: (ticketId: string) => string;
  readonly notify: (kioskId: string, printed: TicketPrinted) => void;
  readonly logger: Logger;
}

/**
 * Prints the ticket a kiosk has just issued, on that kiosk's printer, after the ticket is stored and
 * answered: a printer never delays or endangers the number, and the kiosk already shows it. Only a
 * fresh commit prints; a retried command (same command id) does not print a second paper.
 */
export class TicketPrintService {
  constructor(private readonly deps: TicketPrintDeps) {}

  onCommitted(name: CommandName, principal: Principal, data: unknown): void {
    if (name !== 'ticket:issue' || principal.kind !== 'device' || principal.deviceKind !== 'kiosk') return;
    // Next turn of the event loop: this runs inside the command, and rendering (10-17 ms) must not
    // hold back the kiosk's answer or the hall's broadcast.
    const kioskId = principal.deviceId;
    setImmediate(() => void this.print(kioskId, data as IssueResult));
  }

  async print(kioskId: string, result: IssueResult): Promise<TicketPrinted> {
    const ticketId = result.ticket.id;
    const target = this.deps.printers.find((p) => p.kioskId === kioskId);
    let printed: TicketPrinted;
    if (!target) {
      printed = { ticketId, ok: false, reason: 'no-printer' };
    } else {
      try {
        const data = ticketData(result, this.deps.snapshot(), this.deps.screenConfig(), this.deps.followUrl(ticketId));
        const job = ticketJob(data, target.printer.model);
        if (target.preview) target.preview(job.png());
        const outcome = await target.printer.print(job.bytes);
        printed = outcome.ok ? { ticketId, ok: true, reason: null } : { ticketId, ok: false, reason: outcome.reason };
        if (!outcome.ok) this.deps.logger.warn({ kioskId, printer: target.deviceId, ...outcome }, 'ticket not printed');
      } catch (err) {
        this.deps.logger.error({ err, kioskId }, 'ticket print failed');
        printed = { ticketId, ok: false, reason: 'error' };
      }
    }
    this.deps.notify(kioskId, printed);
    return printed;
  }

  async stop(): Promise<void> {
    await Promise.all(this.deps.printers.map((p) => p.printer.stop()));
  }
}
