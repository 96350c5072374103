import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

type Directives = Readonly<Record<string, readonly string[]>>;

/**
 * The policy of every page the hub serves. Scripts and styles come only from the hub's own files:
 * a name or notice that slips markup past a screen still cannot run or restyle anything. Preact
 * sets style properties through the CSSOM, which CSP allows, so no 'unsafe-inline' is needed.
 * Images and sound may be data: or blob: (a ticket's picture, a voice clip fetched then played);
 * connect-src names ws: and wss: because older TV-box browsers do not count a websocket to the
 * same host as 'self', and blob: because a receipt PDF opened as blob: in a new window inherits
 * this policy and may read itself back (blob: URLs are only ever made by this origin's pages).
 */
export const PAGE_DIRECTIVES: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'media-src': ["'self'", 'blob:', 'data:'],
  'connect-src': ["'self'", 'ws:', 'wss:', 'blob:'],
  'font-src': ["'self'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/**
 * Swagger UI at /docs is a third-party page we do not build: it sets style attributes in the
 * markup it renders, so only its pages may use inline styles. Scripts stay the hub's own files.
 */
export const DOCS_DIRECTIVES: Directives = {
  ...PAGE_DIRECTIVES,
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
};

export const DOCS_PREFIX = '/docs';

const policy = (directives: Directives) => ({
  // Helmet's defaults add upgrade-insecure-requests, which would send a plain-HTTP hall's own
  // script requests to https:// and break every screen: the policy is only what is listed here.
  useDefaults: false,
  directives: Object.fromEntries(Object.entries(directives).map(([k, v]) => [k, [...v]])),
});

/**
 * Security headers on every response (pages, API, static files, errors). Register it before any
 * route: the /docs scope is attached to routes as they are added.
 *
 * No Strict-Transport-Security: the hub speaks plain HTTP on the office LAN, where browsers ignore
 * the header; and were the hub ever reached once through an HTTPS proxy, it would pin the name to
 * HTTPS for a year and lock every plain-HTTP screen out.
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  app.addHook('onRoute', (route) => {
    if (route.url === DOCS_PREFIX || route.url.startsWith(`${DOCS_PREFIX}/`)) {
      route.config = Object.assign(route.config ?? {}, { helmet: { contentSecurityPolicy: policy(DOCS_DIRECTIVES) } });
    }
  });
  await app.register(helmet, {
    contentSecurityPolicy: policy(PAGE_DIRECTIVES),
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    // The kiosk's address carries its device key (?key=…): never pass it on in a Referer.
    referrerPolicy: { policy: 'no-referrer' },
  });
}
