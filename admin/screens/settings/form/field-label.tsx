import type { SchemaNode } from './schema-node.js';

/**
 * A setting's label: the Vietnamese title large, the English one small beside it, and the restart
 * mark on settings that only take effect when the hub starts again.
 */
export function FieldLabel(props: { node: SchemaNode; forId?: string | undefined; id?: string | undefined }) {
  const { node } = props;
  const inner = (
    <>
      <span class="vi">{node.titleVi ?? node.title ?? ''}</span>
      {node.title && (
        <span class="en" lang="en">
          {node.title}
        </span>
      )}
      {node.restart && (
        <span class="restart-mark" title="Thay đổi này chỉ có hiệu lực sau khi khởi động lại hub">
          ⟳ Cần khởi động lại
        </span>
      )}
    </>
  );
  return props.forId ? (
    <label class="setting-label" for={props.forId} id={props.id}>
      {inner}
    </label>
  ) : (
    <span class="setting-label" id={props.id}>
      {inner}
    </span>
  );
}

/** The setting's description as help text, and the hub's refusals of it. */
export function FieldNotes(props: { node: SchemaNode; errors: readonly string[]; id: string }) {
  return (
    <>
      {props.node.description && (
        <p class="setting-help" lang="en" id={`${props.id}-help`}>
          {props.node.description}
        </p>
      )}
      {props.errors.length > 0 && (
        <ul class="setting-errors" id={`${props.id}-errors`} role="alert">
          {props.errors.map((m) => (
            <li key={m} lang="en">
              {m}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** "Thêm" for an absent optional setting, "Bỏ" to take it away again. */
export function OptionalToggle(props: { present: boolean; label: string; onAdd: () => void; onRemove: () => void }) {
  return props.present ? (
    <button type="button" class="small-button" onClick={props.onRemove} aria-label={`Bỏ ${props.label}`}>
      Bỏ <span class="en">Remove</span>
    </button>
  ) : (
    <button type="button" class="small-button" onClick={props.onAdd} aria-label={`Thêm ${props.label}`}>
      Thêm <span class="en">Add</span>
    </button>
  );
}
