import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { listActivities } from './activities.repository.js';
import { heldCounts } from './ledger.repository.js';

type Db = Kysely<DB> | Transaction<DB>;

/** One row of 活动台账: an activity that was not cancelled, with its sign-ups and attendance. */
export interface ActivityLedgerRow {
  startsAt: Date;
  endsAt: Date;
  title: string;
  kind: string;
  place: string | null;
  organiserName: string | null;
  status: string;
  capacity: number | null;
  confirmed: number;
  waitlisted: number;
  attended: number;
  walkIns: number;
  /** The organiser's short report after the activity, and how many photos were kept. */
  report: string | null;
  photoCount: number;
}

const BATCH = 1000;

/** The register's rows for a period, in date order, a thousand at a time. */
export async function* ledgerRows(db: Db, communityId: CommunityId, from: Date, to: Date): AsyncGenerator<ActivityLedgerRow[]> {
  for (let offset = 0; ; offset += BATCH) {
    const { rows } = await listActivities(db, communityId, { from, to }, { offset, limit: BATCH });
    const kept = rows
      .filter((r) => r.status !== 'cancelled')
      .map((r) => ({
        startsAt: new Date(r.starts_at),
        endsAt: new Date(r.ends_at),
        title: r.title,
        kind: r.kind,
        place: r.place,
        organiserName: r.organiser_name,
        status: r.status,
        capacity: r.capacity,
        confirmed: Number(r.confirmed_count),
        waitlisted: Number(r.waitlist_count),
        attended: Number(r.attended_count),
        walkIns: r.walk_in_count,
        report: r.report,
        photoCount: (r.photos ?? []).length,
      }));
    if (kept.length) yield kept;
    if (rows.length < BATCH) return;
  }
}

/** This Beijing month's activities held, their confirmed sign-ups and attendance, for the community dashboard. */
export function monthCounts(db: Kysely<DB>, communityId: CommunityId, now = new Date()) {
  const month = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return heldCounts(db, communityId, new Date(`${month}-01T00:00:00+08:00`), new Date(`${next}-01T00:00:00+08:00`));
}
