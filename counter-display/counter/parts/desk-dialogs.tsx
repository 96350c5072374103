import type { HallView, TicketView } from '../../../common/contract/hall-view.js';
import type { ConsoleTexts } from '../../../ui/i18n/console-text.js';
import type { Language } from '../../../ui/i18n/error-text.js';
import type { DeskActions } from '../state/use-desk-actions.js';
import { CallDialog } from './call-dialog.js';
import { CloseDialog } from './close-dialog.js';
import { DossierDialog, type DossierContext } from './dossier-dialog.js';
import { PauseDialog } from './pause-dialog.js';
import { TransferDialog } from './transfer-dialog.js';
import { ReturnResultDialog } from './return-result-dialog.js';

/** The one dialog the desk has open, if any. */
export function DeskDialogs(props: {
  t: ConsoleTexts;
  language: Language;
  view: HallView;
  counterId: string;
  current: TicketView | null;
  busy: boolean;
  desk: DeskActions;
  dossier: DossierContext;
  onReturnResult: (code: string) => unknown;
}) {
  const { t, desk, busy } = props;
  const open = desk.open;
  if (open.kind === 'call')
    return (
      <CallDialog
        t={t}
        view={props.view}
        counterId={props.counterId}
        initial={open.initial}
        busy={busy}
        onCancel={desk.close}
        onCall={(ticket) => void desk.callTicket(ticket)}
      />
    );
  if (open.kind === 'transfer' && props.current)
    return (
      <TransferDialog
        t={t}
        language={props.language}
        view={props.view}
        counterId={props.counterId}
        ticket={props.current}
        busy={busy}
        onCancel={desk.close}
        onTransfer={(target, note) => void desk.transfer(target, note)}
      />
    );
  if (open.kind === 'dossier' && props.current)
    return (
      <DossierDialog
        key={props.current.id}
        language={props.language}
        ticket={props.current}
        context={props.dossier}
        onClose={desk.close}
      />
    );
  if (open.kind === 'return-result')
    return (
      <ReturnResultDialog
        language={props.language}
        busy={busy}
        onCancel={desk.close}
        onConfirm={(code) => {
          desk.close();
          void props.onReturnResult(code);
        }}
      />
    );
  if (open.kind === 'pause')
    return <PauseDialog t={t} busy={busy} onCancel={desk.close} onPause={(reason) => void desk.pause(reason)} />;
  if (open.kind === 'close')
    return (
      <CloseDialog t={t} current={props.current} busy={busy} onCancel={desk.close} onClose={() => void desk.closeCounter()} />
    );
  return null;
}
