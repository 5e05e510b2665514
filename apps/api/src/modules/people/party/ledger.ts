import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import * as repo from './party.repository.js';
import { memberNameMap } from './party.access.js';
import { placeNameMap } from './posts.service.js';
import { memberSheets, sheetPeriod } from './sheet.js';

// The party registers' read models for the ledger module (people/index.ts partyLedger): 在职党员报到台账 by period,
// 先锋岗认领台账 as of today, and the 双报到反馈表 (one row per member, or one member).
const BATCH = 1000;

export const period = sheetPeriod;

export const countReports = async (db: Kysely<DB>, cid: CommunityId, fromDay: string, toDay: string) =>
  Number((await repo.countReportsIn(db, cid, fromDay, toDay)).n);

export async function* reportBatches(db: Kysely<DB>, cid: CommunityId, fromDay: string, toDay: string) {
  for (let after = 0; ;) {
    const rows = await repo.reportsAfter(db, cid, fromDay, toDay, after, BATCH);
    if (rows.length === 0) return;
    const names = await memberNameMap(
      db,
      cid,
      rows.map((r) => r.party_member_id),
    );
    yield rows.map((r) => ({ ...r, member_name: names.get(r.party_member_id) ?? '' }));
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]!.id;
  }
}

export const countClaims = async (db: Kysely<DB>, cid: CommunityId) => Number((await repo.countClaims(db, cid)).n);

export async function* claimBatches(db: Kysely<DB>, cid: CommunityId) {
  for (let after = 0; ;) {
    const rows = await repo.claimsAfter(db, cid, after, BATCH);
    if (rows.length === 0) return;
    const names = await memberNameMap(
      db,
      cid,
      rows.map((r) => r.party_member_id),
    );
    const places = await placeNameMap(
      db,
      cid,
      rows.map((r) => ({ kind: r.place_kind, id: r.place_id })),
    );
    yield rows.map((r) => ({ ...r, member_name: names.get(r.party_member_id) ?? '', place_name: places.get(`${r.place_kind}:${r.place_id}`) ?? '' }));
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]!.id;
  }
}

/** The feedback sheet's rows for the period: one member when named, else every in-service member. */
export const feedbackRows = (db: Kysely<DB>, cid: CommunityId, fromDay: string | undefined, toDay: string | undefined, partyMemberId?: number) =>
  memberSheets(db, cid, sheetPeriod(fromDay, toDay), partyMemberId ? [partyMemberId] : undefined);
