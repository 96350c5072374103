import { serviceDayStart, vnDate, vnParts } from '../time/vn-time.js';

/**
 * When a dossier's result is due, in working days (Nghị định 118/2025 and the procedures' own
 * "N ngày làm việc"): processing starts on the day received if it is a working day and the dossier
 * came in before the cut-off (15:00 by default, where the procedure or the office applies that rule),
 * otherwise on the next working day; the result is due on the N-th working day after that start,
 * at the office's appointment time. Weekends (by the office's working week) and the holidays the
 * office lists are skipped. Pure: the calendar is data given by the site config.
 */
export interface WorkCalendar {
  /** Working weekdays, 0 = Sunday … 6 = Saturday; Monday to Friday by default. */
  readonly workDays: readonly number[];
  /** Days off, "YYYY-MM-DD" (Tết, national holidays, compensatory days), as announced each year. */
  readonly holidays: readonly string[];
  /** "HH:MM": a dossier received at or after it counts from the next working day. */
  readonly cutoff: string;
  /** "HH:MM" on the due day written on the receipt. */
  readonly appointmentTime: string;
}

export const DEFAULT_CALENDAR: WorkCalendar = {
  workDays: [1, 2, 3, 4, 5],
  holidays: [],
  cutoff: '15:00',
  appointmentTime: '16:00',
};

const DAY_MS = 86_400_000;

export function isWorkingDay(day: string, calendar: WorkCalendar): boolean {
  const weekday = vnParts(serviceDayStart(day, 0)).weekday;
  return calendar.workDays.includes(weekday) && !calendar.holidays.includes(day);
}

export function nextWorkingDay(day: string, calendar: WorkCalendar): string {
  if (calendar.workDays.length === 0) throw new RangeError('a working week needs at least one working day');
  let d = addDays(day, 1);
  while (!isWorkingDay(d, calendar)) d = addDays(d, 1);
  return d;
}

/**
 * The appointment for a dossier received at `receivedAt` needing `workingDays` (0: the same
 * working day it starts), applying the cut-off rule unless the procedure says otherwise.
 */
export function appointmentFor(
  receivedAt: number,
  workingDays: number,
  calendar: WorkCalendar,
  opts: { cutoffApplies?: boolean } = {},
): { startDay: string; dueDay: string; appointmentAt: number } {
  if (!Number.isFinite(workingDays) || workingDays < 0) throw new RangeError(`not a number of working days: ${workingDays}`);
  const day = vnDate(receivedAt);
  const p = vnParts(receivedAt);
  const time = `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
  const late = (opts.cutoffApplies ?? true) && time >= calendar.cutoff;
  const startDay = isWorkingDay(day, calendar) && !late ? day : nextWorkingDay(day, calendar);
  let dueDay = startDay;
  // Half days and the like are rounded up: the office never promises less time than the procedure allows.
  for (let i = 0; i < Math.ceil(workingDays); i++) dueDay = nextWorkingDay(dueDay, calendar);
  const [h, m] = calendar.appointmentTime.split(':').map(Number) as [number, number];
  return { startDay, dueDay, appointmentAt: serviceDayStart(dueDay, 0) + (h * 60 + m) * 60_000 };
}

function addDays(day: string, n: number): string {
  return vnDate(serviceDayStart(day, 0) + n * DAY_MS);
}
