import { roleCan } from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/access/actor.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { notFound } from '../../../platform/errors.js';
import { organisationsByIds } from '../../orgs/index.js';
import { partnerRefs } from '../../partners/index.js';

/**
 * The merchant a partner contact speaks for (account → organisation → partner). Staff get undefined (no narrowing);
 * a contact without a linked partner gets null and sees nothing.
 */
export async function ownMerchantOf(ctx: AppContext, actor: Actor): Promise<number | null | undefined> {
  if (actor.role !== 'partner_contact') return undefined;
  if (!actor.organisationId) return null;
  const org = (await organisationsByIds(ctx.db, [actor.organisationId])).get(actor.organisationId);
  return org?.partner_id ?? null;
}

/** Staff of the community (not a contact, not a volunteer): they see and act on every perk. */
export const isPerkStaff = (actor: Actor) => actor.role !== 'partner_contact' && roleCan(actor.role, 'perks.write');

/** A partner of the community, or 404. */
export async function merchantIn(ctx: AppContext, cid: CommunityId, partnerId: number) {
  const p = await partnerRefs.findPartnerRef(ctx.db, cid, partnerId);
  if (!p) throw notFound('partner');
  return p;
}

export async function merchantNames(ctx: AppContext, ids: number[]): Promise<Map<number, string>> {
  const rows = await partnerRefs.partnerNames(ctx.db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, r.name]));
}
