import { describe, expect, it } from 'vitest';
import { Value } from '@sinclair/typebox/value';
import { SiteConfigSchema } from '../../../server/config/site-config-schema.js';
import { validateSiteConfig } from '../../../server/config/validate-site-config.js';
import { patternHint } from '../../../admin/i18n/pattern-hints.js';
import { placeOf } from '../../../admin/screens/settings/form/path-label.js';
import { getAt, setAt } from '../../../admin/screens/settings/form/json-pointer.js';
import { childNode, fieldKind, initialValue, type SchemaNode } from '../../../admin/screens/settings/form/schema-node.js';
import { sectionOf, sectionsFor } from '../../../admin/screens/settings/settings-sections.js';
import { testSite } from '../../helpers/test-site.js';

/** The schema as the admin page receives it: JSON over the wire, TypeBox's symbols gone. */
const root = JSON.parse(JSON.stringify(SiteConfigSchema)) as SchemaNode;

function walk(node: SchemaNode, pointer: string, visit: (n: SchemaNode, p: string) => void): void {
  visit(node, pointer);
  for (const [k, child] of Object.entries(node.properties ?? {})) walk(child, `${pointer}/${k}`, visit);
  if (node.items) walk(node.items, `${pointer}/0`, visit);
  for (const child of Object.values(node.patternProperties ?? {})) walk(child, `${pointer}/key`, visit);
  for (const child of node.anyOf ?? []) walk(child, pointer, visit);
}

