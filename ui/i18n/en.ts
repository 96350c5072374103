import { ERROR_MESSAGES, type ErrorCode } from '../../common/contract/errors.js';

/** The English switch on the screens shows the same texts the API gives in `message`. */
export const ERROR_TEXT_EN: { readonly [C in ErrorCode]: string } = ERROR_MESSAGES;
