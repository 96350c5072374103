import { matchesPattern } from '../../../i18n/pattern-hints.js';
import { problemsUnder, useFormEnv } from './form-env.js';
import { isRecord } from './json-pointer.js';
import type { SchemaNode } from './schema-node.js';

type OptionValue = string | number | boolean;
const TYPES = [
  { id: 'string', vi: 'Chữ' },
  { id: 'number', vi: 'Số' },
  { id: 'boolean', vi: 'Đúng/Sai' },
] as const;

const convert = (v: OptionValue, to: string): OptionValue =>
  to === 'number' ? (Number.isFinite(Number(v)) ? Number(v) : 0) : to === 'boolean' ? v === true || v === 'true' : String(v);

/**
 * Free options (a device's driver options): name, kind of value and value per row. The order of the
 * rows is kept while a name is being typed, so the row does not jump under the cursor.
 */
export function RecordControl(props: { node: SchemaNode; pointer: string; value: unknown; labelId: string }) {
  const env = useFormEnv();
  const entries = Object.entries(isRecord(props.value) ? props.value : {}) as [string, OptionValue][];
  const keyPattern = Object.keys(props.node.patternProperties ?? {})[0];
  const write = (next: [string, OptionValue][]) => env.change(props.pointer, Object.fromEntries(next));
  const replace = (i: number, entry: [string, OptionValue]) => write(entries.map((e, j) => (j === i ? entry : e)));
  const freeName = () => {
    let n = entries.length + 1;
    while (entries.some(([k]) => k === `option${n}`)) n++;
    return `option${n}`;
  };
  return (
    <div class="record" role="group" aria-labelledby={props.labelId}>
      {entries.map(([key, value], i) => {
        const type = typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string';
        const badKey = keyPattern !== undefined && !matchesPattern(keyPattern, key);
        const wrong = problemsUnder(env.problems, `${props.pointer}/${key}`) > 0;
        return (
          <div class={wrong ? 'record-row record-row--error' : 'record-row'} key={i} data-path={`${props.pointer}/${key}`}>
            <input
              class="text-input mono"
              aria-label={`Tên tùy chọn ${i + 1}`}
              value={key}
              readOnly={env.readOnly}
              aria-invalid={badKey}
              onInput={(e) => replace(i, [(e.currentTarget as HTMLInputElement).value, value])}
            />
            <select
              class="select-input"
              aria-label={`Kiểu giá trị của ${key}`}
              value={type}
              disabled={env.readOnly}
              onChange={(e) => replace(i, [key, convert(value, (e.currentTarget as HTMLSelectElement).value)])}
            >
              {TYPES.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.vi}
                </option>
              ))}
            </select>
            {type === 'boolean' ? (
              <select
                class="select-input"
                aria-label={`Giá trị của ${key}`}
                value={String(value)}
                disabled={env.readOnly}
                onChange={(e) => replace(i, [key, (e.currentTarget as HTMLSelectElement).value === 'true'])}
              >
                <option value="true">Có (true)</option>
                <option value="false">Không (false)</option>
              </select>
            ) : (
              <input
                class="text-input"
                type={type === 'number' ? 'number' : 'text'}
                aria-label={`Giá trị của ${key}`}
                value={String(value)}
                readOnly={env.readOnly}
                onInput={(e) => {
                  const raw = (e.currentTarget as HTMLInputElement).value;
                  replace(i, [key, type === 'number' && raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw]);
                }}
              />
            )}
            {!env.readOnly && (
              <button
                type="button"
                class="icon-button danger"
                aria-label={`Xóa tùy chọn ${key}`}
                onClick={() => write(entries.filter((_, j) => j !== i))}
              >
                ✕
              </button>
            )}
            {badKey && <p class="hint hint--wrong">Tên tùy chọn: bắt đầu bằng chữ cái, chỉ gồm chữ, số và dấu _.</p>}
          </div>
        );
      })}
      {entries.length === 0 && <p class="setting-absent">Không có tùy chọn.</p>}
      {!env.readOnly && (
        <button type="button" class="small-button" onClick={() => write([...entries, [freeName(), '']])}>
          + Thêm tùy chọn <span class="en">Add option</span>
        </button>
      )}
    </div>
  );
}
