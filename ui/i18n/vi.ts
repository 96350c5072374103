import type { ErrorCode } from '../../common/contract/errors.js';

/**
 * What officers and citizens read when the hub refuses something: plain Vietnamese that says what
 * happened and what to do, never a code. Keys are the error envelope's `messageKey` (`error.<CODE>`).
 */
export const ERROR_TEXT_VI: { readonly [C in ErrorCode]: string } = {
  VALIDATION_FAILED: 'Thông tin gửi lên chưa đúng. Vui lòng kiểm tra và thử lại.',
  UNAUTHENTICATED: 'Vui lòng đăng nhập lại.',
  FORBIDDEN: 'Tài khoản hoặc thiết bị này không được phép thực hiện thao tác đó.',
  NOT_FOUND: 'Không tìm thấy nội dung yêu cầu.',
  COMMAND_ID_CONFLICT: 'Thao tác bị trùng. Vui lòng thử lại.',
  RATE_LIMITED: 'Thao tác quá nhanh. Vui lòng đợi một chút rồi thử lại.',
  INTERNAL: 'Hệ thống gặp sự cố. Vui lòng thử lại hoặc báo cán bộ kỹ thuật.',
  STORAGE_UNAVAILABLE: 'Hệ thống tạm thời không lưu được dữ liệu; chưa có gì thay đổi. Vui lòng báo cán bộ kỹ thuật.',
  INVALID_CREDENTIALS: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  ACCOUNT_DISABLED: 'Tài khoản này đã bị khóa. Vui lòng liên hệ quản trị viên.',
  QUEUE_NOT_FOUND: 'Không có lĩnh vực này. Vui lòng chọn lại.',
  QUEUE_CLOSED: 'Lĩnh vực này đã hết giờ lấy số. Vui lòng quay lại vào giờ làm việc hoặc hỏi cán bộ hướng dẫn.',
  COUNTER_NOT_FOUND: 'Không có quầy này.',
  TICKET_NOT_FOUND: 'Không tìm thấy số thứ tự này trong ngày hôm nay.',
  PRIORITY_CLASS_NOT_FOUND: 'Không có đối tượng ưu tiên này. Vui lòng chọn lại.',
  SERIES_EXHAUSTED: 'Lĩnh vực này đã hết số thứ tự trong ngày. Vui lòng liên hệ cán bộ hướng dẫn.',
  COUNTER_CLOSED: 'Quầy đang đóng.',
  COUNTER_PAUSED: 'Quầy đang tạm ngưng. Hãy tiếp tục phục vụ trước.',
  COUNTER_NOT_PAUSED: 'Quầy không ở trạng thái tạm ngưng.',
  COUNTER_TAKEN: 'Quầy này đang do cán bộ khác mở.',
  OFFICER_AT_OTHER_COUNTER: 'Bạn đang mở một quầy khác. Hãy đóng quầy đó trước.',
  NOT_YOUR_COUNTER: 'Chỉ cán bộ đã mở quầy mới thao tác được trên quầy này.',
  COUNTER_BUSY: 'Quầy còn số đang phục vụ. Hãy kết thúc, bỏ qua hoặc chuyển số đó trước.',
  NO_WAITING_TICKET: 'Hiện không có công dân nào đang chờ ở quầy này.',
  NO_CURRENT_TICKET: 'Quầy chưa gọi số nào.',
  TICKET_NOT_WAITING: 'Số này không còn ở trạng thái chờ.',
  TICKET_NOT_SERVED_HERE: 'Số này không thuộc các lĩnh vực của quầy.',
  TICKET_STATE_CONFLICT: 'Số này vừa được xử lý ở nơi khác. Màn hình đã cập nhật, vui lòng xem lại.',
  RECALL_LIMIT: 'Đã gọi lại đủ số lần cho phép. Hãy đánh dấu công dân vắng mặt.',
  TRANSFER_TARGET_INVALID: 'Hãy chọn một lĩnh vực hoặc một quầy khác để chuyển.',
  DOSSIER_CODE_INVALID: 'Mã hồ sơ chưa đúng. Mã gồm 25 ký tự, ví dụ: 000.00.00.H38-250702-0001.',
  DOSSIER_NOT_FOUND: 'Không tìm thấy hồ sơ có mã này. Vui lòng kiểm tra lại mã hoặc hỏi cán bộ hướng dẫn.',
  ALREADY_RATED: 'Ông/Bà đã đánh giá lượt phục vụ này, xin cảm ơn.',
  SURVEY_CLOSED: 'Đã hết thời gian đánh giá lượt phục vụ này.',
  SURVEY_WRONG_COUNTER: 'Lượt phục vụ này không thuộc quầy của thiết bị đánh giá.',
  SURVEY_ANSWER_INVALID: 'Lựa chọn đánh giá không hợp lệ. Vui lòng chọn lại.',
};
