import type { HallEvent } from '../core/events.js';
import { danhGiaPayload, dongBoHoSoPayload, dossierStream } from '../forwarding/dossier-payloads.js';
import type { HallState } from '../core/hall-state.js';
import { hallFiguresPayload } from '../forwarding/hall-figures.js';
import { toVnStamp } from '../forwarding/province-shapes.js';
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
  after: HallState,
  before: HallState,
  officerName: (id: string | null) => string | null = () => null,
): void {
  if (event.type === 'survey:rated') return oweRating(repos, event, after);
  if (event.type === 'dossier:progressed') return oweProgress(repos, event, officerName(event.officerId));
  if (event.type === 'day:rolled') {
    // The closing day's queue figures, from its tickets as they stood when it closed.
    repos.outbox.add({
      kind: 'figures',
      idempotencyKey: `figures:${event.from}`,
      stream: 'figures',
      payload: hallFiguresPayload(
        event.from,
        before.tickets.values(),
        before.config.queues.map((q) => q.id),
        before.config.dossier.agencyCode,
        event.at,
      ),
      at: event.at,
    });
    return;
  }
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

/**
 * A rating is owed to the province too, in the same transaction as the rating. It rides the
 * dossier's stream when a dossier was received for the ticket (so it follows the dossier), else its own.
 */
function oweRating(
  repos: { dossierRecords: DossierRecordsRepository; outbox: OutboxRepository },
  event: Extract<HallEvent, { type: 'survey:rated' }>,
  after: HallState,
): void {
  const scale = after.config.survey.scales.find((s) => s.id === event.scaleId);
  const overall = scale?.criteria[0]?.id;
  const levelId = (overall && event.answers[overall]) ?? Object.values(event.answers)[0] ?? '';
  const dossierCode = repos.dossierRecords.codeForTicket(event.ticketId);
  repos.outbox.add({
    kind: 'rating',
    idempotencyKey: `rating:${event.ticketId}`,
    stream: dossierCode ? dossierStream(dossierCode) : `rating:${event.ticketId}`,
    payload: danhGiaPayload({
      at: event.at,
      ticketNumber: after.tickets.get(event.ticketId)?.number ?? null,
      dossierCode,
      counterId: event.counterId,
      officerId: event.officerId,
      queueId: event.queueId,
      scaleId: event.scaleId,
      answers: event.answers,
      levelId,
      reasonId: event.reasonId,
      agencyCode: after.config.dossier.agencyCode,
    }),
    at: event.at,
  });
}

const STEP_TEXT: Readonly<Record<number, string>> = {
  3: 'Từ chối tiếp nhận hồ sơ tại Bộ phận Một cửa',
  5: 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
  10: 'Đã trả kết quả cho công dân tại Bộ phận Một cửa',
};

/**
 * A step taken at the counter: the status the kiosk reads changes, and the province is owed the
 * progress (CapNhatTienDoHoSoMC) on the dossier's stream, so it never arrives before the dossier.
 */
function oweProgress(
  repos: { dossiers: DossiersRepository; outbox: OutboxRepository },
  event: Extract<HallEvent, { type: 'dossier:progressed' }>,
  officer: string | null,
): void {
  const known = repos.dossiers.find(event.code);
  if (known) {
    repos.dossiers.upsert({
      ...known,
      status: event.to as typeof known.status,
      finishedAt: event.to === 10 ? (known.finishedAt ?? event.at) : known.finishedAt,
      updatedAt: event.at,
    });
  }
  repos.outbox.add({
    kind: 'progress',
    idempotencyKey: `progress:${event.code}:${event.to}:${event.at}`,
    stream: dossierStream(event.code),
    payload: {
      MaHoSo: event.code,
      TrangThaiHoSo: event.to,
      NgayXuLy: toVnStamp(event.at),
      NoiDungXuLy: event.note ? `${STEP_TEXT[event.to] ?? ''}: ${event.note}` : (STEP_TEXT[event.to] ?? ''),
      NguoiXuLy: officer,
    },
    at: event.at,
  });
}
