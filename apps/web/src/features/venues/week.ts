// Week arithmetic on Beijing calendar days ('YYYY-MM-DD'), whatever the browser's time zone.
const DAY = 86_400_000;

export const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
/** 1 = Monday … 7 = Sunday. */
export const weekdayOf = (day: string) => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
export const mondayOf = (day: string) => addDays(day, 1 - weekdayOf(day));
/** A Beijing wall time as an instant the API takes. */
export const beijingInstant = (day: string, hhmm: string) => `${day}T${hhmm}:00+08:00`;
