import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, errorBody, type ErrorCode } from '../../../common/contract/errors.js';
import { errorText } from '../../../ui/i18n/error-text.js';
import { ERROR_TEXT_VI } from '../../../ui/i18n/vi.js';

const codes = Object.keys(ERROR_MESSAGES) as ErrorCode[];

describe('error texts on screens', () => {
  it('has a Vietnamese sentence for every code, with diacritics and no English left in it', () => {
    for (const code of codes) {
      const vi = ERROR_TEXT_VI[code];
      expect(vi, code).toMatch(/[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]/i);
      expect(vi, code).toMatch(/\.$/);
      expect(vi).not.toBe(ERROR_MESSAGES[code]);
      expect(vi.normalize('NFC'), code).toBe(vi);
    }
  });

  it('resolves the envelope a refusal carries, in either language', () => {
    const body = errorBody('NO_WAITING_TICKET');
    expect(body.messageKey).toBe('error.NO_WAITING_TICKET');
    expect(errorText(body)).toBe('Hiện không có công dân nào đang chờ ở quầy này.');
    expect(errorText(body, 'en')).toBe(ERROR_MESSAGES.NO_WAITING_TICKET);
  });

  it('falls back to a Vietnamese sentence for a code this screen does not know yet', () => {
    expect(errorText({ code: 'SOMETHING_NEW' as ErrorCode })).toBe(ERROR_TEXT_VI.INTERNAL);
  });
});
