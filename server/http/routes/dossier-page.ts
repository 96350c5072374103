import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { parseDossierCode } from '../../../common/dossier/dossier-code.js';
import { DOSSIER_STATUSES, TIMELINESS_LABEL, timelinessOf } from '../../../common/dossier/dossier-status.js';
import { vnClock, vnDate } from '../../../common/time/vn-time.js';
import type { DossierStatusSource } from '../../services/dossier-status-source.js';
import { escapeHtml } from '../escape-html.js';
import type { RateLimiter } from '../rate-limiter.js';
import { PAGE_STYLE_PATH } from './page-style.js';

/**
 * Look-ups per address: a citizen's phone opens its receipt's page a few times; a script walking
 * the receipt numbers (they run in sequence) would read every dossier's status and, with a
 * province system configured, make the hub ask it for each. Generous, because a hall's guest Wi-Fi
 * may put every phone behind one address.
 */
export const DOSSIER_PAGE_RATE = { burst: 30, perMinute: 20 } as const;

/**
 * The page behind the QR on a dossier receipt, on the citizen's phone: the dossier's status, dates
 * and what to do next, as the kiosk shows them without the mã tra cứu, and nothing personal.
 */
export function registerDossierPage(
  app: FastifyInstance,
  deps: { source: DossierStatusSource; officeName: () => string; now: () => number; limiter?: RateLimiter },
): void {
  app.get(
    '/h/:code',
    { schema: { hide: true, params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }) } },
    async (request, reply) => {
      if (deps.limiter && !deps.limiter.take(request.ip, deps.now())) {
        request.log.warn({ ip: request.ip }, 'dossier page look-ups over the per-address limit');
        const html = page(deps.officeName(), '', 'Tra cứu quá nhiều lần', ['Vui lòng đợi ít phút rồi mở lại trang này.']);
        return reply
          .code(429)
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-store')
          .header('retry-after', String(deps.limiter.retryAfterSec(request.ip, deps.now())))
          .send(html);
      }
      const parsed = parseDossierCode((request.params as { code: string }).code);
      const answer = parsed.ok ? await deps.source.lookup(parsed.value.code) : null;
      let title: string;
      const lines: string[] = [];
      if (!parsed.ok) title = 'Mã hồ sơ không đúng';
      else if (!answer || answer.kind === 'not-found') title = 'Không tìm thấy hồ sơ';
      else if (answer.kind === 'unavailable') {
        title = 'Tạm thời chưa tra cứu được';
        lines.push('Chưa kết nối được hệ thống của tỉnh. Vui lòng thử lại sau ít phút.');
      } else {
        const r = answer.record;
        const meaning = DOSSIER_STATUSES[r.status];
        title = meaning.vi;
        if (r.appointmentAt !== null) lines.push(`Hẹn trả kết quả: ${vnClock(r.appointmentAt)} ngày ${dmy(r.appointmentAt)}`);
        const timeliness = timelinessOf(r.status, r.appointmentAt, r.finishedAt, deps.now());
        if (timeliness) lines.push(`Tình trạng: ${TIMELINESS_LABEL[timeliness]}`);
        lines.push(meaning.next);
        if (!answer.fresh) lines.push(`Thông tin cập nhật lần cuối lúc ${vnClock(r.updatedAt)} ngày ${dmy(r.updatedAt)}.`);
      }
      const html = page(deps.officeName(), parsed.ok ? parsed.value.code : '', title, lines);
      const status = !parsed.ok ? 400 : answer?.kind === 'found' ? 200 : answer?.kind === 'unavailable' ? 503 : 404;
      return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
    },
  );
}

function page(officeName: string, code: string, title: string, lines: readonly string[]): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${PAGE_STYLE_PATH}"></head>
<body><div class="o">${escapeHtml(officeName)}</div><div class="c">${escapeHtml(code)}</div>
<h1>${escapeHtml(title)}</h1>${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</body></html>`;
}

function dmy(epochMs: number): string {
  const [y, m, d] = vnDate(epochMs).split('-');
  return `${d}/${m}/${y}`;
}
