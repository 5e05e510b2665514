import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { beijingDate } from '../../platform/time.js';
import { placeRefs } from '../places/index.js';
import * as resources from './resources.repository.js';
import * as agreements from './agreements.repository.js';
import * as contributions from './contributions.repository.js';
import { partnerNamesIn } from './offers.repository.js';
import { effectiveStatus } from './agreement-rules.js';

/**
 * Read models of the resources, agreements and contributions registers for the ledger module (partners/index.ts
 * offerLedger): batches in print order, codes left for the register to turn into words, other modules' names by id.
 */
const BATCH = 1000;

async function namesOf(db: Kysely<DB>, partnerIds: number[]) {
  return new Map((await partnerNamesIn(db, [...new Set(partnerIds)])).map((p) => [p.id, p.name]));
}

export const countResources = (db: Kysely<DB>, cid: CommunityId) => resources.countResources(db, cid);
export async function* resourceBatches(db: Kysely<DB>, cid: CommunityId) {
  for (let after = 0; ;) {
    const rows = await resources.resourcesAfter(db, cid, { includeArchived: true }, after, BATCH);
    if (rows.length) {
      const ids = [...new Set(rows.map((r) => r.compound_id).filter((x): x is number => x != null))];
      const compounds = new Map((await placeRefs.compoundNames(db, ids)).map((c) => [c.id, c.name]));
      yield rows.map((r) => ({ ...r, compoundName: r.compound_id != null ? (compounds.get(r.compound_id) ?? null) : null }));
    }
    if (rows.length < BATCH) return;
    after = rows.at(-1)!.id;
  }
}

export async function countAgreements(db: Kysely<DB>, cid: CommunityId) {
  return (await agreements.listAgreements(db, cid, { today: beijingDate(new Date()) }, { offset: 0, limit: 1, order: 'asc' })).total;
}
export async function* agreementBatches(db: Kysely<DB>, cid: CommunityId) {
  const today = beijingDate(new Date());
  for (let after = 0; ;) {
    const rows = await agreements.agreementsAfter(db, cid, { today }, after, BATCH);
    if (rows.length) {
      const names = await namesOf(
        db,
        rows.map((r) => r.partner_id),
      );
      yield rows.map((r) => ({ ...r, partnerName: names.get(r.partner_id) ?? '', effectiveStatus: effectiveStatus(r.status, r.ends_on, today) }));
    }
    if (rows.length < BATCH) return;
    after = rows.at(-1)!.id;
  }
}

export interface Period {
  from?: string;
  to?: string;
}
export async function countContributions(db: Kysely<DB>, cid: CommunityId, p: Period) {
  return (await contributions.listContributions(db, cid, p, { offset: 0, limit: 1, order: 'asc' })).total;
}
/** Contributions in date order, then the totals per partner and year (server-side sums). */
export async function* contributionBatches(db: Kysely<DB>, cid: CommunityId, p: Period) {
  let after: { on: string; id: number } | null = null;
  const years = new Set<number>();
  for (;;) {
    const rows = await contributions.contributionsAfter(db, cid, p, after, BATCH);
    if (rows.length) {
      const names = await namesOf(
        db,
        rows.map((r) => r.partner_id),
      );
      for (const r of rows) years.add(Number(r.contributed_on.slice(0, 4)));
      yield { rows: rows.map((r) => ({ ...r, partnerName: names.get(r.partner_id) ?? '' })), totals: [] };
    }
    if (rows.length < BATCH) break;
    const last = rows.at(-1)!;
    after = { on: last.contributed_on, id: last.id };
  }
  for (const year of [...years].sort()) {
    const from = p.from && p.from > `${year}-01-01` ? p.from : `${year}-01-01`;
    const to = p.to && p.to < `${year}-12-31` ? p.to : `${year}-12-31`;
    const sums = await contributions.totalsByPartner(db, cid, { from, to });
    const names = await namesOf(
      db,
      sums.map((s) => s.partnerId),
    );
    yield { rows: [], totals: sums.map((s) => ({ ...s, year, partnerName: names.get(s.partnerId) ?? '' })) };
  }
}

/** The dashboard's partner counts: active partners (an agreement in force today or a contribution this year), and what was given in the period. */
export async function offerDashboard(db: Kysely<DB>, cid: CommunityId, from: string, to: string, today = beijingDate(new Date())) {
  const year = today.slice(0, 4);
  const [withAgreement, thisYear, period] = await Promise.all([
    agreements.partnersWithValidAgreement(db, [cid], today),
    contributions.periodSums(db, [cid], `${year}-01-01`, `${year}-12-31`),
    contributions.periodSums(db, [cid], from, to),
  ]);
  const active = new Set([...withAgreement, ...thisYear.partnerIds]);
  return {
    partnersActive: active.size,
    contributions: period.count,
    contributionMoneyYuan: period.moneyFen / 100,
    contributionValueYuan: period.valueFen / 100,
  };
}
