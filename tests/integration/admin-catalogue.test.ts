import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../common/contract/errors.js';
import { parseCsv } from '../../server/catalogue/parse-csv.js';
import { auditLogRepository } from '../../server/storage/repositories/audit-log.js';
import { sharedDataPath } from '../helpers/shared-data.js';
import { api, signIn, startTestHub, type TestHub } from '../helpers/test-hub.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { deviceKey } from '../helpers/test-site.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Preview {
  previewId: string;
  fileName: string;
  format: string;
  read: number;
  counts: { added: number; changed: number; unchanged: number; notInFile: number };
  samples: {
    added: { code: string; name: string; field: string | null }[];
    changed: { code: string; name: string; changes?: { key: string; before: string | null; after: string | null }[] }[];
  };
  notInFile: string[];
  problems: { row: number; column?: string; code: string | null; message: string; messageVi: string }[];
  problemCount: number;
}

async function upload(t: TestHub, token: string, body: Uint8Array, type: string, name = 'danh-muc.csv') {
  const res = await fetch(`${t.url}/api/admin/catalogue/preview`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': type, 'x-file-name': encodeURIComponent(name) },
    // A copy on its own ArrayBuffer, as fetch's types want.
    body: new Uint8Array(body),
  });
  return { status: res.status, body: (await res.json()) as Ack<Preview> };
}

function ok<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`refused: ${ack.error.code} ${JSON.stringify(ack.error.details ?? [])}`);
  return ack.data;
}

/** The preview without what differs between two uploads of the same rows. */
const comparable = (p: Preview) => ({
  read: p.read,
  counts: p.counts,
  samples: p.samples,
  notInFile: p.notInFile,
  problems: p.problems,
});

const csvOf = (rows: string[][]): Buffer =>
  Buffer.from(
    rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n',
  );

