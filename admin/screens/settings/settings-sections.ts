import { segmentsOf } from './form/json-pointer.js';
import type { SchemaNode } from './form/schema-node.js';

export interface SettingsSection {
  readonly id: string;
  readonly vi: string;
  readonly en: string;
  /** The top-level settings shown in the section. */
  readonly keys: readonly string[];
  /** Sections with a place of their own in the nav (#officers, #devices). */
  readonly screen?: 'officers' | 'devices';
}

const SECTIONS: readonly SettingsSection[] = [
  { id: 'office', vi: 'Cơ quan', en: 'Office', keys: ['office', 'locale', 'rolloverHour', 'maxRecalls'] },
  { id: 'queues', vi: 'Hàng đợi', en: 'Queues', keys: ['queues', 'resultQueueId'] },
  { id: 'counters', vi: 'Quầy', en: 'Counters', keys: ['counters'] },
  { id: 'priority', vi: 'Ưu tiên', en: 'Priority', keys: ['priority'] },
  { id: 'officers', vi: 'Cán bộ', en: 'Officers', keys: ['officers'], screen: 'officers' },
  { id: 'devices', vi: 'Thiết bị', en: 'Devices', keys: ['devices'], screen: 'devices' },
  { id: 'hall-display', vi: 'Màn hình sảnh', en: 'Hall TV', keys: ['hallDisplay'] },
  { id: 'survey', vi: 'Khảo sát', en: 'Survey', keys: ['survey'] },
  { id: 'dossiers', vi: 'Hồ sơ', en: 'Dossiers', keys: ['dossiers'] },
];

/**
 * The sections of the settings screen. A setting the hub has and no section names (a newer hub)
 * lands in "Khác", so nothing the hub can refuse is out of the admin's reach.
 */
export function sectionsFor(root: SchemaNode): SettingsSection[] {
  const named = new Set(SECTIONS.flatMap((s) => s.keys));
  const others = Object.keys(root.properties ?? {}).filter((k) => !named.has(k));
  return others.length > 0 ? [...SECTIONS, { id: 'other', vi: 'Khác', en: 'Other', keys: others }] : [...SECTIONS];
}

export function sectionOf(sections: readonly SettingsSection[], pointer: string): SettingsSection | undefined {
  const top = segmentsOf(pointer)[0];
  return sections.find((s) => top !== undefined && s.keys.includes(top));
}

export function sectionHash(section: SettingsSection): string {
  return section.screen ? `#${section.screen}` : `#settings/${section.id}`;
}
