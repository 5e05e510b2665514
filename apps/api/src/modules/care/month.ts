/** A calendar month in Beijing time as [start, end) instants: '2026-11' -> 2026-10-31T16:00Z .. 2026-11-30T16:00Z. */
export function monthRange(month: string): { start: Date; end: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(y, m - 1, 1) - 8 * 3_600_000);
  const end = new Date(Date.UTC(m === 12 ? y + 1 : y, m === 12 ? 0 : m, 1) - 8 * 3_600_000);
  return { start, end };
}

/** The Beijing month of an instant, 'YYYY-MM'. */
export function monthOf(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}