describe('catalogue import from an uploaded file', () => {
  let t: TestHub;
  let admin: string;
  let supervisor: string;
  const referenceCsv = readFileSync(sharedDataPath('procedures/catalogue.csv'));
  const referenceRows = parseCsv(referenceCsv.toString('utf8')).rows.map((r) => r.fields);

  beforeAll(async () => {
    t = await startTestHub();
    admin = await signIn(t.url, 'quantri');
    supervisor = await signIn(t.url, 'giamsat');
  });
  afterAll(() => t.dispose());

  it('previews the reference catalogue.csv and the same rows as XLSX alike, then imports it for the kiosk at once', async () => {
    const kiosk = deviceKey(t.site, 'kiosk');
    const before = await api<{ items: { code: string }[] }>(t.url, 'GET', '/api/procedures/search?q=dang%20ky%20khai%20sinh', {
      deviceKey: kiosk,
    });
    expect(ok(before.body).items).toEqual([]);

    const fromCsv = await upload(t, supervisor, referenceCsv, 'text/csv');
    expect(fromCsv.status).toBe(200);
    const csvPreview = ok(fromCsv.body);
    expect(csvPreview.format).toBe('csv');
    expect(csvPreview.fileName).toBe('danh-muc.csv');
    expect(csvPreview.counts).toEqual({ added: referenceRows.length - 1, changed: 0, unchanged: 0, notInFile: 0 });
    expect(csvPreview.samples.added[0]).toEqual({
      code: '3.000611',
      name: 'Đánh giá, phân hạng sản phẩm OCOP',
      field: 'Kinh tế hợp tác và Phát triển nông thôn',
    });
    // The reference file has three codes not of the national shape: reported on their lines, kept.
    expect(csvPreview.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [1249, 'Mã số', '1.0133611'],
      [1259, 'Mã số', '1.014955-Xoa'],
      [1341, 'Mã số', '2.009182739'],
    ]);
    expect(csvPreview.problems[0]?.messageVi).toContain('không đúng dạng');

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Danh mục');
    for (const row of referenceRows) sheet.addRow(row);
    const xlsx = new Uint8Array(await book.xlsx.writeBuffer());
    const fromXlsx = await upload(t, admin, xlsx, XLSX, 'danh-muc.xlsx');
    expect(fromXlsx.status).toBe(200);
    const xlsxPreview = ok(fromXlsx.body);
    expect(xlsxPreview.format).toBe('xlsx');
    expect(comparable(xlsxPreview)).toEqual(comparable(csvPreview));

    // The CSV preview was replaced by the XLSX one: one preview at a time per hub.
    const stale = await api(t.url, 'POST', '/api/admin/catalogue/import', { token: admin }, { previewId: csvPreview.previewId });
    expect(stale.status).toBe(404);

    const imported = await api<{ counts: Preview['counts']; procedures: number }>(
      t.url,
      'POST',
      '/api/admin/catalogue/import',
      { token: admin },
      { previewId: xlsxPreview.previewId },
    );
    expect(imported.status).toBe(200);
    expect(ok(imported.body).procedures).toBe(referenceRows.length - 1);
    const after = await api<{ items: { code: string }[] }>(t.url, 'GET', '/api/procedures/search?q=dang%20ky%20khai%20sinh', {
      deviceKey: kiosk,
    });
    expect(ok(after.body).items.map((i) => i.code)).toContain('1.001193');

    const audit = auditLogRepository(t.hub.db).list({ limit: 5, action: 'catalogue:imported' });
    expect(audit[0]).toMatchObject({ actor: 'officer:quantri', actorName: 'Bùi Quốc Khánh' });
    expect(audit[0]?.summary).toContain(`${referenceRows.length - 1} added`);

    // Applied once: the same preview cannot be imported twice.
    const again = await api(t.url, 'POST', '/api/admin/catalogue/import', { token: admin }, { previewId: xlsxPreview.previewId });
    expect(again.status).toBe(404);
  });

  it('adds a new procedure and changes a known one, keeps those not in the file, and the search finds the new one', async () => {
    const [header, ...rows] = referenceRows as [string[], ...string[][]];
    const kept = rows.slice(0, 20);
    const renamed = [...(kept[1] as string[])];
    renamed[1] = `${renamed[1]} (sửa đổi)`;
    const fresh = ['9.999001', 'Cấp giấy xác nhận thử nghiệm nhập danh mục', 'UBND tỉnh', 'UBND cấp xã', 'Hộ tịch', ''];
    // Without a byte-order mark this time: both are UTF-8.
    const file = csvOf([header, kept[0] as string[], renamed, ...kept.slice(2), fresh]);
    const preview = ok((await upload(t, admin, file, 'text/csv; charset=utf-8')).body);
    expect(preview.counts).toEqual({ added: 1, changed: 1, unchanged: 19, notInFile: rows.length - 20 });
    expect(preview.samples.added).toEqual([{ code: '9.999001', name: fresh[1], field: 'Hộ tịch' }]);
    expect(preview.samples.changed).toEqual([
      {
        code: renamed[0],
        name: renamed[1],
        field: renamed[4],
        changes: [{ key: 'name', before: (kept[1] as string[])[1], after: renamed[1] }],
      },
    ]);
    expect(preview.notInFile).toContain((rows[100] as string[])[0]);

    const imported = await api<{ procedures: number }>(
      t.url,
      'POST',
      '/api/admin/catalogue/import',
      { token: admin },
      { previewId: preview.previewId },
    );
    expect(ok(imported.body).procedures).toBe(rows.length + 1);
    const kiosk = deviceKey(t.site, 'kiosk');
    const found = await api<{ items: { code: string; name: string; communeLevel: boolean }[] }>(
      t.url,
      'GET',
      `/api/procedures/search?q=${encodeURIComponent('xac nhan thu nghiem nhap danh muc')}`,
      { deviceKey: kiosk },
    );
    expect(ok(found.body).items[0]).toMatchObject({ code: '9.999001', name: fresh[1], communeLevel: true });
    // Not in the file, still in the catalogue: an import never deletes.
    const untouched = await api(t.url, 'GET', `/api/procedures/${(rows[100] as string[])[0]}`, { deviceKey: kiosk });
    expect(untouched.status).toBe(200);
  });

  it('reports each broken row with its number and column, and still previews the good rows', async () => {
    const file = Buffer.from(
      [
        'Mã số,Tên,Cơ quan ban hành,Cơ quan thực hiện,Lĩnh vực,URL',
        '8.000001,Thủ tục một,Bộ Tư pháp,UBND cấp xã,Hộ tịch,',
        ',Thủ tục không mã,Bộ Tư pháp,UBND cấp xã,Hộ tịch,',
        '8.000002,,Bộ Tư pháp,UBND cấp xã,Hộ tịch,',
        '8.000001,Thủ tục trùng mã,Bộ Tư pháp,UBND cấp xã,Hộ tịch,',
        '8.000003,Thủ tục ba,Bộ Tư pháp,UBND cấp xã,Hộ tịch,,thừa một cột',
        '8.000004,"Thủ tục ""bốn"", có dấu phẩy",Bộ Tư pháp,UBND cấp xã,Hộ tịch,',
        '',
      ].join('\n'),
    );
    const preview = ok((await upload(t, supervisor, file, 'text/csv')).body);
    expect(preview.counts.added).toBe(3);
    expect(preview.samples.added.map((s) => s.code)).toEqual(['8.000001', '8.000003', '8.000004']);
    expect(preview.samples.added[2]?.name).toBe('Thủ tục "bốn", có dấu phẩy');
    expect(preview.problems.map((p) => [p.row, p.column ?? null])).toEqual([
      [3, 'Mã số'],
      [4, 'Tên'],
      [5, 'Mã số'],
      [6, null],
    ]);
    expect(preview.problems[2]?.message).toContain('row 2');
    expect(preview.problems.every((p) => p.messageVi.length > 0)).toBe(true);
  });

  it('refuses a file with no readable row as FILE_INVALID, listing why', async () => {
    const file = Buffer.from('Mã số,Tên\n,Không mã\n7.000001,\n');
    const res = await upload(t, admin, file, 'text/csv');
    expect(res.status).toBe(400);
    expect(res.body.ok).toBe(false);
    if (res.body.ok) return;
    expect(res.body.error.code).toBe('FILE_INVALID');
    expect(res.body.error.details?.map((d) => d.path)).toEqual([
      '/rows/1/Cơ quan ban hành',
      '/rows/1/Cơ quan thực hiện',
      '/rows/1/Lĩnh vực',
      '/rows/1/URL',
      '/rows/2/Mã số',
      '/rows/3/Tên',
    ]);
  });

  it('says clearly when a CSV is not UTF-8, with the line of the first foreign byte', async () => {
    // "Đăng" in Windows-1258 on line 3: 0xD0 0xE3 … is not UTF-8.
    const file = Buffer.concat([
      Buffer.from('Mã số,Tên\n1.000001,Khai sinh\n1.000002,'),
      Buffer.from([0xd0, 0xe3, 0x6e, 0x67]),
      Buffer.from('\n'),
    ]);
    const res = await upload(t, admin, file, 'text/csv');
    expect(res.status).toBe(400);
    if (res.body.ok) throw new Error('accepted a file that is not UTF-8');
    expect(res.body.error.code).toBe('FILE_INVALID');
    expect(res.body.error.details).toHaveLength(1);
    expect(res.body.error.details?.[0]?.path).toBe('/file');
    expect(res.body.error.details?.[0]?.message).toMatch(/not UTF-8 \(line 3.*CSV UTF-8/);
  });

  it('refuses a body over 20 MB with 413 and changes nothing', async () => {
    const sizeBefore = ok(
      (await api<{ procedures: number }>(t.url, 'GET', '/api/admin/catalogue', { token: admin })).body,
    ).procedures;
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0x41);
    const res = await upload(t, admin, big, 'text/csv');
    expect(res.status).toBe(413);
    expect(res.body.ok).toBe(false);
    const sizeAfter = ok(
      (await api<{ procedures: number }>(t.url, 'GET', '/api/admin/catalogue', { token: admin })).body,
    ).procedures;
    expect(sizeAfter).toBe(sizeBefore);
  });

  it('reads full records from the portal JSON, reporting a record without a code by its place in the list', async () => {
    const records = [
      {
        MATTHC: '1.001193',
        TENTTHC: 'Thủ tục đăng ký khai sinh',
        LINHVUCTHUCHIEN: [{ TENLINHVUC: 'Hộ tịch' }],
        CAPTHUCHIEN: [{ TENCAP: 'Cấp xã' }],
      },
      { TENTTHC: 'Không có mã' },
      { MATTHC: '6.000001', TENTTHC: 'Thủ tục chỉ có trong JSON', LINHVUCTHUCHIEN: [{ TENLINHVUC: 'Cư trú' }] },
      { MATTHC: '6.000002', TENTTHC: 'Lĩnh vực không phải danh sách', LINHVUCTHUCHIEN: 'Cư trú' },
    ];
    const preview = ok(
      (await upload(t, admin, Buffer.from(JSON.stringify({ data: records })), 'application/json', 'laythutuc.json')).body,
    );
    expect(preview.format).toBe('json');
    expect(preview.counts).toMatchObject({ added: 1, changed: 1 });
    expect(preview.samples.added[0]?.code).toBe('6.000001');
    expect(preview.samples.changed[0]?.changes?.map((c) => c.key)).toContain('hasFullRecord');
    expect(preview.problems).toEqual([
      expect.objectContaining({ row: 2, column: 'MATTHC', messageVi: 'Thiếu mã thủ tục (MATTHC): bỏ qua.' }),
      expect.objectContaining({ row: 4, code: null, message: expect.stringContaining('not a LayThuTuc record') }),
    ]);
  });

  it('lets only supervisors and admins preview, and only admins import', async () => {
    const officer = await signIn(t.url, t.site.officers.find((o) => o.role === 'officer')?.username ?? '');
    const file = Buffer.from('Mã số,Tên\n5.000001,Thủ tục\n');
    expect((await upload(t, officer, file, 'text/csv')).status).toBe(403);
    const anonymous = await fetch(`${t.url}/api/admin/catalogue/preview`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: file,
    });
    expect(anonymous.status).toBe(401);
    const preview = ok((await upload(t, supervisor, file, 'text/csv')).body);
    const byOfficer = await api(
      t.url,
      'POST',
      '/api/admin/catalogue/import',
      { token: supervisor },
      { previewId: preview.previewId },
    );
    expect(byOfficer.status).toBe(403);
    const wrongType = await upload(t, admin, file, 'image/png');
    expect(wrongType.status).toBe(400);
    const extra = await api(
      t.url,
      'POST',
      '/api/admin/catalogue/import',
      { token: admin },
      { previewId: preview.previewId, force: true },
    );
    expect(extra.status).toBe(400);
  });
});

