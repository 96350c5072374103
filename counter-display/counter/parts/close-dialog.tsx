import type { TicketView } from '../../../common/contract/hall-view.js';
import type { ConsoleTexts } from '../../../ui/i18n/console-text.js';
import { Dialog } from './dialog.js';

/**
 * Closing the counter asks first. With a citizen still at the counter the hub would refuse
 * (nobody is left half-served), so the choice offered is to finish that ticket and then close.
 */
export function CloseDialog(props: {
  t: ConsoleTexts;
  current: TicketView | null;
  busy: boolean;
  onCancel: () => void;
  onClose: () => void;
}) {
  const { t } = props;
  return (
    <Dialog
      title={t.closeTitle}
      cancelLabel={t.cancel}
      submitLabel={props.current ? t.finishAndClose : t.closeDo}
      submitDisabled={props.busy}
      onCancel={props.onCancel}
      onSubmit={props.onClose}
      testId="close-dialog"
    >
      <p>{props.current ? t.closeBusy(props.current.number) : t.closeAsk}</p>
    </Dialog>
  );
}
