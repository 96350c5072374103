import { errorText } from '../../../ui/i18n/error-text.js';
import type { SaveOutcome, SettingsProblem } from '../../state/settings-store.js';
import { placeOf } from './form/path-label.js';
import type { SchemaNode } from './form/schema-node.js';

/**
 * What the settings screen says after a save: applied (and what waits for a restart), refused with
 * every problem and where it is, or changed meanwhile by someone else.
 */
export function SaveOutcomeNote(props: {
  outcome: SaveOutcome | null;
  problems: readonly SettingsProblem[];
  schema: SchemaNode;
  onJump: (pointer: string) => void;
  onReload: () => void;
}) {
  const { outcome, schema } = props;
  if (!outcome) return null;
  if (outcome.kind === 'saved')
    return (
      <div class="note note--ok" role="status" data-testid="settings-saved">
        <p class="note-title">Đã lưu và áp dụng.</p>
        {outcome.restartNeeded.length > 0 && (
          <>
            <p>Các thay đổi sau chỉ có hiệu lực sau khi khởi động lại hub:</p>
            <ul data-testid="restart-needed">
              {outcome.restartNeeded.map((p) => (
                <li key={p}>{placeOf(schema, p)}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    );
  if (outcome.kind === 'stale')
    return (
      <div class="note note--warn" role="alert" data-testid="settings-stale">
        <p class="note-title">{errorText({ code: 'SETTINGS_STALE' })}</p>
        <p>Tải lại sẽ bỏ các thay đổi chưa lưu của bạn: hãy ghi lại chúng trước.</p>
        <button type="button" class="wide-button" onClick={props.onReload}>
          Tải lại cấu hình <span class="en">Reload settings</span>
        </button>
      </div>
    );
  if (outcome.kind === 'failed')
    return (
      <div class="note note--error" role="alert" data-testid="settings-failed">
        <p class="note-title">{errorText(outcome.error)}</p>
        <p class="en" lang="en">
          {outcome.error.message}
        </p>
      </div>
    );
  return (
    <div class="note note--error" role="alert" data-testid="settings-invalid">
      <p class="note-title">{errorText({ code: 'SETTINGS_INVALID' })}</p>
      {props.problems.length === 0 ? (
        <p>Các lỗi đã được sửa; hãy lưu lại.</p>
      ) : (
        <ol class="problem-list">
          {props.problems.map((p, i) => (
            <li key={`${p.path}-${i}`}>
              <button type="button" class="link-button" onClick={() => props.onJump(p.path)}>
                {placeOf(schema, p.path)}
              </button>
              : <span lang="en">{p.message}</span> <span class="path">({p.path})</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** Settings saved earlier that still wait for the hub to restart (the hub tells on every load). */
export function RestartPendingNote(props: { paths: readonly string[]; schema: SchemaNode }) {
  if (props.paths.length === 0) return null;
  return (
    <div class="note note--warn" role="status" data-testid="restart-pending">
      <p class="note-title">⟳ Cần khởi động lại hub để áp dụng:</p>
      <ul>
        {props.paths.map((p) => (
          <li key={p}>{placeOf(props.schema, p)}</li>
        ))}
      </ul>
    </div>
  );
}
