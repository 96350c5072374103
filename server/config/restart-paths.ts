import type { TSchema } from '@sinclair/typebox';
import type { AuditChange } from '../storage/repositories/audit-log.js';
import { KINDS_NEEDING_KEY, type DeviceKind } from './device-schema.js';
import { SiteConfigSchema, type SiteConfig } from './site-config-schema.js';

/**
 * Which changes wait for a restart. The schema marks those settings (`restart: true`), e.g. the
 * rollover hour. Devices are the one place where the rule depends on the value: a screen (kiosk, TV,
 * counter screen, survey tablet) connects with its key and is live at once, while hardware (a
 * printer, an LED board, a pad) is opened by its driver when the hub starts.
 */
export function restartNeeded(changes: readonly AuditChange[], before: SiteConfig, after: SiteConfig): string[] {
  const out: string[] = [];
  for (const c of changes) {
    const segments = c.path.split('/').slice(1);
    if (segments[0] === 'devices') {
      const index = Number(segments[1]);
      const kinds = [before.devices[index]?.kind, after.devices[index]?.kind].filter((k): k is DeviceKind => k !== undefined);
      if (kinds.some((k) => !KINDS_NEEDING_KEY.has(k))) out.push(c.path);
      continue;
    }
    if (annotatedRestart(SiteConfigSchema, segments)) out.push(c.path);
  }
  return out;
}

/** True when the setting at the path, or a group holding it, is annotated `restart: true`. */
function annotatedRestart(schema: TSchema, segments: readonly string[]): boolean {
  let node: TSchema | undefined = schema;
  for (const seg of segments) {
    if (!node) return false;
    if (node['restart'] === true) return true;
    if (node['type'] === 'array') node = node['items'] as TSchema | undefined;
    else if (node['type'] === 'object') node = (node['properties'] as Record<string, TSchema> | undefined)?.[seg];
    else return false;
  }
  return node?.['restart'] === true;
}
