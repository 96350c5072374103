import { cleanText, foldVietnamese } from '../../common/text/fold.js';

/** A group label as written ("### * Giấy tờ phải nộp:", "- Giấy tờ phải xuất trình:") -> our key, or the label. */
export function groupKeyOf(label: string): string {
  const text = cleanText(label)
    .replace(/^[-*+•\s]+/, '')
    .replace(/[\s:.]+$/, '');
  const f = foldVietnamese(text);
  if (f === 'giay to phai nop' || f === 'thanh phan ho so' || f === 'bao gom') return 'nop';
  if (f === 'giay to phai xuat trinh') return 'xuat-trinh';
  if (f === 'luu y') return 'luu-y';
  return text;
}
