import type { ScreenConfig } from '../../common/contract/screen-config.js';
import { displayLayoutOf } from '../config/display-options.js';
import { DEFAULT_HALL_DISPLAY } from '../config/hall-display-schema.js';
import { DEFAULT_SURVEY } from '../config/survey-schema.js';
import type { SiteConfig } from '../config/site-config-schema.js';
import type { Principal } from './principal.js';

const KIOSK_IDLE_SECONDS = 60;

/**
 * The part of the site config a screen may know, for the screen asking: a hall TV gets its own
 * layout, a counter screen its counter. Keys, links and officers never leave the hub this way.
 */
export function screenConfigOf(site: SiteConfig, principal: Principal | null): ScreenConfig {
  const hallDisplay = site.hallDisplay ?? DEFAULT_HALL_DISPLAY;
  const device = principal?.kind === 'device' ? site.devices.find((d) => d.id === principal.deviceId) : undefined;
  return {
    office: { name: site.office.name, nameEn: site.office.nameEn, parentAuthority: site.office.parentAuthority },
    priorityClasses: site.priority.classes.map((c) => ({ id: c.id, name: c.name, nameEn: c.nameEn })),
    kioskIdleSeconds: KIOSK_IDLE_SECONDS,
    resultQueueId: site.resultQueueId ?? null,
    fieldQueues: Object.fromEntries(site.queues.flatMap((q) => q.fields.map((f) => [f, q.id]))),
    notice: hallDisplay.notice,
    voice: { ...hallDisplay.voice, reading: { ...site.locale } },
    display: device?.kind === 'display' ? displayLayoutOf(device.options) : null,
    counterId: principal?.kind === 'device' ? principal.counterId : null,
    survey: site.survey ?? DEFAULT_SURVEY,
    maxRecalls: site.maxRecalls,
  };
}
