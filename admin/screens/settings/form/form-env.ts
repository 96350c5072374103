import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ModelsByKind, SettingsProblem } from '../../../state/settings-store.js';
import type { SchemaNode } from './schema-node.js';

/** What every field of the settings form needs besides its own value. */
export interface FormEnv {
  readonly root: SchemaNode;
  /** The whole draft: a counter's queue is chosen from the draft's queues, a model by the device's kind. */
  readonly draft: unknown;
  readonly models: ModelsByKind;
  readonly readOnly: boolean;
  readonly problems: readonly SettingsProblem[];
  change(pointer: string, value: unknown): void;
  edit(change: (draft: unknown) => unknown): void;
}

export const FormEnvContext = createContext<FormEnv | null>(null);

export function useFormEnv(): FormEnv {
  const env = useContext(FormEnvContext);
  if (!env) throw new Error('A settings field is rendered outside a settings form');
  return env;
}

/** The refusals for exactly this setting. */
export const problemsAt = (env: FormEnv, pointer: string): string[] =>
  env.problems.filter((p) => p.path === pointer).map((p) => p.message);

/** How many refusals are at or under this place (a collapsed row or a section tab shows the count). */
export const problemsUnder = (problems: readonly SettingsProblem[], pointer: string): number =>
  problems.filter((p) => p.path === pointer || p.path.startsWith(`${pointer}/`)).length;

/** A DOM id for a setting's control, so its label and the error list can point at it. */
export const controlId = (pointer: string): string => `setting${pointer.replace(/[^A-Za-z0-9_-]/g, '_')}`;
