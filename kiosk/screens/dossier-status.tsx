import type { DossierStatusView } from '../../common/contract/dossier-view.js';
import { BigButton } from '../../ui/components/big-button.js';
import { vnDateLine } from '../../ui/components/screen-frame.js';
import type { KioskTexts } from '../../ui/i18n/kiosk-text.js';

/** Status, dates and the next step in plain words; nothing personal is ever sent to the kiosk. */
export function DossierStatusScreen(props: {
  t: KioskTexts;
  view: DossierStatusView;
  canTakeResultTicket: boolean;
  onResultTicket: () => void;
  onMoreDetails: () => void;
}) {
  const { t, view } = props;
  return (
    <div class="dossier-status" data-testid="dossier-status">
      <div class="dossier-code">
        {t.dossierCode}: {view.code}
      </div>
      <div class="dossier-label" data-testid="dossier-label">
        {view.statusLabel}
      </div>
      {view.appointmentAt !== null && (
        <div class="dossier-line">
          {t.appointment}: <strong>{vnDateLine(view.appointmentAt)}</strong>
        </div>
      )}
      {view.timelinessLabel && <div class="dossier-line">{view.timelinessLabel}</div>}
      <div class="dossier-next">{view.nextStep}</div>
      {view.resultReady && props.canTakeResultTicket && (
        <BigButton
          tone="primary"
          title={t.takeResultTicket}
          hint={t.takeResultTicketHint}
          onClick={props.onResultTicket}
          testId="result-ticket"
        />
      )}
      <BigButton title={t.moreDetails} hint={t.moreDetailsHint} onClick={props.onMoreDetails} testId="more-details" />
    </div>
  );
}
