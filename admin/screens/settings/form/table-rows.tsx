import { controlId, problemsAt, problemsUnder, useFormEnv } from './form-env.js';
import { childPointer, isRecord, moveItem, removeItem } from './json-pointer.js';
import { fieldKind, type SchemaNode } from './schema-node.js';
import { Control } from './setting-field.js';

const INLINE = new Set(['text', 'choice', 'integer', 'number', 'boolean']);

/**
 * Rows of two or three single settings (a counter's served queues, priority classes, rating
 * reasons) read best as a table: one line per row, the settings' titles once, at the top.
 */
export function isCompactRow(item: SchemaNode): boolean {
  const props = Object.entries(item.properties ?? {});
  return (
    props.length > 0 &&
    props.length <= 3 &&
    props.every(([key, n]) => INLINE.has(fieldKind(n)) && !n.secret && (item.required ?? []).includes(key))
  );
}

export function TableRows(props: { node: SchemaNode; pointer: string; items: readonly unknown[] }) {
  const env = useFormEnv();
  const item = props.node.items ?? {};
  const columns = Object.entries(item.properties ?? {});
  return (
    <table class="row-table">
      <thead>
        <tr>
          <th scope="col" class="row-table-number">
            #
          </th>
          {columns.map(([key, n]) => (
            <th scope="col" key={key}>
              <span class="vi">{n.titleVi ?? n.title ?? key}</span>{' '}
              {n.title && (
                <span class="en" lang="en">
                  {n.title}
                </span>
              )}
            </th>
          ))}
          {!env.readOnly && (
            <th scope="col">
              <span class="visually-hidden">Thao tác</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {props.items.map((row, i) => {
          const rowPointer = childPointer(props.pointer, i);
          const value = isRecord(row) ? row : {};
          const own = problemsAt(env, rowPointer);
          return (
            <tr key={i} data-path={rowPointer} class={problemsUnder(env.problems, rowPointer) > 0 ? 'row--error' : undefined}>
              <td class="row-table-number">{i + 1}</td>
              {columns.map(([key, n]) => {
                const p = childPointer(rowPointer, key);
                return (
                  <td key={key} data-path={p}>
                    <Control
                      node={n}
                      pointer={p}
                      value={value[key]}
                      name={key}
                      parent={value}
                      kind={fieldKind(n)}
                      id={controlId(p)}
                      label={`${n.titleVi ?? key}, dòng ${i + 1}`}
                      compact
                    />
                    {problemsAt(env, p).map((m) => (
                      <p key={m} class="setting-errors" role="alert" lang="en">
                        {m}
                      </p>
                    ))}
                  </td>
                );
              })}
              {!env.readOnly && (
                <td class="row-table-actions">
                  <button
                    type="button"
                    class="icon-button"
                    aria-label={`Chuyển dòng ${i + 1} lên`}
                    disabled={i === 0}
                    onClick={() => env.edit((d) => moveItem(d, props.pointer, i, i - 1))}
                  >
                    ▲
                  </button>
                  <button
                    type="button"
                    class="icon-button"
                    aria-label={`Chuyển dòng ${i + 1} xuống`}
                    disabled={i === props.items.length - 1}
                    onClick={() => env.edit((d) => moveItem(d, props.pointer, i, i + 1))}
                  >
                    ▼
                  </button>
                  <button
                    type="button"
                    class="icon-button danger"
                    aria-label={`Xóa dòng ${i + 1}`}
                    onClick={() => env.edit((d) => removeItem(d, props.pointer, i))}
                  >
                    ✕
                  </button>
                  {own.map((m) => (
                    <p key={m} class="setting-errors" role="alert" lang="en">
                      {m}
                    </p>
                  ))}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
