import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { DOSSIER_PAGE_RATE } from '../../server/http/routes/dossier-page.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

/** GET from a chosen loopback address, as a second phone on the hall's Wi-Fi would be. */
function getFrom(url: string, localAddress: string): Promise<{ status: number; retryAfter: string | null; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { localAddress }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, retryAfter: (res.headers['retry-after'] as string) ?? null, body }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

// A well-formed receipt number that the hall does not have: the look-up runs, and finds nothing.
const CODE = '000.00.00.H38-250702-0001';

/**
 * The page behind a receipt's QR needs no sign-in, so it is limited per address: a script walking
 * the receipt numbers is slowed (and, with a province system, does not make the hub ask it for
 * each), while another phone goes on looking its dossier up.
 */
describe('look-ups of the public dossier page, per address', () => {
  let t: TestHub | null = null;
  afterEach(async () => {
    await t?.dispose();
    t = null;
  });

  it('answers a burst, then a plain Vietnamese page with Retry-After, never stopping another address', async () => {
    const clock = new ManualClock(Date.parse('2026-03-02T01:30:00Z'));
    t = await startTestHub({ clock, rateLimits: true });
    const page = `${t.url}/h/${CODE}`;
    for (let i = 0; i < DOSSIER_PAGE_RATE.burst; i++) expect((await getFrom(page, '127.0.0.1')).status).toBe(404);
    const refused = await getFrom(page, '127.0.0.1');
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe(String(60 / DOSSIER_PAGE_RATE.perMinute));
    expect(refused.body).toContain('Tra cứu quá nhiều lần');
    expect(refused.body).toContain('Vui lòng đợi ít phút');
    expect(refused.body).not.toContain(CODE);

    const otherPhone = await getFrom(page, '127.0.0.2');
    expect(otherPhone.status).toBe(404);
    expect(otherPhone.body).toContain('Không tìm thấy hồ sơ');

    clock.advance((60 / DOSSIER_PAGE_RATE.perMinute) * 1000);
    expect((await getFrom(page, '127.0.0.1')).status).toBe(404);
    expect((await getFrom(page, '127.0.0.1')).status).toBe(429);
  });

  it('is not limited on a hub started with RATE_LIMITS=off (load benchmarks only)', async () => {
    t = await startTestHub({ rateLimits: false });
    const page = `${t.url}/h/${CODE}`;
    for (let i = 0; i < DOSSIER_PAGE_RATE.burst + 5; i++) expect((await getFrom(page, '127.0.0.1')).status).toBe(404);
  });
});
