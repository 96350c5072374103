import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, type ErrorCode } from '../../../common/contract/errors.js';
import { refusalText } from '../../../counter-display/counter/state/refusal-text.js';
import { consoleText, PAUSE_REASONS } from '../../../ui/i18n/console-text.js';
import { ERROR_TEXT_VI } from '../../../ui/i18n/vi.js';
import { hallView, ticket } from './console-view-fixture.js';

const vi = consoleText('vi');
const en = consoleText('en');

describe('what the console says when the hub refuses', () => {
  const taken = ticket('B003', { state: 'called', counterId: 'quay-2', calls: 1 });
  const view = hallView({
    tickets: [taken],
    counters: { 'quay-2': { status: 'open', officerId: 'canbo2', currentTicketId: taken.id } },
  });

  it('says the hub’s reason, what to do now, and where the ticket went', () => {
    expect(refusalText({ code: 'TICKET_NOT_WAITING' }, vi, 'vi', view, taken.id)).toBe(
      `${ERROR_TEXT_VI.TICKET_NOT_WAITING} ${vi.hints.TICKET_NOT_WAITING} Số B003 hiện đang được phục vụ tại Quầy 2.`,
    );
    expect(refusalText({ code: 'TICKET_NOT_WAITING' }, en, 'en', view, taken.id)).toBe(
      `${ERROR_MESSAGES.TICKET_NOT_WAITING} ${en.hints.TICKET_NOT_WAITING} B003 is being served at Quầy 2.`,
    );
  });

  it('says a ticket gone from the view is finished or cancelled', () => {
    expect(refusalText({ code: 'TICKET_STATE_CONFLICT' }, vi, 'vi', hallView(), taken.id)).toBe(
      ERROR_TEXT_VI.TICKET_STATE_CONFLICT,
    );
    const waiting = ticket('A001');
    expect(refusalText({ code: 'NO_CURRENT_TICKET' }, vi, 'vi', hallView({ tickets: [waiting] }), waiting.id)).toContain(
      'Số A001 hiện vẫn đang chờ.',
    );
  });

  it('does not call a lost answer a refusal: it may have been done', () => {
    expect(refusalText({ code: 'INTERNAL' }, vi, 'vi', view)).toBe(vi.lostAnswer);
  });

  it('always ends in a sentence, for every code the hub can give', () => {
    for (const code of Object.keys(ERROR_MESSAGES) as ErrorCode[])
      expect(refusalText({ code }, vi, 'vi', view), code).toMatch(/[.!]$/);
  });
});

describe('the console’s texts', () => {
  it('have the same entries in both languages, and Vietnamese in NFC', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    const strings = JSON.stringify(vi) + PAUSE_REASONS.join();
    expect(strings.normalize('NFC')).toBe(strings);
    expect(vi.recalls(1, 2)).toBe('Gọi lại: 1/2 lần');
    expect(vi.pauseReasonLabels).toEqual(['Nghỉ giữa ca', 'Họp', 'Hỗ trợ đồng nghiệp']);
    expect(en.pauseReasonLabels).toHaveLength(PAUSE_REASONS.length);
  });
});
