import type { IdNumberKind } from '../../../common/dossier/id-number.js';
import { errorText, type Language } from '../../../ui/i18n/error-text.js';
import type { FormProblem } from './dossier-form.js';

/** Problems worded by a fixed sentence; the others take a number or the hub's own words. */
type PlainProblem = Exclude<
  FormProblem['key'],
  'id-wrong-length' | 'documents-too-many' | 'id-refused' | 'procedure-refused' | 'working-days-refused'
>;

/**
 * Every sentence of "Tiếp nhận hồ sơ", Vietnamese first, in the console's words (ui/i18n/console-text.ts
 * holds the desk's; these belong to the dossier dialog alone). The receipt's own wording is the hub's.
 */
const VI = {
  open: 'Tiếp nhận hồ sơ',
  title: (number: string) => `Tiếp nhận hồ sơ – số ${number}`,
  steps: ['Thủ tục', 'Người nộp', 'Giấy tờ', 'Xác nhận'] as readonly string[],
  stepOf: (n: number) => `Bước ${n}/4`,
  back: 'Quay lại',
  next: 'Tiếp tục',
  cancel: 'Hủy',
  submit: 'Tiếp nhận hồ sơ',
  sending: 'Đang gửi…',
  keysHint: 'Enter: tiếp tục · Esc: quay lại',
  // Step 1
  chosen: 'Thủ tục',
  fromKiosk: 'Công dân đã chọn ở máy lấy số',
  noProcedure: 'Chưa chọn thủ tục. Hãy tìm ở ô dưới.',
  searchLabel: 'Tìm thủ tục (tên hoặc mã)',
  searchHint: 'Gõ vài chữ (có dấu hoặc không dấu) hoặc mã thủ tục. ↑ ↓ để chọn, Enter để lấy, Esc để xóa.',
  searchIdle: 'Enter để dùng thủ tục này. Để đổi, gõ vài chữ hoặc mã thủ tục vào ô trên.',
  searching: 'Đang tìm…',
  noResults: (q: string) => `Không tìm thấy thủ tục nào cho “${q}”.`,
  results: 'Kết quả tìm kiếm',
  loadingProcedure: 'Đang tải thủ tục…',
  procedureFailed: 'Không tải được thủ tục từ danh mục. Hãy thử lại hoặc chọn thủ tục khác.',
  notInCatalogue: 'Mã thủ tục này không có trong danh mục. Hãy tìm thủ tục ở ô dưới.',
  retry: 'Thử lại',
  field: 'Lĩnh vực',
  code: 'Mã thủ tục',
  time: 'Thời hạn giải quyết',
  workingDays: (n: string) => `${n} ngày làm việc`,
  timeUnknown: 'danh mục chưa ghi số ngày làm việc, nhập ở bước 3',
  // Step 2
  name: 'Họ và tên người nộp',
  idNumber: 'Số định danh cá nhân / CMND',
  address: 'Địa chỉ',
  phone: 'Số điện thoại',
  email: 'Email',
  optional: '(không bắt buộc)',
  idTyping: (n: number) => `Đã nhập ${n} chữ số (số định danh cá nhân: 12, CMND: 9).`,
  idOk: { 'dinh-danh': 'Số định danh cá nhân: đúng 12 chữ số.', cmnd: 'Số chứng minh nhân dân: đúng 9 chữ số.' } as Record<
    IdNumberKind,
    string
  >,
  phoneFromKiosk: 'Số công dân để lại ở máy lấy số.',
  // Step 3
  documents: 'Thành phần hồ sơ – đánh dấu giấy tờ đã nhận',
  ticked: (n: number) => `Đã đánh dấu ${n}`,
  originals: 'Bản chính',
  copies: 'Bản sao',
  noChecklist: 'Danh mục không ghi thành phần hồ sơ của thủ tục này. Hãy thêm giấy tờ công dân nộp ở ô dưới.',
  extraLabel: 'Giấy tờ khác',
  add: 'Thêm',
  remove: 'Bỏ',
  removeNamed: (name: string) => `Bỏ “${name}”`,
  presented: (n: number) => `Giấy tờ xuất trình để đối chiếu, không nộp (${n})`,
  sets: 'Số bộ hồ sơ',
  channel: 'Hình thức nộp',
  channels: { 1: 'Trực tiếp tại quầy', 3: 'Qua bưu chính công ích' } as Record<1 | 3, string>,
  delivery: 'Nơi trả kết quả',
  deliveries: { 'tai-bo-phan': 'Tại Bộ phận Một cửa', 'buu-chinh': 'Qua bưu chính công ích' } as Record<
    'tai-bo-phan' | 'buu-chinh',
    string
  >,
  postTo: (address: string) => `Gửi kết quả đến: ${address}`,
  postNeedsAddress: 'Cần địa chỉ nhận kết quả (bước 2).',
  workingDaysLabel: 'Thời hạn giải quyết (số ngày làm việc)',
  fromCatalogue: 'theo danh mục thủ tục',
  asWritten: (words: string) => `Danh mục ghi: ${words}`,
  idKinds: { 'dinh-danh': 'Số định danh cá nhân', cmnd: 'Số CMND' } as Record<IdNumberKind, string>,
  // Step 4
  confirmTitle: 'Kiểm tra lại rồi bấm “Tiếp nhận hồ sơ” (Enter)',
  applicant: 'Người nộp',
  documentsShort: 'Giấy tờ đã nhận',
  copiesLine: (o: number, c: number) => `${o} bản chính, ${c} bản sao`,
  setsLine: (n: number) => `${n} bộ`,
  offline: 'Mất kết nối với máy chủ — đang kết nối lại…',
  offlineSending: 'Mất kết nối — hồ sơ sẽ được gửi khi có kết nối, không cần bấm lại.',
  lostAnswer: 'Chưa nhận được trả lời của máy chủ. Hồ sơ có thể đã được tiếp nhận: hãy xem lại trước khi bấm lại.',
  // Result
  received: 'Đã tiếp nhận hồ sơ',
  dossierCode: 'Mã hồ sơ',
  appointment: 'Hẹn trả kết quả',
  secret: 'Mã tra cứu',
  secretHint: 'Công dân dùng mã hồ sơ và mã tra cứu để xem tình trạng hồ sơ.',
  printA4: 'In giấy tiếp nhận (A4)',
  printA5: 'In giấy tiếp nhận (A5)',
  otherForms: 'Phiếu yêu cầu bổ sung hoặc từ chối',
  reasonsLabel: 'Nội dung cần bổ sung / lý do từ chối (mỗi ý một dòng)',
  reasonsCount: (n: number) => `${n}/1000 ký tự`,
  form02: 'Phiếu yêu cầu bổ sung (mẫu 02)',
  form03: 'Phiếu từ chối (mẫu 03)',
  formNames: { '01': 'giấy tiếp nhận', '02': 'phiếu yêu cầu bổ sung', '03': 'phiếu từ chối' } as Record<
    '01' | '02' | '03',
    string
  >,
  reasonsEmpty: 'Hãy ghi nội dung cần bổ sung hoặc lý do từ chối trước khi in phiếu.',
  reasonsTooLong: 'Nội dung dài quá 1000 ký tự. Hãy viết ngắn lại.',
  printing: 'Đang tạo giấy…',
  printed: (form: string) => `Đã mở ${form} trong cửa sổ mới.`,
  downloaded: (form: string) => `Trình duyệt chặn cửa sổ mới: ${form} đã được tải về máy.`,
  printMissing: 'Máy chủ chưa in được giấy này. Hồ sơ vẫn đã được tiếp nhận; hãy in lại sau.',
  printFailed: (why: string) => `Chưa in được: ${why}`,
  printOffline: 'Không kết nối được tới máy chủ để tạo giấy. Hãy thử lại.',
  done: 'Xong',
  another: 'Tiếp nhận hồ sơ khác',
  receivedMessage: (code: string) => `Đã tiếp nhận hồ sơ ${code}.`,
  problems: {
    'name-empty': 'Hãy nhập họ và tên người nộp.',
    'name-short': 'Họ và tên quá ngắn.',
    'name-long': 'Họ và tên dài quá 100 ký tự.',
    'id-empty': 'Hãy nhập số định danh cá nhân (12 chữ số) hoặc số CMND (9 chữ số).',
    'id-not-digits': 'Số giấy tờ chỉ gồm chữ số.',
    'id-bad-province': 'Ba chữ số đầu của số định danh cá nhân là mã tỉnh (001–096): số này không đúng. Hãy xem lại thẻ.',
    'address-long': 'Địa chỉ dài quá 300 ký tự.',
    'address-needed': 'Trả kết quả qua bưu chính cần địa chỉ nhận.',
    'phone-shape': 'Số điện thoại gồm 10 chữ số, bắt đầu bằng 0 (máy bàn: 11 chữ số, bắt đầu bằng 02).',
    'email-shape': 'Email chưa đúng, ví dụ: ten@gmail.com.',
    'procedure-none': 'Hãy chọn thủ tục.',
    'procedure-loading': 'Đang tải thủ tục, xin chờ một chút rồi bấm lại.',
    'procedure-failed': 'Chưa tải được thủ tục đã chọn. Hãy bấm “Thử lại” hoặc chọn thủ tục khác.',
    'documents-none': 'Hãy đánh dấu ít nhất một giấy tờ đã nhận.',
    'doc-count': 'Ghi số bản chính hoặc bản sao (0–20, ít nhất 1 bản).',
    'doc-name': 'Hãy ghi tên giấy tờ.',
    sets: 'Số bộ hồ sơ từ 1 đến 20.',
    'working-days': 'Danh mục chưa ghi thời hạn: hãy nhập số ngày làm việc (ví dụ 5 hoặc 7,5).',
  } as Record<PlainProblem, string>,
  idWrongLength: (n: number) => `Đã nhập ${n} chữ số: số định danh cá nhân gồm 12 chữ số, CMND gồm 9 chữ số.`,
  tooMany: (n: number) => `Đã đánh dấu ${n} giấy tờ; một hồ sơ ghi được tối đa 40.`,
};

