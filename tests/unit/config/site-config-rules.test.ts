import { describe, expect, it } from 'vitest';
import type { SiteConfig } from '../../../server/config/site-config-schema.js';
import { validateSiteConfig } from '../../../server/config/validate-site-config.js';
import { demo, errorsOf, expectError } from './site-config-fixtures.js';

/**
 * One case per whole-config rule: break it in the demo, and check the error lands on the field to fix.
 * Every case also breaks an unrelated setting, so each test proves the validator keeps going after the
 * first problem and reports schema errors and rule errors together.
 */
interface Case {
  readonly rule: string;
  readonly breakIt: (c: SiteConfig) => void;
  readonly path: string;
  readonly message: RegExp;
}

const cases: Case[] = [
  {
    rule: 'queue ids are unique',
    breakIt: (c) => void (c.queues[3]!.id = 'ho-tich-chung-thuc'),
    path: '/queues/3/id',
    message: /Duplicate queue id "ho-tich-chung-thuc": already used at \/queues\/0\/id/,
  },
  {
    rule: 'counter ids are unique',
    breakIt: (c) => void (c.counters[2]!.id = 'quay-1'),
    path: '/counters/2/id',
    message: /Duplicate counter id "quay-1"/,
  },
  {
    rule: 'officer ids are unique',
    breakIt: (c) => void (c.officers[1]!.id = 'canbo1'),
    path: '/officers/1/id',
    message: /Duplicate officer id "canbo1"/,
  },
  {
    rule: 'device ids are unique',
    breakIt: (c) => void (c.devices[2]!.id = 'kiosk-1'),
    path: '/devices/2/id',
    message: /Duplicate device id "kiosk-1"/,
  },
  {
    rule: 'priority class ids are unique',
    breakIt: (c) => void (c.priority.classes[4]!.id = 'nguoi-cao-tuoi'),
    path: '/priority/classes/4/id',
    message: /Duplicate priority class id "nguoi-cao-tuoi"/,
  },
  {
    rule: 'counter numbers are unique',
    breakIt: (c) => void (c.counters[5]!.number = 1),
    path: '/counters/5/number',
    message: /Duplicate counter number 1: already used at \/counters\/0\/number/,
  },
  {
    rule: 'usernames are unique',
    breakIt: (c) => void (c.officers[6]!.username = 'canbo1'),
    path: '/officers/6/username',
    message: /Duplicate username "canbo1"/,
  },
  {
    rule: 'series prefixes are unique across queues',
    breakIt: (c) => void (c.queues[4]!.series.prefix = 'A'),
    path: '/queues/4/series/prefix',
    message: /Duplicate number prefix "A": already used at \/queues\/0\/series\/prefix/,
  },
  {
    rule: 'the first number fits the width',
    breakIt: (c) => void (c.queues[0]!.series = { prefix: 'A', start: 1000, width: 3 }),
    path: '/queues/0/series/start',
    message: /does not fit in 3 digit/,
  },
  {
    rule: "a counter's queue exists",
    breakIt: (c) => void (c.counters[2]!.queues[0]!.queueId = 'khong-co'),
    path: '/counters/2/queues/0/queueId',
    message: /Unknown queue "khong-co"/,
  },
  {
    rule: 'a counter lists a queue once',
    breakIt: (c) => void c.counters[4]!.queues.push({ queueId: 'ho-kinh-doanh-nong-nghiep', role: 'secondary' }),
    path: '/counters/4/queues/2/queueId',
    message: /listed twice for this counter \(also at \/counters\/4\/queues\/0\/queueId\)/,
  },
  {
    rule: 'every queue is served by a counter',
    breakIt: (c) => {
      c.counters[5]!.queues = [{ queueId: 'ho-tich-chung-thuc', role: 'primary' }];
      c.counters[0]!.queues = c.counters[0]!.queues.filter((l) => l.queueId !== 'nhan-ket-qua');
    },
    path: '/queues/5',
    message: /Queue "nhan-ket-qua" is served by no counter/,
  },
  {
    rule: 'a counter serves a queue',
    breakIt: (c) => void (c.counters[1]!.queues = []),
    path: '/counters/1/queues',
    message: /Counter "quay-2" serves no queue/,
  },
  {
    rule: 'device keys are unique',
    breakIt: (c) => void (c.devices[6]!.key = c.devices[5]!.key),
    path: '/devices/6/key',
    message: /^Duplicate device key: already used at \/devices\/5\/key$/,
  },
  {
    rule: 'two devices never share a link (the query does not count)',
    breakIt: (c) =>
      void c.devices.push({ id: 'printer-2', kind: 'printer', name: 'Máy in 2', link: 'sim://kiosk-1-printer?speed=fast' }),
    path: '/devices/15/link',
    message: /Device "printer-2" uses the same link as device "kiosk-1-printer" \(\/devices\/1\/link\)/,
  },
  {
    rule: 'links have a known scheme',
    breakIt: (c) => void (c.devices[2]!.link = 'ftp://printer'),
    path: '/devices/2/link',
    message: /Unknown link scheme 'ftp'/,
  },
  {
    rule: "a device's counter exists",
    breakIt: (c) => void (c.devices[3]!.counterId = 'quay-99'),
    path: '/devices/3/counterId',
    message: /Unknown counter "quay-99"/,
  },
  {
    rule: 'screens have a key',
    breakIt: (c) => void delete c.devices[0]!.key,
    path: '/devices/0/key',
    message: /A kiosk device needs a key/,
  },
  {
    rule: 'counter-bound kinds have a counter',
    breakIt: (c) => void delete c.devices[4]!.counterId,
    path: '/devices/4/counterId',
    message: /A survey device must be bound to a counter/,
  },
  {
    rule: 'interleave mode has every',
    breakIt: (c) => void delete c.priority.every,
    path: '/priority/every',
    message: /Interleave mode needs 'every'/,
  },
  {
    rule: 'an enabled admin exists',
    breakIt: (c) => void (c.officers[7]!.disabled = true),
    path: '/officers',
    message: /At least one officer with role "admin"/,
  },
];

