import type { WorkCalendar } from '../../../platform/calendar/work-calendar.js';

/**
 * SLA clocks. Calendar hours by default; with workingHoursOnly, only 9:00–17:30 of working days count, in the
 * community's zone. A working day is Monday–Friday unless the national calendar (放假调休) says otherwise: `calendar`
 * answers true (worked), false (day off) or undefined (the weekday rule) for a Beijing date "YYYY-MM-DD".
 * Asia/Shanghai has no daylight saving, so a fixed offset is exact.
 */
const OFFSET_MS = 8 * 3600_000;
const DAY_START = 9 * 60; // minutes after local midnight
const DAY_END = 17 * 60 + 30;

const weekdaysOnly: WorkCalendar = () => undefined;

export function dueAt(start: Date, hours: number, workingHoursOnly: boolean, calendar: WorkCalendar = weekdaysOnly): Date {
  if (!workingHoursOnly) return new Date(start.getTime() + hours * 3600_000);
  // Whole days are working days (ADR 0035): 7 × 24 h "只计工作时间" is 7 个工作日, as the settings page says.
  if (hours > 0 && hours % 24 === 0) return addWorkingDays(start, hours / 24, calendar);
  let remaining = hours * 60; // minutes
  let local = new Date(start.getTime() + OFFSET_MS); // UTC fields now read as local time
  for (let guard = 0; guard < 10_000 && remaining > 0; guard++) {
    const day = local.getUTCDay();
    const minute = local.getUTCHours() * 60 + local.getUTCMinutes() + local.getUTCSeconds() / 60;
    const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
    const worked = calendar(new Date(midnight).toISOString().slice(0, 10)) ?? (day !== 0 && day !== 6);
    if (!worked || minute >= DAY_END) {
      local = new Date(midnight + 24 * 3600_000 + DAY_START * 60_000);
      continue;
    }
    if (minute < DAY_START) {
      local = new Date(midnight + DAY_START * 60_000);
      continue;
    }
    const take = Math.min(remaining, DAY_END - minute);
    local = new Date(local.getTime() + take * 60_000);
    remaining -= take;
  }
  return new Date(local.getTime() - OFFSET_MS);
}

/**
 * N 个工作日: from the start (moved into working time: a day off or after 17:30 moves to 9:00 of the next working day),
 * the same time of day on the Nth working day after it.
 */
function addWorkingDays(start: Date, days: number, calendar: WorkCalendar): Date {
  const midnightOf = (local: Date) => Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  const worked = (local: Date) => calendar(new Date(midnightOf(local)).toISOString().slice(0, 10)) ?? (local.getUTCDay() !== 0 && local.getUTCDay() !== 6);
  let local = new Date(start.getTime() + OFFSET_MS);
  for (let guard = 0; guard < 400; guard++) {
    const minute = local.getUTCHours() * 60 + local.getUTCMinutes() + local.getUTCSeconds() / 60;
    if (!worked(local) || minute >= DAY_END) local = new Date(midnightOf(local) + 24 * 3600_000 + DAY_START * 60_000);
    else {
      if (minute < DAY_START) local = new Date(midnightOf(local) + DAY_START * 60_000);
      break;
    }
  }
  for (let n = 0, guard = 0; n < days && guard < 10_000; guard++) {
    local = new Date(local.getTime() + 24 * 3600_000);
    if (worked(local)) n++;
  }
  return new Date(local.getTime() - OFFSET_MS);
}
