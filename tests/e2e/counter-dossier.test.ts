import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import type { HallFact } from '../../common/contract/hall-view.js';
import { appointmentText } from '../../counter-display/counter/state/dossier-format.js';
import { artifactPath, launchBrowser, WEB_ROOT } from '../helpers/browser.js';
import { sharedDataPath } from '../helpers/shared-data.js';
import { deviceKey } from '../helpers/test-site.js';
import { connectClient, issueAtKiosk, startTestHub, type TestClient, type TestHub } from '../helpers/test-hub.js';
import { consoleLayoutProblems, DESK_LARGE, DESK_SMALL, openCounter, signInAt } from './counter-console-helpers.js';

const HO_TICH = 'ho-tich-chung-thuc'; // counter 1's primary queue
const KHAI_SINH = '1.001193'; // Thủ tục đăng ký khai sinh
const RECEIPT_ROUTE = '**/api/dossiers/*/receipt.pdf*';

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 5000, interval: 50 });

interface OutboxRow {
  readonly kind: string;
  readonly idempotency_key: string;
  readonly payload: string;
}

describe('officer console: Tiếp nhận hồ sơ at counter 1', () => {
  let t: TestHub;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let feed: TestClient;
  let context: BrowserContext;
  let page: Page;
  let ticketNumber = '';
  let firstCode = '';
  const facts: HallFact[] = [];
  const problems: string[] = [];

  const shoot = async (p: Page, name: string) => {
    await p.screenshot({ path: artifactPath(`counter-dossier-${name}.png`) });
    problems.push(...(await consoleLayoutProblems(p)).map((x) => `${name}: ${x}`));
  };
  const dialog = () => page.getByTestId('dossier-dialog');
  const focusedId = (p: Page = page) => p.evaluate(() => document.activeElement?.id ?? '');
  const dossierRows = () =>
    t.hub.db.prepare("SELECT kind, idempotency_key, payload FROM outbox WHERE kind = 'dossier' ORDER BY id").all() as OutboxRow[];
  const received = () => facts.filter((f) => f.type === 'dossier:received');
  /** Tabs (only the keyboard) until the focus is on the checkbox of the document whose name starts so. */
  const tabToDocument = async (start: string) => {
    for (let i = 0; i < 80; i++) {
      const at = await page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        return el?.type === 'checkbox' ? (el.closest('li')?.querySelector('.dossier-doc-name')?.textContent ?? '') : '';
      });
      if (at.startsWith(start)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`no document "${start}" reached with Tab`);
  };
  const tabTo = async (id: string) => {
    for (let i = 0; i < 80 && (await focusedId()) !== id; i++) await page.keyboard.press('Tab');
    expect(await focusedId()).toBe(id);
  };

  beforeAll(async () => {
    t = await startTestHub({ webRoot: WEB_ROOT, catalogueDir: sharedDataPath('procedures') });
    ({ browser, close: closeBrowser } = await launchBrowser());
    feed = await connectClient(t.url, { deviceKey: deviceKey(t.site, 'display') });
    feed.mirror.subscribe((_v, fact) => fact && facts.push(fact));
    context = await browser.newContext({ viewport: DESK_SMALL, locale: 'vi-VN' });
    context.setDefaultTimeout(8000);
    page = await context.newPage();
  });
  afterAll(async () => {
    feed?.close();
    await closeBrowser?.();
    await t?.dispose();
  });

  it('offers Tiếp nhận hồ sơ (F10) only while a ticket is at the counter', async () => {
    await signInAt(page, t.url, 'canbo1');
    await openCounter(page, 1);
    const button = page.getByTestId('open-dossier');
    expect(await button.textContent()).toBe('Tiếp nhận hồ sơF10');
    expect(await button.isDisabled()).toBe(true);
    await page.keyboard.press('F10');
    await poll(() => page.getByTestId('console-message').textContent()).toBe('Chưa có số nào đang phục vụ. Bấm “Gọi tiếp” (F1).');
    expect(await dialog().count()).toBe(0);

    const issued = await issueAtKiosk(t, HO_TICH, { procedureCode: KHAI_SINH, phone: '0912345678' });
    ticketNumber = issued.ticket.number;
    await page.getByTestId(`waiting-${ticketNumber}`).waitFor();
    await page.keyboard.press('F1');
    await poll(() => page.getByTestId('current-number').textContent()).toBe(ticketNumber);
    await poll(() => button.isDisabled()).toBe(false);
    await poll(() => page.getByTestId('current-phone').textContent()).toBe('0912345678');
  });

  it('opens with F10 on the kiosk’s procedure, with the documents from the catalogue', async () => {
    await page.keyboard.press('F10');
    await dialog().waitFor();
    expect(await dialog().getByRole('heading', { level: 2 }).textContent()).toBe(`Tiếp nhận hồ sơ – số ${ticketNumber}`);
    await poll(() => page.getByTestId('dossier-procedure-name').textContent()).toBe('Thủ tục đăng ký khai sinh');
    expect(await page.getByTestId('dossier-chosen').textContent()).toContain('Công dân đã chọn ở máy lấy số');
    expect(await focusedId()).toBe('dossier-procedure');
    // The search answers the keyboard too: ↓ and Enter take another result, a code finds the first again.
    const chosen = page.getByTestId('dossier-procedure-name');
    await page.keyboard.type('khai sinh');
    await page.getByTestId(`dossier-option-${KHAI_SINH}`).waitFor();
    const second =
      (await page.getByTestId('dossier-results').locator('li').nth(1).locator('.dossier-result-name').textContent()) ?? '';
    await shoot(page, '1366-procedure-search');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await poll(() => chosen.textContent()).toBe(second);
    expect(await page.getByTestId('dossier-chosen').textContent()).not.toContain('Công dân đã chọn ở máy lấy số');
    expect(await page.locator('#dossier-procedure').inputValue()).toBe('');
    await page.keyboard.type(KHAI_SINH);
    await page.getByTestId(`dossier-option-${KHAI_SINH}`).waitFor();
    await page.keyboard.press('Enter');
    await poll(() => chosen.textContent()).toBe('Thủ tục đăng ký khai sinh');
    expect(await page.getByTestId('dossier-chosen').textContent()).toContain('Công dân đã chọn ở máy lấy số');
    // Esc clears what was typed and leaves the dialog open.
    await page.keyboard.type('xyz');
    await page.keyboard.press('Escape');
    expect(await page.locator('#dossier-procedure').inputValue()).toBe('');
    expect(await dialog().count()).toBe(1);
    await shoot(page, '1366-procedure');
    await page.keyboard.press('Enter');
    await poll(() => focusedId()).toBe('dossier-name');
  });

  it('shows a wrong ID number in Vietnamese at the field, and sends nothing', async () => {
    await page.keyboard.type('Phạm Thị Hoa');
    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('dossier-idNumber');
    await page.keyboard.type('07920300');
    const note = page.locator('#dossier-idNumber-note');
    expect(await note.textContent()).toBe('Đã nhập 8 chữ số (số định danh cá nhân: 12, CMND: 9).');
    await page.keyboard.press('Enter');
    await poll(() => note.textContent()).toBe('Đã nhập 8 chữ số: số định danh cá nhân gồm 12 chữ số, CMND gồm 9 chữ số.');
    expect(await note.getAttribute('role')).toBe('alert');
    expect(await focusedId()).toBe('dossier-idNumber');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('999203001234');
    await poll(() => note.textContent()).toBe(
      'Ba chữ số đầu của số định danh cá nhân là mã tỉnh (001–096): số này không đúng. Hãy xem lại thẻ.',
    );
    await page.keyboard.press('Enter');
    await shoot(page, '1366-applicant-wrong-id');
    expect(await focusedId()).toBe('dossier-idNumber');
    expect(dossierRows()).toEqual([]);
    expect(received()).toEqual([]);
  });

  it('is filled and confirmed with the keyboard only; the hub owes the dossier and the code shown is its code', async () => {
    await page.keyboard.press('Control+A');
    await page.keyboard.type('079 203 001 234');
    expect(await page.locator('#dossier-idNumber-note').textContent()).toBe('Số định danh cá nhân: đúng 12 chữ số.');
    expect(await page.locator('#dossier-phone').inputValue()).toBe('0912345678'); // from the kiosk
    await tabTo('dossier-address');
    await page.keyboard.type('Ấp 3, xã Tân Phú');
    await shoot(page, '1366-applicant');
    await page.keyboard.press('Enter');

    // Step 3: the "phải nộp" documents of the record, none ticked; the time must be typed (catalogue: "1 ngày").
    const docs = page.getByTestId('dossier-documents');
    await docs.waitFor();
    const names = await docs.locator('.dossier-doc-name').allTextContents();
    expect(names.some((n) => n.startsWith('Giấy chứng sinh; trường hợp không có Giấy chứng sinh'))).toBe(true);
    expect(names.some((n) => n.startsWith('Tờ khai đăng ký khai sinh theo mẫu'))).toBe(true);
    expect(await page.locator('#dossier-workingDays-note').textContent()).toBe('Danh mục ghi: 1 ngày');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('#dossier-documents-note').textContent()).toBe('Hãy đánh dấu ít nhất một giấy tờ đã nhận.');
    expect(await page.locator('#dossier-workingDays-note').textContent()).toContain('hãy nhập số ngày làm việc');
    await tabToDocument('Giấy chứng sinh');
    await page.keyboard.press('Space');
    await tabToDocument('Tờ khai đăng ký khai sinh');
    await page.keyboard.press('Space');
    expect(await page.getByTestId('dossier-ticked').textContent()).toBe('Đã đánh dấu 2');
    await tabTo('dossier-workingDays');
    await page.keyboard.type('1');
    await shoot(page, '1366-documents');
    await page.keyboard.press('Enter');

    const confirm = page.getByTestId('dossier-confirm');
    await confirm.waitFor();
    expect(await page.getByTestId('dossier-confirm-applicant').textContent()).toContain('Phạm Thị Hoa');
    expect(await confirm.locator('.dossier-summary-docs li').count()).toBe(2);
    await shoot(page, '1366-confirm');
    expect(dossierRows()).toEqual([]);
    await page.keyboard.press('Enter');

    const code = page.getByTestId('dossier-code');
    await code.waitFor();
    firstCode = (await code.textContent()) ?? '';
    expect(firstCode).toMatch(/^000\.00\.31\.H38-\d{6}-0001$/);
    const rows = dossierRows();
    expect(rows.map((r) => r.idempotency_key)).toEqual([`dossier:${firstCode}`]);
    const payload = JSON.parse(rows[0]?.payload ?? '{}') as Record<string, unknown>;
    expect(payload).toMatchObject({
      MaHoSo: firstCode,
      MaTTHC: KHAI_SINH,
      ChuHoSo: 'Phạm Thị Hoa',
      SoDinhDanh: '079203001234',
      SoDienThoai: '0912345678',
      DiaChi: 'Ấp 3, xã Tân Phú',
      KenhThucHien: 1,
      HinhThucTraKetQua: 0,
      SoLuongHoSo: 1,
      CanBoTiepNhan: 'Nguyễn Thị Lan',
    });
    expect((payload.DanhSachGiayTo as { TenGiayTo: string }[]).map((d) => d.TenGiayTo.slice(0, 15))).toEqual([
      'Giấy chứng sinh',
      'Tờ khai đăng ký',
    ]);
    const record = t.hub.db.prepare('SELECT record, secret FROM dossier_records WHERE code = ?').get(firstCode) as {
      record: string;
      secret: string;
    };
    const stored = JSON.parse(record.record) as { appointmentAt: number; workingDays: number };
    expect(stored.workingDays).toBe(1);
    expect(await page.getByTestId('dossier-appointment').textContent()).toBe(
      `${appointmentText(stored.appointmentAt, 'vi')} · 1 ngày làm việc`,
    );
    expect(await page.getByTestId('dossier-appointment').textContent()).toMatch(
      /^16:00, (thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật) \d\d\/\d\d\/\d{4}/,
    );
    expect(await page.getByTestId('dossier-secret').textContent()).toBe(record.secret);
    expect(received().map((f) => f.type === 'dossier:received' && f.code)).toEqual([firstCode]);
    await shoot(page, '1366-received');
  });

  it('prints the receipt in a new window with the officer’s token, and the forms 02 and 03 with the reasons', async () => {
    const asked: { url: URL; auth: string | null }[] = [];
    let answer: 'pdf' | 'missing' = 'pdf';
    await page.route(RECEIPT_ROUTE, async (route: Route) => {
      asked.push({ url: new URL(route.request().url()), auth: await route.request().headerValue('authorization') });
      if (answer === 'pdf') return route.fulfill({ status: 200, contentType: 'application/pdf', body: '%PDF-1.4\n%%EOF\n' });
      return route.fulfill({
        status: 404,
        contentType: 'application/json',
        body: JSON.stringify({
          ok: false,
          error: { code: 'NOT_FOUND', message: 'No such resource', messageKey: 'error.NOT_FOUND' },
        }),
      });
    });
    // The focus starts on "In giấy tiếp nhận (A4)": Enter prints.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('In giấy tiếp nhận (A4)');
    const popup = page.waitForEvent('popup');
    await page.keyboard.press('Enter');
    const win = await popup;
    await poll(() => win.url()).toMatch(/^blob:/);
    await poll(() => page.getByTestId('dossier-print-status').textContent()).toBe('Đã mở giấy tiếp nhận trong cửa sổ mới.');
    await win.close();
    expect(asked[0]?.url.pathname).toBe(`/api/dossiers/${firstCode}/receipt.pdf`);
    expect(Object.fromEntries(asked[0]?.url.searchParams ?? [])).toEqual({ form: '01', paper: 'A4' });
    expect(asked[0]?.auth).toMatch(/^Bearer .+/);

    // Mẫu 02 without reasons asks for them and asks the hub nothing.
    await page.getByRole('button', { name: 'Phiếu yêu cầu bổ sung (mẫu 02)' }).click();
    expect(await page.getByTestId('dossier-print-status').textContent()).toBe(
      'Hãy ghi nội dung cần bổ sung hoặc lý do từ chối trước khi in phiếu.',
    );
    expect(await focusedId()).toBe('dossier-reasons');
    expect(asked).toHaveLength(1);
    await page.keyboard.type('Bản sao giấy tờ chứng minh nơi cư trú');
    await page.keyboard.press('Enter'); // a new line in the reasons, not "Xong"
    await page.keyboard.type('Văn bản ủy quyền có chứng thực');
    expect(await dialog().count()).toBe(1);
    const popup2 = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Phiếu yêu cầu bổ sung (mẫu 02)' }).click();
    await (await popup2).close();
    expect(Object.fromEntries(asked[1]?.url.searchParams ?? [])).toEqual({
      form: '02',
      paper: 'A4',
      reasons: 'Bản sao giấy tờ chứng minh nơi cư trú\nVăn bản ủy quyền có chứng thực',
    });

    // A refusal (the route not there yet, or no such dossier) is said calmly; the new window closes.
    answer = 'missing';
    const popup3 = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Phiếu từ chối (mẫu 03)' }).click();
    const win3 = await popup3;
    await poll(() => page.getByTestId('dossier-print-status').textContent()).toBe(
      'Máy chủ chưa in được giấy này. Hồ sơ vẫn đã được tiếp nhận; hãy in lại sau.',
    );
    await poll(() => win3.isClosed()).toBe(true);
    expect(asked[2]?.url.searchParams.get('form')).toBe('03');
    await shoot(page, '1366-printed');
    await page.unroute(RECEIPT_ROUTE);

    // The hub's own route: the A5 receipt is a real PDF of this dossier, opened in a new window.
    const response = page.waitForResponse((r) => r.url().includes('/receipt.pdf'));
    const popup4 = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'In giấy tiếp nhận (A5)' }).click();
    const real = await response;
    expect(real.status()).toBe(200);
    expect(real.headers()['content-type']).toBe('application/pdf');
    expect(real.headers()['content-disposition']).toContain(`${firstCode}-mau-01.pdf`);
    expect(new URL(real.url()).searchParams.get('paper')).toBe('A5');
    const win4 = await popup4;
    await poll(() => win4.url()).toMatch(/^blob:/);
    // What the new window holds is the hub's PDF itself.
    expect(await win4.evaluate(async () => (await (await fetch(location.href)).text()).slice(0, 5))).toBe('%PDF-');
    await win4.close();
    await poll(() => page.getByTestId('dossier-print-status').textContent()).toBe('Đã mở giấy tiếp nhận trong cửa sổ mới.');

    // Recording the step the form stands for is its own button, with the reasons as the note.
    await page.getByTestId('dossier-step-5').click();
    await poll(() => page.getByTestId('dossier-print-status').textContent()).toBe(
      'Đã ghi nhận yêu cầu bổ sung; hệ thống của tỉnh sẽ được cập nhật.',
    );
    expect((t.hub.db.prepare('SELECT status FROM dossiers WHERE code = ?').get(firstCode) as { status: number }).status).toBe(5);
    const progress = t.hub.db.prepare("SELECT payload FROM outbox WHERE kind = 'progress'").all() as { payload: string }[];
    expect(progress.map((p) => JSON.parse(p.payload) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ MaHoSo: firstCode, TrangThaiHoSo: 5, NoiDungXuLy: expect.stringContaining('Văn bản ủy quyền') }),
    ]);
  });

  it('closes with Esc and shows the same dossier again on F10, the desk saying it was received', async () => {
    await page.keyboard.press('Escape');
    await poll(() => dialog().count()).toBe(0);
    expect(await page.getByTestId('console-message').textContent()).toContain(`Đã tiếp nhận hồ sơ ${firstCode}`);
    await shoot(page, '1366-desk-after');
    await page.keyboard.press('F10');
    await poll(() => page.getByTestId('dossier-code').textContent()).toBe(firstCode);
    await page.getByTestId('dossier-next').click(); // "Xong"
    await poll(() => dialog().count()).toBe(0);
    expect(dossierRows()).toHaveLength(1);
  });

  it('at 1920x1080, receives a second dossier for the same citizen by mouse, in English too', async () => {
    const large = await browser.newContext({ viewport: DESK_LARGE, locale: 'vi-VN' });
    large.setDefaultTimeout(8000);
    const p = await large.newPage();
    try {
      await signInAt(p, t.url, 'canbo1');
      await p.getByTestId('current-number').waitFor();
      await p.getByRole('button', { name: /Tiếp nhận hồ sơ/ }).click();
      await p.getByTestId('dossier-procedure-name').waitFor();
      await shoot(p, '1920-procedure');
      await p.getByTestId('dossier-next').click();
      await p.locator('#dossier-name').fill('Phạm Thị Hoa');
      await p.locator('#dossier-idNumber').fill('025123456'); // an old 9-digit CMND
      await p.locator('#dossier-email').fill('hoa.pham@gmail');
      await p.getByTestId('dossier-next').click();
      expect(await p.locator('#dossier-email-note').textContent()).toBe('Email chưa đúng, ví dụ: ten@gmail.com.');
      await p.locator('#dossier-email').fill('hoa.pham@gmail.com');
      await shoot(p, '1920-applicant');
      await p.getByTestId('dossier-next').click();
      await p.getByTestId('dossier-extra-name').fill('Giấy xác nhận của trạm y tế');
      await p.getByRole('button', { name: 'Thêm', exact: true }).click();
      await p.getByTestId('dossier-delivery-buu-chinh').check();
      await p.getByTestId('dossier-working-days-input').fill('3');
      await p.getByTestId('dossier-next').click();
      // By post needs an address: back to the applicant's step, at the address.
      await poll(() => focusedId(p)).toBe('dossier-address');
      expect(await p.locator('#dossier-address-note').textContent()).toBe('Trả kết quả qua bưu chính cần địa chỉ nhận.');
      await p.locator('#dossier-address').fill('12 Lê Lợi, xã Tân Phú');
      await p.getByTestId('dossier-next').click();
      await shoot(p, '1920-documents');
      await p.getByTestId('dossier-next').click();
      await p.getByTestId('dossier-confirm').waitFor();
      await p.getByRole('button', { name: 'English' }).evaluate((b) => (b as HTMLButtonElement).click()); // the head's switch, behind the dialog
      await poll(() => p.getByTestId('dossier-next').textContent()).toBe('Receive dossier');
      await shoot(p, '1920-confirm-english');
      await p.getByTestId('dossier-next').click();
      const code = p.getByTestId('dossier-code');
      await code.waitFor();
      expect(await code.textContent()).toBe(firstCode.replace(/-0001$/, '-0002'));
      expect(await p.getByTestId('dossier-appointment').textContent()).toMatch(
        /^16:00, [A-Z][a-z]+day \d\d\/\d\d\/\d{4} · 3 working days$/,
      );
      await shoot(p, '1920-received-english');
      const rows = dossierRows();
      expect(rows).toHaveLength(2);
      expect(JSON.parse(rows[1]?.payload ?? '{}')).toMatchObject({
        SoCMND: '025123456',
        Email: 'hoa.pham@gmail.com',
        HinhThucTraKetQua: 1,
        DanhSachGiayTo: [{ TenGiayTo: 'Giấy xác nhận của trạm y tế', SoBanChinh: 1, SoBanSao: 0 }],
      });
    } finally {
      await large.close();
    }
  });

  it('left no layout problem on any screen it passed', () => {
    expect(problems).toEqual([]);
  });
});
