/** Pure rules of agreements (共建协议): dates, the status shown, and when the renewal reminder is due. */

/** The end may not come before the start (same day is a one-day agreement). */
export function endBeforeStart(startsOn: string, endsOn: string | null | undefined): boolean {
  return endsOn != null && endsOn < startsOn;
}

/** Stored status is active or terminated; an active agreement past its end reads as ended. */
export function effectiveStatus(stored: string, endsOn: string | null, today: string): 'active' | 'ended' | 'terminated' {
  if (stored === 'terminated') return 'terminated';
  if (stored === 'ended' || (endsOn != null && endsOn < today)) return 'ended';
  return 'active';
}

/** The day the reminder goes out: remindDays before the end (YYYY-MM-DD arithmetic in UTC, dates only). */
export function reminderDay(endsOn: string, remindDays: number): string {
  const d = new Date(`${endsOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - remindDays);
  return d.toISOString().slice(0, 10);
}

/** Due once: active, has an end not yet passed, not reminded, and today is on or after the reminder day. */
export function renewalReminderDue(a: { status: string; ends_on: string | null; remind_days: number; reminded_at: Date | null }, today: string): boolean {
  if (a.status !== 'active' || a.ends_on == null || a.reminded_at != null) return false;
  if (a.ends_on < today) return false;
  return today >= reminderDay(a.ends_on, a.remind_days);
}
