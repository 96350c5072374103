import { describe, expect, it } from 'vitest';
import { parseDossierCode } from '../../../common/dossier/dossier-code.js';
import { callNext } from '../../../server/core/commands/call-next.js';
import { receiveDossier, type ReceiveDossierInput } from '../../../server/core/commands/receive-dossier.js';
import { publicEvent } from '../../../server/core/hall-view.js';
import { Hall, HOUR, officer } from '../../helpers/core-fixtures.js';

const KHAI_SINH = { code: '1.001193', name: 'Thủ tục đăng ký khai sinh', fieldName: 'Hộ tịch', workingDays: 3 };

function input(over: Partial<ReceiveDossierInput> = {}): ReceiveDossierInput {
  return {
    counterId: 'c1',
    ticketId: null,
    procedureCode: KHAI_SINH.code,
    applicant: { name: 'Nguyễn Văn An', idNumber: '079203001234', address: 'Ấp 3, xã Tân Phú', phone: '0912345678', email: null },
    documents: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0 }],
    dossierSets: 1,
    channel: 1,
    resultDelivery: 'tai-bo-phan',
    procedure: KHAI_SINH,
    officerName: 'Nguyễn Thị Lan',
    ...over,
  };
}

describe('receiveDossier', () => {
  it("gives the agency code, the calendar day and the day's next sequence, and an appointment in working days", () => {
    const hall = new Hall(); // 2026-03-02 (Monday) 08:00 in Asia/Ho_Chi_Minh
    const lan = hall.open('c1', 'lan');
    const first = hall.do(receiveDossier, input(), lan);
    const second = hall.do(receiveDossier, input(), lan);
    expect(first.result.record.code).toBe('000.00.31.H38-260302-0001');
    expect(second.result.record.code).toBe('000.00.31.H38-260302-0002');
    expect(parseDossierCode(first.result.record.code)).toMatchObject({
      ok: true,
      value: { sequence: 1, receivedDay: '2026-03-02' },
    });
    // Monday morning + 3 working days: Thursday, at the office's appointment time (16:00).
    expect(first.result.record.appointmentAt).toBe(Date.parse('2026-03-05T16:00:00+07:00'));
    expect(first.result.record.secret).toMatch(/^\d{6}$/);
    expect(first.events[0]).toMatchObject({ type: 'dossier:received', day: '2026-03-02', sequence: 1, officerId: 'lan' });
  });

  it('starts again at 0001 on the next calendar day (midnight in Vietnam), whatever the service day', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    hall.do(receiveDossier, input(), lan);
    hall.advance((16 - 0.001) * 60); // 23:59:59.94 the same day
    expect(hall.do(receiveDossier, input(), lan).result.record.code).toBe('000.00.31.H38-260302-0002');
    hall.now += 0.1 * HOUR;
    expect(hall.do(receiveDossier, input(), lan).result.record.code).toBe('000.00.31.H38-260303-0001');
  });

  it("keeps the applicant's particulars out of the fact the hall's screens receive", () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    const event = hall.do(receiveDossier, input(), lan).events[0];
    if (!event) throw new Error('no event');
    expect(JSON.stringify(publicEvent(event))).not.toMatch(/079203001234|Nguyễn Văn An|0912345678/);
  });

  it('refuses an unknown procedure, an unknown time allowed, a malformed ID, another officer and a ticket not at the counter', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    expect(hall.refusal(receiveDossier, input({ procedure: null }), lan)).toBe('PROCEDURE_NOT_FOUND');
    expect(hall.refusal(receiveDossier, input({ procedure: { ...KHAI_SINH, workingDays: null } }), lan)).toBe(
      'PROCEDURE_TIME_UNKNOWN',
    );
    expect(
      hall.do(receiveDossier, input({ procedure: { ...KHAI_SINH, workingDays: null }, workingDays: 5 }), lan).result.record
        .workingDays,
    ).toBe(5);
    for (const idNumber of ['07920300123', '000203001234', '07920300123X']) {
      expect(hall.refusal(receiveDossier, input({ applicant: { ...input().applicant, idNumber } }), lan)).toBe(
        'ID_NUMBER_INVALID',
      );
    }
    expect(hall.refusal(receiveDossier, input(), officer('minh'))).toBe('NOT_YOUR_COUNTER');
    expect(hall.refusal(receiveDossier, input({ counterId: 'c2' }), lan)).toBe('COUNTER_CLOSED');
    const t = hall.issue('ho-tich');
    expect(hall.refusal(receiveDossier, input({ ticketId: t.id }), lan)).toBe('TICKET_STATE_CONFLICT');
    hall.do(callNext, { counterId: 'c1' }, lan);
    expect(hall.do(receiveDossier, input({ ticketId: t.id }), lan).events[0]).toMatchObject({ ticketId: t.id });
    expect(hall.refusal(receiveDossier, input({ ticketId: 'khong-co' }), lan)).toBe('TICKET_NOT_FOUND');
  });

  it('refuses a 10,000th dossier of the day rather than repeat a number', () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    hall.state = { ...hall.state, lastDossier: { day: '2026-03-02', sequence: 9999 } };
    expect(hall.refusal(receiveDossier, input(), lan)).toBe('DOSSIER_SEQUENCE_EXHAUSTED');
  });
});
