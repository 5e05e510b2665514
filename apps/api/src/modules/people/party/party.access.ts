import { roleCan, type PartySettings } from '@linli/contracts';
import { beijingDate } from '../../../platform/time.js';
import type { AppContext } from '../../../platform/context.js';
import { resolveCommunityId, type Actor } from '../../../platform/access/actor.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { AppError, forbidden, notFound } from '../../../platform/errors.js';
import type { Db } from '../common.repository.js';
import * as repo from './party.repository.js';

/** Staff read every member's party work; a party member (the phone) only their own. */
export const seesAllMembers = (actor: Actor) => actor.role !== 'party_member';
/** Staff act for any member (claim, log service); a party member only for themself. */
export const actsForOthers = (actor: Actor) => roleCan(actor.role, 'party.write');

export const todayBeijing = () => beijingDate(Date.now());

/** The party member record of the acting account, or 403: a party member acts only as themself. */
export async function ownMemberId(db: Db, actor: Actor, cid: CommunityId): Promise<number> {
  const own = await repo.memberOfAccount(db, cid, actor.accountId);
  if (!own) throw forbidden('the account is not linked to a party member of the community');
  return own.id;
}

/**
 * The member an action is about, in the actor's community: one named by staff (404 when not of the community), or the
 * actor's own when none is named or the actor is the member. A member who is archived cannot act.
 */
export async function memberFor(ctx: AppContext, actor: Actor, requestedId: number | undefined, opts: { forWrite: boolean }) {
  const cid = resolveCommunityId(actor);
  let id = requestedId;
  if (id === undefined || !(opts.forWrite ? actsForOthers(actor) : seesAllMembers(actor))) {
    // Naming a member who is not oneself (or having no member record) answers 404, like another community's record.
    const own = id === undefined ? await ownMemberId(ctx.db, actor, cid) : (await repo.memberOfAccount(ctx.db, cid, actor.accountId))?.id;
    if (own === undefined || (id !== undefined && id !== own)) throw notFound('party member');
    id = own;
  }
  const member = await repo.findMember(ctx.db, cid, id);
  if (!member) throw notFound('party member');
  if (opts.forWrite && member.archived_at) throw new AppError('INVALID_STATE', 'party member is archived');
  return { cid, member };
}

/** A community's 双报到 rules, with the defaults where it has set none. */
export async function settingsOf(db: Db, cid: CommunityId): Promise<PartySettings> {
  const row = await repo.findSettings(db, cid);
  return {
    communityId: cid,
    reportIntervalMonths: row?.report_interval_months ?? 6,
    floorHoursPerYear: row ? Number(row.floor_hours_per_year) : 50,
    passPoints: row?.pass_points ?? null,
  };
}

/** Names of members by id, for a page of rows. */
export async function memberNameMap(db: Db, cid: CommunityId, ids: readonly number[]) {
  const rows = await repo.memberNames(db, cid, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, r.name]));
}