describe('a catalogue preview kept for 15 minutes', () => {
  const clock = new ManualClock(Date.UTC(2026, 6, 2, 2, 0));
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub({ clock });
  });
  afterAll(() => t.dispose());

  it('cannot be imported once expired, and the rest of the hub keeps its small JSON bodies', async () => {
    const admin = await signIn(t.url, 'quantri');
    const file = Buffer.from('Mã số,Tên\n5.000001,Thủ tục\n');
    const first = ok((await upload(t, admin, file, 'text/csv')).body);
    clock.advance(15 * 60_000 + 1);
    const late = await api(t.url, 'POST', '/api/admin/catalogue/import', { token: admin }, { previewId: first.previewId });
    expect(late.status).toBe(404);
    const second = ok((await upload(t, admin, file, 'text/csv')).body);
    clock.advance(14 * 60_000);
    const inTime = await api<{ counts: Preview['counts'] }>(
      t.url,
      'POST',
      '/api/admin/catalogue/import',
      { token: admin },
      { previewId: second.previewId },
    );
    expect(ok(inTime.body).counts.added).toBe(1);
    // The 20 MB limit and raw bodies belong to the upload alone.
    const big = await api(t.url, 'POST', '/api/admin/catalogue/import', { token: admin }, { previewId: 'x'.repeat(70 * 1024) });
    expect(big.status).toBe(413);
  });
});
