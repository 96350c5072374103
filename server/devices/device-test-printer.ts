import type { Printer, PrinterStatus, PrintRefusal } from './drivers/printer.js';
import type { DeviceTestResult } from './device-test-result.js';
import { testSlipJob, type TestSlipData } from './test-slip.js';
import type { DeviceLogger } from './transports/transport.js';

/** A printer the hub opened, kiosk or counter alike. (KioskPrinter and CounterPrinter satisfy it.) */
export interface TestablePrinter {
  readonly deviceId: string;
  readonly printer: Printer;
  /** For a sim:// printer: the picture of the next job, written beside its .bin. */
  readonly preview: ((png: Buffer) => void) | null;
}

const REFUSAL_VI: Record<PrintRefusal, string> = {
  'paper-out': 'máy in hết giấy',
  'cover-open': 'nắp máy in đang mở',
  offline: 'không kết nối được với máy in (kiểm tra nguồn, cáp hoặc mạng)',
  error: 'máy in báo lỗi (kẹt dao cắt, cơ cấu in hoặc đầu in quá nóng)',
};

/** How the printer stands after the slip, in both languages; `healthy` when nothing needs a person. */
function describeStatus(s: PrinterStatus): { healthy: boolean; en: string; vi: string } {
  if (s.coverOpen) return { healthy: false, en: 'cover open', vi: 'nắp máy in đang mở' };
  if (s.paperOut) return { healthy: false, en: 'out of paper', vi: 'hết giấy' };
  if (s.error) return { healthy: false, en: 'printer error', vi: 'máy in báo lỗi' };
  if (!s.online) {
    const detail = s.detail ? ` (${s.detail})` : '';
    return { healthy: false, en: `offline${detail}`, vi: 'mất kết nối' };
  }
  // usb-lp and sim links carry no reply: only "the write went through" is known.
  if (!s.supported) return { healthy: true, en: 'online (this link reports no paper status)', vi: 'sẵn sàng (kết nối này không báo tình trạng giấy)' };
  if (s.paperNearEnd) return { healthy: true, en: 'online, paper near its end', vi: 'sẵn sàng, sắp hết giấy' };
  return { healthy: true, en: 'online, paper loaded', vi: 'sẵn sàng, còn giấy' };
}

/**
 * Prints the test slip through the same renderer, encoder and driver as a ticket, then asks the
 * printer how it stands. A refusal (out of paper, cover open, offline) is the answer, not an error:
 * it is exactly what the person pressing "Thử in" wants to learn.
 */
export async function testPrinter(
  target: TestablePrinter,
  slip: Omit<TestSlipData, 'link' | 'modelName'>,
  logger: DeviceLogger,
): Promise<DeviceTestResult> {
  const { printer } = target;
  const name = slip.printerName;
  let outcome;
  try {
    const job = testSlipJob({ ...slip, link: printer.url, modelName: printer.model.name }, printer.model);
    if (target.preview) target.preview(job.png());
    outcome = await printer.print(job.bytes);
  } catch (err) {
    logger.warn({ err, deviceId: target.deviceId }, 'test slip could not be rendered');
    return {
      ok: false,
      message: `The test slip for ${name} could not be rendered: ${(err as Error).message}`,
      messageVi: `Không tạo được phiếu in thử cho ${name}. Xem nhật ký của hub.`,
    };
  }
  if (!outcome.ok) {
    logger.warn({ deviceId: target.deviceId, ...outcome }, 'test slip not printed');
    return {
      ok: false,
      message: `Test slip not printed on ${name} (${printer.url}): ${outcome.detail || outcome.reason}`,
      messageVi: `Chưa in được phiếu thử trên ${name}: ${REFUSAL_VI[outcome.reason]}.`,
    };
  }
  const status = describeStatus(await printer.status());
  return {
    ok: status.healthy,
    message: `Test slip sent to ${name} (${printer.url}); printer now: ${status.en}`,
    messageVi: `Đã gửi phiếu in thử tới ${name}. Tình trạng máy in: ${status.vi}.`,
  };
}
