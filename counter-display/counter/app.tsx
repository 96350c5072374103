import { useCallback, useEffect, useState } from 'preact/hooks';
import { consoleText } from '../../ui/i18n/console-text.js';
import type { Language } from '../../ui/i18n/error-text.js';
import { SignInScreen } from './screens/sign-in.js';
import { SignedIn } from './screens/signed-in.js';
import { signOutAt } from './state/hub-api.js';
import { CONSOLE_COUNTER_KEY, clearSession, loadSession, saveSession, type OfficerSession } from './state/session.js';

const LANGUAGE_KEY = 'motcua.consoleLanguage';

/**
 * The officer console: signed out it asks for a sign-in; signed in it keeps one hall connection
 * for the session (a new session, a new connection) and leads to the counter.
 */
export function ConsoleApp() {
  const [language, setLanguage] = useState<Language>(() => (window.localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'vi'));
  const [session, setSession] = useState<OfficerSession | null>(() => loadSession(window.localStorage, Date.now()));
  const [ended, setEnded] = useState(false);
  const t = consoleText(language);

  useEffect(() => {
    window.localStorage.setItem(LANGUAGE_KEY, language);
    document.documentElement.lang = language;
  }, [language]);
  const toggleLanguage = useCallback(() => setLanguage((l) => (l === 'vi' ? 'en' : 'vi')), []);

  const signedIn = useCallback((s: OfficerSession) => {
    saveSession(window.localStorage, s);
    setEnded(false);
    setSession(s);
  }, []);
  // The hub no longer knows the session (expired, revoked): back to the sign-in, saying why.
  const sessionEnded = useCallback(() => {
    clearSession(window.localStorage);
    window.sessionStorage.removeItem(CONSOLE_COUNTER_KEY);
    setEnded(true);
    setSession(null);
  }, []);
  const signOut = useCallback(() => {
    if (session) void signOutAt(session.token);
    clearSession(window.localStorage);
    window.sessionStorage.removeItem(CONSOLE_COUNTER_KEY);
    setEnded(false);
    setSession(null);
  }, [session]);

  if (!session)
    return (
      <SignInScreen
        t={t}
        language={language}
        notice={ended ? t.sessionEnded : null}
        onLanguage={toggleLanguage}
        onSignedIn={signedIn}
      />
    );
  return (
    <SignedIn
      key={session.token}
      session={session}
      t={t}
      language={language}
      onLanguage={toggleLanguage}
      onSignOut={signOut}
      onSessionEnded={sessionEnded}
    />
  );
}
