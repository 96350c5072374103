/**
 * Every refusal the hub can give, with its English text for logs and API clients. Screens show the
 * Vietnamese text found under `messageKey` (ui/i18n), never the English one.
 */
export const ERROR_MESSAGES = {
  VALIDATION_FAILED: 'The request is not valid',
  UNAUTHENTICATED: 'Sign in or present a device key first',
  FORBIDDEN: 'This role may not do that',
  NOT_FOUND: 'No such resource',
  COMMAND_ID_CONFLICT: 'This command id was already used for a different command',
  RATE_LIMITED: 'Too many requests; try again shortly',
  INTERNAL: 'The hub could not complete the request',
  STORAGE_UNAVAILABLE: 'The hub cannot write to its database; nothing was changed',
  INVALID_CREDENTIALS: 'Wrong username or password',
  ACCOUNT_DISABLED: 'This account is disabled',
  QUEUE_NOT_FOUND: 'No such queue',
  QUEUE_CLOSED: 'The queue gives no numbers at this time',
  COUNTER_NOT_FOUND: 'No such counter',
  TICKET_NOT_FOUND: 'No such ticket today',
  PRIORITY_CLASS_NOT_FOUND: 'No such priority class',
  SERIES_EXHAUSTED: 'The queue has used every number of its series today',
  COUNTER_CLOSED: 'The counter is closed',
  COUNTER_PAUSED: 'The counter is paused',
  COUNTER_NOT_PAUSED: 'The counter is not paused',
  COUNTER_TAKEN: 'Another officer has this counter open',
  OFFICER_AT_OTHER_COUNTER: 'The officer already has another counter open',
  NOT_YOUR_COUNTER: 'Only the officer who opened the counter may act on it',
  COUNTER_BUSY: 'The counter still has a current ticket',
  NO_WAITING_TICKET: 'No ticket is waiting for this counter',
  NO_CURRENT_TICKET: 'The counter has no current ticket',
  TICKET_NOT_WAITING: 'The ticket is not waiting',
  TICKET_NOT_SERVED_HERE: 'The counter may not serve this ticket',
  TICKET_STATE_CONFLICT: 'The ticket has moved on; refresh and try again',
  RECALL_LIMIT: 'The ticket has been recalled the most times allowed; mark it as a no-show',
  TRANSFER_TARGET_INVALID: 'Transfer to another queue or another counter',
  DOSSIER_CODE_INVALID: 'Not a dossier code of the national format (e.g. 000.00.00.H38-250702-0001)',
  DOSSIER_NOT_FOUND: 'No dossier with this code',
  ALREADY_RATED: 'This service has already been rated',
  SURVEY_CLOSED: 'The time to rate this service has passed, or it was not served',
  SURVEY_WRONG_COUNTER: "This service was not given at the survey device's counter",
  SURVEY_ANSWER_INVALID: 'The answer is not on the rating scale',
  PROCEDURE_NOT_FOUND: 'No procedure with this code in the catalogue',
  PROCEDURE_TIME_UNKNOWN: 'The catalogue gives no processing time for this procedure; send workingDays',
  ID_NUMBER_INVALID: 'Not an identity number: 12 digits (personal identification number) or 9 (CMND)',
  DOSSIER_SEQUENCE_EXHAUSTED: 'The agency has used all 9999 dossier numbers of the day',
  DOSSIER_STATUS_CONFLICT: 'The dossier is not at a status this step can follow',
  PROVINCE_UNAVAILABLE: "The province's one-stop system cannot be reached and the hall has no status for this dossier",
  SETTINGS_INVALID: 'The settings are not valid; nothing was changed (see details)',
  SETTINGS_STALE: 'The settings were changed by someone else since they were loaded; reload and apply your change again',
  FILE_INVALID: 'The uploaded file cannot be read (see details)',
  REPORT_RANGE_INVALID: 'The report range is not valid: from must not be after to, and at most 366 days',
  BACKUP_FAILED: 'The backup could not be written; the database is unchanged',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface ErrorBody {
  readonly code: ErrorCode;
  readonly message: string;
  /** Key of the Vietnamese (and English) text a screen shows: `error.<CODE>`. */
  readonly messageKey: string;
  /** For VALIDATION_FAILED: every problem, each with its path in the input. */
  readonly details?: readonly { readonly path: string; readonly message: string }[];
}

export type Ack<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: ErrorBody };

export function errorBody(code: ErrorCode, details?: ErrorBody['details']): ErrorBody {
  return details
    ? { code, message: ERROR_MESSAGES[code], messageKey: `error.${code}`, details }
    : { code, message: ERROR_MESSAGES[code], messageKey: `error.${code}` };
}

/** The HTTP status a REST route answers with for each refusal. */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'DOSSIER_CODE_INVALID':
    case 'SURVEY_ANSWER_INVALID':
    case 'ID_NUMBER_INVALID':
    case 'PROCEDURE_TIME_UNKNOWN':
    case 'SETTINGS_INVALID':
    case 'FILE_INVALID':
    case 'REPORT_RANGE_INVALID':
      return 400;
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
      return 401;
    case 'FORBIDDEN':
    case 'ACCOUNT_DISABLED':
    case 'NOT_YOUR_COUNTER':
    case 'SURVEY_WRONG_COUNTER':
      return 403;
    case 'NOT_FOUND':
    case 'QUEUE_NOT_FOUND':
    case 'COUNTER_NOT_FOUND':
    case 'TICKET_NOT_FOUND':
    case 'PRIORITY_CLASS_NOT_FOUND':
    case 'DOSSIER_NOT_FOUND':
    case 'PROCEDURE_NOT_FOUND':
      return 404;
    case 'RATE_LIMITED':
      return 429;
    case 'INTERNAL':
      return 500;
    case 'STORAGE_UNAVAILABLE':
    case 'PROVINCE_UNAVAILABLE':
    case 'BACKUP_FAILED':
      return 503;
    default:
      return 409;
  }
}
