import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';
import type { ResidentReach } from '../places/index.js';
import { listPartyMembers } from './party-members.repository.js';
import { listTeams } from './teams.repository.js';
import { leaderNamesOf } from './team-members.js';

/** Read models of the people registers for the ledger module (people/index.ts peopleLedger): batches in id order. */
const BATCH = 1000;
const page = (offset: number) => ({ offset, limit: BATCH, sort: 'id', order: 'asc' as const });

export async function countPartyMembers(db: Kysely<DB>, communityId: CommunityId, reach: ResidentReach) {
  return (await listPartyMembers(db, communityId, { reach }, { ...page(0), limit: 1 })).total;
}
export async function* partyMemberBatches(db: Kysely<DB>, communityId: CommunityId, reach: ResidentReach) {
  for (let offset = 0; ; offset += BATCH) {
    const { rows } = await listPartyMembers(db, communityId, { reach }, page(offset));
    if (rows.length) yield rows;
    if (rows.length < BATCH) return;
  }
}

export async function countTeams(db: Kysely<DB>, communityId: CommunityId) {
  return (await listTeams(db, communityId, {}, { ...page(0), limit: 1 })).total;
}
/** Teams with their active member count and leaders' names. */
export async function* teamBatches(db: Kysely<DB>, communityId: CommunityId) {
  for (let offset = 0; ; offset += BATCH) {
    const { rows } = await listTeams(db, communityId, {}, page(offset));
    const leaders = await leaderNamesOf(
      db,
      communityId,
      rows.map((r) => r.id),
    );
    if (rows.length) yield rows.map((r) => ({ ...r, leaders: leaders.get(r.id) ?? [] }));
    if (rows.length < BATCH) return;
  }
}
