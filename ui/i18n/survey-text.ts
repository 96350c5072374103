import type { Language } from './error-text.js';

/**
 * Every sentence of the survey terminal, Vietnamese first. The citizen has just been served and is
 * standing at the desk: short, polite (Ông/Bà), one idea per line. The questions, levels and reasons
 * themselves come from the site's scale (data), not from here.
 */
const VI = {
  language: 'English',
  idleLine: 'Xin cảm ơn Ông/Bà đã đến làm thủ tục',
  idleHint: 'Sau khi được phục vụ, mời Ông/Bà đánh giá tại đây',
  counter: (n: number) => `Quầy ${n}`,
  servedBy: 'Cán bộ tiếp nhận',
  ticket: 'Số thứ tự',
  questionOf: (i: number, n: number) => `Câu ${i}/${n}`,
  reasonQuestion: 'Ông/Bà chưa hài lòng về điều gì?',
  reasonHint: 'Chọn một lý do, hoặc bấm Bỏ qua',
  skip: 'Bỏ qua',
  secondsLeft: (s: number) => `Còn ${s} giây để đánh giá`,
  sending: 'Đang gửi đánh giá…',
  thanks: 'Xin cảm ơn!',
  thanksLine: 'Đánh giá của Ông/Bà đã được ghi nhận.',
  youChose: 'Ông/Bà đã chọn',
  reason: 'Lý do',
  closed: 'Đã hết thời gian đánh giá',
  closedLine: 'Xin cảm ơn Ông/Bà đã đến làm thủ tục.',
  lost: 'Chưa gửi được đánh giá do mất kết nối.',
  lostLine: 'Xin cảm ơn Ông/Bà. Vui lòng báo cán bộ nếu muốn đánh giá lại.',
  offline: 'Đang kết nối lại với máy chủ…',
  noKey: 'Máy đánh giá chưa được cài đặt',
  noKeyHint: (page: string) => `Mở trang một lần với khóa thiết bị trong site.yaml, ví dụ ${page}?counter=3&key=…`,
  unknownCounter: (n: number | null) => `Không tìm thấy quầy ${n ?? ''}. Kiểm tra địa chỉ trang (?counter=số quầy).`,
  wrongCounter: (bound: number, page: number | null) =>
    `Khóa thiết bị này thuộc quầy ${bound}, không phải quầy ${page ?? ''}. Kiểm tra cài đặt máy đánh giá.`,
  unbound: 'Khóa thiết bị này chưa được gắn với quầy nào. Kiểm tra site.yaml (counterId).',
  setupProblem: 'Máy đánh giá cần được cài đặt lại',
};

export type SurveyTexts = typeof VI;

const EN: SurveyTexts = {
  language: 'Tiếng Việt',
  idleLine: 'Thank you for coming to the centre',
  idleHint: 'After your service, you can rate it here',
  counter: (n) => `Counter ${n}`,
  servedBy: 'Served by',
  ticket: 'Ticket',
  questionOf: (i, n) => `Question ${i} of ${n}`,
  reasonQuestion: 'What were you not satisfied with?',
  reasonHint: 'Choose one reason, or Skip',
  skip: 'Skip',
  secondsLeft: (s) => `${s} seconds left to rate`,
  sending: 'Sending your rating…',
  thanks: 'Thank you!',
  thanksLine: 'Your rating has been recorded.',
  youChose: 'You chose',
  reason: 'Reason',
  closed: 'The time to rate has passed',
  closedLine: 'Thank you for coming to the centre.',
  lost: 'Your rating could not be sent: the connection was lost.',
  lostLine: 'Thank you. Please tell the officer if you would like to rate again.',
  offline: 'Reconnecting to the server…',
  noKey: 'This survey terminal is not set up',
  noKeyHint: (page) => `Open the page once with its device key from site.yaml, e.g. ${page}?counter=3&key=…`,
  unknownCounter: (n) => `No counter ${n ?? ''}. Check the page address (?counter=number).`,
  wrongCounter: (bound, page) => `This device key belongs to counter ${bound}, not counter ${page ?? ''}.`,
  unbound: 'This device key is bound to no counter. Check site.yaml (counterId).',
  setupProblem: 'This survey terminal needs setting up',
};

export function surveyText(language: Language): SurveyTexts {
  return language === 'vi' ? VI : EN;
}
