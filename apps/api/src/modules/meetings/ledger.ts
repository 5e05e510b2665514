import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { placeRefs } from '../places/index.js';
import { ticketsOfMeetings } from '../tickets/index.js';
import * as repo from './meetings.repository.js';

/** The meetings registers' read model for the ledger module (meetings/index.ts meetingLedger), ADR 0045. */
const BATCH = 500;
type Period = { from: Date; to: Date };

/** Which meetings each register prints: the register of meetings all but the cancelled; the minutes only held ones. */
export const statusesOf = { meetings: ['planned', 'held', 'minuted'], minutes: ['held', 'minuted'] } as const;

export function countMeetings(db: Kysely<DB>, communityId: CommunityId, period: Period, which: keyof typeof statusesOf) {
  return repo.countInPeriod(db, communityId, { ...period, statuses: statusesOf[which] });
}

/** Meetings in the period in order of time, with their compound, agenda, attendance, decisions, follow-ups and tickets. */
export async function* meetingBatches(db: Kysely<DB>, communityId: CommunityId, period: Period, which: keyof typeof statusesOf) {
  let after: { at: Date; id: number } | null = null;
  for (;;) {
    const rows = await repo.meetingsInPeriod(db, communityId, { ...period, statuses: statusesOf[which] }, after, BATCH);
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.id);
    const [topics, attendees, decisions, followUps, tickets, compounds] = await Promise.all([
      repo.listTopics(db, communityId, ids),
      repo.attendeesOf(db, communityId, ids),
      repo.decisionsOf(db, communityId, ids),
      repo.followUpsOf(db, communityId, ids),
      ticketsOfMeetings(db, communityId, ids),
      placeRefs.compoundNames(db, [...new Set(rows.map((r) => r.compound_id).filter((x): x is number => x !== null))]),
    ]);
    const compoundName = new Map(compounds.map((c) => [Number(c.id), c.name]));
    yield rows.map((r) => ({
      ...r,
      compoundName: r.compound_id ? (compoundName.get(r.compound_id) ?? null) : null,
      topics: topics.filter((t) => t.meeting_id === r.id),
      attendees: attendees.filter((a) => a.meeting_id === r.id),
      decisions: decisions.filter((d) => d.meeting_id === r.id),
      followUps: followUps.filter((f) => f.meeting_id === r.id),
      tickets: tickets.filter((t) => t.meetingId === r.id),
    }));
    if (rows.length < BATCH) return;
    const last = rows[rows.length - 1]!;
    after = { at: last.starts_at, id: last.id };
  }
}

/** This Beijing month's meetings held, topics raised and answered on the spot, for the community dashboard. */
export function monthCounts(db: Kysely<DB>, communityId: CommunityId, now = new Date()) {
  const month = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
  const from = new Date(`${month}-01T00:00:00+08:00`);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return repo.heldCounts(db, communityId, from, new Date(`${next}-01T00:00:00+08:00`));
}
