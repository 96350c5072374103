import { useState } from 'preact/hooks';
import { roleLabel } from '../../i18n/option-labels.js';
import { canEdit, type AdminScreenProps } from '../../state/admin-session.js';
import type { SettingsStore } from '../../state/settings-store.js';
import { isRecord } from '../settings/form/json-pointer.js';
import { RowsField } from '../settings/form/rows-field.js';
import { SettingsFrame } from '../settings/settings-frame.js';
import { PasswordDialog } from './password-dialog.js';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * Cán bộ: the officers of the settings (add, role, disable) and "Đặt lại mật khẩu" for those the hub
 * already has (a new officer gets a first password that way once the settings are saved).
 */
export function OfficersScreen(props: AdminScreenProps & { store: SettingsStore }) {
  const [resetting, setResetting] = useState<{ id: string; name: string } | null>(null);
  const editable = canEdit(props.session);
  return (
    <SettingsFrame session={props.session} store={props.store} active="officers">
      {(s) => {
        const savedIds = new Set(
          isRecord(s.saved) && Array.isArray(s.saved.officers) ? s.saved.officers.filter(isRecord).map((o) => str(o.id)) : [],
        );
        const node = s.schema.properties?.officers;
        if (!node || !isRecord(s.draft)) return null;
        return (
          <>
            <RowsField
              node={node}
              pointer="/officers"
              value={s.draft.officers}
              summary={(o) =>
                isRecord(o) && (
                  <span class="row-sub">
                    {str(o.username)} · {roleLabel(str(o.role))}
                    {o.disabled === true && <span class="pill pill--off">Ngừng hoạt động</span>}
                  </span>
                )
              }
              actions={(o) => {
                if (!editable || !isRecord(o)) return null;
                const known = savedIds.has(str(o.id));
                return (
                  <button
                    type="button"
                    class="small-button"
                    disabled={!known}
                    title={known ? undefined : 'Lưu cấu hình trước: cán bộ mới chưa có tài khoản'}
                    onClick={() => setResetting({ id: str(o.id), name: str(o.name) })}
                  >
                    Đặt lại mật khẩu
                  </button>
                );
              }}
            />
            {resetting && <PasswordDialog session={props.session} officer={resetting} onClose={() => setResetting(null)} />}
          </>
        );
      }}
    </SettingsFrame>
  );
}
