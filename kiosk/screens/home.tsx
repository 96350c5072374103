import { BigButton } from '../../ui/components/big-button.js';
import type { KioskTexts } from '../../ui/i18n/kiosk-text.js';

export function HomeScreen(props: { t: KioskTexts; onTakeTicket: () => void; onProcedures: () => void; onDossier: () => void }) {
  const { t } = props;
  return (
    <div class="home">
      <div class="welcome">
        <h1 class="question">{t.welcome}</h1>
        <p class="welcome-hint">{t.welcomeHint}</p>
      </div>
      <BigButton
        tone="primary"
        title={t.takeTicket}
        hint={t.takeTicketHint}
        onClick={props.onTakeTicket}
        testId="home-take-ticket"
      />
      <BigButton
        title={t.lookupProcedure}
        hint={t.lookupProcedureHint}
        onClick={props.onProcedures}
        testId="home-lookup-procedure"
      />
      <BigButton title={t.lookupDossier} hint={t.lookupDossierHint} onClick={props.onDossier} testId="home-lookup-dossier" />
    </div>
  );
}
