import type { FastifyInstance } from 'fastify';
import { escapeHtml } from '../escape-html.js';
import { PAGE_STYLE_PATH } from './page-style.js';

/**
 * The page the IT clerk sees at the hub's address: which office this is and where everything is.
 * Plain HTML with no script and nothing inline (its style is a served file), so it works on any
 * browser in the office under the hub's strict content security policy.
 */
export function registerLandingRoute(app: FastifyInstance, deps: { officeName: () => string }): void {
  app.get('/', { schema: { hide: true } }, async (_request, reply) => {
    const name = escapeHtml(deps.officeName());
    const html = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${name} – motcua-hall</title>
<link rel="stylesheet" href="${PAGE_STYLE_PATH}"></head>
<body class="landing"><h1>${name}</h1>
<p>Máy chủ hệ thống xếp hàng đang hoạt động. <small>(The hall's hub is running.)</small></p>
<ul>
<li><a href="/api/health">Tình trạng hệ thống</a> <small>(health: database, devices)</small></li>
<li><a href="/docs">Tài liệu API</a> <small>(REST and socket.io API)</small></li>
<li>Ki-ốt: mở <code>/kiosk/?key=…</code> trên máy ki-ốt; địa chỉ đầy đủ in ra khi máy chủ khởi động, khóa nằm trong <code>site.yaml</code>. <small>(Kiosk: the full address is printed when the hub starts.)</small></li>
</ul></body></html>`;
    return reply.type('text/html; charset=utf-8').send(html);
  });
}
