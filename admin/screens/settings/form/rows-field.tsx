import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { FieldLabel, FieldNotes } from './field-label.js';
import { controlId, problemsAt, problemsUnder, useFormEnv } from './form-env.js';
import { childPointer, moveItem, removeItem, setAt } from './json-pointer.js';
import { rowTitle } from './row-title.js';
import { initialValue, type SchemaNode } from './schema-node.js';
import { GroupBody } from './setting-field.js';
import { isCompactRow, TableRows } from './table-rows.js';

export interface RowsExtras {
  /** What a collapsed row shows beside its name (an officer's role, a device's status). */
  readonly summary?: (item: unknown, index: number) => ComponentChildren;
  /** Buttons of a row that are not edits (reset a password, test a device). */
  readonly actions?: (item: unknown, index: number) => ComponentChildren;
}

/**
 * A list of groups (queues, counters, officers, devices…): each row folds to its name, rows move up
 * and down and are added from the schema's defaults. A row with a refusal inside opens by itself.
 */
export function RowsField(props: { node: SchemaNode; pointer: string; value: unknown } & RowsExtras) {
  const env = useFormEnv();
  const items = Array.isArray(props.value) ? (props.value as unknown[]) : [];
  const itemNode = props.node.items ?? {};
  const [added, setAdded] = useState<number | null>(null);
  const id = controlId(props.pointer);
  const noun = (itemNode.titleVi ?? 'dòng').toLocaleLowerCase('vi');
  const full = props.node.maxItems !== undefined && items.length >= props.node.maxItems;
  const add = () => {
    env.edit((d) => setAt(d, props.pointer, [...items, initialValue(itemNode)]));
    setAdded(items.length);
  };
  return (
    <section class="rows" data-path={props.pointer} aria-labelledby={`${id}-label`}>
      <div class="rows-head">
        <h2 class="rows-title">
          <FieldLabel node={props.node} id={`${id}-label`} />
        </h2>
        <span class="rows-count">{items.length} dòng</span>
      </div>
      <FieldNotes node={props.node} errors={problemsAt(env, props.pointer)} id={id} />
      {!props.summary && !props.actions && isCompactRow(itemNode) ? (
        <TableRows node={props.node} pointer={props.pointer} items={items} />
      ) : (
        <ol class="rows-list">
          {items.map((item, i) => (
            <RowCard
              key={i}
              node={itemNode}
              listPointer={props.pointer}
              index={i}
              count={items.length}
              item={item}
              fresh={added === i}
              summary={props.summary}
              actions={props.actions}
            />
          ))}
        </ol>
      )}
      {!env.readOnly && !full && (
        <button type="button" class="add-button" onClick={add}>
          + Thêm {noun} <span class="en">Add</span>
        </button>
      )}
    </section>
  );
}

function RowCard(props: {
  node: SchemaNode;
  listPointer: string;
  index: number;
  count: number;
  item: unknown;
  fresh: boolean;
  summary: RowsExtras['summary'];
  actions: RowsExtras['actions'];
}) {
  const env = useFormEnv();
  const { index: i, listPointer } = props;
  const pointer = childPointer(listPointer, i);
  const problems = problemsUnder(env.problems, pointer);
  const [open, setOpen] = useState<boolean | null>(null);
  const isOpen = open ?? (props.fresh || problems > 0);
  const title = rowTitle(props.item, i);
  const own = problemsAt(env, pointer);
  return (
    <li class={problems > 0 ? 'row row--error' : 'row'} data-path={pointer} data-row={title}>
      <div class="row-head">
        <button type="button" class="row-toggle" aria-expanded={isOpen} onClick={() => setOpen(!isOpen)}>
          <span class="row-chevron" aria-hidden="true">
            {isOpen ? '▾' : '▸'}
          </span>
          <span class="row-number">{i + 1}.</span>
          <span class="row-title">{title}</span>
          {props.summary?.(props.item, i)}
          {problems > 0 && <span class="error-badge">{problems} lỗi</span>}
        </button>
        {props.actions?.(props.item, i)}
        {!env.readOnly && (
          <span class="row-edit">
            <button
              type="button"
              class="icon-button"
              aria-label={`Chuyển ${title} lên`}
              disabled={i === 0}
              onClick={() => env.edit((d) => moveItem(d, listPointer, i, i - 1))}
            >
              ▲
            </button>
            <button
              type="button"
              class="icon-button"
              aria-label={`Chuyển ${title} xuống`}
              disabled={i === props.count - 1}
              onClick={() => env.edit((d) => moveItem(d, listPointer, i, i + 1))}
            >
              ▼
            </button>
            <button
              type="button"
              class="icon-button danger"
              aria-label={`Xóa ${title}`}
              onClick={() => env.edit((d) => removeItem(d, listPointer, i))}
            >
              Xóa
            </button>
          </span>
        )}
      </div>
      {own.length > 0 && (
        <ul class="setting-errors row-errors" role="alert">
          {own.map((m) => (
            <li key={m} lang="en">
              {m}
            </li>
          ))}
        </ul>
      )}
      {isOpen && (
        <div class="row-body">
          <GroupBody node={props.node} pointer={pointer} value={props.item} />
        </div>
      )}
    </li>
  );
}
