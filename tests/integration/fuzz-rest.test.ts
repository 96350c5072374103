import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preview as show, notAnErrorEnvelope, notASuccessEnvelope, sendRaw, type RawResponse } from '../helpers/fuzz-http.js';
import { miniCatalogue } from '../helpers/fuzz-catalogue.js';
import { busyHall } from '../helpers/fuzz-hall-setup.js';
import { HINTED, liveValues } from '../helpers/fuzz-live.js';
import { restCases, seedOf, toRawRequest, type RestCase } from '../helpers/fuzz-rest-cases.js';
import { ROLES, FuzzRoles, type RoleName } from '../helpers/fuzz-roles.js';
import { FILE_BODY, fetchOpenApi, refResolver, routesOf, schemaGaps, type FuzzRoute } from '../helpers/fuzz-routes.js';
import { fingerprint, ROUTE_MAY_CHANGE, unexpectedChanges } from '../helpers/fuzz-state.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

/**
 * Cases per route and role; with 7 roles, 49 per route. Fixed seed: the same cases every run. For a
 * longer hunt: FUZZ_CASES=40 FUZZ_SEED=<any> FUZZ_LISTED=300 npx vitest run <this file>.
 */
const CASES_PER_ROLE = Number(process.env.FUZZ_CASES ?? 7);
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_310);
const MAX_LISTED = Number(process.env.FUZZ_LISTED ?? 25);

/**
 * Every REST route the hub documents at /docs/json, as every role, with inputs generated from the
 * route's own schemas: valid-shaped (with the hub's real ids), mutated, malformed, huge, and with
 * broken credentials. Never a 5xx; every refusal is the error envelope; a refusal changes nothing,
 * and a success changes only what its route is for. The clock stands still, so nothing in the hub
 * changes by itself between two readings (no rollover, no survey window closing).
 */
