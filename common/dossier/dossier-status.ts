/**
 * The national status codes of a dossier (TrangThaiHoSo 1-10) and what a citizen reads for each:
 * plain words, and what to do next. Only status and dates are ever shown at the kiosk.
 */
export const DOSSIER_STATUSES = {
  1: { official: 'Mới đăng ký', vi: 'Hồ sơ mới đăng ký, chưa được tiếp nhận', next: 'Vui lòng chờ cơ quan tiếp nhận hồ sơ.' },
  2: { official: 'Được tiếp nhận', vi: 'Hồ sơ đã được tiếp nhận', next: 'Hồ sơ đang chờ xử lý. Vui lòng quay lại vào ngày hẹn.' },
  3: { official: 'Không được tiếp nhận', vi: 'Hồ sơ không được tiếp nhận', next: 'Vui lòng gặp cán bộ tại quầy để biết lý do.' },
  4: { official: 'Đang xử lý', vi: 'Hồ sơ đang được giải quyết', next: 'Vui lòng quay lại vào ngày hẹn trả kết quả.' },
  5: { official: 'Yêu cầu bổ sung giấy tờ', vi: 'Cần bổ sung giấy tờ', next: 'Vui lòng đến quầy để được hướng dẫn bổ sung.' },
  6: {
    official: 'Yêu cầu thực hiện nghĩa vụ tài chính',
    vi: 'Cần nộp phí, lệ phí hoặc nghĩa vụ tài chính',
    next: 'Vui lòng đến quầy để được hướng dẫn nộp.',
  },
  7: { official: 'Công dân yêu cầu rút hồ sơ', vi: 'Hồ sơ đã được rút theo yêu cầu', next: 'Không cần làm gì thêm.' },
  8: { official: 'Dừng xử lý', vi: 'Hồ sơ đã dừng xử lý', next: 'Vui lòng gặp cán bộ tại quầy để biết lý do.' },
  9: { official: 'Đã xử lý xong', vi: 'Đã có kết quả', next: 'Mời Ông/Bà lấy số để nhận kết quả.' },
  10: { official: 'Đã trả kết quả', vi: 'Đã trả kết quả', next: 'Hồ sơ đã hoàn tất.' },
} as const;

export type DossierStatusCode = keyof typeof DOSSIER_STATUSES;

export function isDossierStatusCode(n: number): n is DossierStatusCode {
  return Number.isInteger(n) && n >= 1 && n <= 10;
}

/** The result is ready and waits for the citizen: the kiosk offers a Nhận kết quả ticket. */
export function resultReady(status: DossierStatusCode): boolean {
  return status === 9;
}

export type Timeliness = 'truoc-han' | 'dung-han' | 'tre-han' | 'sap-tre' | 'trong-han';

export const TIMELINESS_LABEL: { readonly [T in Timeliness]: string } = {
  'truoc-han': 'Trước hạn',
  'dung-han': 'Đúng hạn',
  'tre-han': 'Trễ hạn',
  'sap-tre': 'Sắp trễ hạn',
  'trong-han': 'Còn trong hạn',
};

const FINISHED: ReadonlySet<number> = new Set([9, 10]);
const DAY_MS = 86_400_000;

/**
 * Timeliness as the one-stop reports name it: a finished dossier was early, on the day, or late
 * against its appointment; an open one is late, nearly late (the appointment is within a day), or
 * still within its time.
 */
export function timelinessOf(
  status: DossierStatusCode,
  appointmentAt: number | null,
  finishedAt: number | null,
  now: number,
): Timeliness | null {
  if (appointmentAt === null || status === 3 || status === 7 || status === 8) return null;
  const sameDay = (a: number, b: number) => Math.floor((a + 7 * 3_600_000) / DAY_MS) === Math.floor((b + 7 * 3_600_000) / DAY_MS);
  if (FINISHED.has(status)) {
    const at = finishedAt ?? now;
    if (sameDay(at, appointmentAt)) return 'dung-han';
    return at < appointmentAt ? 'truoc-han' : 'tre-han';
  }
  if (now > appointmentAt) return 'tre-han';
  return appointmentAt - now <= DAY_MS ? 'sap-tre' : 'trong-han';
}
