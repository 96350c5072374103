import { useState } from 'preact/hooks';
import { useFormEnv } from './form-env.js';
import { newDeviceKey } from './random-key.js';

/**
 * A device key: hidden unless asked for, and made by the browser's random source ("Tạo khóa mới")
 * rather than invented by a person. A supervisor gets "***" from the hub and cannot change it.
 */
export function SecretControl(props: { pointer: string; value: unknown; id: string }) {
  const env = useFormEnv();
  const [shown, setShown] = useState(false);
  const value = typeof props.value === 'string' ? props.value : '';
  const redacted = value === '***';
  return (
    <div class="secret">
      <input
        class="text-input mono"
        id={props.id}
        type={shown && !redacted ? 'text' : 'password'}
        value={value}
        readOnly={env.readOnly}
        autoComplete="new-password"
        spellcheck={false}
        aria-describedby={`${props.id}-hint ${props.id}-help ${props.id}-errors`}
        onInput={(e) => env.change(props.pointer, (e.currentTarget as HTMLInputElement).value)}
      />
      {!redacted && (
        <button type="button" class="small-button" aria-pressed={shown} onClick={() => setShown(!shown)}>
          {shown ? 'Ẩn' : 'Hiện'}
        </button>
      )}
      {!env.readOnly && (
        <button type="button" class="small-button" onClick={() => env.change(props.pointer, newDeviceKey())}>
          Tạo khóa mới <span class="en">New key</span>
        </button>
      )}
      {!env.readOnly && (
        <p class="hint" id={`${props.id}-hint`}>
          Đổi khóa thì màn hình đang dùng khóa cũ phải được mở lại với khóa mới.
        </p>
      )}
    </div>
  );
}
