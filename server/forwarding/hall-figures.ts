import type { Ticket } from '../core/hall-state.js';
import { toVnStamp as vnStamp } from './province-shapes.js';

const THIRTY_MINUTES = 30 * 60_000;

/**
 * A day's queue figures as the province system takes them (SoLieuXepHang), per queue: numbers
 * issued, served and not present, and the wait from issue to first call (mean, 90th percentile, and
 * the share over 30 minutes, the provinces' target). Computed from the day's tickets as they stand
 * when the day closes; tickets that were never called count in "issued" only.
 */
export function hallFiguresPayload(
  day: string,
  tickets: Iterable<Ticket>,
  queueIds: readonly string[],
  agencyCode: string,
  at: number,
): Record<string, unknown> {
  const byQueue = new Map<string, Ticket[]>(queueIds.map((q) => [q, []]));
  for (const t of tickets) if (t.day === day) byQueue.get(t.issuedQueueId)?.push(t);
  return {
    Ngay: day.replace(/-/g, ''),
    MaDonVi: agencyCode,
    ThoiDiemChot: vnStamp(at),
    HangDoi: [...byQueue].map(([queueId, list]) => {
      const waits = list
        .filter((t) => t.firstCalledAt !== null)
        .map((t) => (t.firstCalledAt as number) - t.issuedAt)
        .sort((a, b) => a - b);
      const mean = waits.length === 0 ? null : Math.round(waits.reduce((n, w) => n + w, 0) / waits.length / 1000);
      const p90 = waits.length === 0 ? null : Math.round((waits[Math.ceil(0.9 * waits.length) - 1] ?? 0) / 1000);
      return {
        MaHangDoi: queueId,
        SoPhieuCap: list.length,
        SoDaPhucVu: list.filter((t) => t.state === 'done').length,
        SoVangMat: list.filter((t) => t.state === 'no_show').length,
        ThoiGianChoTrungBinhGiay: mean,
        ThoiGianChoP90Giay: p90,
        TyLeChoQua30Phut: waits.length === 0 ? null : waits.filter((w) => w > THIRTY_MINUTES).length / waits.length,
      };
    }),
  };
}
