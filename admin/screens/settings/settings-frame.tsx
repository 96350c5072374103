import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { errorText } from '../../../ui/i18n/error-text.js';
import { Bi } from '../../i18n/bilingual.js';
import { canEdit, type AdminSession } from '../../state/admin-session.js';
import type { SettingsState, SettingsStore } from '../../state/settings-store.js';
import { useSettings } from '../../state/use-settings.js';
import { FormEnvContext, problemsUnder, type FormEnv } from './form/form-env.js';
import type { SchemaNode } from './form/schema-node.js';
import { focusSetting } from './focus-setting.js';
import { sectionHash, sectionOf, sectionsFor } from './settings-sections.js';
import { RestartPendingNote, SaveOutcomeNote } from './settings-notes.js';
import { NewPasswordsDialog } from '../officers/new-passwords-dialog.js';

export type ReadySettings = SettingsState & { readonly schema: SchemaNode };

/**
 * The frame every settings screen shares (settings sections, officers, devices): the section tabs,
 * one save bar for the one draft, what the last save did, and the form's context. A supervisor
 * sees it all read-only.
 */
export function SettingsFrame(props: {
  session: AdminSession;
  store: SettingsStore;
  active: string;
  children: (s: ReadySettings) => ComponentChildren;
}) {
  const { store } = props;
  const s = useSettings(store);
  const editable = canEdit(props.session);
  useEffect(() => void store.load(), [store]);

  if (!s.schema || s.phase === 'failed')
    return (
      <div class="settings">
        {s.phase === 'failed' && s.loadError ? (
          <div class="note note--error" role="alert">
            <p class="note-title">Không tải được cấu hình. {errorText(s.loadError)}</p>
            <button type="button" class="wide-button" onClick={() => void store.load()}>
              Thử lại <span class="en">Retry</span>
            </button>
          </div>
        ) : (
          <p class="loading">Đang tải cấu hình…</p>
        )}
      </div>
    );

  const ready = s as ReadySettings;
  const sections = sectionsFor(ready.schema);
  const dirty = store.dirty;
  const env: FormEnv = {
    root: ready.schema,
    draft: s.draft,
    models: s.models,
    readOnly: !editable,
    problems: s.problems,
    change: (pointer, value) => store.change(pointer, value),
    edit: (change) => store.edit(change),
  };
  const jump = (pointer: string) => {
    const section = sectionOf(sections, pointer);
    if (section && window.location.hash !== sectionHash(section)) window.location.hash = sectionHash(section);
    focusSetting(pointer);
  };

  return (
    <div class="settings">
      <div class="settings-bar">
        <h1 class="screen-title">
          <Bi vi="Cấu hình" en="Settings" />
        </h1>
        <span class="spacer" />
        {editable ? (
          <>
            <span class={dirty ? 'dirty-mark dirty-mark--on' : 'dirty-mark'} data-testid="dirty-mark">
              {dirty ? 'Có thay đổi chưa lưu' : 'Không có thay đổi chưa lưu'}
            </span>
            <button type="button" class="bar-button" disabled={!dirty || s.saving} onClick={() => store.discard()}>
              <Bi vi="Hủy thay đổi" en="Discard" />
            </button>
            <button
              type="button"
              class="bar-button bar-button--primary"
              disabled={!dirty || s.saving}
              onClick={() => void store.save()}
            >
              {s.saving ? 'Đang lưu…' : <Bi vi="Lưu cấu hình" en="Save" />}
            </button>
          </>
        ) : (
          <span class="readonly-mark" data-testid="read-only">
            Chỉ xem: tài khoản giám sát không thay đổi được cấu hình
          </span>
        )}
      </div>
      <nav class="section-tabs" aria-label="Các phần cấu hình">
        {sections.map((x) => {
          const count = x.keys.reduce((n, k) => n + problemsUnder(s.problems, `/${k}`), 0);
          return (
            <a key={x.id} href={sectionHash(x)} class="section-tab" aria-current={x.id === props.active ? 'page' : undefined}>
              <Bi vi={x.vi} en={x.en} />
              {count > 0 && <span class="error-badge">{count}</span>}
            </a>
          );
        })}
      </nav>
      <div class="settings-scroll">
        <RestartPendingNote paths={s.restartPending} schema={ready.schema} />
        <SaveOutcomeNote
          outcome={s.outcome}
          problems={s.problems}
          schema={ready.schema}
          onJump={jump}
          onReload={() => void store.reload()}
        />
        <FormEnvContext.Provider value={env}>{props.children(ready)}</FormEnvContext.Provider>
      </div>
      {s.newPasswords.length > 0 && <NewPasswordsDialog passwords={s.newPasswords} onClose={() => store.dismissPasswords()} />}
    </div>
  );
}
