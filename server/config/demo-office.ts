import { DEFAULT_PRIORITY_CLASSES, type SiteConfig } from './site-config-schema.js';

/**
 * The demo office: a commune-level Trung tâm Phục vụ hành chính công as set up after the 2025 two-tier
 * reform (one mini-PC as hub, kiosk and printer host; six counters). The commune and its agency code
 * are invented; the shape of the code is the real one. A first start with no config writes this out so
 * the hall works at once and the clerk edits from a real example.
 *
 * Fields (lĩnh vực) are spelled exactly as in the national catalogue (shared/data/procedures), taken
 * from the procedures done at commune level ("Cấp thực hiện" contains "Cấp xã"). Marked [agency] are
 * fields whose procedures have no full record in the data but whose catalogue row names the commune
 * ("Ủy ban nhân dân cấp xã") as the agency; without them the queue names would promise services that
 * no field routes to them. The catalogue stores "Cấp, quản lý căn cước" decomposed (not NFC); it is
 * written here in NFC, the form the loader and (it should) the catalogue importer normalize to.
 */
const FIELDS = {
  hoTich: ['Hộ tịch', 'Chứng thực', 'Nuôi con nuôi', 'Hòa giải ở cơ sở'],
  datDai: [
    'Đất đai',
    'Hoạt động xây dựng',
    'Quản lý chất lượng công trình xây dựng',
    'Quy hoạch đô thị và nông thôn', // [agency]
    'Hạ tầng kỹ thuật',
    'Nhà ở và công sở',
    'Đăng ký biện pháp bảo đảm',
    'Đường bộ',
    'Giao thông vận tải',
  ],
  cuTru: [
    'Đăng ký, quản lý cư trú',
    'Cấp, quản lý căn cước',
    'Định danh và xác thực điện tử',
    'Quản lý xuất nhập cảnh',
    'Đăng ký, quản lý phương tiện giao thông cơ giới, xe máy chuyên dùng',
  ],
  nguoiCoCong: [
    'Người có công',
    'Bảo trợ xã hội',
    'Trẻ em', // [agency]
    'Dân số, Bà mẹ - Trẻ em',
    'Giảm nghèo',
    'Việc làm',
    'Việc làm (G07-LĐ11)',
    'Quản lý lao động ngoài nước',
    'Giáo dục nghề nghiệp (G07-LĐ06)',
  ],
  hoKinhDoanh: [
    'Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)', // [agency]
    'Thành lập và hoạt động của tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã',
    'Kinh tế hợp tác và Phát triển nông thôn',
    'Nông nghiệp',
    'Nông nghiệp và Môi trường',
    'Trồng trọt',
    'Chăn nuôi', // [agency]
    'Thú y',
    'Thủy sản',
    'Thủy lợi',
    'Lâm nghiệp và Kiểm lâm',
    'Quản lý Đê điều và Phòng, chống thiên tai',
    'An toàn thực phẩm',
  ],
} as const;

const QUEUES = [
  {
    id: 'ho-tich-chung-thuc',
    prefix: 'A',
    name: 'Hộ tịch – Chứng thực',
    nameEn: 'Civil status and certification',
    minutes: 10,
    fields: FIELDS.hoTich,
  },
  {
    id: 'dat-dai-xay-dung',
    prefix: 'B',
    name: 'Đất đai – Xây dựng',
    nameEn: 'Land and construction',
    minutes: 20,
    fields: FIELDS.datDai,
  },
  {
    id: 'cu-tru-can-cuoc',
    prefix: 'C',
    name: 'Cư trú – Căn cước',
    nameEn: 'Residence and identity cards',
    minutes: 10,
    fields: FIELDS.cuTru,
  },
  {
    id: 'nguoi-co-cong-bao-tro',
    prefix: 'D',
    name: 'Người có công – Bảo trợ xã hội',
    nameEn: 'Veterans and social protection',
    minutes: 15,
    fields: FIELDS.nguoiCoCong,
  },
  {
    id: 'ho-kinh-doanh-nong-nghiep',
    prefix: 'E',
    name: 'Hộ kinh doanh – Nông nghiệp',
    nameEn: 'Household business and agriculture',
    minutes: 15,
    fields: FIELDS.hoKinhDoanh,
  },
  { id: 'nhan-ket-qua', prefix: 'F', name: 'Nhận kết quả', nameEn: 'Result collection', minutes: 5, fields: [] },
] as const;

