import { Type, type Static } from '@sinclair/typebox';
import { DeviceSchema } from './device-schema.js';
import { HallDisplaySchema } from './hall-display-schema.js';
import { SurveySchema } from './survey-schema.js';
import { DossierSettingsSchema } from './dossier-schema.js';
import { closed, group, setting, slugSetting as slug, textSetting as text } from './schema-meta.js';
import { OfficeSchema, LocaleSchema } from './office-schema.js';
import { PrioritySchema } from './priority-schema.js';
import { CounterSchema, QueueSchema } from './queue-schema.js';

export { DEFAULT_PRIORITY_CLASSES } from './priority-schema.js';
export type { CounterSetting, QueueSetting } from './queue-schema.js';

/**
 * The settings of one reception hall, as one TypeBox schema: validation, the TypeScript type and (later)
 * the admin forms all come from here. The parts live in office-, priority-, queue- and device-schema.ts;
 * this file puts them together with the officers. Every object is closed (`additionalProperties:
 * false`): a typo such as `priorityCounte` in a hand-edited file is reported, not silently ignored.
 * Rules that span several settings (unique ids, references) live in site-config-rules.ts.
 */

/** Officers sign in with a username; passwords are scrypt hashes in the hub's database, never here. */
export const OfficerSchema = Type.Object(
  {
    id: slug('Id', 'Mã', 'Stored on events and reports; do not change once in use.'),
    username: Type.String({
      pattern: '^[a-z0-9._-]{3,32}$',
      ...setting('Username', 'Tên đăng nhập', 'What the officer types to sign in.', '', {
        errorMessage: 'Expected a username of 3-32 characters a-z, 0-9, ., _ or -',
      }),
    }),
    name: text('Full name', 'Họ và tên', 'Shown on the survey pad and in reports.'),
    role: Type.Union(
      [Type.Literal('officer'), Type.Literal('supervisor'), Type.Literal('admin')],
      setting(
        'Role',
        'Vai trò',
        'officer: serves at a counter; supervisor: also watches and moves tickets; admin: also changes settings.',
        'officer',
      ),
    ),
    disabled: Type.Boolean(
      setting('Disabled', 'Ngừng hoạt động', 'A disabled officer cannot sign in; kept so reports keep the name.', false),
    ),
  },
  { ...closed, ...group('Officer', 'Cán bộ', 'A person who signs in.') },
);

const DEFAULT_OFFICERS = [{ id: 'quantri', username: 'quantri', name: 'Quản trị hệ thống', role: 'admin', disabled: false }];

export const SiteConfigSchema = Type.Object(
  {
    office: OfficeSchema,
    rolloverHour: Type.Integer({
      minimum: 0,
      maximum: 23,
      // The running hub fixes its service-day boundary at start, so an edit cannot split a day's numbering.
      ...setting(
        'Day rollover hour',
        'Giờ sang ngày mới',
        'Hour (Asia/Ho_Chi_Minh) when numbering restarts and unfinished tickets expire.',
        0,
        { restart: true },
      ),
    }),
    maxRecalls: Type.Integer({
      minimum: 0,
      maximum: 10,
      ...setting(
        'Recalls before no-show',
        'Số lần gọi lại',
        'Recalls allowed after the first call before the officer must mark a no-show.',
        2,
      ),
    }),
    locale: LocaleSchema,
    priority: PrioritySchema,
    queues: Type.Array(QueueSchema, setting('Queues', 'Hàng đợi', 'The service queues of the hall.', [])),
    counters: Type.Array(CounterSchema, setting('Counters', 'Quầy', 'The service counters of the hall.', [])),
    resultQueueId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 32,
        // Optional and absent by default: a hall without a Nhận kết quả queue offers no such ticket.
        ...setting(
          'Result collection queue',
          'Hàng đợi nhận kết quả',
          'Where the kiosk sends a citizen whose dossier result is ready (Nhận kết quả).',
          undefined,
        ),
      }),
    ),
    hallDisplay: Type.Optional(HallDisplaySchema),
    survey: Type.Optional(SurveySchema),
    dossiers: Type.Optional(DossierSettingsSchema),
    officers: Type.Array(
      OfficerSchema,
      setting('Officers', 'Cán bộ', 'People who sign in; at least one enabled admin.', DEFAULT_OFFICERS),
    ),
    devices: Type.Array(
      DeviceSchema,
      setting(
        'Devices',
        'Thiết bị',
        'Screens connect with their key at once; hardware (a device with a link) is opened when the hub starts.',
        [],
      ),
    ),
  },
  { ...closed, ...group('Site settings', 'Cấu hình điểm phục vụ', 'All settings of one reception hall.') },
);

export type SiteConfig = Static<typeof SiteConfigSchema>;
export type OfficerSetting = Static<typeof OfficerSchema>;
