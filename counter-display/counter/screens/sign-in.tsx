import { useState } from 'preact/hooks';
import type { ConsoleTexts } from '../../../ui/i18n/console-text.js';
import { errorText, type Language } from '../../../ui/i18n/error-text.js';
import { signInAt } from '../state/hub-api.js';
import type { OfficerSession } from '../state/session.js';

const LAST_USERNAME_KEY = 'motcua.lastUsername';

/** Username and password; the hub's refusal in the officer's language; the last username kept. */
export function SignInScreen(props: {
  t: ConsoleTexts;
  language: Language;
  notice: string | null;
  onLanguage: () => void;
  onSignedIn: (session: OfficerSession) => void;
}) {
  const { t } = props;
  const [username, setUsername] = useState(() => window.localStorage.getItem(LAST_USERNAME_KEY) ?? '');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (pending) return;
    const name = username.trim();
    if (!name || !password) return setError(t.fillBoth);
    setPending(true);
    setError(null);
    const reply = await signInAt(name, password);
    setPending(false);
    if (!reply.ok) {
      setPassword('');
      return setError(reply.error.code === 'INTERNAL' ? t.hubUnreachable : errorText(reply.error, props.language));
    }
    window.localStorage.setItem(LAST_USERNAME_KEY, name);
    props.onSignedIn({ token: reply.data.token, expiresAt: reply.data.expiresAt, officer: reply.data.officer });
  };

  return (
    <div class="console signin-page">
      <header class="console-head">
        <h1 class="console-title">{t.appTitle}</h1>
        <span class="spacer" />
        <button type="button" class="head-button" onClick={props.onLanguage} lang={props.language === 'vi' ? 'en' : 'vi'}>
          {t.language}
        </button>
      </header>
      <main class="signin-main">
        <form class="signin-card" onSubmit={submit} aria-labelledby="signin-title" noValidate>
          <h2 id="signin-title">{t.signInTitle}</h2>
          {props.notice && !error && (
            <p class="note note--warn" role="status">
              {props.notice}
            </p>
          )}
          <label class="field">
            <span>{t.username}</span>
            <input
              name="username"
              autoComplete="username"
              autoCapitalize="off"
              spellcheck={false}
              value={username}
              onInput={(e) => setUsername((e.target as HTMLInputElement).value)}
              autoFocus={username === ''}
            />
          </label>
          <label class="field">
            <span>{t.password}</span>
            <input
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
              autoFocus={username !== ''}
            />
          </label>
          {error && (
            <p class="note note--error" role="alert" data-testid="signin-error">
              {error}
            </p>
          )}
          <button type="submit" class="wide-button wide-button--primary" disabled={pending}>
            {pending ? t.signingIn : t.signIn}
          </button>
        </form>
      </main>
    </div>
  );
}
