import { useState } from 'preact/hooks';
import { errorText } from '../../../ui/i18n/error-text.js';
import { adminRequest } from '../../state/admin-api.js';
import type { AdminSession } from '../../state/admin-session.js';

/** "Thử in" / "Thử hiển thị" / "Thử đọc": the hub drives the device and says what it did. */
export function DeviceTestButton(props: { session: AdminSession; deviceId: string; label: string; saved: boolean }) {
  const [state, setState] = useState<{ pending: boolean; text: string | null; ok: boolean }>({
    pending: false,
    text: null,
    ok: true,
  });
  const run = async () => {
    setState({ pending: true, text: null, ok: true });
    const reply = await adminRequest<{ ok: boolean; message: string; messageVi: string }>(
      props.session,
      'POST',
      `/api/admin/devices/${encodeURIComponent(props.deviceId)}/test`,
      {},
    );
    setState(
      reply.ok
        ? // The hub answered: whether the device itself passed is in the answer (out of paper, not connected).
          { pending: false, text: reply.data.messageVi, ok: reply.data.ok }
        : { pending: false, text: errorText(reply.error), ok: false },
    );
  };
  return (
    <span class="device-test">
      <button
        type="button"
        class="small-button"
        disabled={state.pending || !props.saved}
        title={props.saved ? undefined : 'Lưu cấu hình trước khi thử thiết bị mới'}
        onClick={() => void run()}
      >
        {state.pending ? 'Đang thử…' : props.label}
      </button>
      {state.text && (
        <span
          class={state.ok ? 'test-result' : 'test-result test-result--error'}
          role="status"
          data-testid={`test-result-${props.deviceId}`}
        >
          {state.text}
        </span>
      )}
    </span>
  );
}
