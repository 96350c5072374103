/**
 * The admin page's screens, chosen by the URL hash (#settings, #audit…) so a reload stays put.
 * Settings has sections of its own (#settings/queues); officers and devices are settings too, with
 * their own place in the nav because they are what an admin changes most.
 */
export const SCREENS = [
  { id: 'dashboard', vi: 'Tổng quan', en: 'Dashboard' },
  { id: 'reports', vi: 'Báo cáo', en: 'Reports' },
  { id: 'settings', vi: 'Cấu hình', en: 'Settings' },
  { id: 'officers', vi: 'Cán bộ', en: 'Officers' },
  { id: 'devices', vi: 'Thiết bị', en: 'Devices' },
  { id: 'catalogue', vi: 'Danh mục TTHC', en: 'Catalogue' },
  { id: 'backups', vi: 'Sao lưu', en: 'Backups' },
  { id: 'audit', vi: 'Nhật ký', en: 'Audit log' },
] as const;

export type ScreenId = (typeof SCREENS)[number]['id'];

export interface AdminRoute {
  readonly screen: ScreenId;
  /** The part after the screen: a settings section. Empty when none. */
  readonly sub: string;
}

const IDS: ReadonlySet<string> = new Set(SCREENS.map((s) => s.id));

/** An unknown or empty hash opens the dashboard rather than a blank page. */
export function routeOf(hash: string): AdminRoute {
  const [screen = '', sub = ''] = hash.replace(/^#\/?/, '').split('/');
  return IDS.has(screen) ? { screen: screen as ScreenId, sub } : { screen: 'dashboard', sub: '' };
}

export function hashOf(route: AdminRoute): string {
  return route.sub ? `#${route.screen}/${route.sub}` : `#${route.screen}`;
}
