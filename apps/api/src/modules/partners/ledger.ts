import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { listPartners } from './partners.repository.js';

/** The partners register's read model for the ledger module (partners/index.ts partnerLedger): batches in id order. */
const BATCH = 1000;
const page = (offset: number) => ({ offset, limit: BATCH, sort: 'id', order: 'asc' as const });

export async function countPartners(db: Kysely<DB>, communityId: CommunityId) {
  return (await listPartners(db, communityId, {}, { ...page(0), limit: 1 })).total;
}
export async function* partnerBatches(db: Kysely<DB>, communityId: CommunityId) {
  for (let offset = 0; ; offset += BATCH) {
    const { rows } = await listPartners(db, communityId, {}, page(offset));
    if (rows.length) yield rows;
    if (rows.length < BATCH) return;
  }
}
