import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { HubMethod } from '../ui/hub-request.js';
import { hubRequest } from '../ui/hub-request.js';
import { roleLabel } from './i18n/option-labels.js';
import { AuditScreen } from './screens/audit/audit-screen.js';
import { BackupsScreen } from './screens/backups/backups-screen.js';
import { CatalogueScreen } from './screens/catalogue/catalogue-screen.js';
import { DashboardScreen } from './screens/dashboard/dashboard-screen.js';
import { DevicesScreen } from './screens/devices/devices-screen.js';
import { OfficersScreen } from './screens/officers/officers-screen.js';
import { ReportsScreen } from './screens/reports/reports-screen.js';
import { isRecord } from './screens/settings/form/json-pointer.js';
import { SettingsScreen } from './screens/settings/settings-screen.js';
import { SignInScreen } from './screens/sign-in/sign-in-screen.js';
import { adminRequest } from './state/admin-api.js';
import { SCREENS, type AdminRoute } from './state/admin-routes.js';
import type { AdminSession } from './state/admin-session.js';
import { clearAdminSession, loadAdminSession, saveAdminSession } from './state/admin-session-store.js';
import { SettingsStore } from './state/settings-store.js';
import { useAdminSessionCheck } from './state/use-admin-session-check.js';
import { useHashRoute } from './state/use-hash-route.js';
import { useSettings } from './state/use-settings.js';

const SESSION_ENDED = 'Phiên đăng nhập đã hết hạn hoặc đã bị thu hồi. Vui lòng đăng nhập lại.';
const LEAVE_DRAFT = 'Có thay đổi cấu hình chưa lưu. Đăng xuất sẽ bỏ các thay đổi này. Vẫn đăng xuất?';

/** The admin page (/admin/): the sign-in, then the shell with its screens. */
export function AdminApp() {
  const [session, setSession] = useState<AdminSession | null>(() => loadAdminSession(window.localStorage, Date.now()));
  const [notice, setNotice] = useState<string | null>(null);
  const signedIn = useCallback((s: AdminSession) => {
    saveAdminSession(window.localStorage, s);
    setNotice(null);
    setSession(s);
  }, []);
  const ended = useCallback(() => {
    clearAdminSession(window.localStorage);
    setNotice(SESSION_ENDED);
    setSession(null);
  }, []);
  const signOut = useCallback(() => {
    if (session) void hubRequest('POST', '/api/auth/logout', session.token);
    clearAdminSession(window.localStorage);
    setNotice(null);
    setSession(null);
  }, [session]);

  useEffect(() => {
    document.documentElement.lang = 'vi';
  }, []);
  if (!session) return <SignInScreen notice={notice} onSignedIn={signedIn} />;
  return <AdminShell key={session.token} session={session} onSignOut={signOut} onEnded={ended} />;
}

/**
 * Header (office, who is signed in, Đăng xuất), the nav, and the screen the hash names. The settings
 * draft lives here, one per session, so it survives moving between screens; leaving the page or
 * signing out with changes unsaved asks first.
 */
function AdminShell(props: { session: AdminSession; onSignOut: () => void; onEnded: () => void }) {
  const { session } = props;
  const store = useMemo(
    () =>
      new SettingsStore(<T,>(method: HubMethod, path: string, body?: unknown) => adminRequest<T>(session, method, path, body)),
    [session],
  );
  const settings = useSettings(store);
  const route = useHashRoute();
  useAdminSessionCheck(session, props.onEnded);
  useEffect(() => void store.load(), [store]);
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (!store.dirty) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [store]);

  const office = isRecord(settings.saved) && isRecord(settings.saved.office) ? settings.saved.office : {};
  const signOut = () => {
    if (store.dirty && !window.confirm(LEAVE_DRAFT)) return;
    props.onSignOut();
  };
  return (
    <div class="admin">
      <header class="admin-head">
        <span class="admin-brand">Quản trị</span>
        <span class="office-name" data-testid="office-name">
          {typeof office.name === 'string' ? office.name : ''}
        </span>
        <span class="spacer" />
        <span class="head-person" data-testid="signed-in-as">
          {session.officer.name} · {roleLabel(session.officer.role)}
        </span>
        <button type="button" class="head-button" onClick={signOut}>
          Đăng xuất
        </button>
      </header>
      <div class="admin-body">
        <nav class="admin-nav" aria-label="Màn hình quản trị">
          <ul>
            {SCREENS.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`} class="nav-link" aria-current={route.screen === s.id ? 'page' : undefined}>
                  <span class="vi">
                    {s.vi}
                    {s.id === 'settings' && store.dirty && (
                      <span class="nav-dirty" title="Có thay đổi chưa lưu" aria-label="có thay đổi chưa lưu">
                        {' '}
                        ●
                      </span>
                    )}
                  </span>
                  <span class="en" lang="en">
                    {s.en}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main class="admin-main">
          <Screen route={route} session={session} store={store} />
        </main>
      </div>
    </div>
  );
}

function Screen(props: { route: AdminRoute; session: AdminSession; store: SettingsStore }) {
  const { route, session, store } = props;
  switch (route.screen) {
    case 'reports':
      return <ReportsScreen session={session} />;
    case 'settings':
      return <SettingsScreen session={session} store={store} section={route.sub} />;
    case 'officers':
      return <OfficersScreen session={session} store={store} />;
    case 'devices':
      return <DevicesScreen session={session} store={store} />;
    case 'catalogue':
      return <CatalogueScreen session={session} />;
    case 'backups':
      return <BackupsScreen session={session} />;
    case 'audit':
      return <AuditScreen session={session} store={store} />;
    default:
      return <DashboardScreen session={session} />;
  }
}
