/** One planned meeting of a rotation: which compound, in what order, when (ADR 0045). */
export interface PlannedSlot {
  seq: number;
  compoundId: number;
  /** Beijing calendar day. */
  date: string;
  startsAt: Date;
  endsAt: Date;
}

export interface RotationPlan {
  compoundIds: readonly number[];
  /** The first meeting's Beijing calendar day; its weekday is the rotation's. */
  startsOn: string;
  intervalDays: number;
  /** Beijing wall time `HH:MM`. */
  startTime: string;
  durationMinutes: number;
}

const BEIJING_OFFSET = '+08:00';

/**
 * The meetings of one pass over the compounds: the n-th compound meets n × interval days after the first date, at the
 * same Beijing time. Pure and deterministic, so planning twice gives the same slots (the insert is idempotent on
 * rotation and seq). A compound listed twice is met once, at its first place in the list.
 */
export function planRotation(p: RotationPlan): PlannedSlot[] {
  const seen = new Set<number>();
  const order = p.compoundIds.filter((id) => (seen.has(id) ? false : (seen.add(id), true)));
  return order.map((compoundId, i) => {
    const day = new Date(`${p.startsOn}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + i * p.intervalDays);
    const date = day.toISOString().slice(0, 10);
    const startsAt = new Date(`${date}T${p.startTime}:00${BEIJING_OFFSET}`);
    return { seq: i + 1, compoundId, date, startsAt, endsAt: new Date(startsAt.getTime() + p.durationMinutes * 60_000) };
  });
}
