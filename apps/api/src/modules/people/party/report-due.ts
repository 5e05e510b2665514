// Pure rules of 双报到 re-reporting (Foshan: again every half year; the interval is a community setting).

/** The calendar date `months` after `date` (YYYY-MM-DD); the 31st of a shorter month becomes its last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** When a member who last reported on `lastReportedOn` must report again. */
export const nextReportDue = (lastReportedOn: string, intervalMonths: number) => addMonths(lastReportedOn, intervalMonths);

/**
 * Whether a member shows on the due list on `today`: never reported, or due within `withinDays`. Overdue means the
 * due day has passed (or there was never a report).
 */
export function reportDueState(lastReportedOn: string | null, intervalMonths: number, today: string, withinDays: number) {
  if (!lastReportedOn) return { listed: true, overdue: true, dueOn: null };
  const dueOn = nextReportDue(lastReportedOn, intervalMonths);
  const horizon = new Date(Date.parse(`${today}T00:00:00Z`) + withinDays * 86_400_000).toISOString().slice(0, 10);
  return { listed: dueOn <= horizon, overdue: dueOn < today, dueOn };
}

/** A 回执 number: HZ, the year, and the community's running number (HZ2026-0007). */
export const receiptNumber = (reportedOn: string, seq: number) => `HZ${reportedOn.slice(0, 4)}-${String(seq).padStart(4, '0')}`;
