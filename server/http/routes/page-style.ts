import type { FastifyInstance } from 'fastify';

export const PAGE_STYLE_PATH = '/page.css';

/**
 * The look of the few pages the hub writes itself (the IT clerk's start page, a ticket's and a
 * dossier's page on a citizen's phone). A served file rather than a <style> in each page, so the
 * pages keep the strict policy of every screen: style-src 'self', nothing inline.
 */
const CSS = `body{font:22px/1.5 system-ui,sans-serif;margin:0;padding:24px;color:#14213d;text-align:center}
h1{font-size:28px;margin:10px 0}
.n{font-size:96px;font-weight:800;line-height:1}
.c{font-size:20px;font-weight:700;letter-spacing:.02em}
.o{font-size:18px;color:#3d4a5c}
body.landing{font-size:20px;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;text-align:left}
.landing h1{font-size:1.6rem}
.landing a{color:#0b57d0}
.landing li{margin:.4rem 0}
.landing small{color:#555}
`;

export function registerPageStyle(app: FastifyInstance): void {
  app.get(PAGE_STYLE_PATH, { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(CSS),
  );
}
