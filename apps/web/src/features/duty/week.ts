import { beijingDate } from '@linli/contracts/time';

/** Days as YYYY-MM-DD (Beijing dates), counted in UTC so no local clock shifts them. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
/** 1 = Monday … 7 = Sunday, as the templates count. */
export const weekdayOfDay = (day: string) => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
/** The Monday of the week a day is in. */
export const mondayOf = (day: string) => addDays(day, 1 - weekdayOfDay(day));
/** Today in Beijing. */
export const todayInBeijing = () => beijingDate(new Date());
/** The seven days from a Monday. */
export const weekDays = (monday: string) => Array.from({ length: 7 }, (_, i) => addDays(monday, i));
/** "08:30" of an ISO instant, in Beijing time. */
export const clockOf = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
