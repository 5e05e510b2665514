import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { accountNames } from '../../people/index.js';
import { partnerRefs } from '../../partners/index.js';
import { holderNames } from './holders.js';
import * as repo from './registers.repository.js';

/** The points and redemptions registers' read models (pointsLedger): by id, a thousand at a time. */
const BATCH = 1000;
type Period = { from: Date; to: Date };

export const countEntries = (db: Kysely<DB>, cid: CommunityId, p: Period) => repo.countEntriesIn(db, cid, p);
export const countRedemptions = (db: Kysely<DB>, cid: CommunityId, p: Period) => repo.countRedemptionsIn(db, cid, p);
export const pointsCounts = (db: Kysely<DB>, cid: CommunityId, p: Period) => repo.pointsCounts(db, cid, p);

export async function* entryBatches(db: Kysely<DB>, cid: CommunityId, p: Period) {
  for (let after = 0; ;) {
    const rows = await repo.entriesAfter(db, cid, p, after, BATCH);
    if (!rows.length) return;
    const [people, authors] = await Promise.all([
      holderNames(
        db,
        cid,
        rows.map((r) => r.volunteer_id),
      ),
      accountNames(
        db,
        rows.flatMap((r) => (r.author_id ? [r.author_id] : [])),
      ),
    ]);
    yield rows.map((r) => ({
      ...r,
      delta: Number(r.delta),
      volunteer_name: people.get(r.volunteer_id) ?? '',
      author_name: r.author_id ? (authors.get(r.author_id) ?? '') : '系统（积分规则）',
    }));
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]!.id;
  }
}

export async function* redemptionBatches(db: Kysely<DB>, cid: CommunityId, p: Period) {
  for (let after = 0; ;) {
    const rows = await repo.redemptionsAfter(db, cid, p, after, BATCH);
    if (!rows.length) return;
    const [people, staff, partners] = await Promise.all([
      holderNames(
        db,
        cid,
        rows.map((r) => r.volunteer_id),
      ),
      accountNames(
        db,
        rows.flatMap((r) => (r.redeemed_by ? [r.redeemed_by] : [])),
      ),
      partnerRefs.partnerNames(db, [...new Set(rows.map((r) => r.partner_id))]),
    ]);
    const merchant = new Map(partners.map((x) => [x.id, x.name]));
    yield rows.map((r) => ({
      ...r,
      merchant_name: merchant.get(r.partner_id) ?? '',
      volunteer_name: people.get(r.volunteer_id) ?? '',
      redeemed_by_name: r.redeemed_by ? (staff.get(r.redeemed_by) ?? '') : '',
    }));
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]!.id;
  }
}
