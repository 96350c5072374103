import type { DossierRecord } from '../../../common/dossier/dossier-record.js';
import type { Db } from '../db.js';

export interface DossierRecordsRepository {
  /** Inside the command's transaction; the (day, sequence) unique key refuses a number given twice. */
  insert(r: {
    record: DossierRecord;
    day: string;
    sequence: number;
    ticketId: string | null;
    counterId: string;
    officerId: string | null;
  }): void;
  find(code: string): { record: DossierRecord; secret: string } | undefined;
  lastOf(day: string): { day: string; sequence: number } | null;
  /** The dossier received for a ticket, if any (a rating is forwarded with its dossier's code). */
  codeForTicket(ticketId: string): string | null;
}

export function dossierRecordsRepository(db: Db): DossierRecordsRepository {
  const insert = db.prepare(`INSERT INTO dossier_records (code, day, sequence, ticket_id, counter_id, officer_id, record, secret)
    VALUES (@code, @day, @sequence, @ticketId, @counterId, @officerId, @record, @secret)`);
  const find = db.prepare('SELECT record, secret FROM dossier_records WHERE code = ?');
  const last = db.prepare('SELECT MAX(sequence) AS n FROM dossier_records WHERE day = ?');
  const byTicket = db.prepare('SELECT code FROM dossier_records WHERE ticket_id = ? ORDER BY sequence DESC LIMIT 1').pluck();
  return {
    insert(r) {
      insert.run({
        code: r.record.code,
        day: r.day,
        sequence: r.sequence,
        ticketId: r.ticketId,
        counterId: r.counterId,
        officerId: r.officerId ?? '',
        record: JSON.stringify(r.record),
        secret: r.record.secret,
      });
    },
    find(code) {
      const row = find.get(code) as { record: string; secret: string } | undefined;
      return row && { record: JSON.parse(row.record) as DossierRecord, secret: row.secret };
    },
    lastOf(day) {
      const n = (last.get(day) as { n: number | null }).n;
      return n === null ? null : { day, sequence: n };
    },
    codeForTicket(ticketId) {
      return (byTicket.get(ticketId) as string | undefined) ?? null;
    },
  };
}
