import type { ErrorBody } from '../../../common/contract/errors.js';
import type { HallView } from '../../../common/contract/hall-view.js';
import type { ConsoleTexts } from '../../../ui/i18n/console-text.js';
import { errorText, type Language } from '../../../ui/i18n/error-text.js';

/**
 * What the console says when the hub refuses: the hub's reason in the officer's language, then
 * what to do now. When the refusal is about a ticket that moved on (another officer called it
 * first), it also says where that ticket is now, from the live view the refusal arrived after.
 */
export function refusalText(
  error: Pick<ErrorBody, 'code'>,
  t: ConsoleTexts,
  language: Language,
  view: HallView | null,
  ticketId: string | null = null,
): string {
  if (error.code === 'INTERNAL') return t.lostAnswer;
  const parts = [errorText(error, language)];
  const hint = t.hints[error.code];
  if (hint) parts.push(hint);
  if (ticketId && view) {
    const where = whereIs(view, ticketId, t);
    if (where) parts.push(where);
  }
  return parts.join(' ');
}

function whereIs(view: HallView, ticketId: string, t: ConsoleTexts): string | null {
  const ticket = view.tickets.find((x) => x.id === ticketId);
  if (!ticket) return null;
  if (ticket.state === 'waiting') return t.ticketNow(ticket.number, t.whereWaiting);
  if (ticket.state === 'no_show') return t.ticketNow(ticket.number, t.whereNoShow);
  if (ticket.state === 'called' || ticket.state === 'serving') {
    const counter = view.counters.find((c) => c.id === ticket.counterId);
    return t.ticketNow(ticket.number, t.whereServing(counter?.name ?? ticket.counterId ?? ''));
  }
  return t.ticketNow(ticket.number, t.gone);
}