describe('whole-config rules', () => {
  it('accept the demo', () => {
    expect(validateSiteConfig(demo())).toMatchObject({ ok: true });
  });

  it.each(cases)('$rule', ({ breakIt, path, message }) => {
    const config = demo();
    breakIt(config);
    config.office.agencyCode = 'H38';
    const errors = errorsOf(validateSiteConfig(config));
    expectError(errors, path, message);
    expectError(errors, '/office/agencyCode', /agency code/);
    // Schema errors come first, then the rules.
    expect(errors[0]?.path).toBe('/office/agencyCode');
  });

  it('report every broken rule at once', () => {
    const config = demo();
    for (const c of cases) c.breakIt(config);
    const errors = errorsOf(validateSiteConfig(config));
    for (const c of cases) expectError(errors, c.path, c.message);
  });

  it('need a role of admin, not only a not-disabled officer', () => {
    const config = demo();
    config.officers[7]!.role = 'supervisor';
    expectError(errorsOf(validateSiteConfig(config)), '/officers', /admin/);
  });

  it('treat hid ids case-insensitively when comparing links', () => {
    const config = demo();
    config.devices.push(
      { id: 'pad-1', kind: 'survey-pad', name: 'Pad 1', link: 'hid://1209:ABCD', counterId: 'quay-1' },
      { id: 'pad-2', kind: 'survey-pad', name: 'Pad 2', link: 'hid://1209:abcd', counterId: 'quay-2' },
      // Identical pads are told apart by serial number.
      { id: 'pad-3', kind: 'survey-pad', name: 'Pad 3', link: 'hid://1209:abcd/SN0003', counterId: 'quay-3' },
    );
    const errors = errorsOf(validateSiteConfig(config));
    expect(errors).toEqual([{ path: '/devices/16/link', message: expect.stringMatching(/same link as device "pad-1"/) }]);
  });

  it('do not quote device keys in any message', () => {
    const config = demo();
    const key = config.devices[0]!.key!;
    config.devices[2]!.key = key;
    config.devices[3]!.key = 'too short';
    const errors = errorsOf(validateSiteConfig(config));
    expect(errors.length).toBe(2);
    for (const e of errors) {
      expect(e.message).not.toContain(key);
      expect(e.message).not.toContain('too short');
    }
  });
});

describe('the result collection queue', () => {
  it('must name a queue of the hall when set', () => {
    const bad = { ...demo(), resultQueueId: 'khong-co' };
    const r = validateSiteConfig(bad);
    expect(r.ok ? [] : r.errors).toEqual([{ path: '/resultQueueId', message: 'Unknown queue "khong-co"' }]);
    const { resultQueueId: _omit, ...without } = demo();
    expect(validateSiteConfig(without).ok).toBe(true);
  });
});

describe('issuing hours', () => {
  it('refuses hours that stop before they start, and a time that is not HH:MM', () => {
    const site = demo();
    site.queues[0] = { ...site.queues[0]!, issuingHours: { from: '16:30', to: '07:30', days: [1] } };
    site.queues[1] = { ...site.queues[1]!, issuingHours: { from: '7:30', to: '16:30', days: [1] } };
    const r = validateSiteConfig(site);
    const errors = r.ok ? [] : r.errors;
    expect(errors).toContainEqual({
      path: '/queues/0/issuingHours/to',
      message: 'Numbers would stop (07:30) before they start (16:30)',
    });
    expect(errors.some((e) => e.path === '/queues/1/issuingHours/from')).toBe(true);
  });
});
