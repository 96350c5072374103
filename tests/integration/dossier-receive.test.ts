import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierReceivedView } from '../../common/contract/dossier-received-view.js';
import type { HallFact } from '../../common/contract/hall-view.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdfText, pdfToPngs, zbarSymbols } from '../devices/render/receipt-readers.js';
import { sharedDataPath } from '../helpers/shared-data.js';
import { deviceKey } from '../helpers/test-site.js';
import {
  api,
  connectClient,
  eventually,
  issueAtKiosk,
  newCommandId,
  signIn,
  startTestHub,
  type TestClient,
  type TestHub,
} from '../helpers/test-hub.js';

/** Receiving a dossier at counter 1 on a running hub with the real catalogue. */
describe('receiving a dossier at the counter', () => {
  let t: TestHub;
  let token: string;
  let display: TestClient;
  const facts: HallFact[] = [];

  const receive = (over: Record<string, unknown> = {}) =>
    api<DossierReceivedView>(
      t.url,
      'POST',
      '/api/counters/quay-1/dossiers',
      { token },
      {
        commandId: newCommandId(),
        procedureCode: '1.001193',
        applicant: { name: 'Nguyễn Văn An', idNumber: '079203001234', address: 'Ấp 3, xã Tân Phú', phone: '0912345678' },
        documents: [{ name: 'Tờ khai đăng ký khai sinh theo mẫu', originals: 1, copies: 0 }],
        dossierSets: 1,
        channel: 1,
        resultDelivery: 'tai-bo-phan',
        // Đăng ký khai sinh is done within the day; the catalogue says so in words, not in days.
        workingDays: 0,
        ...over,
      },
    );
  const outbox = () =>
    t.hub.db.prepare('SELECT kind, idempotency_key, stream, payload, status FROM outbox ORDER BY id').all() as {
      kind: string;
      idempotency_key: string;
      stream: string;
      payload: string;
      status: string;
    }[];

  beforeAll(async () => {
    t = await startTestHub({ catalogueDir: sharedDataPath('procedures') });
    token = await signIn(t.url, 'canbo1');
    await api(t.url, 'POST', '/api/counters/quay-1/open', { token }, { commandId: newCommandId() });
    display = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'display') });
    display.mirror.subscribe((_v, f) => f && facts.push(f));
  });
  afterAll(async () => {
    display?.close();
    await t?.dispose();
  });

  it('stores it, owes it to the province system in the same transaction, and tells the hall without personal data', async () => {
    const { ticket } = await issueAtKiosk(t, t.site.queues[0]!.id);
    await api(t.url, 'POST', '/api/counters/quay-1/call-next', { token }, { commandId: newCommandId() });
    const res = await receive({ ticketId: ticket.id });
    if (!res.body.ok) throw new Error(JSON.stringify(res.body.error));
    expect(res.status).toBe(200);
    const { code, secret } = res.body.data.dossier;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' })
      .format(new Date())
      .replace(/-/g, '')
      .slice(2);
    expect(code).toBe(`${t.site.office.agencyCode}-${today}-0001`);
    expect(secret).toMatch(/^\d{6}$/);

    const owed = outbox();
    expect(owed).toHaveLength(1);
    expect(owed[0]).toMatchObject({
      kind: 'dossier',
      idempotency_key: `dossier:${code}`,
      stream: `dossier:${code}`,
      status: 'pending',
    });
    expect(JSON.parse(owed[0]!.payload)).toMatchObject({
      MaHoSo: code,
      MaTTHC: '1.001193',
      TrangThaiHoSo: 2,
      KenhThucHien: 1,
      SoDinhDanh: '079203001234',
    });

    // The kiosk's status look-up sees it at once (status 2), from the hall's own table.
    const kiosk = await api<{ status: number }>(t.url, 'GET', `/api/dossiers/${code}/status`, {
      deviceKey: deviceKey(t.site, 'kiosk'),
    });
    expect(kiosk.body.ok && kiosk.body.data.status).toBe(2);

    await eventually(() => facts.some((f) => f.type === 'dossier:received'), 3000, 'the hall hears of the dossier');
    const fact = facts.find((f) => f.type === 'dossier:received');
    expect(fact).toMatchObject({ code, ticketId: ticket.id, record: null });
    expect(JSON.stringify(fact)).not.toMatch(/079203001234|Nguyễn Văn An|0912345678/);
  });

  it('prints the receipt as a PDF whose barcode reads the dossier code, and a phone page for its QR', async () => {
    const code = (t.hub.db.prepare('SELECT code FROM dossier_records ORDER BY sequence LIMIT 1').get() as { code: string }).code;
    const res = await fetch(`${t.url}/api/dossiers/${code}/receipt.pdf?paper=A5`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'motcua-receipt-'));
    try {
      const pdf = join(dir, 'receipt.pdf');
      writeFileSync(pdf, Buffer.from(await res.arrayBuffer()));
      expect(pdfText(pdf)).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
      const symbols = pdfToPngs(pdf, dir, 'page').flatMap((png) => zbarSymbols(png));
      expect(symbols).toContain(`CODE-128:${code}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // The kiosk key may not print receipts (they hold personal data).
    const kiosk = await fetch(`${t.url}/api/dossiers/${code}/receipt.pdf`, {
      headers: { 'x-device-key': deviceKey(t.site, 'kiosk') },
    });
    expect(kiosk.status).toBe(403);
    const page = await fetch(`${t.url}/h/${code}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Hồ sơ đã được tiếp nhận');
    expect(html).not.toMatch(/Nguyễn Văn An|079203001234/);
  });

  it('shows details only to the holder of the receipt, and stops a guesser after five misses', async () => {
    const row = t.hub.db.prepare('SELECT code, secret FROM dossier_records ORDER BY sequence LIMIT 1').get() as {
      code: string;
      secret: string;
    };
    const kiosk = { deviceKey: deviceKey(t.site, 'kiosk') };
    const details = (body: Record<string, string>) =>
      api<{ applicantName: string; procedureName: string }>(t.url, 'POST', `/api/dossiers/${row.code}/details`, kiosk, body);
    const bySecret = await details({ secret: row.secret });
    expect(bySecret.body.ok && bySecret.body.data).toMatchObject({
      applicantName: 'Nguyễn V. A.',
      procedureName: expect.stringContaining('khai sinh'),
    });
    expect((await details({ idLast4: '1234' })).body.ok).toBe(true);
    expect(JSON.stringify(bySecret.body)).not.toContain('079203001234');
    const wrong = row.secret === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect((await details({ secret: wrong })).status).toBe(404);
    const limited = await details({ secret: row.secret });
    expect(limited.status).toBe(429);
    expect(!limited.body.ok && limited.body.error.code).toBe('RATE_LIMITED');
    expect((await details({})).status).toBe(400);
  });

  it('records a step taken at the counter and owes the province its progress, after the dossier', async () => {
    const code = (t.hub.db.prepare('SELECT code FROM dossier_records ORDER BY sequence LIMIT 1').get() as { code: string }).code;
    const step = (status: number, note?: string) =>
      api<{ code: string; status: number }>(
        t.url,
        'POST',
        '/api/counters/quay-1/dossier-status',
        { token },
        {
          commandId: newCommandId(),
          code,
          status,
          ...(note ? { note } : {}),
        },
      );
    const asked = await step(5, 'Bổ sung bản sao giấy chứng sinh');
    expect(asked.body.ok && asked.body.data).toEqual({ code, status: 5 });
    const handed = await step(10);
    expect(handed.status).toBe(409);
    expect(!handed.body.ok && handed.body.error.code).toBe('DOSSIER_STATUS_CONFLICT');
    const unknown = await api(
      t.url,
      'POST',
      '/api/counters/quay-1/dossier-status',
      { token },
      { commandId: newCommandId(), code: '000.00.31.H38-261123-0999', status: 5 },
    );
    expect(!unknown.body.ok && unknown.body.error.code).toBe('DOSSIER_NOT_FOUND');
    const items = outbox().filter((o) => o.stream === `dossier:${code}`);
    expect(items.map((o) => o.kind)).toEqual(['dossier', 'progress']);
    expect(JSON.parse(items[1]!.payload)).toMatchObject({
      MaHoSo: code,
      TrangThaiHoSo: 5,
      NoiDungXuLy: 'Yêu cầu bổ sung, hoàn thiện hồ sơ: Bổ sung bản sao giấy chứng sinh',
      NguoiXuLy: 'Nguyễn Thị Lan',
    });
    const kiosk = await api<{ status: number }>(t.url, 'GET', `/api/dossiers/${code}/status`, {
      deviceKey: deviceKey(t.site, 'kiosk'),
    });
    expect(kiosk.body.ok && kiosk.body.data.status).toBe(5);
  });

  it('refuses a malformed identity number and an unknown procedure over REST, changing nothing', async () => {
    const before = outbox().length;
    const badId = await receive({ applicant: { name: 'Trần Thị Bình', idNumber: '12345678901' } });
    expect(badId.status).toBe(400);
    expect(!badId.body.ok && badId.body.error.code).toBe('ID_NUMBER_INVALID');
    const unknown = await receive({ procedureCode: '9.999999' });
    expect(unknown.status).toBe(404);
    expect(!unknown.body.ok && unknown.body.error.code).toBe('PROCEDURE_NOT_FOUND');
    expect(outbox()).toHaveLength(before);
  });

  it('takes the time allowed from the catalogue when it gives one, and asks for it when it does not', async () => {
    // 1.000010 allows "1 ngày làm việc" for direct submission.
    const fromCatalogue = await receive({ procedureCode: '1.000010', workingDays: undefined });
    if (!fromCatalogue.body.ok) throw new Error(fromCatalogue.body.error.code);
    expect(fromCatalogue.body.data.dossier.workingDays).toBe(1);
    const khaiSinh = await receive({ workingDays: undefined });
    expect(!khaiSinh.body.ok && khaiSinh.body.error.code).toBe('PROCEDURE_TIME_UNKNOWN');
  });

  it('never gives a number twice, across a restart', async () => {
    const again = await receive();
    expect(again.body.ok && again.body.data.dossier.code).toMatch(/-0003$/);
    t = await t.restart();
    token = await signIn(t.url, 'canbo1');
    const after = await receive();
    expect(after.body.ok && after.body.data.dossier.code).toMatch(/-0004$/);
    expect(
      outbox()
        .filter((o) => o.kind === 'dossier')
        .map((o) => o.idempotency_key.slice(-4)),
    ).toEqual(['0001', '0002', '0003', '0004']);
  });
});
