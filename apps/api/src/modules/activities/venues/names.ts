import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { peopleRefs } from '../../people/index.js';
import { partnerRefs } from '../../partners/index.js';
import { venueNameRows } from './venues.repository.js';
import type { BookingNames } from './venues.presenter.js';

type Db = Kysely<DB> | Transaction<DB>;

/** The names a page of bookings shows, one query per kind (ADR 0016). */
export async function bookingNames(
  db: Db,
  communityId: CommunityId,
  rows: ReadonlyArray<{ venue_id: number; team_id: number | null; partner_id: number | null }>,
): Promise<BookingNames> {
  const ids = (pick: (r: (typeof rows)[number]) => number | null) => [...new Set(rows.map(pick).filter((v): v is number => v !== null))];
  const [venues, teams, partners] = await Promise.all([
    venueNameRows(
      db,
      communityId,
      ids((r) => r.venue_id),
    ),
    peopleRefs.teamNames(
      db,
      ids((r) => r.team_id),
    ),
    partnerRefs.partnerNames(
      db,
      ids((r) => r.partner_id),
    ),
  ]);
  const map = (list: Array<{ id: number; name: string }>) => new Map(list.map((r) => [r.id, r.name]));
  return { venues: map(venues), teams: map(teams), partners: map(partners) };
}
