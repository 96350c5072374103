import { useEffect, useRef, useState } from 'preact/hooks';
import type { ErrorBody } from '../../../common/contract/errors.js';
import { errorText } from '../../../ui/i18n/error-text.js';
import { Bi } from '../../i18n/bilingual.js';
import { vnDateTime } from '../../i18n/date-time.js';
import { adminRequest, downloadFile } from '../../state/admin-api.js';
import { canEdit, type AdminScreenProps } from '../../state/admin-session.js';
import { restoreCommand, vnSize } from './restore-command.js';
import './backups.css';

interface Backup {
  readonly name: string;
  readonly size: number;
  readonly at: number;
  readonly events: number | null;
}

interface BackupList {
  readonly backups: readonly Backup[];
  readonly dir: string;
  readonly nextNightlyAt: number;
  readonly keepDays: number;
  readonly lastFailure: { readonly at: number; readonly message: string } | null;
}

/**
 * Sao lưu: the database's backups, newest first; "Sao lưu ngay" for supervisors and admins; the
 * download for admins (the file holds citizens' phone numbers); and the one command that restores
 * a chosen backup, to copy into a terminal on the hub with the hub stopped.
 */
export function BackupsScreen(props: AdminScreenProps) {
  const { session } = props;
  const admin = canEdit(session);
  const [list, setList] = useState<BackupList | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [made, setMade] = useState<Backup | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [downloadFailed, setDownloadFailed] = useState(false);
  const commandRef = useRef<HTMLTextAreaElement>(null);

  const load = async () => {
    const reply = await adminRequest<BackupList>(session, 'GET', '/api/admin/backups');
    if (reply.ok) setList(reply.data);
    else setError(reply.error);
  };
  useEffect(() => void load(), [session]);

  const backUpNow = async () => {
    setPending(true);
    setError(null);
    setMade(null);
    const reply = await adminRequest<Backup>(session, 'POST', '/api/admin/backups');
    setPending(false);
    if (reply.ok) setMade(reply.data);
    else setError(reply.error);
    void load();
  };

  const download = async (name: string) => {
    setDownloadFailed(!(await downloadFile(session, `/api/admin/backups/${encodeURIComponent(name)}`, name)));
  };

  const selected = chosen ?? list?.backups[0]?.name ?? null;
  const command = list && selected ? restoreCommand(list.dir, selected) : null;
  const copy = async () => {
    if (!command) return;
    // The clipboard API needs a secure context; a hub reached by its LAN address over http is not one.
    try {
      await navigator.clipboard.writeText(command);
      setCopied(true);
    } catch {
      commandRef.current?.select();
      setCopied(document.execCommand('copy'));
    }
  };

  return (
    <div class="bk">
      <div class="settings-bar">
        <h1 class="screen-title">
          <Bi vi="Sao lưu dữ liệu" en="Backups" />
        </h1>
        <span class="spacer" />
        <button type="button" class="bar-button" disabled={pending} onClick={() => void load()}>
          <Bi vi="Làm mới" en="Refresh" />
        </button>
        <button type="button" class="bar-button bar-button--primary" disabled={pending} onClick={() => void backUpNow()}>
          <Bi vi={pending ? 'Đang sao lưu…' : 'Sao lưu ngay'} en="Back up now" />
        </button>
      </div>
      <div class="settings-scroll">
        {error && (
          <div class="note note--error" role="alert">
            <p class="note-title">{errorText(error)}</p>
            {(error.details ?? []).map((d, i) => (
              <p key={i} lang="en" class="en">
                {d.message}
              </p>
            ))}
          </div>
        )}
        {made && (
          <p class="note note--ok" role="status" data-testid="backup-made">
            Đã sao lưu: {made.name} ({vnSize(made.size)}, {made.events ?? 0} sự kiện), đã kiểm tra toàn vẹn.{' '}
            <span class="en">Backup made and checked.</span>
          </p>
        )}
        {list?.lastFailure && !made && (
          <p class="note note--warn" role="status">
            Lần sao lưu lúc {vnDateTime(list.lastFailure.at)} không thành công; dữ liệu hiện tại không bị ảnh hưởng.{' '}
            <span class="en" lang="en">
              {list.lastFailure.message}
            </span>
          </p>
        )}
        {list && (
          <p class="bk-schedule">
            Tự động sao lưu mỗi đêm; lần tới lúc {vnDateTime(list.nextNightlyAt)}. Giữ bản sao lưu trong {list.keepDays} ngày
            (luôn giữ bản mới nhất). Thư mục trên máy chủ: <span class="mono">{list.dir}</span>{' '}
            <span class="en">Nightly, kept {list.keepDays} days (the newest always kept).</span>
          </p>
        )}
        {downloadFailed && (
          <p class="note note--error" role="alert">
            Không tải được tệp sao lưu. <span class="en">The download failed.</span>
          </p>
        )}

        {list && list.backups.length === 0 && <p class="setting-absent">Chưa có bản sao lưu nào.</p>}
        {list && list.backups.length > 0 && (
          <table class="bk-table" data-testid="backup-list">
            <thead>
              <tr>
                <th scope="col">
                  <Bi vi="Thời điểm" en="Taken at" />
                </th>
                <th scope="col">
                  <Bi vi="Tệp" en="File" />
                </th>
                <th scope="col" class="bk-num">
                  <Bi vi="Dung lượng" en="Size" />
                </th>
                <th scope="col" class="bk-num">
                  <Bi vi="Sự kiện" en="Events" />
                </th>
                <th scope="col">
                  <span class="visually-hidden">Thao tác</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.backups.map((b) => (
                <tr key={b.name} class={b.name === selected ? 'bk-row--chosen' : ''}>
                  <td class="bk-nowrap">{vnDateTime(b.at)}</td>
                  <td class="mono bk-nowrap">{b.name}</td>
                  <td class="bk-num">{vnSize(b.size)}</td>
                  <td class="bk-num">{b.events === null ? 'không đọc được' : b.events.toLocaleString('vi-VN')}</td>
                  <td class="bk-actions">
                    {admin && (
                      <button type="button" class="small-button" onClick={() => void download(b.name)}>
                        Tải về <span class="en">Download</span>
                      </button>
                    )}
                    <button
                      type="button"
                      class="small-button"
                      aria-pressed={b.name === selected}
                      onClick={() => {
                        setChosen(b.name);
                        setCopied(false);
                      }}
                    >
                      Chọn để khôi phục <span class="en">Restore this</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}

        {command && (
          <section class="bk-restore">
            <h2 class="bk-h2">
              <Bi vi="Khôi phục từ bản sao lưu" en="Restoring a backup" />
            </h2>
            <ol class="bk-steps">
              <li>
                Dừng hub trên máy chủ (Ctrl+C, hoặc <span class="mono">systemctl stop</span> nếu chạy như dịch vụ).{' '}
                <span class="en">Stop the hub.</span>
              </li>
              <li>
                Trong thư mục của hub, chạy lệnh sau. Lệnh kiểm tra bản sao lưu, giữ lại dữ liệu hiện tại thành
                hall.db.before-restore-…, và từ chối nếu hub còn đang chạy.{' '}
                <span class="en">In the hub's folder, run this; it checks the backup and keeps the current database.</span>
                <div class="bk-command">
                  <textarea
                    ref={commandRef}
                    class="text-input mono bk-command-text"
                    readOnly
                    rows={2}
                    value={command}
                    aria-label="Lệnh khôi phục"
                    onFocus={(e) => e.currentTarget.select()}
                  />
                  <button type="button" class="bar-button" onClick={() => void copy()}>
                    {copied ? 'Đã sao chép' : 'Sao chép'} <span class="en">{copied ? 'Copied' : 'Copy'}</span>
                  </button>
                </div>
              </li>
              <li>
                Khởi động lại hub (<span class="mono">npm start</span>). <span class="en">Start the hub again.</span>
              </li>
            </ol>
          </section>
        )}
      </div>
    </div>
  );
}
