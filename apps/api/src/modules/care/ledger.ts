import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { accountNames } from '../people/index.js';
import { countVisitsIn, visitsForLedger } from './care.repository.js';
import { addressOf } from './care.presenter.js';

/** The visits register's read model (care/index.ts careLedger): visits of a period in id order, a thousand at a time. */
const BATCH = 1000;

export const countVisits = (db: Kysely<DB>, cid: CommunityId, period: { from: Date; to: Date }) => countVisitsIn(db, cid, period.from, period.to);

export async function* visitBatches(db: Kysely<DB>, cid: CommunityId, period: { from: Date; to: Date }) {
  for (let after = 0; ;) {
    const rows = await visitsForLedger(db, cid, period.from, period.to, after, BATCH);
    if (rows.length === 0) return;
    const names = await accountNames(
      db,
      rows.flatMap((r) => (r.visitor_id ? [r.visitor_id] : [])),
    );
    yield rows.map((r) => ({ ...r, address: addressOf(r), visitor_name: r.visitor_id ? (names.get(r.visitor_id) ?? '') : '' }));
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]!.id;
  }
}
