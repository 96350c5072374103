import { useEffect, useRef, useState } from 'preact/hooks';
import type { TicketView } from '../../../common/contract/hall-view.js';
import { hubRequest } from './hub-api.js';

/** What the hub tells staff about a ticket beyond the hall's view (GET /api/tickets/:id). */
export interface TicketDetail extends TicketView {
  readonly phone: string | null;
  readonly note: string | null;
}

export interface CurrentDetail {
  readonly ticketId: string;
  readonly detail: TicketDetail | null;
  readonly procedureName: string | null;
}

/**
 * The current ticket's kiosk choices (procedure, phone) and transfer note, fetched when the counter's
 * current ticket changes, and again after a reconnect if the first try found no hub. The procedure
 * names are kept, so a morning of the same procedure asks the catalogue once.
 */
export function useTicketDetail(token: string, ticketId: string | null, connected: boolean): CurrentDetail | null {
  const [shown, setShown] = useState<CurrentDetail | null>(null);
  const names = useRef(new Map<string, string>());
  const fetched = shown !== null && shown.ticketId === ticketId && shown.detail !== null;

  useEffect(() => {
    if (ticketId === null || !connected || fetched) return;
    let live = true;
    void (async () => {
      const reply = await hubRequest<TicketDetail>('GET', `/api/tickets/${encodeURIComponent(ticketId)}`, token);
      if (!live) return;
      const detail = reply.ok ? reply.data : null;
      const code = detail?.procedureCode ?? null;
      let procedureName = code ? (names.current.get(code) ?? null) : null;
      if (code && procedureName === null) {
        const proc = await hubRequest<{ name: string }>('GET', `/api/procedures/${encodeURIComponent(code)}`, token);
        if (proc.ok) names.current.set(code, (procedureName = proc.data.name));
      }
      if (live) setShown({ ticketId, detail, procedureName });
    })();
    return () => {
      live = false;
    };
  }, [token, ticketId, connected, fetched]);

  return shown && shown.ticketId === ticketId ? shown : null;
}
