import { useEffect, useRef, useState } from 'preact/hooks';
import type { NewPassword } from '../../state/settings-store.js';
import { copyText } from './copy-text.js';

/**
 * After a save that added officers: each one's first password, shown this once (the hub keeps only
 * hashes). The dialog stays until the admin closes it, whatever else changes on the page.
 */
export function NewPasswordsDialog(props: { passwords: readonly NewPassword[]; onClose: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const text = props.passwords.map((p) => `${p.username}: ${p.password}`).join('\n');
  useEffect(() => box.current?.querySelector<HTMLElement>('button')?.focus(), []);
  return (
    <div class="dialog-backdrop">
      <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="new-passwords-title" ref={box}>
        <h2 id="new-passwords-title">Mật khẩu đầu tiên của cán bộ mới</h2>
        <p>Chỉ hiện một lần. Hãy chép lại và giao tận tay từng cán bộ; họ nên đổi mật khẩu sau lần đăng nhập đầu.</p>
        <table class="password-table" data-testid="new-passwords">
          <thead>
            <tr>
              <th scope="col">Tên đăng nhập</th>
              <th scope="col">Mật khẩu</th>
            </tr>
          </thead>
          <tbody>
            {props.passwords.map((p) => (
              <tr key={p.username}>
                <td class="mono">{p.username}</td>
                <td class="mono">{p.password}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <textarea class="visually-hidden" readOnly value={text} ref={listRef} tabIndex={-1} aria-hidden="true" />
        {copied !== null && <p role="status">{copied ? 'Đã sao chép.' : 'Không sao chép được: hãy chép tay.'}</p>}
        <div class="dialog-actions">
          <button type="button" class="bar-button" onClick={() => void copyText(text, listRef.current).then(setCopied)}>
            Sao chép <span class="en">Copy</span>
          </button>
          <button type="button" class="bar-button bar-button--primary" onClick={props.onClose}>
            Đã chép, đóng lại
          </button>
        </div>
      </div>
    </div>
  );
}
