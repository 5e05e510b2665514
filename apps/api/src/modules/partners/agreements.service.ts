import type { Agreement, AgreementListQuery, CreateAgreementInput, Page, UpdateAgreementInput } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { authorize, canSeeCommunity, resolveCommunityId, type Actor } from '../../platform/access/actor.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import { diff, writeAudit } from '../../platform/audit/audit.js';
import { beijingDate, iso } from '../../platform/time.js';
import * as repo from './agreements.repository.js';
import { partnerInCommunity, partnerNamesIn } from './offers.repository.js';
import { ownPartnerOf } from './offers.access.js';
import { effectiveStatus, endBeforeStart } from './agreement-rules.js';

type A = Agreement;
const today = () => beijingDate(new Date());

export async function presentAgreements(ctx: AppContext, rows: repo.AgreementRow[]): Promise<Agreement[]> {
  const names = new Map((await partnerNamesIn(ctx.db, [...new Set(rows.map((r) => r.partner_id))])).map((p) => [p.id, p.name]));
  const day = today();
  return rows.map((r) => ({
    id: r.id,
    communityId: r.community_id,
    partnerId: r.partner_id,
    partnerName: names.get(r.partner_id) ?? '',
    kind: r.kind as A['kind'],
    title: r.title,
    signedOn: r.signed_on,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    commitments: r.commitments,
    spaceGiven: r.space_given,
    resourcesPromised: r.resources_promised,
    status: effectiveStatus(r.status, r.ends_on, day),
    remindDays: r.remind_days,
    remindedAt: iso(r.reminded_at),
  }));
}

export async function listAgreements(ctx: AppContext, actor: Actor, query: AgreementListQuery): Promise<Page<Agreement>> {
  authorize(actor, 'agreements.read');
  const cid = resolveCommunityId(actor, query.communityId);
  const own = await ownPartnerOf(ctx, actor);
  if (own === null) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  const { total, rows } = await repo.listAgreements(
    ctx.db,
    cid,
    { partnerId: own ?? query.partnerId, kind: query.kind, status: query.status, today: today() },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize, sort: query.sort, order: query.order },
  );
  return { items: await presentAgreements(ctx, rows), total, page: query.page, pageSize: query.pageSize };
}

async function loadVisible(ctx: AppContext, actor: Actor, id: number) {
  const at = await repo.agreementCommunity(ctx.db, id);
  if (!at || !canSeeCommunity(actor, at.community_id)) throw notFound('agreement');
  const cid = resolveCommunityId(actor, at.community_id);
  const row = await repo.findAgreement(ctx.db, cid, id);
  const own = await ownPartnerOf(ctx, actor);
  if (!row || (own !== undefined && (own === null || row.partner_id !== own))) throw notFound('agreement');
  return { row, cid };
}

export async function getAgreement(ctx: AppContext, actor: Actor, id: number): Promise<Agreement> {
  authorize(actor, 'agreements.read');
  return (await presentAgreements(ctx, [(await loadVisible(ctx, actor, id)).row]))[0]!;
}

const checkDates = (startsOn: string, endsOn: string | null | undefined) => {
  if (endBeforeStart(startsOn, endsOn)) throw invalidField('endsOn', 'before_start', { min: startsOn });
};

/** Records a signed agreement; one that ends before it starts is refused naming the end date, nothing written. */
export async function createAgreement(ctx: AppContext, actor: Actor, input: CreateAgreementInput): Promise<Agreement> {
  authorize(actor, 'agreements.write');
  const cid = resolveCommunityId(actor, input.communityId);
  checkDates(input.startsOn, input.endsOn);
  const partner = await partnerInCommunity(ctx.db, cid, input.partnerId);
  if (!partner) throw invalidField('partnerId', 'not_found');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.insertAgreement(trx, cid, {
      partner_id: partner.id,
      kind: input.kind,
      title: input.title,
      signed_on: input.signedOn,
      starts_on: input.startsOn,
      ends_on: input.endsOn ?? null,
      commitments: input.commitments ?? null,
      space_given: input.spaceGiven ?? null,
      resources_promised: input.resourcesPromised ?? null,
      remind_days: input.remindDays ?? 30,
      created_by: actor.accountId,
    });
    const { communityId: _c, ...changes } = input;
    await writeAudit(trx, actor, { communityId: cid, action: 'agreement.created', entityType: 'agreement', entityId: row.id, changes });
    return row.id;
  });
  return getAgreement(ctx, actor, id);
}

export async function updateAgreement(ctx: AppContext, actor: Actor, id: number, input: UpdateAgreementInput): Promise<Agreement> {
  authorize(actor, 'agreements.write');
  const { row, cid } = await loadVisible(ctx, actor, id);
  if (row.status === 'terminated') throw new AppError('INVALID_STATE', 'agreement is terminated');
  const startsOn = input.startsOn ?? row.starts_on;
  const endsOn = input.endsOn === undefined ? row.ends_on : input.endsOn;
  checkDates(startsOn, endsOn);
  const before = (await presentAgreements(ctx, [row]))[0]!;
  // A new end date asks for a new reminder.
  const endMoved = input.endsOn !== undefined && input.endsOn !== row.ends_on;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateAgreement(trx, cid, id, {
      kind: input.kind,
      title: input.title,
      signed_on: input.signedOn,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      commitments: input.commitments,
      space_given: input.spaceGiven,
      resources_promised: input.resourcesPromised,
      remind_days: input.remindDays,
      ...(endMoved || input.remindDays !== undefined ? { reminded_at: null } : {}),
    });
    await writeAudit(trx, actor, { communityId: cid, action: 'agreement.updated', entityType: 'agreement', entityId: id, changes: diff(before, input) });
  });
  return getAgreement(ctx, actor, id);
}

/** Ends an agreement early with a reason; the row stays for the ledger. */
export async function terminateAgreement(ctx: AppContext, actor: Actor, id: number, reason: string): Promise<Agreement> {
  authorize(actor, 'agreements.write');
  const { row, cid } = await loadVisible(ctx, actor, id);
  if (row.status === 'terminated') throw new AppError('INVALID_STATE', 'agreement is already terminated');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateAgreement(trx, cid, id, { status: 'terminated' });
    await writeAudit(trx, actor, { communityId: cid, action: 'agreement.terminated', entityType: 'agreement', entityId: id, reason });
  });
  return getAgreement(ctx, actor, id);
}
