import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../../../ui/i18n/error-text.js';
import { Bi } from '../../i18n/bilingual.js';
import { adminRequest } from '../../state/admin-api.js';
import type { AdminScreenProps } from '../../state/admin-session.js';
import type { SettingsStore } from '../../state/settings-store.js';
import { useSettings } from '../../state/use-settings.js';
import { AuditEntryRow, type AuditEntry } from './audit-entry.js';

const PAGE = 30;

/** Nhật ký: who changed what and when, newest first; "Xem thêm" pages back to older entries. */
export function AuditScreen(props: AdminScreenProps & { store: SettingsStore }) {
  const { schema } = useSettings(props.store);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [more, setMore] = useState(false);
  const [pending, setPending] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const fetchPage = async (beforeId: number | null) => {
    setPending(true);
    const query = `limit=${PAGE}${beforeId === null ? '' : `&beforeId=${beforeId}`}`;
    const reply = await adminRequest<{ entries: AuditEntry[] }>(props.session, 'GET', `/api/admin/audit?${query}`);
    setPending(false);
    if (!reply.ok) return setError(errorText(reply.error));
    setError(null);
    setEntries((old) => (beforeId === null ? reply.data.entries : [...old, ...reply.data.entries]));
    setMore(reply.data.entries.length === PAGE);
  };
  useEffect(() => {
    void fetchPage(null);
    // The schema names the settings' places; load it if no settings screen has yet.
    if (!props.store.state.schema) void props.store.load();
  }, [props.session]);

  const last = entries[entries.length - 1];
  return (
    <div class="audit">
      <div class="settings-bar">
        <h1 class="screen-title">
          <Bi vi="Nhật ký thay đổi" en="Audit log" />
        </h1>
        <span class="spacer" />
        <button type="button" class="bar-button" disabled={pending} onClick={() => void fetchPage(null)}>
          <Bi vi="Làm mới" en="Refresh" />
        </button>
      </div>
      <div class="settings-scroll">
        {error && (
          <p class="note note--error" role="alert">
            {error}
          </p>
        )}
        {!pending && entries.length === 0 && !error && <p class="setting-absent">Chưa có thay đổi nào được ghi.</p>}
        <ol class="audit-list" data-testid="audit-list">
          {entries.map((e) => (
            <AuditEntryRow key={e.id} entry={e} schema={schema} />
          ))}
        </ol>
        {more && last && (
          <button type="button" class="wide-button" disabled={pending} onClick={() => void fetchPage(last.id)}>
            Xem thêm <span class="en">Older entries</span>
          </button>
        )}
        {pending && <p class="loading">Đang tải…</p>}
      </div>
    </div>
  );
}
