import type { Contribution, ContributionListQuery, ContributionTotal, ContributionTotals, CreateContributionInput, Page } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { authorize, canSeeCommunity, resolveCommunityId, type Actor } from '../../platform/access/actor.js';
import { invalidField, notFound } from '../../platform/errors.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { iso } from '../../platform/time.js';
import * as repo from './contributions.repository.js';
import { partnerInCommunity, partnerNamesIn } from './offers.repository.js';
import { ownPartnerOf } from './offers.access.js';

type C = Contribution;
const yuan = (fen: number) => Math.round(fen) / 100;
const num = (v: string | number | null) => (v == null ? null : Number(v));
const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

async function partnerNameMap(ctx: AppContext, ids: number[]) {
  return new Map((await partnerNamesIn(ctx.db, [...new Set(ids)])).map((p) => [p.id, p.name]));
}

export async function presentContributions(ctx: AppContext, rows: repo.ContributionRow[]): Promise<Contribution[]> {
  const names = await partnerNameMap(
    ctx,
    rows.map((r) => r.partner_id),
  );
  return rows.map((r) => ({
    id: r.id,
    communityId: r.community_id,
    partnerId: r.partner_id,
    partnerName: names.get(r.partner_id) ?? '',
    kind: r.kind as C['kind'],
    contributedOn: r.contributed_on,
    valueYuan: yuan(r.value_fen),
    hours: num(r.hours),
    areaSqm: num(r.area_sqm),
    spacePeriod: r.space_period,
    description: r.description,
    note: r.note,
    createdAt: iso(r.created_at),
  }));
}

export async function listContributions(ctx: AppContext, actor: Actor, query: ContributionListQuery): Promise<Page<Contribution>> {
  authorize(actor, 'contributions.read');
  const cid = resolveCommunityId(actor, query.communityId);
  const own = await ownPartnerOf(ctx, actor);
  if (own === null) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  const { total, rows } = await repo.listContributions(
    ctx.db,
    cid,
    { partnerId: own ?? query.partnerId, kind: query.kind, ...(query.year ? yearRange(query.year) : {}) },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize, sort: query.sort, order: query.order },
  );
  return { items: await presentContributions(ctx, rows), total, page: query.page, pageSize: query.pageSize };
}

export async function getContribution(ctx: AppContext, actor: Actor, id: number): Promise<Contribution> {
  authorize(actor, 'contributions.read');
  const at = await repo.contributionCommunity(ctx.db, id);
  if (!at || !canSeeCommunity(actor, at.community_id)) throw notFound('contribution');
  const row = await repo.findContribution(ctx.db, resolveCommunityId(actor, at.community_id), id);
  const own = await ownPartnerOf(ctx, actor);
  if (!row || (own !== undefined && (own === null || row.partner_id !== own))) throw notFound('contribution');
  return (await presentContributions(ctx, [row]))[0]!;
}

/**
 * Records what a partner gave. Money and goods need a value above zero; hours need hours, space needs an area. A
 * negative or zero amount is refused by the contract (must_be_positive) before anything is written.
 */
export async function createContribution(ctx: AppContext, actor: Actor, input: CreateContributionInput): Promise<Contribution> {
  authorize(actor, 'contributions.write');
  const cid = resolveCommunityId(actor, input.communityId);
  if ((input.kind === 'money' || input.kind === 'goods') && input.valueYuan == null) throw invalidField('valueYuan', 'required');
  if (input.kind === 'work_hours' && input.hours == null) throw invalidField('hours', 'required');
  if (input.kind === 'space' && input.areaSqm == null) throw invalidField('areaSqm', 'required');
  const partner = await partnerInCommunity(ctx.db, cid, input.partnerId);
  if (!partner) throw invalidField('partnerId', 'not_found');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.insertContribution(trx, cid, {
      partner_id: partner.id,
      kind: input.kind,
      contributed_on: input.contributedOn,
      value_fen: Math.round((input.valueYuan ?? 0) * 100),
      hours: input.kind === 'work_hours' ? (input.hours ?? null) : null,
      area_sqm: input.kind === 'space' ? (input.areaSqm ?? null) : null,
      space_period: input.kind === 'space' ? (input.spacePeriod ?? null) : null,
      description: input.description ?? null,
      note: input.note ?? null,
      created_by: actor.accountId,
    });
    const { communityId: _c, ...changes } = input;
    await writeAudit(trx, actor, { communityId: cid, action: 'contribution.created', entityType: 'contribution', entityId: row.id, changes });
    return row.id;
  });
  return getContribution(ctx, actor, id);
}

/** Totals per partner for a year, computed by the database. */
export async function yearTotals(ctx: AppContext, cid: CommunityId, year: number, partnerId?: number): Promise<ContributionTotals> {
  const sums = await repo.totalsByPartner(ctx.db, cid, { ...yearRange(year), partnerId });
  const names = await partnerNameMap(
    ctx,
    sums.map((s) => s.partnerId),
  );
  const items: ContributionTotal[] = sums.map((s) => ({
    partnerId: s.partnerId,
    partnerName: names.get(s.partnerId) ?? '',
    year,
    count: s.count,
    moneyYuan: yuan(s.moneyFen),
    goodsValueYuan: yuan(s.goodsFen),
    totalValueYuan: yuan(s.valueFen),
    hours: s.hours,
    areaSqm: s.areaSqm,
  }));
  const add = (k: 'count' | 'moneyFen' | 'goodsFen' | 'valueFen' | 'hours' | 'areaSqm') => sums.reduce((t, s) => t + s[k], 0);
  return {
    year,
    items,
    all: {
      year,
      count: add('count'),
      moneyYuan: yuan(add('moneyFen')),
      goodsValueYuan: yuan(add('goodsFen')),
      totalValueYuan: yuan(add('valueFen')),
      hours: Math.round(add('hours') * 10) / 10,
      areaSqm: Math.round(add('areaSqm') * 10) / 10,
    },
  };
}

export async function contributionTotals(
  ctx: AppContext,
  actor: Actor,
  query: { communityId?: number; year: number; partnerId?: number },
): Promise<ContributionTotals> {
  authorize(actor, 'contributions.read');
  const cid = resolveCommunityId(actor, query.communityId);
  const own = await ownPartnerOf(ctx, actor);
  if (own === null) return yearTotals(ctx, cid, query.year, -1);
  return yearTotals(ctx, cid, query.year, own ?? query.partnerId);
}
