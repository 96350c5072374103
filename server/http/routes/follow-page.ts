import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { HallView } from '../../../common/contract/hall-view.js';
import { vnClock } from '../../../common/time/vn-time.js';
import type { Ticket } from '../../core/hall-state.js';
import { escapeHtml } from '../escape-html.js';
import { PAGE_STYLE_PATH } from './page-style.js';

/**
 * The page behind the QR on a ticket: where the citizen's number stands, on their own phone, so they
 * can step out and come back. Plain HTML that refreshes itself (any phone browser), no sign-in (the
 * ticket id is a random UUID), and nothing personal: number, field, place in line, counter.
 */
export function registerFollowPage(
  app: FastifyInstance,
  deps: { ticket: (id: string) => Ticket | undefined; snapshot: () => HallView; officeName: () => string; now: () => number },
): void {
  app.get(
    '/t/:ticketId',
    { schema: { hide: true, params: Type.Object({ ticketId: Type.String({ minLength: 1, maxLength: 64 }) }) } },
    async (request, reply) => {
      const t = deps.ticket((request.params as { ticketId: string }).ticketId);
      const view = deps.snapshot();
      const body =
        t && t.day === view.day
          ? describe(t, view)
          : {
              title: 'Không tìm thấy số thứ tự',
              lines: ['Số này không có hoặc đã hết hiệu lực (số chỉ có giá trị trong ngày).'],
            };
      const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="20">
<title>${escapeHtml(body.title)}</title>
<link rel="stylesheet" href="${PAGE_STYLE_PATH}"></head>
<body><div class="o">${escapeHtml(deps.officeName())}</div>
${t ? `<div class="n">${escapeHtml(t.number)}</div>` : ''}<h1>${escapeHtml(body.title)}</h1>
${body.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}
<p class="o">Cập nhật lúc ${vnClock(deps.now())}; trang tự làm mới.</p></body></html>`;
      return reply
        .code(t ? 200 : 404)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(html);
    },
  );
}

function describe(t: Ticket, view: HallView): { title: string; lines: string[] } {
  const queue = view.queues.find((q) => q.id === t.queueId)?.name ?? '';
  const counter = view.counters.find((c) => c.id === t.counterId);
  switch (t.state) {
    case 'waiting': {
      const ahead = view.tickets.filter(
        (x) =>
          x.state === 'waiting' &&
          x.queueId === t.queueId &&
          x.id !== t.id &&
          (x.issuedAt < t.issuedAt || (x.priorityClass !== null && t.priorityClass === null)),
      ).length;
      return {
        title: 'Đang chờ',
        lines: [queue, ahead === 0 ? 'Ông/Bà là người tiếp theo.' : `Trước Ông/Bà còn khoảng ${ahead} người.`],
      };
    }
    case 'called':
    case 'serving':
      return { title: `Mời đến quầy số ${counter?.number ?? ''}`, lines: [queue, counter?.name ?? ''] };
    case 'no_show':
      return { title: 'Đã gọi nhưng Ông/Bà chưa đến', lines: ['Vui lòng đến quầy và báo cán bộ để được phục vụ.'] };
    case 'done':
      return { title: 'Đã phục vụ xong', lines: ['Cảm ơn Ông/Bà.'] };
    default:
      return { title: 'Số này không còn hiệu lực', lines: ['Vui lòng lấy số mới tại ki-ốt nếu cần.'] };
  }
}
