import type { ScreenConfig } from '../../common/contract/screen-config.js';
import type { IssueResult } from '../../common/contract/view-schemas.js';
import type { Language } from '../../ui/i18n/error-text.js';
import type { KioskTexts } from '../../ui/i18n/kiosk-text.js';

/**
 * The number on screen, whatever the printer does: a citizen is never left without it. Large
 * enough to photograph with a phone.
 */
export function TicketShownScreen(props: {
  t: KioskTexts;
  language: Language;
  result: IssueResult;
  queueName: string;
  counters: string;
  classes: ScreenConfig['priorityClasses'];
  /** The paper copy's fate: null while printing. */
  printed: { ok: boolean; reason: string | null } | null;
}) {
  const { t, result } = props;
  const cls = props.classes.find((c) => c.id === result.ticket.priorityClass);
  const minutes = (s: number) => Math.max(1, Math.round(s / 60));
  return (
    <div class="ticket" data-testid="ticket">
      <div class="ticket-label">{t.yourNumber}</div>
      <div class="ticket-number" data-testid="ticket-number">
        {result.ticket.number}
      </div>
      <div class="ticket-queue">{props.queueName}</div>
      {cls && <div class="ticket-priority">{t.priorityMark(props.language === 'vi' ? cls.name : cls.nameEn)}</div>}
      <div class="ticket-where">{t.goTo(props.counters)}</div>
      <div class="ticket-wait">
        <div>{t.ahead(result.estimate.peopleAhead)}</div>
        <div>
          {/* Next in line may still wait for a busy desk: the wait is shown whenever there is one. */}
          {result.estimate.predictedSec === 0 ? '' : t.wait(minutes(result.estimate.minSec), minutes(result.estimate.maxSec))}
        </div>
      </div>
      <div
        class={props.printed && !props.printed.ok ? 'ticket-paper ticket-paper--failed' : 'ticket-paper'}
        data-testid="print-status"
        role="status"
      >
        {props.printed === null ? t.printing : props.printed.ok ? t.takePaper : t.printFailed(props.printed.reason)}
      </div>
    </div>
  );
}
