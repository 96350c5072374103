export type { CallResultView, CounterResult, IssueResult, TicketResult } from '../../common/contract/view-schemas.js';
