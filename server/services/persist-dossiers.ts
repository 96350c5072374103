import type { HallEvent } from '../core/events.js';
import { dongBoHoSoPayload, dossierStream } from '../forwarding/dossier-payloads.js';
import type { DossierRecordsRepository } from '../storage/repositories/dossier-records.js';
import type { DossiersRepository } from '../storage/repositories/dossiers.js';
import type { OutboxRepository } from '../storage/repositories/outbox.js';

/**
 * Writes a received dossier inside the command's transaction: its full record, the status the
 * kiosk reads (2, Được tiếp nhận), and what the hub now owes the province system (the outbox item).
 * One transaction: the dossier is never stored without being owed, nor owed without being stored.
 */
export function persistDossierEvent(
  repos: { dossierRecords: DossierRecordsRepository; dossiers: DossiersRepository; outbox: OutboxRepository },
  event: HallEvent,
): void {
  if (event.type !== 'dossier:received') return;
  const r = event.record;
  repos.dossiers.upsert({
    code: r.code,
    procedureCode: r.procedure.code,
    status: 2,
    receivedAt: r.receivedAt,
    appointmentAt: r.appointmentAt,
    finishedAt: null,
    updatedAt: event.at,
  });
  repos.dossierRecords.insert({
    record: r,
    day: event.day,
    sequence: event.sequence,
    ticketId: event.ticketId,
    counterId: event.counterId,
    officerId: event.officerId,
  });
  repos.outbox.add({
    kind: 'dossier',
    idempotencyKey: `dossier:${r.code}`,
    stream: dossierStream(r.code),
    payload: dongBoHoSoPayload(r),
    at: event.at,
  });
}
