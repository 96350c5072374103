import type { TicketData } from '../../../server/devices/render/ticket-data.js';

/** 09:41 on Monday 23 November 2026 in Vietnam (02:41 UTC). */
export const ISSUED_AT = Date.UTC(2026, 10, 23, 2, 41, 0);

/** A commune centre's ticket as the kiosk issues it, in the demo office's words. */
export const normalTicket: TicketData = {
  officeName: 'Trung tâm Phục vụ hành chính công xã Tân Phú',
  officeNameLine2: 'Bộ phận Một cửa',
  number: 'A012',
  queueName: 'Hộ tịch – Chứng thực',
  counters: 'Quầy 1, 2',
  issuedAt: ISSUED_AT,
  peopleAhead: 5,
  waitMinMinutes: 10,
  waitMaxMinutes: 15,
  priorityLabel: null,
  followUrl: 'http://192.168.1.10:8080/t/2026-11-23/A012?k=7f3a9c',
  note: 'Vui lòng chờ gọi số. Số chỉ có giá trị trong ngày.',
};

export const priorityTicket: TicketData = {
  ...normalTicket,
  number: '1025',
  queueName: 'Đất đai – Xây dựng',
  counters: 'Quầy 3',
  peopleAhead: 0,
  waitMinMinutes: 0,
  waitMaxMinutes: 5,
  priorityLabel: 'ƯU TIÊN – Người cao tuổi',
  followUrl: 'http://192.168.1.10:8080/t/2026-11-23/1025?k=d41e07',
};
