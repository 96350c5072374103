import type { HallView } from '../../common/contract/hall-view.js';
import type { ScreenConfig } from '../../common/contract/screen-config.js';
import type { IssueResult } from '../../common/contract/view-schemas.js';
import type { PrinterModel } from '../devices/catalogue/printer-model-schema.js';
import { encodePrintJob } from '../devices/codecs/escpos/encode-raster.js';
import { printJobOptions } from '../devices/drivers/print-job-options.js';
import { bitmapToPng } from '../devices/render/png.js';
import type { TicketData } from '../devices/render/ticket-data.js';
import { renderTicket } from '../devices/render/ticket-layout.js';

export const TICKET_NOTE = 'Vui lòng chờ gọi số. Số chỉ có giá trị trong ngày.';

/** What goes on the paper for an issued ticket: the same facts the kiosk shows on screen. */
export function ticketData(result: IssueResult, view: HallView, screen: ScreenConfig, followUrl: string): TicketData {
  const { ticket, estimate } = result;
  const queue = view.queues.find((q) => q.id === ticket.queueId);
  const counters = view.counters
    .filter((c) => c.queueIds.includes(ticket.queueId))
    .sort((a, b) => a.number - b.number)
    .map((c) => c.number)
    .join(', ');
  const cls = screen.priorityClasses.find((c) => c.id === ticket.priorityClass);
  return {
    officeName: screen.office.name,
    number: ticket.number,
    queueName: queue?.name ?? '',
    counters: counters ? `Quầy ${counters}` : '',
    issuedAt: ticket.issuedAt,
    peopleAhead: estimate.peopleAhead,
    waitMinMinutes: Math.round(estimate.minSec / 60),
    waitMaxMinutes: Math.max(1, Math.round(estimate.maxSec / 60)),
    priorityLabel: cls ? `ƯU TIÊN – ${cls.name}` : null,
    followUrl,
    note: TICKET_NOTE,
  };
}

/**
 * Renders the ticket for a printer model's width and encodes it as that model's ESC/POS job. The
 * PNG is made only when asked for (a simulated printer's preview): encoding it costs as much again.
 */
export function ticketJob(data: TicketData, model: PrinterModel): { bytes: Uint8Array; png: () => Buffer } {
  const { bitmap } = renderTicket(data, { width: model.dots });
  return { bytes: encodePrintJob(bitmap, printJobOptions(model)), png: () => bitmapToPng(bitmap) };
}
