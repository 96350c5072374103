import type { Language } from './error-text.js';

/** Every sentence the kiosk shows, Vietnamese first. Plain words, one idea each. */
const VI = {
  welcome: 'Xin kính chào Ông/Bà',
  welcomeHint: 'Chạm vào một ô bên dưới để bắt đầu',
  takeTicket: 'Lấy số thứ tự',
  takeTicketHint: 'Chọn lĩnh vực cần giải quyết',
  lookupProcedure: 'Tra cứu thủ tục',
  lookupProcedureHint: 'Xem giấy tờ cần chuẩn bị, thời gian, lệ phí',
  lookupDossier: 'Tra cứu hồ sơ',
  lookupDossierHint: 'Quét mã trên giấy hẹn trả kết quả',
  chooseField: 'Ông/Bà cần giải quyết việc gì?',
  waiting: (n: number) => (n === 0 ? 'Không có người chờ' : `Đang chờ: ${n} người`),
  counters: (list: string) => `Quầy ${list}`,
  notOpenYet: (list: string) => `Quầy ${list} – chưa mở`,
  priorityQuestion: 'Ông/Bà có thuộc đối tượng ưu tiên không?',
  priorityNo: 'Không',
  priorityNoHint: 'Lấy số thường',
  issuing: 'Đang lấy số…',
  yourNumber: 'Số thứ tự của Ông/Bà',
  goTo: (list: string) => `Mời đến quầy số ${list} khi được gọi`,
  ahead: (n: number) => (n === 0 ? 'Ông/Bà là người tiếp theo' : `Trước Ông/Bà còn ${n} người`),
  wait: (min: number, max: number) => (max <= 1 ? 'Sắp đến lượt' : `Thời gian chờ khoảng ${min} – ${max} phút`),
  priorityMark: (label: string) => `Ưu tiên – ${label}`,
  takePaper: 'Vui lòng nhận phiếu in bên dưới',
  done: 'Xong',
  back: 'Quay lại',
  home: 'Trang chủ',
  offline: 'Mất kết nối với máy chủ. Đang tự kết nối lại, vui lòng chờ trong giây lát.',
  retry: 'Thử lại',
  notYet: 'Chưa lấy được số. Vui lòng bấm Thử lại.',
  noKey: 'Máy này chưa được cài đặt. Vui lòng báo cán bộ kỹ thuật.',
  comingSoon: 'Chức năng này đang được hoàn thiện. Vui lòng hỏi cán bộ hướng dẫn.',
  language: 'English',
};

type Texts = typeof VI;

const EN: Texts = {
  welcome: 'Welcome',
  welcomeHint: 'Touch a box below to begin',
  takeTicket: 'Take a queue number',
  takeTicketHint: 'Choose the service you need',
  lookupProcedure: 'Look up a procedure',
  lookupProcedureHint: 'Documents to bring, time, fees',
  lookupDossier: 'Check a dossier',
  lookupDossierHint: 'Scan the code on your receipt',
  chooseField: 'What do you need to do today?',
  waiting: (n) => (n === 0 ? 'Nobody waiting' : `${n} waiting`),
  counters: (list) => `Counter ${list}`,
  notOpenYet: (list) => `Counter ${list} – not open yet`,
  priorityQuestion: 'Are you in a priority group?',
  priorityNo: 'No',
  priorityNoHint: 'Regular number',
  issuing: 'Taking a number…',
  yourNumber: 'Your number',
  goTo: (list) => `Go to counter ${list} when called`,
  ahead: (n) => (n === 0 ? 'You are next' : `${n} ahead of you`),
  wait: (min, max) => (max <= 1 ? 'Almost your turn' : `About ${min} – ${max} minutes`),
  priorityMark: (label) => `Priority – ${label}`,
  takePaper: 'Please take your printed ticket below',
  done: 'Done',
  back: 'Back',
  home: 'Home',
  offline: 'Lost connection to the hub. Reconnecting by itself, please wait a moment.',
  retry: 'Try again',
  notYet: 'No number yet. Please press Try again.',
  noKey: 'This kiosk is not set up yet. Please call the IT staff.',
  comingSoon: 'This part is being finished. Please ask the staff.',
  language: 'Tiếng Việt',
};

export type KioskTexts = Texts;

export function kioskText(language: Language): KioskTexts {
  return language === 'vi' ? VI : EN;
}
