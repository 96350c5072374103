import type { CapNhatTienDoHoSoMC, DanhGia, DongBoHoSoMC, SoLieuXepHang, TraCuuHoSo } from './province-shapes.js';

/**
 * How one push ended, as the outbox worker acts on it:
 * - done: the province stored the item.
 * - duplicate: the province already had it ("đã tồn tại": a repeat after a lost answer): done too.
 * - retry: nothing is known to be wrong with the item: a 5xx, 429, a timeout, a refused or reset
 *   connection, or an answer that is not the expected JSON (the item may or may not have been
 *   stored, so it is sent again with the same idempotency key, which makes that safe).
 * - rejected: the province read the item and refused it with a reason; sending it again cannot
 *   help, so the worker dead-letters it for an admin.
 */
export type PushOutcome =
  | { readonly kind: 'done' }
  | { readonly kind: 'duplicate' }
  | { readonly kind: 'retry'; readonly reason: string }
  | { readonly kind: 'rejected'; readonly reason: string };

export type LookupOutcome =
  | { readonly kind: 'found'; readonly record: TraCuuHoSo }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'unavailable'; readonly reason: string };

export interface PushMeta {
  /** Sent with the item; the same key for every try of one item, so a repeat is answered "đã tồn tại". */
  readonly idempotencyKey: string;
  /** Aborts the call (the worker stopping); the outcome is then a retry. */
  readonly signal?: AbortSignal;
}

/**
 * The province's one-stop system (Hệ thống thông tin giải quyết TTHC), with the operations of the
 * national integration. The hub only ever talks to it through this; the HTTP client is one
 * implementation, a test double another. No method throws: every failure is an outcome.
 */
export interface ProvinceSystem {
  /** DongBoHoSoMC: a dossier received at a counter. */
  pushDossier(dossier: DongBoHoSoMC, meta: PushMeta): Promise<PushOutcome>;
  /** CapNhatTienDoHoSoMC: a step in a dossier's handling; the province refuses it before the dossier. */
  pushProgress(progress: CapNhatTienDoHoSoMC, meta: PushMeta): Promise<PushOutcome>;
  /** DanhGia: a citizen's rating of a service. */
  pushRating(rating: DanhGia, meta: PushMeta): Promise<PushOutcome>;
  /** SoLieuXepHang: a closed day's figures per queue. */
  pushFigures(figures: SoLieuXepHang, meta: PushMeta): Promise<PushOutcome>;
  /** TraCuuHoSo: a dossier's status and dates by its code. */
  lookUp(code: string, options?: { readonly signal?: AbortSignal }): Promise<LookupOutcome>;
}

/** What the outbox worker needs: the pushes alone (a test double need not answer look-ups). */
export type ProvincePushes = Omit<ProvinceSystem, 'lookUp'>;
