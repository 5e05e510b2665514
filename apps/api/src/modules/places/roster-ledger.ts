import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { listResidents } from './places.repository.js';
import { residentSecretsOf } from './roster-ledger.repository.js';
import type { Reach } from './places.policy.js';

/**
 * The 花名册's read model for the ledger module (places/index.ts rosterLedger): the residents within the reader's reach,
 * by compound, building, unit and room, batch by batch. Personal data stays masked unless `secrets` is asked for.
 */
const BATCH = 1000;

export async function countRoster(db: Kysely<DB>, communityId: CommunityId, reach: Reach): Promise<number> {
  return Number((await listResidents(db, communityId, { reach }, { offset: 0, limit: 1, order: 'asc' })).total);
}

export async function* rosterBatches(db: Kysely<DB>, communityId: CommunityId, reach: Reach) {
  for (let offset = 0; ; offset += BATCH) {
    const { rows } = await listResidents(db, communityId, { reach }, { offset, limit: BATCH, order: 'asc' });
    if (rows.length) yield rows;
    if (rows.length < BATCH) return;
  }
}
export type RosterRow = Awaited<ReturnType<typeof listResidents>>['rows'][number];

/** Encrypted phone, ID number and sensitive tags of these residents (the caller decrypts and logs the view). */
export const secretsOf = residentSecretsOf;