describe('hostile input on every REST route', () => {
  let t: TestHub;
  let roles: FuzzRoles;
  let routes: FuzzRoute[];
  let resolve: ReturnType<typeof refResolver>;
  let live: ReturnType<typeof liveValues>;

  beforeAll(async () => {
    // A Tuesday, 09:00 in Hà Nội: queues open. A few real procedures, so dossiers can be received.
    const dir = mkdtempSync(join(tmpdir(), 'motcua-fuzz-'));
    t = await startTestHub({ dir, clock: new ManualClock(Date.UTC(2026, 2, 10, 2, 0)), catalogueDir: miniCatalogue(dir).dir });
    roles = await FuzzRoles.create(t);
    const doc = await fetchOpenApi(t.url);
    routes = routesOf(doc);
    resolve = refResolver(doc);
    live = liveValues(t.hub);
    await busyHall(t, roles, true);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  const healthy = async () => {
    const res = await sendRaw(t.port, { method: 'GET', path: '/api/health', headers: {} });
    return res.status === 200 && notASuccessEnvelope(res.contentType, res.text) === null;
  };

  it('documents a schema for every path parameter and request body under /api/', () => {
    expect(routes.filter((r) => r.path.startsWith('/api/')).length).toBeGreaterThan(30);
    expect(schemaGaps(routes)).toEqual([]);
  });

  it(
    'answers every generated case without a 5xx, in the envelope, changing only what a success is for',
    async () => {
      const failures: string[] = [];
      const tally = { cases: 0, ok: 0, refused: 0, dropped: 0 };
      for (const route of routes) {
        const arbitrary = restCases(route, { resolve, hinted: HINTED }, route.key in FILE_BODY);
        for (const role of ROLES) {
          const cases = fc.sample(arbitrary, { seed: seedOf(`${route.key} ${role}`, SEED), numRuns: CASES_PER_ROLE });
          for (const [i, c] of cases.entries()) {
            const problem = await runCase(route, role, c);
            tally.cases++;
            if (problem.outcome === 'ok') tally.ok++;
            else if (problem.outcome === 'refused') tally.refused++;
            else tally.dropped++;
            if (problem.text) failures.push(`${route.key} as ${role}, case ${i} (${c.kind}): ${problem.text}`);
            if (problem.outcome === 'dropped' && !(await healthy())) failures.push(`${route.key}: the hub stopped answering`);
          }
        }
        if (!(await healthy())) failures.push(`after ${route.key}: /api/health does not answer 200`);
        if (failures.length > 200) break;
      }
      const end = fingerprint(t.hub);
      console.info(
        `REST fuzz: ${routes.length} routes, ${tally.cases} cases: ${tally.ok} 2xx, ${tally.refused} refused, ` +
          `${tally.dropped} dropped; hub ends with tickets ${end.tickets}, dossiers ${end.dossiers}, ratings ${end.ratings}`,
      );
      expect(failures.slice(0, MAX_LISTED), `${failures.length} failures`).toEqual([]);
      // The generator reaches the handlers: some cases succeed, most are refused.
      expect(tally.ok).toBeGreaterThan(tally.cases / 20);
    },
    Math.max(120_000, CASES_PER_ROLE * 15_000),
  );

  async function runCase(
    route: FuzzRoute,
    role: RoleName,
    c: RestCase,
  ): Promise<{ outcome: 'ok' | 'refused' | 'dropped'; text: string | null }> {
    await roles.ensure();
    const req = toRawRequest(route, c, roles.headers(role), live);
    const before = fingerprint(t.hub);
    const res = await sendRaw(t.port, req);
    const after = fingerprint(t.hub);
    const succeeded = res.status >= 200 && res.status < 300;
    const problems: string[] = [];
    const answer = answerProblem(route, c, res);
    if (answer) problems.push(answer);
    const changes = unexpectedChanges(before, after, succeeded, ROUTE_MAY_CHANGE[route.key]);
    if (changes.length > 0) problems.push(`${succeeded ? 'success' : `refusal ${res.status}`} changed ${changes.join(', ')}`);
    // A settings save the fuzz got through is put back, so later cases meet the same site.
    if (succeeded && route.key === 'PUT /api/admin/settings') await restoreSettings();
    const outcome = res.status === 0 ? 'dropped' : succeeded ? 'ok' : 'refused';
    const text =
      problems.length > 0
        ? `${problems.join('; ')} | ${req.method} ${show(req.path, 160)} body ${show(req.body ?? '(none)', 200)} -> ${res.status} ${show(res.text, 200)}`
        : null;
    return { outcome, text };
  }

  function answerProblem(route: FuzzRoute, c: RestCase, res: RawResponse): string | null {
    // A body over the limit may be cut off while it is still being sent; the hub must live on (checked after).
    if (res.status === 0) return c.kind === 'huge' ? null : `no answer (${res.error ?? 'closed'})`;
    if (res.status >= 500) return `answered ${res.status}`;
    if (res.status >= 400) {
      const p = notAnErrorEnvelope(res.contentType, res.text);
      return p ? `refusal not in the envelope: ${p}` : null;
    }
    if (res.status < 200 || res.status >= 300) return `unexpected status ${res.status}`;
    if (route.successEnvelope) {
      const p = notASuccessEnvelope(res.contentType, res.text);
      return p ? `success not {ok: true, data}: ${p}` : null;
    }
    // Files (PDF, WAV, JSON export): whatever the route sends, but something.
    return res.text.length === 0 && res.status !== 204 ? 'empty success' : null;
  }

  let original: ReturnType<TestHub['hub']['settings']['current']> | null = null;
  async function restoreSettings(): Promise<void> {
    original ??= t.site;
    const saved = await t.hub.settings.save(original, t.hub.settings.revision(), { officerId: 'quantri', name: 'fuzz' });
    if (!saved.ok) throw new Error(`could not put the settings back: ${saved.code}`);
  }

  it('answers heads and URLs over the size limit, and Fastify’s own refusals, with the envelope', async () => {
    const before = fingerprint(t.hub);
    const headers = roles.headers('admin');
    const cases = [
      { method: 'GET', path: `/api/procedures/search?q=${'x'.repeat(20_000)}`, headers },
      { method: 'GET', path: '/api/hall', headers: { ...headers, 'x-padding': 'p'.repeat(20_000) } },
      { method: 'GET', path: '/api/tickets/%zz', headers },
      { method: 'GET', path: `/api/tickets/${'x'.repeat(500)}`, headers },
      { method: 'POST', path: `/api/counters/${'c'.repeat(300)}/open`, headers },
    ];
    for (const req of cases) {
      const res = await sendRaw(t.port, req);
      expect(res.status, show(req.path, 80)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(
        notAnErrorEnvelope(res.contentType, res.text),
        `${show(req.path, 80)} -> ${res.status} ${show(res.text, 120)}`,
      ).toBeNull();
    }
    expect(unexpectedChanges(before, fingerprint(t.hub), false, [])).toEqual([]);
    expect(await healthy()).toBe(true);
  });

  /** Writes bytes on a bare connection; answers what came back once the hub closed it (or we did, after `hangUpMs`). */
  function exchange(text: string, hangUpMs: number | null): Promise<string> {
    return new Promise((done) => {
      const chunks: Buffer[] = [];
      const socket = connect(t.port, '127.0.0.1', () => {
        socket.write(text);
        if (hangUpMs !== null) setTimeout(() => socket.destroy(), hangUpMs);
      });
      // Bounded: a hub that neither answers nor closes fails the assertion on what came back.
      const timer = setTimeout(() => socket.destroy(), 5_000);
      socket.on('data', (c: Buffer) => chunks.push(c));
      socket.on('close', () => {
        clearTimeout(timer);
        done(Buffer.concat(chunks).toString('utf8'));
      });
      socket.on('error', () => undefined);
    });
  }

  it('lives through a body cut off mid-way, and answers bytes that are not HTTP with the envelope', async () => {
    const before = fingerprint(t.hub);
    const token = roles.headers('admin')['authorization']!;
    // Promises 1000 bytes, sends 20, then hangs up: nothing to answer, nothing to change.
    await exchange(
      `POST /api/tickets HTTP/1.1\r\nHost: x\r\nAuthorization: ${token}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"commandId": "abcde`,
      50,
    );
    const garbage = [
      '\u0000\u0001\u0002 not http at all\r\n\r\n',
      'GET /api/health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n',
      `GET /${'a'.repeat(100)} HTTP/9.9\r\n\r\n`,
    ];
    for (const text of garbage) {
      const answer = await exchange(text, null);
      const [head = '', body = ''] = answer.split('\r\n\r\n');
      expect(head, show(text, 60)).toMatch(/^HTTP\/1\.1 4\d\d /);
      const type = /^content-type: *(.+)$/im.exec(head)?.[1] ?? '';
      expect(notAnErrorEnvelope(type, body), `${show(text, 60)} -> ${show(answer, 200)}`).toBeNull();
    }
    expect(unexpectedChanges(before, fingerprint(t.hub), false, [])).toEqual([]);
    expect(await healthy()).toBe(true);
  });
});
