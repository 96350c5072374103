import { BooleanControl, ChoiceControl, literalChoices } from './choice-control.js';
import { FieldLabel, FieldNotes, OptionalToggle } from './field-label.js';
import { controlId, problemsAt, useFormEnv } from './form-env.js';
import { childPointer, isRecord } from './json-pointer.js';
import { ListControl, WeekdaysControl } from './list-control.js';
import { NumberControl } from './number-control.js';
import { RecordControl } from './record-control.js';
import { modelChoices, referenceChoices } from './reference-choices.js';
import { RowsField } from './rows-field.js';
import { choicesOf, fieldKind, initialValue, isOptional, type FieldKind, type SchemaNode } from './schema-node.js';
import { SecretControl } from './secret-control.js';
import { newDeviceKey } from './random-key.js';
import { TextControl } from './text-control.js';

export interface FieldProps {
  readonly node: SchemaNode;
  readonly pointer: string;
  readonly value: unknown;
  /** The setting's key in its group (how references and models are recognised). */
  readonly name: string;
  /** The group the setting is in: a model is chosen by its device's kind. */
  readonly parent?: unknown;
  readonly optional?: boolean;
}

/** One setting, edited the way its schema says: a group, a list of rows, or a single control. */
export function SettingField(props: FieldProps) {
  const kind = fieldKind(props.node);
  if (kind === 'group') return <GroupField {...props} />;
  if (kind === 'rows') return <RowsField node={props.node} pointer={props.pointer} value={props.value} />;
  return <PlainField {...props} kind={kind} />;
}

/** The settings of one group, in the schema's order. */
export function GroupBody(props: { node: SchemaNode; pointer: string; value: unknown }) {
  const value = isRecord(props.value) ? props.value : {};
  return (
    <>
      {Object.entries(props.node.properties ?? {}).map(([key, child]) => (
        <SettingField
          key={key}
          node={child}
          pointer={childPointer(props.pointer, key)}
          value={value[key]}
          name={key}
          parent={value}
          optional={isOptional(props.node, key)}
        />
      ))}
    </>
  );
}

function GroupField(props: FieldProps) {
  const env = useFormEnv();
  const id = controlId(props.pointer);
  const present = props.value !== undefined;
  return (
    <fieldset class="group" data-path={props.pointer} aria-labelledby={`${id}-label`}>
      <div class="group-head">
        <FieldLabel node={props.node} id={`${id}-label`} />
        {props.optional && !env.readOnly && (
          <OptionalToggle
            present={present}
            label={props.node.titleVi ?? props.name}
            onAdd={() => env.change(props.pointer, initialValue(props.node))}
            onRemove={() => env.change(props.pointer, undefined)}
          />
        )}
      </div>
      <FieldNotes node={props.node} errors={problemsAt(env, props.pointer)} id={id} />
      {present ? (
        <div class="group-body">
          <GroupBody node={props.node} pointer={props.pointer} value={props.value} />
        </div>
      ) : (
        <p class="setting-absent">Chưa đặt: hub dùng giá trị mặc định.</p>
      )}
    </fieldset>
  );
}

function PlainField(props: FieldProps & { kind: FieldKind }) {
  const env = useFormEnv();
  const { node, pointer, kind } = props;
  const id = controlId(pointer);
  const present = props.value !== undefined;
  const errors = problemsAt(env, pointer);
  // Lists and options are several controls: their label names the group, not one input.
  const grouped = kind === 'list' || kind === 'weekdays' || kind === 'record';
  const start = () => (node.secret ? newDeviceKey() : initialValue(node));
  return (
    <div class={errors.length > 0 ? 'setting setting--error' : 'setting'} data-path={pointer}>
      <div class="setting-head">
        <FieldLabel node={node} forId={grouped || !present ? undefined : id} id={`${id}-label`} />
        {props.optional && !env.readOnly && (
          <OptionalToggle
            present={present}
            label={node.titleVi ?? props.name}
            onAdd={() => env.change(pointer, start())}
            onRemove={() => env.change(pointer, undefined)}
          />
        )}
      </div>
      <div class="setting-control">{present ? <Control {...props} id={id} /> : <p class="setting-absent">Chưa đặt.</p>}</div>
      <FieldNotes node={node} errors={errors} id={id} />
    </div>
  );
}

/** The control alone, without label or notes: a cell of a compact table of rows uses it too. */
export function Control(props: FieldProps & { kind: FieldKind; id: string; label?: string; compact?: boolean }) {
  const env = useFormEnv();
  const { node, pointer, value, id, kind, label, compact } = props;
  const labelId = `${id}-label`;
  if (node.secret) return <SecretControl pointer={pointer} value={value} id={id} />;
  switch (kind) {
    case 'text': {
      const refs = referenceChoices(props.name, env.draft);
      if (refs) return <ChoiceControl pointer={pointer} value={value} id={id} choices={refs} label={label} />;
      const models = props.name === 'model' ? modelChoices(props.parent, env.models) : null;
      if (models)
        return (
          <ChoiceControl pointer={pointer} value={value} id={id} choices={models} placeholder="— Chọn mẫu —" label={label} />
        );
      return <TextControl node={node} pointer={pointer} value={value} id={id} label={label} compact={compact} />;
    }
    case 'integer':
    case 'number':
      return (
        <NumberControl
          node={node}
          pointer={pointer}
          value={value}
          id={id}
          integer={kind === 'integer'}
          label={label}
          compact={compact}
        />
      );
    case 'boolean':
      return <BooleanControl pointer={pointer} value={value} id={id} label={label} />;
    case 'choice':
      return (
        <ChoiceControl pointer={pointer} value={value} id={id} choices={literalChoices(choicesOf(node) ?? [])} label={label} />
      );
    case 'list':
      return <ListControl node={node} pointer={pointer} value={value} labelId={labelId} name={node.titleVi ?? props.name} />;
    case 'weekdays':
      return <WeekdaysControl pointer={pointer} value={value} labelId={labelId} />;
    case 'record':
      return <RecordControl node={node} pointer={pointer} value={value} labelId={labelId} />;
    default:
      return <pre class="raw-value">{JSON.stringify(value, null, 2)}</pre>;
  }
}
