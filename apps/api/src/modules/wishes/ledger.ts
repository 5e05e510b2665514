import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { accountNames } from '../people/index.js';
import { placeRefs } from '../places/index.js';
import { claimsOf, listWishes, wishCounts } from './wishes.repository.js';

/** The wishes register's read model for the ledger module (wishes/index.ts wishLedger): wishes raised in the period. */
const BATCH = 1000;

export async function countWishes(db: Kysely<DB>, communityId: CommunityId, period: { from: Date; to: Date }) {
  return (await listWishes(db, communityId, period, { offset: 0, limit: 1, sort: 'id', order: 'asc' })).total;
}

export async function* wishBatches(db: Kysely<DB>, communityId: CommunityId, period: { from: Date; to: Date }) {
  for (let offset = 0; ; offset += BATCH) {
    const { rows } = await listWishes(db, communityId, period, { offset, limit: BATCH, sort: 'id', order: 'asc' });
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.id);
    const [claims, compounds, creators] = await Promise.all([
      claimsOf(db, communityId, ids),
      placeRefs.compoundNames(db, [...new Set(rows.map((r) => r.compound_id).filter((x): x is number => x !== null))]),
      accountNames(
        db,
        rows.map((r) => r.created_by).filter((x): x is number => x !== null),
      ),
    ]);
    const compoundName = new Map(compounds.map((c) => [Number(c.id), c.name]));
    yield rows.map((r) => ({
      ...r,
      compoundName: r.compound_id ? (compoundName.get(r.compound_id) ?? null) : null,
      recordedBy: r.created_by ? (creators.get(r.created_by) ?? null) : null,
      claims: claims.filter((c) => c.wish_id === r.id),
    }));
    if (rows.length < BATCH) return;
  }
}

/** Wishes raised and fulfilled in the period, with the value fulfilled, for the community dashboard. */
export const dashboardCounts = wishCounts;