export type DossierTexts = typeof VI;

const EN: DossierTexts = {
  open: 'Receive dossier',
  title: (number) => `Receive a dossier – ${number}`,
  steps: ['Procedure', 'Applicant', 'Documents', 'Confirm'],
  stepOf: (n) => `Step ${n}/4`,
  back: 'Back',
  next: 'Continue',
  cancel: 'Cancel',
  submit: 'Receive dossier',
  sending: 'Sending…',
  keysHint: 'Enter: continue · Esc: back',
  chosen: 'Procedure',
  fromKiosk: 'Chosen by the citizen at the kiosk',
  noProcedure: 'No procedure chosen. Search below.',
  searchLabel: 'Search procedures (name or code)',
  searchHint: 'Type a few words (tone marks optional) or a code. ↑ ↓ to pick, Enter to take it, Esc to clear.',
  searchIdle: 'Enter to use this procedure. To change it, type a few words or a code above.',
  searching: 'Searching…',
  noResults: (q) => `No procedure found for “${q}”.`,
  results: 'Search results',
  loadingProcedure: 'Loading the procedure…',
  procedureFailed: 'Could not load the procedure from the catalogue. Try again or choose another.',
  notInCatalogue: 'This procedure code is not in the catalogue. Search for the procedure below.',
  retry: 'Try again',
  field: 'Field',
  code: 'Procedure code',
  time: 'Time allowed',
  workingDays: (n) => `${n} working days`,
  timeUnknown: 'no working days in the catalogue; enter them in step 3',
  name: 'Applicant’s full name',
  idNumber: 'Personal ID number / old ID card',
  address: 'Address',
  phone: 'Phone',
  email: 'Email',
  optional: '(optional)',
  idTyping: (n) => `${n} digits typed (personal ID: 12, old ID card: 9).`,
  idOk: { 'dinh-danh': 'Personal identification number: 12 digits.', cmnd: 'Old identity card (CMND): 9 digits.' },
  phoneFromKiosk: 'The number the citizen left at the kiosk.',
  documents: 'Documents – tick what you received',
  ticked: (n) => `${n} ticked`,
  originals: 'Originals',
  copies: 'Copies',
  noChecklist: 'The catalogue lists no documents for this procedure. Add what the citizen hands in below.',
  extraLabel: 'Other document',
  add: 'Add',
  remove: 'Remove',
  removeNamed: (name) => `Remove “${name}”`,
  presented: (n) => `Shown for checking, not handed in (${n})`,
  sets: 'Sets',
  channel: 'Submitted',
  channels: { 1: 'In person at the counter', 3: 'By public postal service' },
  delivery: 'Result returned',
  deliveries: { 'tai-bo-phan': 'At the one-stop office', 'buu-chinh': 'By public postal service' },
  postTo: (address) => `The result is sent to: ${address}`,
  postNeedsAddress: 'An address is needed to send the result (step 2).',
  workingDaysLabel: 'Time allowed (working days)',
  fromCatalogue: 'from the procedure catalogue',
  asWritten: (words) => `The catalogue says: ${words}`,
  idKinds: { 'dinh-danh': 'Personal ID number', cmnd: 'Old ID card (CMND)' },
  confirmTitle: 'Check, then press “Receive dossier” (Enter)',
  applicant: 'Applicant',
  documentsShort: 'Documents received',
  copiesLine: (o, c) => `${o} original(s), ${c} cop${c === 1 ? 'y' : 'ies'}`,
  setsLine: (n) => `${n} set(s)`,
  offline: 'Connection to the hub lost — reconnecting…',
  offlineSending: 'Connection lost — the dossier will be sent when the link is back; no need to press again.',
  lostAnswer: 'No answer from the hub. The dossier may have been received: check before pressing again.',
  received: 'Dossier received',
  dossierCode: 'Dossier code',
  appointment: 'Result due',
  secret: 'Look-up code',
  secretHint: 'The citizen uses the dossier code and this look-up code to follow the dossier.',
  printA4: 'Print receipt (A4)',
  printA5: 'Print receipt (A5)',
  otherForms: 'Request for more documents, or refusal',
  reasonsLabel: 'What to add / why refused (one item per line)',
  reasonsCount: (n) => `${n}/1000 characters`,
  form02: 'Request for more (form 02)',
  form03: 'Refusal (form 03)',
  formNames: { '01': 'the receipt', '02': 'the request for more documents', '03': 'the refusal' },
  reasonsEmpty: 'Write what to add or why the dossier is refused before printing.',
  reasonsTooLong: 'More than 1000 characters. Please shorten it.',
  printing: 'Making the document…',
  printed: (form) => `Opened ${form} in a new window.`,
  downloaded: (form) => `The browser blocked the new window: ${form} was downloaded.`,
  printMissing: 'The hub cannot print this yet. The dossier is received all the same; print it later.',
  printFailed: (why) => `Not printed: ${why}`,
  printOffline: 'Cannot reach the hub to make the document. Try again.',
  done: 'Done',
  another: 'Receive another dossier',
  receivedMessage: (code) => `Dossier ${code} received.`,
  problems: {
    'name-empty': 'Enter the applicant’s full name.',
    'name-short': 'The name is too short.',
    'name-long': 'The name is longer than 100 characters.',
    'id-empty': 'Enter the personal ID number (12 digits) or the old ID card number (9 digits).',
    'id-not-digits': 'The ID number has digits only.',
    'id-bad-province':
      'The first three digits of a personal ID number are a province code (001–096): this one is not. Check the card.',
    'address-long': 'The address is longer than 300 characters.',
    'address-needed': 'Returning the result by post needs an address.',
    'phone-shape': 'A phone number has 10 digits starting with 0 (landline: 11 digits starting with 02).',
    'email-shape': 'Not an email address, e.g. name@gmail.com.',
    'procedure-none': 'Choose a procedure.',
    'procedure-loading': 'The procedure is loading; wait a moment and press again.',
    'procedure-failed': 'The chosen procedure did not load. Press “Try again” or choose another.',
    'documents-none': 'Tick at least one document received.',
    'doc-count': 'Enter the originals or copies (0–20, at least 1 in all).',
    'doc-name': 'Write the document’s name.',
    sets: 'Sets: 1 to 20.',
    'working-days': 'The catalogue gives no time allowed: enter the working days (e.g. 5 or 7.5).',
  },
  idWrongLength: (n) => `${n} digits typed: a personal ID number has 12 digits, an old ID card 9.`,
  tooMany: (n) => `${n} documents ticked; a dossier records at most 40.`,
};

export function dossierText(language: Language): DossierTexts {
  return language === 'vi' ? VI : EN;
}

/** A problem in the officer's language; a refusal of the hub in the hub's own words for it. */
export function problemText(p: FormProblem, t: DossierTexts, language: Language): string {
  switch (p.key) {
    case 'id-wrong-length':
      return t.idWrongLength(p.n);
    case 'documents-too-many':
      return t.tooMany(p.n);
    case 'id-refused':
      return errorText({ code: 'ID_NUMBER_INVALID' }, language);
    case 'procedure-refused':
      return errorText({ code: 'PROCEDURE_NOT_FOUND' }, language);
    case 'working-days-refused':
      return errorText({ code: 'PROCEDURE_TIME_UNKNOWN' }, language);
    default:
      return t.problems[p.key];
  }
}
