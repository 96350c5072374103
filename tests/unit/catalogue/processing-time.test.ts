import { describe, expect, it } from 'vitest';
import { parseProcessingTime } from '../../../server/catalogue/processing-time.js';
import { tidyTime } from '../../../server/catalogue/record-channels.js';

describe('parseProcessingTime', () => {
  it.each([
    ['5 ngày làm việc', 5, null],
    ['30 ngày', null, 30],
    ['7.5 ngày làm việc', 7.5, null],
    ['Không quá 03 ngày làm việc (không tính thời gian …)', 3, null],
    ['Trong thời hạn 15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ', null, 15],
    ['Thực hiện trong ngày làm việc nhận được đủ hồ sơ', null, null],
    ['a) 10 ngày làm việc đối với trường hợp A; b) 15 ngày đối với trường hợp B', null, null],
    ['Theo mô tả', null, null],
  ])('%j -> %j working days, %j days', (text, workingDays, days) => {
    expect(parseProcessingTime(text)).toEqual({ workingDays, days });
  });

  it('drops the unit the scraper glued to free texts, and N/A', () => {
    expect(tidyTime('Theo mô tả ngày')).toBe('Theo mô tả');
    expect(tidyTime('Không quá 10 ngày làm việc ngày')).toBe('Không quá 10 ngày làm việc');
    expect(tidyTime('5 ngày')).toBe('5 ngày');
    expect(tidyTime('N/A')).toBeNull();
  });
});
