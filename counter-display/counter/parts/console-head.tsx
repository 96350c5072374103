import type { ComponentChildren } from 'preact';
import type { ConsoleTexts } from '../../../ui/i18n/console-text.js';

/**
 * The bar on top of every signed-in screen: where the officer is, who is signed in, the language
 * switch and sign-out; under it, a calm line while the hub cannot be reached.
 */
export function ConsoleHead(props: {
  t: ConsoleTexts;
  title: string | null;
  extra?: ComponentChildren;
  officerName: string;
  connected: boolean;
  /** A command waits for the link: say it will still be sent, so nobody presses again. */
  pending: boolean;
  onLanguage: () => void;
  onSignOut: () => void;
}) {
  const { t } = props;
  return (
    <>
      <header class="console-head">
        <h1 class="console-title">{props.title ?? t.appTitle}</h1>
        {props.extra}
        <span class="spacer" />
        <span class="head-officer" data-testid="officer-name">
          {props.officerName}
        </span>
        <button type="button" class="head-button" onClick={props.onLanguage} lang={t.language === 'English' ? 'en' : 'vi'}>
          {t.language}
        </button>
        <button type="button" class="head-button" onClick={props.onSignOut}>
          {t.signOut}
        </button>
      </header>
      {!props.connected && (
        <div class="link-banner" role="status" data-testid="offline">
          {props.pending ? t.offlinePending : t.offline}
        </div>
      )}
    </>
  );
}
