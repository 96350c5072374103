import type { Clock } from '../core/ports.js';
import { fromVnStamp } from '../forwarding/province-shapes.js';
import type { ProvinceSystem } from '../forwarding/province-system.js';
import type { DossierStatusRecord, DossiersRepository } from '../storage/repositories/dossiers.js';
import type { Logger } from './logger.js';

/** A look-up's answer: the record (possibly the last known one), none, or "the province cannot be asked". */
export type DossierLookup =
  | { readonly kind: 'found'; readonly record: DossierStatusRecord; readonly fresh: boolean }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'unavailable' };

/**
 * Where the kiosk learns a dossier's status: the province's system (TraCuuHoSo) with the hall's own
 * table as a short cache and as the last known status when the province cannot be reached.
 */
export interface DossierStatusSource {
  readonly name: string;
  lookup(code: string): Promise<DossierLookup>;
}

/** The hall's own table alone: dossiers received here (and the demo without a province system). */
export function localDossierSource(repo: DossiersRepository): DossierStatusSource {
  return {
    name: 'local',
    lookup: async (code) => {
      const record = repo.find(code);
      return record ? { kind: 'found', record, fresh: true } : { kind: 'not-found' };
    },
  };
}

/**
 * Asks the province, at most once per `cacheMs` per dossier (a queue of citizens scanning the same
 * kind of receipt must not hammer a slow provincial link), within `timeoutMs` (a citizen is waiting
 * at the kiosk). What the province answers is kept in the hall's table; when it cannot be reached the
 * last known status is shown with its age, and a dossier received here but not yet forwarded is
 * still found.
 */
export function provinceDossierSource(deps: {
  province: Pick<ProvinceSystem, 'lookUp'>;
  repo: DossiersRepository;
  clock: Clock;
  logger: Pick<Logger, 'warn'>;
  cacheMs?: number;
  timeoutMs?: number;
}): DossierStatusSource {
  const cacheMs = deps.cacheMs ?? 30_000;
  const timeoutMs = deps.timeoutMs ?? 3_000;
  return {
    name: 'province',
    async lookup(code) {
      const local = deps.repo.find(code) ?? null;
      const now = deps.clock.now();
      if (local && now - local.updatedAt < cacheMs) return { kind: 'found', record: local, fresh: true };
      const answer = await deps.province.lookUp(code, { signal: AbortSignal.timeout(timeoutMs) });
      if (answer.kind === 'found') {
        const r = answer.record;
        const record: DossierStatusRecord = {
          code,
          procedureCode: local?.procedureCode ?? null,
          status: r.TrangThaiHoSo as DossierStatusRecord['status'],
          receivedAt: fromVnStamp(r.NgayTiepNhan),
          appointmentAt: fromVnStamp(r.NgayHenTra),
          finishedAt: r.NgayCoKetQua ? fromVnStamp(r.NgayCoKetQua) : null,
          updatedAt: deps.clock.now(),
        };
        deps.repo.upsert(record);
        return { kind: 'found', record, fresh: true };
      }
      if (answer.kind === 'not-found') return local ? { kind: 'found', record: local, fresh: true } : { kind: 'not-found' };
      deps.logger.warn({ code, reason: answer.reason }, 'province look-up unavailable; answering the last known status');
      return local ? { kind: 'found', record: local, fresh: false } : { kind: 'unavailable' };
    },
  };
}
