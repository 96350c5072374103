import { Type, type Static } from '@sinclair/typebox';
import { DEFAULT_CALENDAR } from '../../common/dossier/appointment.js';
import { closed, group, setting } from './schema-meta.js';

const HHMM = (title: string, titleVi: string, description: string, value: string) =>
  Type.String({
    pattern: '^([01]\\d|2[0-3]):[0-5]\\d$',
    ...setting(title, titleVi, description, value, { errorMessage: 'Expected a time like 15:00' }),
  });

/**
 * The office's working calendar for dossier appointments. Holidays change every year (Tết moves,
 * compensatory days are announced): the office lists them; nothing here guesses them. Optional as a
 * whole, for site files written before it existed.
 */
export const DossierSettingsSchema = Type.Object(
  {
    workDays: Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), {
      minItems: 1,
      maxItems: 7,
      uniqueItems: true,
      ...setting('Working days', 'Ngày làm việc trong tuần', '0 = Sunday … 6 = Saturday.', DEFAULT_CALENDAR.workDays),
    }),
    holidays: Type.Array(
      Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', errorMessage: 'Expected a date like 2026-09-02' }),
      setting('Holidays', 'Ngày nghỉ lễ, Tết', 'Days off as announced each year (YYYY-MM-DD).', []),
    ),
    cutoff: HHMM(
      'Cut-off time',
      'Giờ tính sang ngày hôm sau',
      'A dossier received at or after it counts from the next working day.',
      DEFAULT_CALENDAR.cutoff,
    ),
    appointmentTime: HHMM(
      'Appointment time',
      'Giờ hẹn trả kết quả',
      'The time written on the receipt for the due day.',
      DEFAULT_CALENDAR.appointmentTime,
    ),
  },
  { ...closed, ...group('Dossiers', 'Hồ sơ', 'Working calendar for dossier appointments.') },
);

export type DossierSettings = Static<typeof DossierSettingsSchema>;
