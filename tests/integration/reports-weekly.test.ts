import ExcelJS from 'exceljs';
import Fastify, { type FastifyInstance } from 'fastify';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../common/contract/errors.js';
import type { SavedReport } from '../../common/contract/report.js';
import { THREE_LEVEL_SCALE } from '../../common/domain/survey-scale.js';
import { ErrorEnvelope } from '../../server/http/envelope-schemas.js';
import { registerErrorEnvelope } from '../../server/http/error-envelope.js';
import { registerAdminReportRoutes } from '../../server/http/routes/admin-reports.js';
import { createReportEngine, type ReportEngine } from '../../server/reports/report-engine.js';
import { siteReportNames } from '../../server/reports/report-names.js';
import { silentLogger } from '../../server/services/logger.js';
import { WeeklyReportService } from '../../server/services/weekly-report-service.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { api, eventually, issueAtKiosk, newCommandId, signIn, startTestHub, type TestHub } from '../helpers/test-hub.js';

/** An instant given as local time in Asia/Ho_Chi_Minh (UTC+7). */
const vn = (local: string) => Date.parse(`${local}+07:00`);

describe('the weekly report, Thursday 15:00, with a manual clock', () => {
  // Monday 16 November 2026: the hall's first day on this hub.
  const clock = new ManualClock(vn('2026-11-16T08:00:00'));
  let t: TestHub;
  let engine: ReportEngine;
  let app: FastifyInstance;
  let url: string;
  const services: WeeklyReportService[] = [];
  const service = () => {
    const s = new WeeklyReportService({ clock, db: t.hub.db, dataDir: t.dir, logger: silentLogger, reports: engine });
    services.push(s);
    return s;
  };
  const reportsDir = () => join(t.dir, 'reports');
  const rows = () => t.hub.db.prepare('SELECT kind, from_day, to_day FROM saved_reports ORDER BY id').all();

  beforeAll(async () => {
    t = await startTestHub({ clock });
    engine = createReportEngine({ db: t.hub.db, clock, names: () => siteReportNames(t.site), scales: () => [THREE_LEVEL_SCALE] });
    const token = await signIn(t.url, 'canbo1');
    await api(t.url, 'POST', '/api/counters/quay-1/open', { token }, { commandId: newCommandId() });
    await issueAtKiosk(t, 'ho-tich-chung-thuc');
    await issueAtKiosk(t, 'ho-tich-chung-thuc');
    clock.advance(4 * 60_000);
    await api(t.url, 'POST', '/api/counters/quay-1/call-next', { token }, { commandId: newCommandId() });
    app = Fastify({ logger: false });
    app.addSchema(ErrorEnvelope);
    registerErrorEnvelope(app);
    const routesService = service();
    registerAdminReportRoutes(app, { auth: t.hub.auth, reports: engine, weekly: routesService });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    for (const s of services) s.stop();
    await app?.close();
    await t?.dispose();
  });

  it('makes nothing for a week that ended before the hall had any event', async () => {
    // Due now: Thursday 12 November 15:00, for 5..11 November: before this hub's first ticket.
    expect(await service().runDue()).toBeNull();
    expect(existsSync(reportsDir())).toBe(false);
    expect(rows()).toEqual([]);
  });

  it("makes Thursday..Wednesday's report at Thursday 15:00, once, readable by the hub's user only", async () => {
    const s = service();
    clock.set(vn('2026-11-19T14:59:59'));
    expect(await s.runDue()).toBeNull();
    clock.set(vn('2026-11-19T15:00:00'));
    // At once: the timer and a retry share one run; a second service (a hub restarted meanwhile) finds it made.
    const made = await Promise.all([s.runDue(), s.runDue(), service().runDue()]);
    expect(made[0]).toMatchObject({ kind: 'weekly', from: '2026-11-12', to: '2026-11-18', createdAt: vn('2026-11-19T15:00:00') });
    expect(made[1]).toBe(made[0]);
    expect(made[2]).toBeNull();
    expect(rows()).toEqual([{ kind: 'weekly', from_day: '2026-11-12', to_day: '2026-11-18' }]);
    expect(readdirSync(reportsDir()).sort()).toEqual([
      'bao-cao-tuan-2026-11-12-2026-11-18.csv',
      'bao-cao-tuan-2026-11-12-2026-11-18.xlsx',
    ]);
    for (const f of readdirSync(reportsDir())) expect(statSync(join(reportsDir(), f)).mode & 0o777).toBe(0o600);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(reportsDir(), 'bao-cao-tuan-2026-11-12-2026-11-18.xlsx'));
    const summary = wb.getWorksheet('Tổng hợp')!;
    const value = (label: string) => summary.getColumn(1).values.indexOf(label);
    expect(summary.getRow(value('Từ ngày')).getCell(2).value).toEqual(new Date('2026-11-12T00:00:00Z'));
    expect(summary.getRow(value('Số phiếu đã cấp')).getCell(2).value).toBe(2);
    // Monday's day has not rolled over yet on this hub (no command since): both still count as in progress.
    expect(summary.getRow(value('Đang xử lý')).getCell(2).value).toBe(2);
    const csv = readFileSync(join(reportsDir(), 'bao-cao-tuan-2026-11-12-2026-11-18.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFTổng hợp\r\n')).toBe(true);
    for (const title of ['Theo hàng đợi', 'Theo quầy', 'Theo cán bộ', 'Theo ngày', 'Chỉ số QĐ 766']) {
      expect(csv).toContain(`\r\n\r\n${title}\r\n`);
    }

    // Later that week: nothing more.
    clock.set(vn('2026-11-24T09:00:00'));
    expect(await s.runDue()).toBeNull();
    expect(rows()).toHaveLength(1);
  });

  it('makes the report at the next start when the hub was off at 15:00, and never twice', async () => {
    clock.set(vn('2026-11-25T10:00:00'));
    await issueAtKiosk(t, 'dat-dai-xay-dung');
    // Off from Wednesday evening to Friday morning.
    clock.set(vn('2026-11-27T08:00:00'));
    const first = service();
    first.start();
    await eventually(() => rows().length === 2, 5000, 'the missed report');
    first.stop();
    expect(rows()).toEqual([
      { kind: 'weekly', from_day: '2026-11-12', to_day: '2026-11-18' },
      { kind: 'weekly', from_day: '2026-11-19', to_day: '2026-11-25' },
    ]);
    const file = join(reportsDir(), 'bao-cao-tuan-2026-11-19-2026-11-25.xlsx');
    const written = statSync(file).mtimeMs;
    // Restarted again the same day: start() runs the check, and the check finds the week made.
    const again = service();
    again.start();
    expect(await again.runDue()).toBeNull();
    again.stop();
    expect(rows()).toHaveLength(2);
    expect(statSync(file).mtimeMs).toBe(written);
  });

  it('lists the kept reports and hands out their files to supervisors', async () => {
    const supervisor = await signIn(t.url, 'giamsat');
    const get = (path: string, token?: string) =>
      fetch(`${url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    const list = (await (await get('/api/admin/reports/weekly', supervisor)).json()) as Ack<{ reports: SavedReport[] }>;
    if (!list.ok) throw new Error(list.error.code);
    expect(list.data.reports.map((r) => [r.from, r.to])).toEqual([
      ['2026-11-19', '2026-11-25'],
      ['2026-11-12', '2026-11-18'],
    ]);
    const newest = list.data.reports[0]!;
    expect(newest.createdAt).toBe(vn('2026-11-27T08:00:00'));
    for (const ext of ['xlsx', 'csv'] as const) {
      const res = await get(`/api/admin/reports/weekly/${newest.id}.${ext}`, supervisor);
      expect(res.status).toBe(200);
      const name = `bao-cao-tuan-2026-11-19-2026-11-25.${ext}`;
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${name}"; filename*=UTF-8''${name}`);
      expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(join(reportsDir(), name)))).toBe(true);
    }
    const missing = await get('/api/admin/reports/weekly/999.csv', supervisor);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await get('/api/admin/reports/weekly/abc.csv', supervisor)).status).toBe(400);
  });
});
