import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '../../../ui/i18n/error-text.js';
import { adminRequest } from '../../state/admin-api.js';
import type { AdminSession } from '../../state/admin-session.js';
import { copyText } from './copy-text.js';

type Phase = { kind: 'confirm' } | { kind: 'pending' } | { kind: 'shown'; password: string } | { kind: 'refused'; text: string };

/**
 * Đặt lại mật khẩu: asks first (the officer is signed out everywhere), then shows the new first
 * password once, with a copy button. Closing the dialog forgets it: the hub keeps only its hash.
 */
export function PasswordDialog(props: { session: AdminSession; officer: { id: string; name: string }; onClose: () => void }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'confirm' });
  const [copied, setCopied] = useState<boolean | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    box.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [phase.kind]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && props.onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [props.onClose]);

  const reset = async () => {
    setPhase({ kind: 'pending' });
    const reply = await adminRequest<{ password: string }>(
      props.session,
      'POST',
      `/api/admin/officers/${encodeURIComponent(props.officer.id)}/password`,
      {},
    );
    setPhase(reply.ok ? { kind: 'shown', password: reply.data.password } : { kind: 'refused', text: errorText(reply.error) });
  };
  const copy = async (password: string) => setCopied(await copyText(password, passwordRef.current));

  return (
    <div class="dialog-backdrop">
      <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="password-dialog-title" ref={box}>
        <h2 id="password-dialog-title">Đặt lại mật khẩu</h2>
        <p>
          Cán bộ: <strong>{props.officer.name}</strong> ({props.officer.id})
        </p>
        {phase.kind === 'confirm' && (
          <>
            <p>Cán bộ này sẽ bị đăng xuất khỏi mọi máy và phải đăng nhập bằng mật khẩu mới.</p>
            <div class="dialog-actions">
              <button type="button" class="bar-button" onClick={props.onClose}>
                Hủy
              </button>
              <button type="button" class="bar-button bar-button--primary" data-autofocus onClick={() => void reset()}>
                Đặt lại mật khẩu
              </button>
            </div>
          </>
        )}
        {phase.kind === 'pending' && <p role="status">Đang đặt lại…</p>}
        {phase.kind === 'shown' && (
          <>
            <p>Mật khẩu mới (chỉ hiện một lần, hãy giao tận tay cán bộ):</p>
            <div class="secret">
              <input
                class="text-input mono password-shown"
                readOnly
                value={phase.password}
                ref={passwordRef}
                data-testid="new-password"
                aria-label="Mật khẩu mới"
              />
              <button type="button" class="bar-button" data-autofocus onClick={() => void copy(phase.password)}>
                Sao chép <span class="en">Copy</span>
              </button>
            </div>
            {copied !== null && <p role="status">{copied ? 'Đã sao chép.' : 'Không sao chép được: hãy chép tay.'}</p>}
            <div class="dialog-actions">
              <button type="button" class="bar-button bar-button--primary" onClick={props.onClose}>
                Xong, đóng lại
              </button>
            </div>
          </>
        )}
        {phase.kind === 'refused' && (
          <>
            <p class="note note--error" role="alert">
              {phase.text}
            </p>
            <div class="dialog-actions">
              <button type="button" class="bar-button" data-autofocus onClick={props.onClose}>
                Đóng
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
