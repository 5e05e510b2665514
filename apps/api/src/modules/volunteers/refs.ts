import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';
import type { VolunteerStatus } from '../../platform/db/schema/volunteers.js';
import * as repo from './refs.repository.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface VolunteerRef {
  id: number;
  communityId: number;
  volunteerNo: number;
  name: string;
  status: VolunteerStatus;
  residentId: number | null;
  accountId: number | null;
  partyMemberId: number | null;
  origin: string;
  /** School or work unit of a non-resident. */
  affiliation: string | null;
}

const toRef = (r: Awaited<ReturnType<typeof repo.volunteerRows>>[number]): VolunteerRef => ({
  id: r.id,
  communityId: r.community_id,
  volunteerNo: r.volunteer_no,
  name: r.name,
  status: r.status,
  residentId: r.resident_id,
  accountId: r.account_id,
  partyMemberId: r.party_member_id,
  origin: r.origin,
  affiliation: r.affiliation,
});

/** Small reads of the register for other modules (never the ID number or phone). */
export const volunteerRefs = {
  /** The volunteer of a login account in this community, or undefined. */
  async byAccount(db: Db, communityId: CommunityId, accountId: number): Promise<VolunteerRef | undefined> {
    const row = await repo.volunteerByAccount(db, communityId, accountId);
    return row ? toRef(row) : undefined;
  },
  /** Names by id (another community's ids are left out). */
  async names(db: Db, communityId: CommunityId, ids: readonly number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    return new Map((await repo.volunteerRows(db, communityId, ids)).map((r) => [r.id, r.name]));
  },
  /** Whole refs by id (another community's ids are left out). */
  async get(db: Db, communityId: CommunityId, ids: readonly number[]): Promise<Map<number, VolunteerRef>> {
    if (ids.length === 0) return new Map();
    return new Map((await repo.volunteerRows(db, communityId, ids)).map((r) => [r.id, toRef(r)]));
  },
};
