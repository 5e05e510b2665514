import type { CreatePartyAreaInput, CreatePartyPairingInput, EndPartyLinkInput, PartyArea, PartyMemberWork, PartyPairing } from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import { authorize, type Actor } from '../../../platform/access/actor.js';
import { writeAudit } from '../../../platform/audit/audit.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { AppError, invalidField, notFound } from '../../../platform/errors.js';
import { placeRefs } from '../../places/index.js';
import type { Db } from '../common.repository.js';
import * as repo from './party.repository.js';
import { memberFor, settingsOf, todayBeijing } from './party.access.js';
import { presentArea, presentClaim, presentPairing, presentReport } from './party.presenter.js';
import { checkPlace, placeNameMap } from './posts.service.js';

const alreadyHeld = (err: unknown): never => {
  if ((err as { code?: string }).code === '23505') throw new AppError('PARTY_ALREADY_CLAIMED', 'the member holds it already');
  throw err;
};

/** 小区 楼栋 单元 房号 of households by id. */
async function householdLabels(db: Db, cid: CommunityId, ids: readonly number[]) {
  const rows = await placeRefs.householdAddresses(db, cid, [...new Set(ids)]);
  return new Map(rows.map((h) => [h.id, `${h.compound_name} ${h.building_name} ${h.unit_name} ${h.room_no}`]));
}

/** A member takes a grid or a building as their responsibility area (责任区). */
export async function addPartyArea(ctx: AppContext, actor: Actor, partyMemberId: number, input: CreatePartyAreaInput): Promise<PartyArea> {
  authorize(actor, 'party.write');
  const { cid, member } = await memberFor(ctx, actor, partyMemberId, { forWrite: true });
  const name = await checkPlace(ctx.db, cid, input.placeKind, input.placeId);
  const startedOn = input.startedOn ?? todayBeijing();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo
      .insertArea(trx, cid, {
        party_member_id: member.id,
        place_kind: input.placeKind,
        place_id: input.placeId,
        note: input.note ?? null,
        started_on: startedOn,
        created_by: actor.accountId,
      })
      .catch(alreadyHeld);
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'party_area.created',
      entityType: 'party_member',
      entityId: member.id,
      changes: { areaId: row.id, ...input, startedOn },
    });
    return row.id;
  });
  const row = (await repo.areasOf(ctx.db, cid, member.id)).find((a) => a.id === id)!;
  return presentArea(row, name);
}

/** A member pairs with a household (结对). */
export async function addPartyPairing(ctx: AppContext, actor: Actor, partyMemberId: number, input: CreatePartyPairingInput): Promise<PartyPairing> {
  authorize(actor, 'party.write');
  const { cid, member } = await memberFor(ctx, actor, partyMemberId, { forWrite: true });
  const label = (await householdLabels(ctx.db, cid, [input.householdId])).get(input.householdId);
  if (label === undefined) throw invalidField('householdId', 'not_found');
  const startedOn = input.startedOn ?? todayBeijing();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo
      .insertPairing(trx, cid, {
        party_member_id: member.id,
        household_id: input.householdId,
        note: input.note ?? null,
        started_on: startedOn,
        created_by: actor.accountId,
      })
      .catch(alreadyHeld);
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'party_pairing.created',
      entityType: 'party_member',
      entityId: member.id,
      changes: { pairingId: row.id, ...input, startedOn },
    });
    return row.id;
  });
  const row = (await repo.pairingsOf(ctx.db, cid, member.id)).find((p) => p.id === id)!;
  return presentPairing(row, label);
}

/** Ends a responsibility area or a pairing on a day (today by default), never before it started. */
export async function endPartyLink(ctx: AppContext, actor: Actor, kind: 'area' | 'pairing', partyMemberId: number, linkId: number, input: EndPartyLinkInput) {
  authorize(actor, 'party.write');
  const { cid, member } = await memberFor(ctx, actor, partyMemberId, { forWrite: false });
  const rows = kind === 'area' ? await repo.areasOf(ctx.db, cid, member.id) : await repo.pairingsOf(ctx.db, cid, member.id);
  const link = rows.find((r) => r.id === linkId);
  if (!link) throw notFound(kind === 'area' ? 'party area' : 'party pairing');
  if (link.ended_on) throw new AppError('INVALID_STATE', 'ended already');
  const endedOn = input.endedOn ?? todayBeijing();
  if (endedOn < link.started_on) throw invalidField('endedOn', 'too_small', { min: link.started_on });
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.endLink(trx, cid, kind === 'area' ? 'party_areas' : 'party_pairings', member.id, linkId, endedOn)))
      throw new AppError('INVALID_STATE', 'ended already');
    await writeAudit(trx, actor, {
      communityId: cid,
      action: `party_${kind}.ended`,
      entityType: 'party_member',
      entityId: member.id,
      changes: { [`${kind}Id`]: linkId, endedOn },
    });
  });
  return memberWork(ctx, actor, member.id);
}

/** One member's party work: reports, posts held and left, responsibility areas and pairings. */
export async function memberWork(ctx: AppContext, actor: Actor, partyMemberId: number | undefined): Promise<PartyMemberWork> {
  authorize(actor, 'party.read');
  const { cid, member } = await memberFor(ctx, actor, partyMemberId, { forWrite: false });
  const [reports, claims, areas, pairings, settings] = await Promise.all([
    repo.listReports(ctx.db, cid, { partyMemberId: member.id }, { offset: 0, limit: 100, order: 'desc', sort: 'reportedOn' }),
    repo.claimsOf(ctx.db, cid, { partyMemberId: member.id }),
    repo.areasOf(ctx.db, cid, member.id),
    repo.pairingsOf(ctx.db, cid, member.id),
    settingsOf(ctx.db, cid),
  ]);
  const places = await placeNameMap(
    ctx.db,
    cid,
    areas.map((a) => ({ kind: a.place_kind, id: a.place_id })),
  );
  const households = await householdLabels(
    ctx.db,
    cid,
    pairings.map((p) => p.household_id),
  );
  return {
    partyMemberId: member.id,
    memberName: member.name,
    status: member.status,
    reports: reports.rows.map((r) => presentReport(r, member.name, settings.reportIntervalMonths)),
    claims: claims.map((c) => presentClaim(c, member.name)),
    areas: areas.map((a) => presentArea(a, places.get(`${a.place_kind}:${a.place_id}`) ?? null)),
    pairings: pairings.map((p) => presentPairing(p, households.get(p.household_id) ?? null)),
  };
}
