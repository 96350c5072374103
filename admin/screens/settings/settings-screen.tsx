import type { AdminScreenProps } from '../../state/admin-session.js';
import type { SettingsStore } from '../../state/settings-store.js';
import { isRecord } from './form/json-pointer.js';
import { isOptional } from './form/schema-node.js';
import { SettingField } from './form/setting-field.js';
import { SettingsFrame } from './settings-frame.js';
import { sectionsFor } from './settings-sections.js';

/** Cấu hình: the site settings, one section at a time (#settings/<section>), built from the hub's schema. */
export function SettingsScreen(props: AdminScreenProps & { store: SettingsStore; section: string }) {
  return (
    <SettingsFrame session={props.session} store={props.store} active={props.section || 'office'}>
      {(s) => {
        const sections = sectionsFor(s.schema);
        const section = sections.find((x) => x.id === props.section) ?? sections[0];
        const draft = isRecord(s.draft) ? s.draft : {};
        return (
          <div class="section-body" data-section={section?.id}>
            {section?.keys.map((key) => {
              const node = s.schema.properties?.[key];
              if (!node) return null;
              return (
                <SettingField
                  key={key}
                  node={node}
                  pointer={`/${key}`}
                  value={draft[key]}
                  name={key}
                  parent={draft}
                  optional={isOptional(s.schema, key)}
                />
              );
            })}
          </div>
        );
      }}
    </SettingsFrame>
  );
}
