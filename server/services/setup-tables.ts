import type { SiteConfig } from '../config/site-config-schema.js';
import type { HallConfig } from '../core/hall-state.js';
import type { ConfigMirror } from '../storage/repositories/config-mirror.js';
import type { CountersRepository } from '../storage/repositories/counters.js';
import type { OfficersRepository } from '../storage/repositories/officers.js';
import type { ScreenDeviceKey } from './auth-service.js';
import type { ScreenKind } from './principal.js';

const SCREEN_KINDS: readonly string[] = ['kiosk', 'display', 'counter-screen', 'survey'];

/**
 * Brings the database's copies of the set-up (queues, counters, devices, officers) in line with the
 * settings, at start and after every saved change; reports and joins read names from them. Returns
 * the officers who have no password yet (added since), to be given a first one.
 */
export function syncSetupTables(
  site: SiteConfig,
  hallConfig: HallConfig,
  repos: { mirror: ConfigMirror; counters: CountersRepository; officers: OfficersRepository },
): string[] {
  repos.mirror.syncQueues(hallConfig.queues);
  repos.counters.syncDefinitions(hallConfig.counters);
  repos.mirror.syncDevices(
    site.devices.map((d) => ({
      id: d.id,
      kind: d.kind,
      name: d.name,
      model: d.model ?? null,
      link: d.link ?? null,
      counterId: d.counterId ?? null,
    })),
  );
  return repos.officers.sync(
    site.officers.map((o) => ({ id: o.id, username: o.username, name: o.name, role: o.role, disabled: o.disabled ?? false })),
  );
}

/** The keys screens connect with, from the settings as they are now. */
export function screenKeysOf(site: SiteConfig): ScreenDeviceKey[] {
  return site.devices
    .filter((d) => SCREEN_KINDS.includes(d.kind) && typeof d.key === 'string')
    .map((d) => ({ id: d.id, kind: d.kind as ScreenKind, key: d.key as string, counterId: d.counterId ?? null }));
}
