import type { ErrorBody } from '../../common/contract/errors.js';
import { ERROR_TEXT_EN } from './en.js';
import { ERROR_TEXT_VI } from './vi.js';

export type Language = 'vi' | 'en';

/** The text a screen shows for a refusal; an unknown key (a newer hub) still reads as Vietnamese. */
export function errorText(error: Pick<ErrorBody, 'code'>, language: Language = 'vi'): string {
  const table: Readonly<Record<string, string>> = language === 'vi' ? ERROR_TEXT_VI : ERROR_TEXT_EN;
  return table[error.code] ?? (language === 'vi' ? ERROR_TEXT_VI.INTERNAL : ERROR_TEXT_EN.INTERNAL);
}
