import { kindLabel } from '../../i18n/option-labels.js';
import { canEdit, type AdminScreenProps } from '../../state/admin-session.js';
import type { SettingsStore } from '../../state/settings-store.js';
import { isRecord } from '../settings/form/json-pointer.js';
import { RowsField } from '../settings/form/rows-field.js';
import { SettingsFrame } from '../settings/settings-frame.js';
import { testLabel } from './device-status.js';
import { DeviceTestButton } from './device-test-button.js';
import { useDeviceStates } from './use-device-states.js';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * Thiết bị: the devices of the settings, each with its live state (admin:status, or the health report) and
 * the test the hub can run on it. Edits go into the same draft as every other setting.
 */
export function DevicesScreen(props: AdminScreenProps & { store: SettingsStore }) {
  const { statusOf, reachable } = useDeviceStates(props.session);
  const editable = canEdit(props.session);
  return (
    <SettingsFrame session={props.session} store={props.store} active="devices">
      {(s) => {
        const node = s.schema.properties?.devices;
        if (!node || !isRecord(s.draft)) return null;
        const saved = new Set(
          isRecord(s.saved) && Array.isArray(s.saved.devices) ? s.saved.devices.filter(isRecord).map((d) => str(d.id)) : [],
        );
        return (
          <>
            {!reachable && (
              <p class="note note--warn" role="status">
                Chưa đọc được tình trạng thiết bị từ hub; đang thử lại.
              </p>
            )}
            <RowsField
              node={node}
              pointer="/devices"
              value={s.draft.devices}
              summary={(d) => {
                if (!isRecord(d)) return null;
                const status = statusOf(str(d.id));
                return (
                  <span class="row-sub">
                    {kindLabel(str(d.kind))}
                    {str(d.counterId) && ` · ${str(d.counterId)}`}
                    {status && (
                      <span class={`pill pill--${status.tone}`} title={status.detail} data-testid={`device-status-${str(d.id)}`}>
                        {status.text}
                      </span>
                    )}
                  </span>
                );
              }}
              actions={(d) => {
                if (!editable || !isRecord(d)) return null;
                const label = testLabel(str(d.kind));
                return label ? (
                  <DeviceTestButton session={props.session} deviceId={str(d.id)} label={label} saved={saved.has(str(d.id))} />
                ) : null;
              }}
            />
          </>
        );
      }}
    </SettingsFrame>
  );
}