describe('the settings form built from the hub’s schema', () => {
  it('names a refused setting’s place in Vietnamese, rows counted from 1', () => {
    expect(placeOf(root, '/counters/3/number')).toBe('Quầy › dòng 4 › Số quầy');
    expect(placeOf(root, '/queues/0/series/prefix')).toBe('Hàng đợi › dòng 1 › Dãy số › Ký tự đầu');
    expect(placeOf(root, '/counters/1/queues/0/queueId')).toBe('Quầy › dòng 2 › Hàng đợi phục vụ › dòng 1 › Hàng đợi');
    expect(placeOf(root, '/devices/2/options/kioskId')).toBe('Thiết bị › dòng 3 › Tùy chọn › kioskId');
    expect(placeOf(root, '/rolloverHour')).toBe('Giờ sang ngày mới');
    expect(placeOf(root, '')).toBe('Toàn bộ cấu hình');
  });

  it('has a Vietnamese title for every setting, so no place reads in English', () => {
    const missing: string[] = [];
    walk(root, '', (n, p) => {
      for (const [k, child] of Object.entries(n.properties ?? {})) if (!child.titleVi) missing.push(`${p}/${k}`);
    });
    // Items of a few inner lists (criteria, reasons) are plain objects: their settings still have titles.
    expect(missing).toEqual([]);
  });

  it('has a Vietnamese hint for every text shape the schema asks for', () => {
    const patterns = new Set<string>();
    walk(root, '', (n) => n.pattern !== undefined && patterns.add(n.pattern));
    expect(patterns.size).toBeGreaterThan(5);
    expect([...patterns].filter((p) => patternHint(p) === null)).toEqual([]);
  });

  it('edits each setting with a control that fits it', () => {
    const at = (p: string) =>
      p
        .split('/')
        .slice(1)
        .reduce<SchemaNode | undefined>((n, s) => childNode(n, s), root);
    expect(fieldKind(root)).toBe('group');
    expect(fieldKind(at('/queues')!)).toBe('rows');
    expect(fieldKind(at('/counters/0/queues/0/role')!)).toBe('choice');
    expect(fieldKind(at('/dossiers/workDays')!)).toBe('weekdays');
    expect(fieldKind(at('/dossiers/holidays')!)).toBe('list');
    expect(fieldKind(at('/devices/0/options')!)).toBe('record');
    expect(fieldKind(at('/hallDisplay/voice/rate')!)).toBe('number');
    expect(fieldKind(at('/maxRecalls')!)).toBe('integer');
    expect(at('/devices/0/key')?.secret).toBe(true);
    const unknown: string[] = [];
    walk(root, '', (n, p) => fieldKind(n) === 'unknown' && unknown.push(p));
    // Only the value of a device option (text, number or yes/no) has no single control: its row decides.
    expect(unknown).toEqual(['/devices/0/options/key']);
  });

  it('starts a new row and a whole new site from the schema’s defaults, in shapes the hub accepts', () => {
    const queue = initialValue(root.properties!.queues!.items!);
    expect(queue).toEqual({
      id: '',
      name: '',
      nameEn: '',
      series: { prefix: 'A', start: 1, width: 3 },
      defaultServiceMinutes: 10,
      fields: [],
    });
    // Every group and setting made from defaults has the schema's types (blank names aside).
    const hall = initialValue(root.properties!.hallDisplay!);
    expect(Value.Check(SiteConfigSchema.properties.hallDisplay, hall)).toBe(true);
    const survey = initialValue(root.properties!.survey!);
    expect(Value.Check(SiteConfigSchema.properties.survey, survey)).toBe(true);
    // An optional setting is left out of a new group: "Thêm" adds it.
    expect(Object.keys(queue as object)).not.toContain('issuingHours');
  });

  it('puts every top-level setting in a named section, and finds a refusal’s section', () => {
    const sections = sectionsFor(root);
    expect(sections.map((s) => s.vi)).toEqual([
      'Cơ quan',
      'Hàng đợi',
      'Quầy',
      'Ưu tiên',
      'Cán bộ',
      'Thiết bị',
      'Màn hình sảnh',
      'Khảo sát',
      'Hồ sơ',
    ]);
    expect(sectionOf(sections, '/counters/3/number')?.id).toBe('counters');
    expect(sectionOf(sections, '/officers/0/role')?.screen).toBe('officers');
    expect(sectionOf(sections, '/locale/four')?.id).toBe('office');
    // A setting of a newer hub still has a place.
    const newer = { ...root, properties: { ...root.properties, sms: { type: 'object', properties: {} } } } as SchemaNode;
    expect(sectionOf(sectionsFor(newer), '/sms/url')?.vi).toBe('Khác');
  });

  it('adds a queue and a counter the way the form does, which the hub accepts, and reads the hub’s refusals as places', () => {
    let draft: unknown = JSON.parse(JSON.stringify(testSite()));
    const queues = getAt(draft, '/queues') as unknown[];
    draft = setAt(draft, '/queues', [...queues, initialValue(root.properties!.queues!.items!)]);
    const q = `/queues/${queues.length}`;
    draft = setAt(draft, `${q}/id`, 'thue');
    draft = setAt(draft, `${q}/name`, 'Thuế');
    draft = setAt(draft, `${q}/nameEn`, 'Tax');
    draft = setAt(draft, `${q}/series/prefix`, 'G');
    const counters = getAt(draft, '/counters') as unknown[];
    const c = `/counters/${counters.length}`;
    draft = setAt(draft, '/counters', [...counters, initialValue(root.properties!.counters!.items!)]);
    draft = setAt(draft, `${c}/id`, 'quay-7');
    draft = setAt(draft, `${c}/name`, 'Quầy 7 – Thuế');
    draft = setAt(draft, `${c}/number`, 7);
    draft = setAt(draft, `${c}/queues`, [{ queueId: 'thue', role: 'primary' }]);
    expect(validateSiteConfig(draft)).toMatchObject({ ok: true });

    const clash = setAt(setAt(draft, `${c}/number`, 3), `${c}/queues`, []);
    const result = validateSiteConfig(clash);
    if (result.ok) throw new Error('a clash of counter numbers was accepted');
    const places = result.errors.map((e) => placeOf(root, e.path));
    expect(places).toContain('Quầy › dòng 7 › Số quầy');
    expect(places).toContain('Quầy › dòng 7 › Hàng đợi phục vụ');
    expect(places).toContain('Hàng đợi › dòng 7');
  });
});
