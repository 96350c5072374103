import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { DossierReceivedView } from '../../common/contract/dossier-received-view.js';
import { artifactPath, launchBrowser, WEB_ROOT } from '../helpers/browser.js';
import { sharedDataPath } from '../helpers/shared-data.js';
import { api, newCommandId, signIn, startTestHub, type TestHub } from '../helpers/test-hub.js';
import { DESK_SMALL, openCounter, signInAt } from './counter-console-helpers.js';

describe('officer console: handing a result over (Trả kết quả)', () => {
  let t: TestHub;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    t = await startTestHub({ webRoot: WEB_ROOT, catalogueDir: sharedDataPath('procedures') });
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await t?.dispose();
  });

  it('records status 10 for a dossier whose result is ready, and refuses one that is not', async () => {
    const page = await (await browser.newContext({ viewport: DESK_SMALL, locale: 'vi-VN' })).newPage();
    await signInAt(page, t.url, 'canbo6');
    await openCounter(page, 6);
    const token = await signIn(t.url, 'canbo6');
    const received = await api<DossierReceivedView>(
      t.url,
      'POST',
      '/api/counters/quay-6/dossiers',
      { token },
      {
        commandId: newCommandId(),
        procedureCode: '1.000010',
        applicant: { name: 'Lê Văn Cường', idNumber: '001099000002' },
        documents: [{ name: 'Đơn đề nghị', originals: 1, copies: 0 }],
        dossierSets: 1,
        channel: 1,
        resultDelivery: 'tai-bo-phan',
      },
    );
    if (!received.body.ok) throw new Error(received.body.error.code);
    const code = received.body.data.dossier.code;

    // Not ready yet (status 2): the hub refuses and the console says so in Vietnamese.
    await page.getByTestId('open-return-result').click();
    await page.getByLabel('Mã hồ sơ (quét mã vạch trên giấy tiếp nhận hoặc gõ)').fill(code);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('console-message').textContent(), { timeout: 5000 })
      .toContain('không thể chuyển sang bước này');

    // The province says the result is ready (status 9); a scanner types the code with its Enter.
    t.hub.db.prepare('UPDATE dossiers SET status = 9 WHERE code = ?').run(code);
    await page.getByTestId('open-return-result').click();
    await page.getByLabel('Mã hồ sơ (quét mã vạch trên giấy tiếp nhận hoặc gõ)').fill(`  ${code.toLowerCase()}`);
    await page.screenshot({ path: artifactPath('counter-return-result-1366.png') });
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('console-message').textContent(), { timeout: 5000 })
      .toContain(`Đã ghi nhận trả kết quả hồ sơ ${code}`);
    expect((t.hub.db.prepare('SELECT status FROM dossiers WHERE code = ?').get(code) as { status: number }).status).toBe(10);
    const progress = t.hub.db.prepare("SELECT payload FROM outbox WHERE kind = 'progress'").all() as { payload: string }[];
    expect(progress.map((p) => JSON.parse(p.payload) as { TrangThaiHoSo: number })).toEqual([
      expect.objectContaining({ MaHoSo: code, TrangThaiHoSo: 10 }),
    ]);
  });
});
