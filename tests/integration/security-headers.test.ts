import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssueResult } from '../../common/contract/view-schemas.js';
import { testSite } from '../helpers/test-site.js';
import { api, issueAtKiosk, newCommandId, signIn, startTestHub, type TestHub } from '../helpers/test-hub.js';

/** The policy's directives by name, from the header. */
function directives(header: string | null): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name, values);
  }
  return out;
}

const MARKUP = '<img src=x onerror=alert(1)><script>alert(2)</script>';

/**
 * Every answer of the hub, pages and API alike, carries the security headers and the strict policy;
 * the pages the hub writes itself hold no inline script, style or handler; a body too large is
 * refused whole.
 */
describe('security headers, the hub’s own pages, and request size', () => {
  let t: TestHub;
  let ticketId: string;

  beforeAll(async () => {
    const site = testSite();
    // An office name holding markup: the hub's own pages must print it as text.
    site.office = { ...site.office, name: `UBND xã Thử ${MARKUP}` };
    t = await startTestHub({ site });
    ticketId = (await issueAtKiosk(t, t.site.queues[0]!.id)).ticket.id;
  });
  afterAll(async () => t?.dispose());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${t.url}${path}`, { headers, redirect: 'manual' });

  it('sends the strict policy and the other headers on pages, API answers, refusals and 404s, and no HSTS', async () => {
    const kiosk = t.site.devices.find((d) => d.kind === 'kiosk')!.key!;
    const answers = await Promise.all([
      get('/'),
      get('/page.css'),
      get(`/t/${ticketId}`),
      get('/h/000.00.00.H38-250702-0001'),
      get('/api/health'),
      get('/api/hall', { 'x-device-key': kiosk }),
      get('/api/hall'),
      get('/khong-co-trang-nay'),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 404, 200, 200, 401, 404]);
    for (const res of answers) {
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('script-src-attr')).toEqual(["'none'"]);
      expect(csp.get('style-src')).toEqual(["'self'"]);
      expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
      expect(csp.get('media-src')).toEqual(["'self'", 'blob:', 'data:']);
      expect(csp.get('connect-src')).toEqual(["'self'", 'ws:', 'wss:', 'blob:']);
      expect(csp.get('font-src')).toEqual(["'self'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'self'"]);
      expect(csp.get('form-action')).toEqual(["'self'"]);
      // A plain-HTTP hall must not have its own requests upgraded to https://.
      expect(csp.has('upgrade-insecure-requests')).toBe(false);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('gives /docs (Swagger UI) its own policy: inline styles there only, scripts still the hub’s files', async () => {
    for (const path of ['/docs', '/docs/static/index.html', '/docs/json']) {
      const res = await get(path);
      expect(res.status).toBeLessThan(400);
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    }
  });

  it('writes its own pages with no inline script, style or handler, and the office name as text', async () => {
    for (const path of ['/', `/t/${ticketId}`, '/h/000.00.00.H38-250702-0001', '/h/not-a-code']) {
      const html = await (await get(path)).text();
      const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
      expect(tags.length).toBeGreaterThan(5);
      expect(tags.filter((tag) => /^<(script|style)\b/i.test(tag) || /\s(on[a-z]+|style)\s*=/i.test(tag))).toEqual([]);
      expect(html).toContain('<link rel="stylesheet" href="/page.css">');
      expect(html).toContain('UBND xã Thử &lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    }
    const css = await get('/page.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toContain('.landing');
  });

  it('refuses a 100 KB body with 413 in the error envelope, and nothing changes', async () => {
    const token = await signIn(t.url, t.site.officers.find((o) => o.role === 'supervisor')!.username);
    const seq = t.hub.hall.snapshot().seq;
    const res = await fetch(`${t.url}/api/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ commandId: newCommandId(), queueId: t.site.queues[0]!.id, note: 'x'.repeat(100 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const body = (await res.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message).toMatch(/[a-z]/);
    expect(t.hub.hall.snapshot().seq).toBe(seq);
    // The same request at a sane size goes through (the refusal was the size, not the request).
    const ok = await api<IssueResult>(
      t.url,
      'POST',
      '/api/tickets',
      { token },
      { commandId: newCommandId(), queueId: t.site.queues[0]!.id },
    );
    expect(ok.status).toBe(200);
  });
});
