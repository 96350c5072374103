import { optionLabel } from '../../../i18n/option-labels.js';
import { useFormEnv } from './form-env.js';

export interface Choice {
  readonly value: string;
  readonly label: string;
}

/**
 * One value out of a list. A value the list does not have (a queue since removed, a model of a newer
 * hub) stays selectable and says so, rather than the select silently showing another one.
 */
export function ChoiceControl(props: {
  pointer: string;
  value: unknown;
  id: string;
  choices: readonly Choice[];
  label?: string;
  placeholder?: string;
}) {
  const env = useFormEnv();
  const current = typeof props.value === 'string' ? props.value : '';
  const known = props.choices.some((c) => c.value === current);
  return (
    <select
      class="select-input"
      id={props.id}
      value={current}
      disabled={env.readOnly}
      aria-label={props.label}
      aria-describedby={`${props.id}-help ${props.id}-errors`}
      onChange={(e) => env.change(props.pointer, (e.currentTarget as HTMLSelectElement).value)}
    >
      {!known && (
        <option value={current}>
          {current === '' ? (props.placeholder ?? '— Chọn —') : `${current} (không có trong danh sách)`}
        </option>
      )}
      {props.choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}

export const literalChoices = (values: readonly string[]): Choice[] => values.map((v) => ({ value: v, label: optionLabel(v) }));

/** A yes/no setting as a checkbox beside the word for "on". */
export function BooleanControl(props: { pointer: string; value: unknown; id: string; label?: string }) {
  const env = useFormEnv();
  return (
    <label class="check">
      <input
        type="checkbox"
        id={props.id}
        checked={props.value === true}
        disabled={env.readOnly}
        aria-label={props.label}
        aria-describedby={`${props.id}-help ${props.id}-errors`}
        onChange={(e) => env.change(props.pointer, (e.currentTarget as HTMLInputElement).checked)}
      />
      <span>{props.value === true ? 'Có' : 'Không'}</span>
    </label>
  );
}
