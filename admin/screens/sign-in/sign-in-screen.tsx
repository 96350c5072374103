import { useState } from 'preact/hooks';
import { errorText } from '../../../ui/i18n/error-text.js';
import { hubRequest } from '../../../ui/hub-request.js';
import { Bi } from '../../i18n/bilingual.js';
import type { AdminSession } from '../../state/admin-session.js';
import { isAdminRole } from '../../state/admin-session-store.js';

const LAST_USERNAME_KEY = 'motcua.admin.lastUsername';

interface LoginReply {
  token: string;
  expiresAt: number;
  officer: { id: string; name: string; role: string };
}

/**
 * Đăng nhập quản trị. Only supervisors and admins get in: an officer's correct password still gets a
 * plain refusal, and the session the hub opened for it is closed at once.
 */
export function SignInScreen(props: { notice: string | null; onSignedIn: (session: AdminSession) => void }) {
  const [username, setUsername] = useState(() => window.localStorage.getItem(LAST_USERNAME_KEY) ?? '');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (pending) return;
    const name = username.trim();
    if (!name || !password) return setError('Vui lòng nhập tên đăng nhập và mật khẩu.');
    setPending(true);
    setError(null);
    const reply = await hubRequest<LoginReply>('POST', '/api/auth/login', null, { username: name, password });
    setPending(false);
    setPassword('');
    if (!reply.ok)
      return setError(reply.error.code === 'INTERNAL' ? 'Không kết nối được với hub. Vui lòng thử lại.' : errorText(reply.error));
    const { token, expiresAt, officer } = reply.data;
    if (!isAdminRole(officer.role)) {
      void hubRequest('POST', '/api/auth/logout', token);
      return setError('Tài khoản này không có quyền quản trị');
    }
    window.localStorage.setItem(LAST_USERNAME_KEY, name);
    props.onSignedIn({ token, expiresAt, officer: { id: officer.id, name: officer.name, role: officer.role } });
  };

  return (
    <div class="admin-signin">
      <form class="signin-card" onSubmit={submit} aria-labelledby="signin-title" noValidate>
        <h1 id="signin-title">
          <Bi vi="Quản trị sảnh tiếp nhận" en="Hall administration" />
        </h1>
        <p class="signin-sub">Dành cho giám sát và quản trị hệ thống.</p>
        {props.notice && !error && (
          <p class="note note--warn" role="status">
            {props.notice}
          </p>
        )}
        <label class="signin-field">
          <span>
            <Bi vi="Tên đăng nhập" en="Username" />
          </span>
          <input
            name="username"
            autoComplete="username"
            autoCapitalize="off"
            spellcheck={false}
            value={username}
            autoFocus={username === ''}
            onInput={(e) => setUsername((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <label class="signin-field">
          <span>
            <Bi vi="Mật khẩu" en="Password" />
          </span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            autoFocus={username !== ''}
            onInput={(e) => setPassword((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        {error && (
          <p class="note note--error" role="alert" data-testid="signin-error">
            {error}
          </p>
        )}
        <button type="submit" class="wide-button wide-button--primary" disabled={pending}>
          {pending ? 'Đang đăng nhập…' : 'Đăng nhập'}
        </button>
      </form>
    </div>
  );
}
