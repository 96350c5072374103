import ExcelJS from 'exceljs';
import Fastify, { type FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../common/contract/errors.js';
import type { HallReport } from '../../common/contract/report.js';
import { THREE_LEVEL_SCALE } from '../../common/domain/survey-scale.js';
import { ErrorEnvelope } from '../../server/http/envelope-schemas.js';
import { registerErrorEnvelope } from '../../server/http/error-envelope.js';
import { registerAdminReportRoutes } from '../../server/http/routes/admin-reports.js';
import { createReportEngine } from '../../server/reports/report-engine.js';
import { ReportRunner } from '../../server/reports/report-runner.js';
import { siteReportNames } from '../../server/reports/report-names.js';
import { reportTable } from '../../server/reports/report-tables.js';
import { silentLogger } from '../../server/services/logger.js';
import { outboxRepository } from '../../server/storage/repositories/outbox.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { signIn, startTestHub, type TestHub } from '../helpers/test-hub.js';
import { testSite } from '../helpers/test-site.js';
import {
  DAY1,
  DAY2,
  SEC,
  openingOf,
  Tally,
  simulate,
  waitOf,
  ratingsOf,
  waitSec,
  present,
  cohort,
  staff,
} from '../helpers/report-day-tally.js';

/**
 * The report checked against a tally kept while driving a hub through two seeded service days
 * (tests/helpers/report-day-tally.ts): totals and every table over the API, on the report thread,
 * and in the CSV and XLSX exports; refusals change nothing.
 */

// ---- the running hub, and its report routes ---------------------------------------------------

describe('the report agrees with a tally kept while driving a hub through two days', () => {
  const clock = new ManualClock(openingOf(DAY1));
  const tally = new Tally();
  let t: TestHub;
  let app: FastifyInstance;
  let url: string;
  let supervisor: string;
  let catalogue: string;
  let runner: ReportRunner;

  beforeAll(async () => {
    catalogue = mkdtempSync(join(tmpdir(), 'motcua-report-catalogue-'));
    mkdirSync(join(catalogue, 'records'));
    writeFileSync(
      join(catalogue, 'catalogue.csv'),
      'Mã số,Tên,Cơ quan ban hành,Cơ quan thực hiện,Lĩnh vực,URL\n1.000001,Đăng ký khai sinh,,UBND cấp xã,Hộ tịch,\n',
    );
    const site = testSite();
    // No kiosk printer: rendering 100 tickets would only slow the test down.
    t = await startTestHub({
      clock,
      catalogueDir: catalogue,
      site: { ...site, devices: site.devices.filter((d) => d.kind !== 'printer') },
    });
    simulate(t, clock, tally);
    // One dossier reached the province system: the outbox worker's own repository marks it sent.
    const owed = outboxRepository(t.hub.db)
      .list('pending', 1000)
      .filter((i) => i.kind === 'dossier');
    outboxRepository(t.hub.db).markDone(owed[0]!.id, clock.now());

    // As the hub makes them: on the report thread, over its own read-only connection.
    runner = new ReportRunner({
      dbFile: join(t.dir, 'hall.db'),
      clock,
      names: () => siteReportNames(t.site),
      scales: () => [THREE_LEVEL_SCALE],
      logger: silentLogger,
    });
    app = Fastify({ logger: false, ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true } } });
    app.addSchema(ErrorEnvelope);
    registerErrorEnvelope(app);
    registerAdminReportRoutes(app, { auth: t.hub.auth, reports: runner, weekly: { list: () => [], file: () => null } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    supervisor = await signIn(t.url, 'giamsat');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await runner?.close();
    await t?.dispose();
    if (catalogue) rmSync(catalogue, { recursive: true, force: true });
  });

  const get = async (path: string, token?: string) => {
    const res = await fetch(`${url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    return res;
  };
  const report = async (from: string, to: string): Promise<HallReport> => {
    const res = await get(`/api/admin/reports?from=${from}&to=${to}`, supervisor);
    const body = (await res.json()) as Ack<HallReport>;
    if (!body.ok) throw new Error(`report refused: ${body.error.code}`);
    return body.data;
  };

  it('drove a day worth reporting: every outcome happened', () => {
    const all = [...tally.tickets.values()];
    for (const o of ['served', 'noShow', 'cancelled', 'expired', 'open'] as const) {
      expect(all.filter((x) => x.outcome === o).length, o).toBeGreaterThan(0);
    }
    expect(tally.transfers.length).toBeGreaterThan(0);
    expect(tally.ratings.length).toBeGreaterThan(0);
    expect(tally.lapsed.length).toBeGreaterThan(0);
    expect(tally.dossiers.length).toBeGreaterThan(1);
    expect(all.some((x) => x.firstCall && x.firstCall.at - x.issuedAt > 30 * 60 * SEC)).toBe(true);
  });

  for (const [from, to] of [
    [DAY1, DAY1],
    [DAY2, DAY2],
    [DAY1, DAY2],
  ] as const) {
    it(`totals, queues, counters, officers, days and hours for ${from}..${to}`, async () => {
      const r = await report(from, to);
      const days = new Set(from === to ? [from] : [DAY1, DAY2]);
      const ts = [...tally.tickets.values()].filter((x) => days.has(x.day));
      const dossiers = tally.dossiers.filter((d) => days.has(d.day));
      expect(r).toMatchObject({ from, to, days: days.size });

      const { ratings, ...counts } = cohort(tally, ts);
      expect(r.summary).toEqual({
        ...counts,
        ratings,
        dossiers: {
          received: dossiers.length,
          forwarded: dossiers.filter((d) => d.code === tally.dossiers[0]!.code).length,
          waiting: dossiers.filter((d) => d.code !== tally.dossiers[0]!.code).length,
        },
      });
      // The outcomes are exclusive and account for every ticket.
      const s = r.summary;
      expect(s.served + s.noShow + s.cancelled + s.expired + s.inProgress).toBe(s.issued);

      for (const q of r.queues) {
        expect(q, q.id).toEqual({
          id: q.id,
          name: t.site.queues.find((x) => x.id === q.id)!.name,
          removed: false,
          ...cohort(
            tally,
            ts.filter((x) => x.queue === q.id),
          ),
        });
      }
      expect(r.queues.map((q) => q.id)).toEqual(t.site.queues.map((q) => q.id));

      for (const c of r.counters) {
        const def = t.site.counters.find((x) => x.id === c.id)!;
        expect(c, c.id).toEqual({
          id: c.id,
          name: def.name,
          number: def.number,
          removed: false,
          ...staff(tally, ts, days, 'counter', c.id),
        });
      }
      const officers = t.site.officers.filter((o) => o.role === 'officer');
      expect(r.officers.map((o) => o.id)).toEqual(officers.map((o) => o.id));
      for (const o of r.officers) {
        expect(o, o.id).toEqual({
          id: o.id,
          name: officers.find((x) => x.id === o.id)!.name,
          number: null,
          removed: false,
          ...staff(tally, ts, days, 'officer', o.id),
        });
      }

      expect(r.daily.map((d) => d.day)).toEqual([...days]);
      for (const d of r.daily) {
        const { estimate: _e, ...c } = cohort(
          tally,
          ts.filter((x) => x.day === d.day),
        );
        expect(d).toEqual({ day: d.day, ...c, dossiers: dossiers.filter((x) => x.day === d.day).length });
      }
      expect(r.hourly.map((h) => h.hour)).toEqual(Array.from({ length: 24 }, (_, h) => h));
      for (const h of r.hourly) {
        const inHour = ts.filter((x) => new Date(x.issuedAt + 7 * 3600 * SEC).getUTCHours() === h.hour);
        expect(h).toEqual({ hour: h.hour, arrivals: inHour.length, wait: waitOf(present(inHour.map(waitSec))) });
      }

      const rated = tally.ratings.filter((x) => days.has(x.day));
      expect(r.ratings).toEqual([
        {
          scaleId: THREE_LEVEL_SCALE.id,
          name: THREE_LEVEL_SCALE.name,
          levels: THREE_LEVEL_SCALE.levels.map((l) => ({
            levelId: l.id,
            name: l.name,
            nameEn: l.nameEn,
            satisfied: l.satisfied,
            count: rated.filter((x) => x.level === l.id).length,
          })),
          ...ratingsOf(rated, tally.lapsed.filter((x) => days.has(x.day)).length),
        },
      ]);
      const rate = ratings.satisfactionRate!;
      expect(r.qd766).toEqual({
        name: 'Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC',
        nameEn: expect.any(String),
        rate,
        threshold: 0.9,
        met: rate >= 0.9,
        ratings: rated.length,
      });
    });
  }

  it('names a counter since removed from the config by its id, and still counts it', async () => {
    const engine = createReportEngine({
      db: t.hub.db,
      clock,
      names: () => siteReportNames({ ...t.site, counters: t.site.counters.filter((c) => c.id !== 'quay-2') }),
      scales: () => [THREE_LEVEL_SCALE],
    });
    const r = engine.compute(DAY1, DAY2);
    const gone = r.counters.find((c) => c.id === 'quay-2');
    const full = await report(DAY1, DAY2);
    expect(gone).toEqual({ ...full.counters.find((c) => c.id === 'quay-2'), name: 'quay-2', number: null, removed: true });
    expect(r.counters.at(-1)?.id).toBe('quay-2');
  });

  it('refuses bad ranges and anyone below supervisor, and changes nothing', async () => {
    const events = () => (t.hub.db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
    const before = events();
    for (const [q, field] of [
      [`from=${DAY2}&to=${DAY1}`, '/querystring/to'],
      ['from=2025-11-01&to=2026-11-02', '/querystring/to'],
      ['from=2026-02-30&to=2026-03-01', '/querystring/from'],
    ] as const) {
      for (const path of ['/api/admin/reports', '/api/admin/reports/export.xlsx', '/api/admin/reports/export.csv']) {
        const res = await get(`${path}?${q}`, supervisor);
        expect(res.status, `${path}?${q}`).toBe(400);
        expect(await res.json()).toMatchObject({
          ok: false,
          error: { code: 'REPORT_RANGE_INVALID', details: [{ path: field }] },
        });
      }
    }
    const malformed = await get('/api/admin/reports?from=2026-11-1&to=2026-11-20', supervisor);
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const badTable = await get(`/api/admin/reports/export.csv?from=${DAY1}&to=${DAY1}&table=secrets`, supervisor);
    expect(badTable.status).toBe(400);
    expect(await badTable.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    // 366 days is a year with its leap day: allowed. Every body here is read to its end: one left
    // unread (a year's report is large) holds its connection busy, and closing the server waits on it.
    const year = await get('/api/admin/reports?from=2027-03-01&to=2028-02-29', supervisor);
    expect(year.status).toBe(200);
    expect(((await year.json()) as Ack<HallReport>).ok).toBe(true);

    const officerToken = await signIn(t.url, 'canbo1');
    for (const path of [
      `/api/admin/reports?from=${DAY1}&to=${DAY1}`,
      `/api/admin/reports/export.csv?from=${DAY1}&to=${DAY1}`,
      `/api/admin/reports/export.xlsx?from=${DAY1}&to=${DAY1}`,
      '/api/admin/reports/weekly',
      '/api/admin/reports/weekly/1.xlsx',
    ]) {
      const asOfficer = await get(path, officerToken);
      expect(asOfficer.status, path).toBe(403);
      expect(await asOfficer.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const anonymous = await get(path);
      expect(anonymous.status, path).toBe(401);
      expect(await anonymous.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }
    const kiosk = await fetch(`${url}/api/admin/reports?from=${DAY1}&to=${DAY1}`, {
      headers: { 'x-device-key': t.site.devices.find((d) => d.kind === 'kiosk')!.key! },
    });
    expect(kiosk.status).toBe(403);
    expect(await kiosk.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(events()).toBe(before);
  });

  it('exports a table as CSV: BOM, Vietnamese headers, CRLF, quoted where needed, and it reads back', async () => {
    const r = await report(DAY1, DAY2);
    const res = await get(`/api/admin/reports/export.csv?from=${DAY1}&to=${DAY2}&table=queues`, supervisor);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(`filename="bao-cao-theo-hang-doi-${DAY1}-${DAY2}.csv"`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const rows = parseCsv(text);
    expect(rows[0]?.slice(0, 4)).toEqual(['Mã hàng đợi', 'Hàng đợi', 'Số phiếu cấp', 'Đã phục vụ']);
    expect(rows.slice(1).map((row) => row[1])).toEqual(t.site.queues.map((q) => q.name));
    const first = r.queues[0]!;
    const header = rows[0]!;
    const row = rows[1]!;
    expect(Number(row[header.indexOf('Số phiếu cấp')])).toBe(first.issued);
    expect(row[header.indexOf('Chờ trung bình (phút)')]).toBe((first.wait.meanSec! / 60).toFixed(1));
    expect(row[header.indexOf('Tỷ lệ hài lòng (%)')]).toBe(
      first.ratings.satisfactionRate === null ? '' : (first.ratings.satisfactionRate * 100).toFixed(1),
    );
    // The summary's labels hold commas and quotes: quoted, and read back whole.
    const summary = parseCsv(
      (await (await get(`/api/admin/reports/export.csv?from=${DAY1}&to=${DAY2}`, supervisor)).text()).replace(/^\uFEFF/, ''),
    );
    expect(summary.map((x) => x[0])).toContain('Vắng mặt (bỏ qua, không quay lại)');
    expect(summary.map((x) => x[0])).toContain('Đánh giá “Rất hài lòng” – Đánh giá theo hồ sơ (3 mức)');
    expect(summary.find((x) => x[0] === 'Số phiếu đã cấp')?.[1]).toBe(String(r.summary.issued));
  });

  it('exports the workbook: one sheet per table, numbers as numbers, frozen headers, the same figures', async () => {
    const r = await report(DAY1, DAY2);
    const res = await get(`/api/admin/reports/export.xlsx?from=${DAY1}&to=${DAY2}`, supervisor);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`filename="bao-cao-${DAY1}-${DAY2}.xlsx"`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Tổng hợp',
      'Theo hàng đợi',
      'Theo quầy',
      'Theo cán bộ',
      'Theo ngày',
      'Chỉ số QĐ 766',
    ]);
    for (const key of ['summary', 'queues', 'counters', 'officers', 'days'] as const) {
      const table = reportTable(r, key);
      const ws = wb.getWorksheet(table.title)!;
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(table.columns.map((c) => c.header));
      expect(ws.getColumn(1).width).toBe(table.columns[0]!.width);
      table.rows.forEach((cells, i) => {
        cells.forEach((cell, j) => {
          const got = ws.getRow(i + 2).getCell(j + 1);
          const v = cell.value;
          if (v === null) return expect(got.value, `${key} ${i} ${j}`).toBeNull();
          switch (cell.kind) {
            case 'text':
              return expect(got.value).toBe(v);
            case 'day':
              return expect((got.value as Date).toISOString().slice(0, 10)).toBe(v);
            case 'count':
              return expect(got.value).toBe(v);
            case 'minutes':
              expect(got.numFmt).toBe('0.0');
              return expect(got.value).toBe(Math.round((Number(v) / 60) * 10) / 10);
            case 'percent':
              expect(got.numFmt).toBe('0.0%');
              return expect(got.value).toBe(v);
          }
        });
      });
    }
    const qd = wb.getWorksheet('Chỉ số QĐ 766')!.getRow(2);
    expect(qd.getCell(1).value).toBe('Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC');
    expect(qd.getCell(2).value).toBe(r.qd766.rate);
    expect(qd.getCell(3).value).toBe(0.9);
    expect(qd.getCell(4).value).toBe(r.qd766.met ? 'Đạt điểm tối đa' : 'Chưa đạt điểm tối đa');
  });
});

/** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}
