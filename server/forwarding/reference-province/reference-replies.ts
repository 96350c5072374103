import type { ShapeProblem } from '../province-checks.js';

/** An answer of the reference province system: HTTP status and JSON body. */
export interface Reply {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/**
 * A refusal as the client reads it (ProvinceRefusal): a code, the reason in Vietnamese for the
 * province's officers, in English for the hub's logs, and every problem with its path.
 */
export function refusal(
  status: number,
  code: string,
  message: string,
  messageEn: string,
  details?: readonly ShapeProblem[],
): Reply {
  return { status, body: { ok: false, code, message, messageEn, ...(details && details.length > 0 ? { details } : {}) } };
}

export const invalid = (what: string, details: readonly ShapeProblem[]): Reply =>
  refusal(400, 'DU_LIEU_KHONG_HOP_LE', `Dữ liệu ${what} không hợp lệ`, `invalid ${what}`, details);
