import type { Ack, ErrorBody } from '../../common/contract/errors.js';
import type { HubMethod } from '../../ui/hub-request.js';
import type { SchemaNode } from '../screens/settings/form/schema-node.js';
import { sameJson, setAt } from '../screens/settings/form/json-pointer.js';

export type AdminRequest = <T>(method: HubMethod, path: string, body?: unknown) => Promise<Ack<T>>;

export interface DeviceModel {
  readonly id: string;
  readonly name: string;
}
export type ModelsByKind = Readonly<Record<string, readonly DeviceModel[]>>;

export interface SettingsProblem {
  readonly path: string;
  readonly message: string;
}

export type SaveOutcome =
  | { readonly kind: 'saved'; readonly changed: readonly string[]; readonly restartNeeded: readonly string[] }
  | { readonly kind: 'invalid'; readonly problems: readonly SettingsProblem[] }
  | { readonly kind: 'stale' }
  | { readonly kind: 'failed'; readonly error: ErrorBody };

export interface SettingsState {
  readonly phase: 'loading' | 'ready' | 'failed';
  readonly loadError: ErrorBody | null;
  readonly schema: SchemaNode | null;
  readonly models: ModelsByKind;
  /** The settings as the hub has them, and the revision they were read at. */
  readonly saved: unknown;
  readonly revision: string | null;
  /** What the admin is editing; equal to `saved` until a change. */
  readonly draft: unknown;
  readonly restartPending: readonly string[];
  readonly saving: boolean;
  readonly outcome: SaveOutcome | null;
  /** The refused settings' problems by path, kept beside their fields until the field is edited. */
  readonly problems: readonly SettingsProblem[];
  /** First passwords of officers the last save added: shown once, until the admin closes them. */
  readonly newPasswords: readonly NewPassword[];
}

export interface NewPassword {
  readonly username: string;
  readonly password: string;
}

const INITIAL: SettingsState = {
  phase: 'loading',
  loadError: null,
  schema: null,
  models: {},
  saved: null,
  revision: null,
  draft: null,
  restartPending: [],
  saving: false,
  outcome: null,
  problems: [],
  newPasswords: [],
};

/**
 * The site settings as the admin page edits them: one per session, held by the shell, so a draft
 * survives moving between screens (settings, officers, devices edit the same draft) and is saved
 * whole with the revision it started from, as the hub asks (PUT /api/admin/settings).
 */
export class SettingsStore {
  private current: SettingsState = INITIAL;
  private readonly listeners = new Set<(s: SettingsState) => void>();
  private loading: Promise<void> | null = null;

  constructor(private readonly request: AdminRequest) {}

  get state(): SettingsState {
    return this.current;
  }

  get dirty(): boolean {
    return this.current.phase === 'ready' && !sameJson(this.current.saved, this.current.draft);
  }

  subscribe(listener: (s: SettingsState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reads schema and settings. `keepDraft`: a draft with changes stays (coming back to a screen). */
  load(keepDraft = true): Promise<void> {
    // The shell and the screen it opens both ask at start: one read serves both.
    this.loading ??= this.read(keepDraft).finally(() => (this.loading = null));
    return this.loading;
  }

  private async read(keepDraft: boolean): Promise<void> {
    const dirtyDraft = keepDraft && this.dirty ? this.current.draft : null;
    this.set({ phase: this.current.phase === 'ready' ? 'ready' : 'loading', loadError: null });
    const [schema, settings] = await Promise.all([
      this.current.schema
        ? Promise.resolve({ ok: true, data: { schema: this.current.schema, models: this.current.models } } as const)
        : this.request<{ schema: SchemaNode; models: ModelsByKind }>('GET', '/api/admin/settings/schema'),
      this.request<{ config: unknown; revision: string; restartPending: string[] }>('GET', '/api/admin/settings'),
    ]);
    if (!schema.ok) return this.set({ phase: 'failed', loadError: schema.error });
    if (!settings.ok) return this.set({ phase: 'failed', loadError: settings.error });
    const { config, revision, restartPending } = settings.data;
    this.set({
      phase: 'ready',
      schema: schema.data.schema,
      models: schema.data.models,
      saved: config,
      revision,
      draft: dirtyDraft ?? config,
      restartPending,
      outcome: dirtyDraft ? this.current.outcome : null,
      problems: dirtyDraft ? this.current.problems : [],
    });
  }

  /** Sets one setting (undefined: takes an optional one away). Its own refusal is no longer shown. */
  change(pointer: string, value: unknown): void {
    this.edit((draft) => setAt(draft, pointer, value), pointer);
  }

  /** A change that touches a list as a whole (add, remove, move a row). */
  edit(change: (draft: unknown) => unknown, pointer?: string): void {
    if (this.current.phase !== 'ready') return;
    const problems = pointer === undefined ? this.current.problems : this.current.problems.filter((p) => p.path !== pointer);
    const outcome = this.current.outcome?.kind === 'saved' ? null : this.current.outcome;
    this.set({ draft: change(this.current.draft), problems, outcome });
  }

  /** The admin has written the new officers' first passwords down. */
  dismissPasswords(): void {
    this.set({ newPasswords: [] });
  }

  discard(): void {
    this.set({ draft: this.current.saved, problems: [], outcome: null });
  }

  /** Drops the draft and reads the settings again (after someone else saved: SETTINGS_STALE). */
  async reload(): Promise<void> {
    this.set({ problems: [], outcome: null });
    await this.loading; // a read already under way may keep the draft: read again after it
    await this.load(false);
  }

  async save(): Promise<SaveOutcome | null> {
    const { phase, saving, draft, revision } = this.current;
    if (phase !== 'ready' || saving || revision === null) return null;
    this.set({ saving: true });
    const reply = await this.request<{
      revision: string;
      changed: string[];
      restartNeeded: string[];
      newPasswords?: NewPassword[];
    }>('PUT', '/api/admin/settings', { config: draft, revision });
    let outcome: SaveOutcome;
    if (reply.ok) {
      outcome = { kind: 'saved', changed: reply.data.changed, restartNeeded: reply.data.restartNeeded };
      const pending = [...new Set([...this.current.restartPending, ...reply.data.restartNeeded])];
      const newPasswords = reply.data.newPasswords ?? [];
      this.set({
        saving: false,
        saved: draft,
        revision: reply.data.revision,
        restartPending: pending,
        outcome,
        problems: [],
        newPasswords,
      });
      return outcome;
    }
    const { error } = reply;
    if (error.code === 'SETTINGS_INVALID') {
      const problems = error.details ?? [];
      outcome = { kind: 'invalid', problems };
      this.set({ saving: false, outcome, problems });
    } else {
      outcome = error.code === 'SETTINGS_STALE' ? { kind: 'stale' } : { kind: 'failed', error };
      this.set({ saving: false, outcome });
    }
    return outcome;
  }

  private set(patch: Partial<SettingsState>): void {
    this.current = { ...this.current, ...patch };
    for (const l of this.listeners) l(this.current);
  }
}
