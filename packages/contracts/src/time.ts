// Communities are in Asia/Shanghai (no daylight saving), so a fixed offset gives exact local wall time,
// whatever the timezone of the server or of the browser.
const BEIJING_MS = 8 * 3600_000;

/** "YYYY-MM-DD HH:mm" in Beijing time, as ledgers and group messages print it; '' for no date. */
export function beijingText(d: Date | string | number | null): string {
  return d === null || d === '' ? '' : new Date(new Date(d).getTime() + BEIJING_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** "YYYY-MM-DD" of a moment in Beijing time. */
export function beijingDate(d: Date | string | number): string {
  return new Date(new Date(d).getTime() + BEIJING_MS).toISOString().slice(0, 10);
}