/**
 * Counter n serves queue n as primary and one neighbour as secondary, so every queue has a second
 * counter to fall back on when its own is paused; counter 6 hands out results and helps with hộ tịch.
 */
const SECONDARY: readonly string[] = [
  'nhan-ket-qua',
  'ho-kinh-doanh-nong-nghiep',
  'nguoi-co-cong-bao-tro',
  'cu-tru-can-cuoc',
  'dat-dai-xay-dung',
  'ho-tich-chung-thuc',
];

const OFFICERS: readonly (readonly [username: string, name: string])[] = [
  ['canbo1', 'Nguyễn Thị Lan'],
  ['canbo2', 'Trần Văn Hùng'],
  ['canbo3', 'Lê Thị Hương'],
  ['canbo4', 'Phạm Minh Tuấn'],
  ['canbo5', 'Hoàng Thị Mai'],
  ['canbo6', 'Võ Đức Thắng'],
];

/** `newKey` makes each screen's secret (at least 24 characters); the caller picks the randomness. */
export function demoSiteConfig(newKey: () => string): SiteConfig {
  const counterIds = QUEUES.map((_, i) => `quay-${i + 1}`);
  return {
    office: {
      name: 'Trung tâm Phục vụ hành chính công xã Tân Phú',
      nameEn: 'Tan Phu Commune Public Administrative Service Centre',
      parentAuthority: 'Ủy ban nhân dân xã Tân Phú',
      agencyCode: '000.00.31.H38',
      address: 'Số 1 đường Trung tâm, xã Tân Phú',
      phone: '0200 3 812 345',
    },
    rolloverHour: 0,
    maxRecalls: 2,
    resultQueueId: 'nhan-ket-qua',
    locale: { thousand: 'nghìn', zeroTen: 'linh', four: 'tư' },
    hallDisplay: {
      notice:
        'Giờ làm việc: sáng 7:30 – 11:30, chiều 13:30 – 17:00 từ thứ Hai đến thứ Sáu. Người cao tuổi, người khuyết tật, phụ nữ mang thai được ưu tiên. Đường dây nóng: 1900 0000.',
      voice: { enabled: true, sources: ['browser', 'clips', 'hub'], rate: 0.9, chime: true, repeat: 1 },
    },
    priority: { mode: 'interleave', every: 3, ageCapMinutes: 45, classes: DEFAULT_PRIORITY_CLASSES.map((c) => ({ ...c })) },
    queues: QUEUES.map((q) => ({
      id: q.id,
      name: q.name,
      nameEn: q.nameEn,
      series: { prefix: q.prefix, start: 1, width: 3 },
      defaultServiceMinutes: q.minutes,
      fields: [...q.fields],
    })),
    counters: QUEUES.map((q, i) => ({
      id: counterIds[i] ?? '',
      number: i + 1,
      name: `Quầy ${i + 1} – ${q.name}`,
      queues: [
        { queueId: q.id, role: 'primary' as const },
        { queueId: SECONDARY[i] ?? '', role: 'secondary' as const },
      ],
      priorityCounter: false,
    })),
    officers: [
      ...OFFICERS.map(([username, name]) => ({ id: username, username, name, role: 'officer' as const, disabled: false })),
      { id: 'giamsat', username: 'giamsat', name: 'Đặng Thị Thu Hà', role: 'supervisor', disabled: false },
      { id: 'quantri', username: 'quantri', name: 'Bùi Quốc Khánh', role: 'admin', disabled: false },
    ],
    devices: [
      { id: 'kiosk-1', kind: 'kiosk', name: 'Kiosk sảnh chính', key: newKey() },
      // The kiosk's ticket printer; its options tell which kiosk prints on it.
      {
        id: 'kiosk-1-printer',
        kind: 'printer',
        name: 'Máy in phiếu kiosk',
        model: 'sim/thermal-80mm',
        link: 'sim://kiosk-1-printer',
        options: { kioskId: 'kiosk-1' },
      },
      {
        id: 'hall-display',
        kind: 'display',
        name: 'Màn hình sảnh',
        key: newKey(),
        options: { callRows: 6, showQueues: true, speaks: true },
      },
      ...counterIds.flatMap((counterId, i) => [
        {
          id: `counter-screen-${i + 1}`,
          kind: 'counter-screen' as const,
          name: `Màn hình quầy ${i + 1}`,
          key: newKey(),
          counterId,
        },
        { id: `survey-${i + 1}`, kind: 'survey' as const, name: `Đánh giá quầy ${i + 1}`, key: newKey(), counterId },
      ]),
    ],
  };
}
