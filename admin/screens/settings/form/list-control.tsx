import { WEEKDAYS_VI } from '../../../i18n/option-labels.js';
import { ChoiceControl, literalChoices } from './choice-control.js';
import { controlId, problemsAt, useFormEnv } from './form-env.js';
import { childPointer, moveItem, removeItem, setAt } from './json-pointer.js';
import { NumberControl } from './number-control.js';
import { choicesOf, fieldKind, initialValue, type SchemaNode } from './schema-node.js';
import { TextControl } from './text-control.js';

/** A list of single values (a queue's fields, the voice sources, holidays): reorder, add, remove. */
export function ListControl(props: { node: SchemaNode; pointer: string; value: unknown; labelId: string; name: string }) {
  const env = useFormEnv();
  const items = Array.isArray(props.value) ? (props.value as unknown[]) : [];
  const item = props.node.items ?? {};
  const full = props.node.maxItems !== undefined && items.length >= props.node.maxItems;
  return (
    <div class="list" role="group" aria-labelledby={props.labelId}>
      {items.map((v, i) => {
        const p = childPointer(props.pointer, i);
        const id = controlId(p);
        const label = `${props.name} ${i + 1}`;
        const choices = choicesOf(item);
        const kind = fieldKind(item);
        const errors = problemsAt(env, p);
        return (
          <div class="list-row" key={i} data-path={p}>
            <div class="list-value">
              {choices ? (
                <ChoiceControl pointer={p} value={v} id={id} choices={literalChoices(choices)} label={label} />
              ) : kind === 'integer' || kind === 'number' ? (
                <NumberControl node={item} pointer={p} value={v} id={id} integer={kind === 'integer'} label={label} />
              ) : (
                <TextControl node={item} pointer={p} value={v} id={id} label={label} />
              )}
              {errors.map((m) => (
                <p key={m} class="setting-errors" role="alert" lang="en">
                  {m}
                </p>
              ))}
            </div>
            {!env.readOnly && (
              <div class="list-actions">
                <button
                  type="button"
                  class="icon-button"
                  aria-label={`Chuyển ${label} lên`}
                  disabled={i === 0}
                  onClick={() => env.edit((d) => moveItem(d, props.pointer, i, i - 1))}
                >
                  ▲
                </button>
                <button
                  type="button"
                  class="icon-button"
                  aria-label={`Chuyển ${label} xuống`}
                  disabled={i === items.length - 1}
                  onClick={() => env.edit((d) => moveItem(d, props.pointer, i, i + 1))}
                >
                  ▼
                </button>
                <button
                  type="button"
                  class="icon-button danger"
                  aria-label={`Xóa ${label}`}
                  onClick={() => env.edit((d) => removeItem(d, props.pointer, i))}
                >
                  ✕
                </button>
              </div>
            )}
          </div>
        );
      })}
      {items.length === 0 && <p class="setting-absent">Chưa có mục nào.</p>}
      {!env.readOnly && !full && (
        <button
          type="button"
          class="small-button"
          onClick={() => env.edit((d) => setAt(d, props.pointer, [...items, initialValue(item)]))}
        >
          + Thêm <span class="en">Add</span>
        </button>
      )}
    </div>
  );
}

/** Weekdays as seven checkboxes, Monday first as a Vietnamese calendar reads; stored sorted, 0 = Sunday. */
export function WeekdaysControl(props: { pointer: string; value: unknown; labelId: string }) {
  const env = useFormEnv();
  const days = new Set(
    Array.isArray(props.value) ? (props.value as unknown[]).filter((d): d is number => typeof d === 'number') : [],
  );
  const toggle = (d: number, on: boolean) => {
    const next = new Set(days);
    if (on) next.add(d);
    else next.delete(d);
    env.change(
      props.pointer,
      [...next].sort((a, b) => a - b),
    );
  };
  return (
    <div class="weekdays" role="group" aria-labelledby={props.labelId}>
      {[1, 2, 3, 4, 5, 6, 0].map((d) => (
        <label class="check" key={d}>
          <input
            type="checkbox"
            checked={days.has(d)}
            disabled={env.readOnly}
            onChange={(e) => toggle(d, (e.currentTarget as HTMLInputElement).checked)}
          />
          <span>{WEEKDAYS_VI[d]}</span>
        </label>
      ))}
    </div>
  );
}
